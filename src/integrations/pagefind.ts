/**
 * Builds the Pagefind index at the end of `astro build`, in-process through Pagefind's Node API,
 * so `npm run build` produces the whole site, index included. Any Pagefind error fails the build.
 *
 * One index bundle per year of issue (and one for undated directives), built one after another:
 * Pagefind holds a whole index in memory while writing it (about 0.4 MB per directive), so the peak
 * is one year's, not the archive's. The first bundle is the primary at /pagefind/ (its runtime is
 * the one pages load); the others go to /pagefind/<year>/ and are merged by the search page, which
 * reads their list from /pagefind/bundles.json.
 *
 * `buildSearchIndex` also runs on its own in the benchmark (ARCHIVE_SKIP_INDEX=1 on the build).
 */
import type { AstroIntegration } from 'astro';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { slugify } from '../lib/vietnamese.ts';

export interface Bundle {
  /** URL folder of the bundle's index. */
  path: string;
  /** The `nam` filter value its pages carry ("2021", "Không rõ ngày"). */
  year: string;
  pages: number;
}

/** Every directive page under dist/van-ban, with the year its index filter says. */
async function directivePages(root: string): Promise<Array<{ file: string; url: string; year: string }>> {
  const out: Array<{ file: string; url: string; year: string }> = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name === 'index.html') {
        const html = await readFile(path, 'utf8');
        const year = /data-pagefind-filter="nam">([^<]+)</.exec(html)?.[1];
        // Redirect pages of retired ids carry no index data and are not indexed.
        if (year) out.push({ file: path, url: `/${relative(root, path).replace(/index\.html$/, '')}`, year });
      }
    }
  };
  await walk(join(root, 'van-ban'));
  return out.sort((a, b) => (a.url < b.url ? -1 : 1));
}

export async function buildSearchIndex(root: string): Promise<{ pages: number; ms: number; bundles: Bundle[] }> {
  const started = performance.now();
  const pages = await directivePages(root);
  const years = [...new Set(pages.map((p) => p.year))].sort();
  await rm(join(root, 'pagefind'), { recursive: true, force: true });
  const bundles: Bundle[] = [];
  for (const [i, year] of years.entries()) {
    const path = i === 0 ? '/pagefind/' : `/pagefind/${slugify(year)}/`;
    const members = pages.filter((p) => p.year === year);
    const created = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!created.index) throw new Error(`Pagefind could not create an index:\n- ${created.errors.join('\n- ')}`);
    try {
      for (const page of members) {
        const added = await created.index.addHTMLFile({ url: page.url, content: await readFile(page.file, 'utf8') });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.file}:\n- ${added.errors.join('\n- ')}`);
      }
      const written = await created.index.writeFiles({ outputPath: join(root, path) });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write ${path}:\n- ${written.errors.join('\n- ')}`);
    } finally {
      // Ends Pagefind's process, and with it the memory this bundle took.
      await pagefind.close();
    }
    bundles.push({ path, year, pages: members.length });
  }
  await removeUnusedFiles(root, bundles);
  await writeFile(join(root, 'pagefind', 'bundles.json'), `${JSON.stringify(bundles, null, 2)}\n`);
  return { pages: pages.length, ms: Math.round(performance.now() - started), bundles };
}

/** The site uses Pagefind's JS API with its own markup; merged bundles use the primary's runtime. */
async function removeUnusedFiles(root: string, bundles: Bundle[]): Promise<void> {
  for (const { path } of bundles) {
    const dir = join(root, path);
    for (const name of await readdir(dir)) {
      const ui = /^pagefind-(?:component-|modular-)?ui\./.test(name);
      const runtime = path !== '/pagefind/' && /^(?:pagefind(?:-worker|-highlight)?\.js|wasm\..*)$/.test(name);
      if (ui || runtime) await rm(join(dir, name), { force: true });
    }
  }
}

export function pagefindIndex(): AstroIntegration {
  return {
    name: 'archive-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.ARCHIVE_SKIP_INDEX === '1') return logger.info('skipped (ARCHIVE_SKIP_INDEX=1)');
        const { pages, ms, bundles } = await buildSearchIndex(fileURLToPath(dir));
        logger.info(`indexed ${pages} directive pages in ${bundles.length} bundles (${bundles.map((b) => `${b.year}: ${b.pages}`).join(', ')}) in ${ms} ms`);
      },
    },
  };
}
