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

export interface Bundle {
  /** URL folder of the bundle's index. */
  path: string;
  pages: number;
}

export interface BundleList {
  bundles: Bundle[];
  /** Every value of the `nam` filter, oldest first: a date sort searches them one at a time. */
  years: string[];
}

/**
 * Which bundle a page goes to, from its permalink id: "2021" for `…/2021-07-21-…`, "khong-ro-ngay"
 * for undated ids, "khac" for ids a curator chose freely. Ids carry their date, so Pagefind can
 * read each bundle's files itself by glob (far faster than sending them); search results do not
 * depend on the bundle a page is in, since filters and date passes work across merged bundles.
 */
export function bundleOf(url: string): string {
  const last = url.split('/').filter(Boolean).at(-1) ?? '';
  return /^\d{4}-/.test(last) ? last.slice(0, 4) : last.startsWith('khong-ro-ngay') ? 'khong-ro-ngay' : 'khac';
}

const GLOBS: Record<string, (bundle: string) => string | null> = {
  year: (b) => `van-ban/**/${b}-*/index.html`,
  'khong-ro-ngay': () => 'van-ban/**/khong-ro-ngay*/index.html',
  khac: () => null,
};

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
  const keys = [...new Set(pages.map((p) => bundleOf(p.url)))].sort();
  await rm(join(root, 'pagefind'), { recursive: true, force: true });
  const bundles: Bundle[] = [];
  for (const [i, key] of keys.entries()) {
    const path = i === 0 ? '/pagefind/' : `/pagefind/${key}/`;
    const members = pages.filter((p) => bundleOf(p.url) === key);
    const created = await pagefind.createIndex({ forceLanguage: 'vi' });
    if (!created.index) throw new Error(`Pagefind could not create an index:\n- ${created.errors.join('\n- ')}`);
    try {
      const glob = (GLOBS[key] ?? GLOBS.year!)(key);
      if (glob) {
        const added = await created.index.addDirectory({ path: root, glob });
        if (added.errors.length > 0) throw new Error(`Pagefind could not index ${glob}:\n- ${added.errors.join('\n- ')}`);
      } else {
        for (const page of members) {
          const added = await created.index.addHTMLFile({ url: page.url, content: await readFile(page.file, 'utf8') });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${page.file}:\n- ${added.errors.join('\n- ')}`);
        }
      }
      const written = await created.index.writeFiles({ outputPath: join(root, path) });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write ${path}:\n- ${written.errors.join('\n- ')}`);
    } finally {
      // Ends Pagefind's process, and with it the memory this bundle took.
      await pagefind.close();
    }
    bundles.push({ path, pages: members.length });
  }
  await removeUnusedFiles(root, bundles);
  const list: BundleList = { bundles, years: [...new Set(pages.map((p) => p.year))].sort() };
  await writeFile(join(root, 'pagefind', 'bundles.json'), `${JSON.stringify(list, null, 2)}\n`);
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
        logger.info(`indexed ${pages} directive pages in ${bundles.length} bundles (${bundles.map((b) => `${b.path} ${b.pages}`).join(', ')}) in ${ms} ms`);
      },
    },
  };
}
