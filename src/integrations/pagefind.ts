/**
 * Builds the Pagefind index at the end of `astro build`, in-process through Pagefind's Node API,
 * so `npm run build` produces the whole site, index included. Any Pagefind error fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const root = fileURLToPath(dir);
        const created = await pagefind.createIndex({ forceLanguage: 'vi' });
        if (!created.index) throw new Error(`Pagefind could not create an index:\n- ${created.errors.join('\n- ')}`);
        try {
          const added = await created.index.addDirectory({ path: root });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${root}:\n- ${added.errors.join('\n- ')}`);
          const written = await created.index.writeFiles({ outputPath: `${root}/pagefind` });
          if (written.errors.length > 0) throw new Error(`Pagefind could not write its files:\n- ${written.errors.join('\n- ')}`);
          logger.info(`indexed ${added.page_count} pages in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
