// @ts-check
import { defineConfig } from 'astro/config';
import sitemap from '@astrojs/sitemap';
import { pagefindIndex } from './src/search/build/index-step.ts';
import { directiveDownloads } from './src/site/integrations/downloads.ts';
import { precompressAssets } from './src/site/integrations/precompress.ts';
import { siteUrl, siteUrlWarning } from './src/site/site-url.ts';
// The registry of content/, or of the synthetic archive named by ARCHIVE_CONTENT (see src/site/paths.ts).
// Read through the shared parser: an entry that breaks the id rule stops the build before anything is written.
import { readRegistry, redirectPaths, withdrawnPaths } from './src/site/registry.ts';

const registry = readRegistry();
/** Retired permalinks keep answering: each redirects to the id that replaced it. */
const redirects = redirectPaths(registry);
/** Withdrawn permalinks answer with a noindex notice, so the sitemap, which lists pages for search engines, leaves them out. */
const withdrawn = withdrawnPaths(registry);

export default defineConfig({
  // Absolute links (canonical, Open Graph, citations, sitemap) use SITE_URL; set it when deploying
  // (without it, the build warns that they point at the local server).
  site: siteUrl(),
  trailingSlash: 'always',
  // Keep whitespace as written: JSX-style compression can glue words of adjacent inline elements
  // together, which readers and the search index would see as one word.
  compressHTML: false,
  redirects,
  // Order matters: the index must exist before its runtime files are compressed.
  integrations: [sitemap({ filter: (page) => !withdrawn.has(new URL(page).pathname) }), directiveDownloads(), pagefindIndex(), precompressAssets(), siteUrlWarning()],
  // Pages render four at a time: one at a time leaves the CPU idle while each page's files are
  // written (docs/decisions/0008-render-concurrency-4.md).
  build: { format: 'directory', concurrency: 4 },
  // A synthetic archive keeps its own content cache, so test and benchmark builds never touch the real one.
  ...(process.env.ARCHIVE_CONTENT && { cacheDir: `${process.env.ARCHIVE_CONTENT}/../.astro-cache` }),
  // Astro's log without its two lines per page rendered (src/site/integrations/build-log.ts says why).
  logger: { entrypoint: './src/site/integrations/build-log.ts' },
  devToolbar: { enabled: false },
  vite: { build: { assetsInlineLimit: 0 }, worker: { format: 'es' } },
});
