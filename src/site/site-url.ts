/**
 * The address the site is published at (Astro's `site`): every absolute link the build writes —
 * canonical and Open Graph links, the citations of each directive, the sitemap — starts with it.
 * It comes from SITE_URL; without it the build uses the local server's address, which is right for
 * `npm start` and the tests and wrong for anything published, so the build says so, at its start
 * and at its end, where a deployer looks.
 */
import type { AstroIntegration } from 'astro';

/** Where `npm start` and `npm run preview` serve the site (scripts/serve.ts). */
export const LOCAL_SITE_URL = 'http://127.0.0.1:4321';

export const siteUrl = (env: Record<string, string | undefined> = process.env): string => env.SITE_URL || LOCAL_SITE_URL;

/** The warning for a build without SITE_URL, or null when SITE_URL is set. */
export function localSiteWarning(env: Record<string, string | undefined> = process.env): string | null {
  if (env.SITE_URL) return null;
  return (
    `SITE_URL is not set: permalinks, citations and the sitemap point at the local address ${LOCAL_SITE_URL}. ` +
    'Fine for `npm start` and tests; to publish, build with the public address, e.g. `SITE_URL=https://archive.example.org npm run build`.'
  );
}

/**
 * Warns at `astro:build:start` and, when the search index is built inside this build (no
 * ARCHIVE_SKIP_INDEX), at `astro:build:done`; `npm run build` says it again after its index step.
 * Listed last among the integrations, so the warning comes after their lines.
 */
export function siteUrlWarning(): AstroIntegration {
  return {
    name: 'archive-site-url',
    hooks: {
      'astro:build:start': ({ logger }) => {
        const warning = localSiteWarning();
        if (warning) logger.warn(warning);
      },
      'astro:build:done': ({ logger }) => {
        const warning = localSiteWarning();
        if (warning && process.env.ARCHIVE_SKIP_INDEX !== '1') logger.warn(warning);
      },
    },
  };
}
