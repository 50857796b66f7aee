/**
 * Builds the Pagefind index at the end of `astro build`, in-process through Pagefind's Node API,
 * so `npm run build` produces the whole site, index included. Any Pagefind error fails the build.
 * `buildSearchIndex` is also run on its own by the benchmark (with ARCHIVE_SKIP_INDEX=1 on the
 * build) to time the indexing stage apart.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export async function buildSearchIndex(root: string): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const created = await pagefind.createIndex({ forceLanguage: 'vi' });
  if (!created.index) throw new Error(`Pagefind could not create an index:\n- ${created.errors.join('\n- ')}`);
  try {
    const added = await created.index.addDirectory({ path: root, glob: 'van-ban/**/*.html' });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index ${root}:\n- ${added.errors.join('\n- ')}`);
    const written = await created.index.writeFiles({ outputPath: `${root}/pagefind` });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files:\n- ${written.errors.join('\n- ')}`);
    return { pages: added.page_count, ms: Math.round(performance.now() - started) };
  } finally {
    await pagefind.close();
  }
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.ARCHIVE_SKIP_INDEX === '1') return logger.info('skipped (ARCHIVE_SKIP_INDEX=1)');
        const { pages, ms } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${pages} directive pages in ${ms} ms`);
      },
    },
  };
}
