/**
 * Builds the Pagefind index of a built site: at the end of `astro build` (this integration), or on
 * its own with `node scripts/index-search.ts dist`, which is what `npm run build` does after the
 * Astro build, so that the build's memory is given back before Pagefind takes its own. Any
 * Pagefind error fails the build.
 *
 * The index is cut into bundles by date of issue (`planBundles`): one per year, and a year with
 * more than BUNDLE_PAGES directives is cut into runs of months of about equal size. The first
 * bundle also holds the few directives whose ids carry no date (undated ones and ids a curator
 * chose). Pagefind holds a whole bundle in memory while it builds it, so, built one after another,
 * the peak is set by the bundle size, not the archive's (docs/decisions/0001-index-bundles-by-date.md).
 * The first bundle is the primary at /pagefind/ (its runtime is the one pages load); the others go
 * to /pagefind/<key>/ and are merged by the search page, which reads their list from
 * /pagefind/bundles.json.
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { DOWNLOADS } from '../../site/routes.ts';
import { FACETS_FILE, facetTable, type FacetPage } from '../shared/facets.ts';
import { BUNDLES_FILE, PRIMARY_BUNDLE, VOCABULARY_FILTER } from '../shared/constants.ts';
import { createProgress, formatCount, type Progress } from '../../shared/progress.ts';
import { ManifestCollector, parseManifest, SEARCH_MANIFEST_FILE, type DirectiveRecord, type SearchManifest } from './manifest.ts';

export interface Bundle {
  /** URL folder of the bundle's index. */
  path: string;
  pages: number;
}

export interface BundleList {
  bundles: Bundle[];
}

/**
 * The year and month in a page's permalink id (`…/2021-07-21-235-cv-tu` → "2021-07"), or null for
 * undated ids (`…/khong-ro-ngay-…`) and ids a curator chose freely. Ids carry their date, so
 * Pagefind can read a bundle's pages itself by glob; search results do not depend on the bundle a
 * page is in, since filters work across merged bundles and the date order comes from the facets table.
 */
export function monthOfId(url: string): string | null {
  const last = url.split('/').filter(Boolean).at(-1) ?? '';
  return /^\d{4}-\d{2}-/.test(last) ? last.slice(0, 7) : null;
}

/** A directive page folder under dist/, e.g. "van-ban/kon-tum/2021-07-21-235-cv-tu". */
type PageDir = string;

/**
 * Every directive page folder under dist/van-ban. Redirects of retired ids live there too; they are
 * told apart by the record download only a directive has (a directory listing, not 10,000 reads).
 * (Pagefind would index a redirect's whole <body> if a bundle held no page marked data-pagefind-body.)
 */
async function pageDirs(root: string): Promise<PageDir[]> {
  const out: PageDir[] = [];
  // Ids have two or more segments (province, district, date-number; curators may choose others).
  const walk = async (dir: PageDir): Promise<void> => {
    const entries = await readdir(join(root, dir), { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name === DOWNLOADS.json)) out.push(dir);
    for (const e of entries) if (e.isDirectory()) await walk(`${dir}/${e.name}`);
  };
  await walk('van-ban');
  return out.sort();
}

/**
 * The search manifest of a built site (src/search/build/manifest.ts): the file the build left, or,
 * when there is none (an index rebuilt on its own after the first), collected again from the records
 * beside the pages, which gives the same manifest.
 */
export async function siteManifest(root: string): Promise<{ manifest: SearchManifest; from: 'build' | 'records' }> {
  const file = join(root, SEARCH_MANIFEST_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (text !== null) return { manifest: parseManifest(text, file), from: 'build' };
  const collector = new ManifestCollector();
  // Blocking reads: for thousands of small files, far less CPU than a thread-pool trip each
  // (readBody, src/site/archive-loader.ts).
  for (const dir of await pageDirs(root)) {
    const path = join(root, dir, DOWNLOADS.json);
    try {
      collector.add(JSON.parse(readFileSync(path, 'utf8')) as DirectiveRecord);
    } catch (error) {
      throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
    }
  }
  return { manifest: collector.manifest(), from: 'records' };
}

/**
 * Most directives in one bundle: enough for a typical year to stay one bundle while Pagefind's
 * memory stays well under the budget. Smaller bundles index faster but each is one more index every
 * search loads, and readers search far more often than the archive is built
 * (docs/decisions/0001-index-bundles-by-date.md). A single month with more directives still makes one bundle.
 */
export const BUNDLE_PAGES = 3500;

/** BUNDLE_PAGES, or `ARCHIVE_BUNDLE_PAGES` from the environment (a machine with less memory; tests that cut a small archive). */
export function bundlePages(env: Record<string, string | undefined> = process.env): number {
  const raw = env.ARCHIVE_BUNDLE_PAGES;
  if (raw === undefined || raw === '') return BUNDLE_PAGES;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1) throw new Error(`ARCHIVE_BUNDLE_PAGES must be a whole number of directives, at least 1; got "${raw}"`);
  return n;
}

export interface BundlePlan {
  /** "2021" for a whole year, "2021-07" for a run of months starting in July; null: no dated page. */
  key: string | null;
  /** URL folder of the bundle's index. */
  path: string;
  /** Glob patterns of the bundle's page folders, relative to dist/. */
  parts: string[];
  pages: number;
}

/**
 * Splits the page folders into bundles: one per year, or, for a year over `cap` pages, runs of whole
 * months of about equal size (a year of 5,000 becomes two of about 2,500, not 3,500 and 1,500),
 * none over `cap` unless a single month is.
 * Years are never mixed, so a small archive keeps one bundle per year. The folders without a date
 * in their id go in the first bundle: they are few, and a bundle of their own would
 * cost every search one more set of index chunks.
 */
export function planBundles(dirs: PageDir[], cap = BUNDLE_PAGES): BundlePlan[] {
  const months = new Map<string, number>();
  const rest: PageDir[] = [];
  for (const dir of dirs) {
    const month = monthOfId(dir);
    if (month) months.set(month, (months.get(month) ?? 0) + 1);
    else rest.push(dir);
  }
  // A group's key is its year when it holds the whole year, else its first month.
  const groups: Array<{ key: string | null; months: string[]; pages: number }> = [];
  for (const year of [...new Set([...months.keys()].map((m) => m.slice(0, 4)))].sort()) {
    const ofYear = [...months].filter(([m]) => m.startsWith(year)).sort(([a], [b]) => a.localeCompare(b));
    const total = ofYear.reduce((n, [, c]) => n + c, 0);
    const count = Math.ceil(total / cap);
    if (count <= 1) {
      groups.push({ key: year, months: [], pages: total });
      continue;
    }
    let current: (typeof groups)[number] | null = null;
    let done = 0;
    let closed = 0;
    const close = (): void => {
      if (current) groups.push(current);
      current = null;
      closed++;
    };
    for (const [month, n] of ofYear) {
      // A month that would take the run over the cap starts the next one.
      if (current && current.pages + n > cap) close();
      current ??= { key: month, months: [], pages: 0 };
      current.months.push(month);
      current.pages += n;
      done += n;
      // Close the run once the year's runs so far hold their equal shares.
      if (done >= (total * (closed + 1)) / count) close();
    }
    if (current) close();
  }
  if (groups.length === 0) groups.push({ key: null, months: [], pages: 0 });
  return groups.map((g, i) => ({
    key: g.key,
    path: i === 0 ? PRIMARY_BUNDLE : `${PRIMARY_BUNDLE}${g.key}/`,
    parts: [
      ...(g.key?.length === 4 ? [`van-ban/**/${g.key}-*`] : g.months.map((m) => `van-ban/**/${m}-*`)),
      ...(i === 0 ? rest : []),
      vocabularyDir(g.key),
    ],
    pages: g.pages + (i === 0 ? rest.length : 0),
  }));
}

/** The glob Pagefind reads a bundle with. */
const globOf = (plan: BundlePlan): string => `{${plan.parts.join(',')}}/index.html`;

/**
 * Where a bundle's vocabulary page is written for Pagefind to read, and removed after: every word
 * of the archive once, so that no bundle drops a query word another bundle has (src/search/build/vocabulary.ts).
 */
const VOCABULARY_ROOT = '_tu-vung';
const vocabularyDir = (key: string | null): string => `${VOCABULARY_ROOT}/${key ?? 'tat-ca'}`;

async function writeVocabularyPages(root: string, keys: Array<string | null>, words: string[]): Promise<void> {
  const [name, value] = Object.entries(VOCABULARY_FILTER)[0]!;
  const html = `<!doctype html><html lang="vi"><body><main data-pagefind-body><span data-pagefind-filter="${name}">${value}</span><p>${words.join(' ')}</p></main></body></html>\n`;
  for (const key of keys) {
    await mkdir(join(root, vocabularyDir(key)), { recursive: true });
    await writeFile(join(root, vocabularyDir(key), 'index.html'), html);
  }
}

/** The Pagefind binary, found the way Pagefind's own npm wrapper finds it (a module-internal file). */
export async function pagefindBinary(): Promise<string> {
  const { resolveBinaryPath } = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
    resolveBinaryPath: (names: string[]) => string;
  };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/**
 * Word positions per index chunk (Pagefind's default is 20,000; `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`
 * set in the environment wins over both). A search downloads, per word and bundle, the one chunk
 * whose word range holds the word: small chunks make a rare word or a document number cost a few kB
 * instead of a whole chunk of its neighbours (docs/decisions/0002-index-chunk-size.md). Pagefind
 * also matches longer words that start with a query word ("gian" → "giang"), but only among the
 * words of the chunk it loaded, so smaller chunks make that rarer too.
 */
export const INDEX_CHUNK_SIZE = 2000;

/**
 * Settings for the memory allocator built into Pagefind's binary (jemalloc, which reads them from
 * `_RJEM_MALLOC_CONF`): back its heap and its own bookkeeping with transparent huge pages, keep
 * freed memory until the process ends instead of handing it back to the kernel, and serve Pagefind's
 * three threads from one arena instead of eight. A bundle takes over a gigabyte in small pieces,
 * and by default each 4 kB page of it is faulted in one at a time and handed back when freed; page
 * faults are dear on a virtual machine, so these settings cut Pagefind's time and peak with the
 * index the same byte for byte (docs/decisions/0003-pagefind-allocator-settings.md). Where the
 * kernel's transparent huge pages are off ("never"), jemalloc only keeps what it frees.
 */
export const PAGEFIND_MALLOC_CONF = 'thp:always,metadata_thp:always,dirty_decay_ms:-1,muzzy_decay_ms:-1,narenas:1';

/** The environment Pagefind runs in: the index settings above, unless the caller's environment sets them. */
export function pagefindEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE), _RJEM_MALLOC_CONF: PAGEFIND_MALLOC_CONF, ...env };
}

/**
 * Indexes `glob` under `site` into `outputPath` with Pagefind's command line; returns the number of
 * pages indexed. The command line rather than the Node API: it indexes the same pages faster, and
 * each bundle's memory goes back when its process ends
 * (docs/decisions/0018-pagefind-command-line-one-bundle-at-a-time.md).
 */
function runPagefind(binary: string, site: string, glob: string, outputPath: string): Promise<number> {
  const args = ['--site', site, '--glob', glob, '--output-path', outputPath, '--force-language', 'vi'];
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env: pagefindEnv() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const pages = Number(/Indexed (\d+) pages?/.exec(output)?.[1] ?? 0);
      if (code === 0 && pages > 0) resolve(pages);
      else reject(new Error(`Pagefind could not index ${glob} (exit ${code ?? signal}, ${pages} pages):\n${output.trim()}`));
    });
  });
}

/**
 * Indexes the built site in `root`. `progress`, when given, hears the directive pages indexed so far,
 * bundle by bundle (src/shared/progress.ts draws them on a terminal).
 */
export async function buildSearchIndex(root: string, progress?: Progress): Promise<{ pages: number; ms: number; bundles: Bundle[]; manifestFrom: 'build' | 'records' }> {
  const started = performance.now();
  const { manifest, from } = await siteManifest(root);
  const plans = planBundles(manifest.pages.map((p) => p.dir), bundlePages());
  const total = plans.reduce((n, p) => n + p.pages, 0);
  const bundleNote = (i: number): string => `bundle ${i + 1}/${plans.length}: ${plans[i]!.path} (${formatCount(plans[i]!.pages)} pages)`;
  progress?.phase('indexing', total, 'directive pages');
  progress?.update(0, bundleNote(0));
  await rm(join(root, PRIMARY_BUNDLE), { recursive: true, force: true });
  await writeVocabularyPages(root, plans.map((p) => p.key), manifest.words);
  const binary = await pagefindBinary();
  const bundles: Bundle[] = [];
  // Each bundle's fragments are read back while Pagefind indexes the next (this thread is idle then).
  const indexed: Array<Promise<IndexedPage[]>> = [];
  try {
    // One after another: the peak is one bundle's. Pagefind's count includes the vocabulary page.
    for (const [i, plan] of plans.entries()) {
      bundles.push({ path: plan.path, pages: (await runPagefind(binary, root, globOf(plan), join(root, plan.path))) - 1 });
      progress?.update(
        bundles.reduce((n, b) => n + b.pages, 0),
        i + 1 < plans.length ? bundleNote(i + 1) : 'reading the index back',
      );
      const pages = fragmentFilters(join(root, plan.path));
      pages.catch(() => {}); // awaited below; handled now so a failure is not an unhandled rejection meanwhile
      indexed.push(pages);
    }
  } finally {
    await rm(join(root, VOCABULARY_ROOT), { recursive: true, force: true });
  }
  await removeUnusedFiles(root, bundles);
  const list: BundleList = { bundles };
  await writeFile(join(root, PRIMARY_BUNDLE, BUNDLES_FILE), `${JSON.stringify(list, null, 2)}\n`);
  const pages = (await Promise.all(indexed)).flat();
  const dates = new Map(manifest.pages.map((p) => [`/${p.dir}/`, p.date]));
  const missing = notIndexed(dates.keys(), pages);
  if (missing.length > 0) throw new Error(`Pagefind left out ${missing.length} directive pages of ${root}: ${missing.slice(0, 10).join(', ')}${missing.length > 10 ? ', …' : ''}`);
  const facets = facetTable(
    pages.map(({ url, ...page }) => {
      const date = dates.get(url);
      if (date === undefined) throw new Error(`Pagefind indexed ${url}, which is not in the site's search manifest (${root})`);
      return { ...page, date };
    }),
  );
  await writeFile(join(root, PRIMARY_BUNDLE, FACETS_FILE), JSON.stringify(facets));
  // Published sites do not carry it; an index rebuilt later collects it again from the records.
  await rm(join(root, SEARCH_MANIFEST_FILE), { force: true });
  return { pages: bundles.reduce((n, b) => n + b.pages, 0), ms: Math.round(performance.now() - started), bundles, manifestFrom: from };
}

/** The pages a build wrote that no bundle indexed (a bundle's glob that missed them): none, or the build fails. */
export function notIndexed(written: Iterable<string>, indexed: Array<{ url: string }>): string[] {
  const urls = new Set(indexed.map((p) => p.url));
  return [...written].filter((url) => !urls.has(url)).sort();
}

/**
 * Each directive page of a bundle as Pagefind recorded it: its id (the name of its fragment file,
 * which search results give), URL and filter values, read back from the fragments, so the facets
 * table (src/search/shared/facets.ts) holds exactly what the index holds. The vocabulary page is left out.
 */
type IndexedPage = Omit<FacetPage, 'date'> & { url: string };
async function fragmentFilters(bundleDir: string): Promise<IndexedPage[]> {
  const dir = join(bundleDir, 'fragment');
  const [vocabulary] = Object.keys(VOCABULARY_FILTER);
  const pages: IndexedPage[] = [];
  // Blocking reads (readBody, src/site/archive-loader.ts, says why): this runs while Pagefind
  // indexes the next bundle, and every bit of CPU it takes is taken from Pagefind.
  for (const name of await readdir(dir)) {
    // Pagefind gzips each fragment, with a signature before the JSON.
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
    if (!text.startsWith('pagefind_dcd')) throw new Error(`${join(dir, name)}: not a Pagefind fragment (no signature)`);
    const { url, filters } = JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string; filters: FacetPage['filters'] };
    if (!(vocabulary && filters[vocabulary])) pages.push({ id: basename(name, '.pf_fragment'), url, filters });
  }
  return pages;
}

/** The site uses Pagefind's JS API with its own markup; merged bundles use the primary's runtime. */
async function removeUnusedFiles(root: string, bundles: Bundle[]): Promise<void> {
  for (const { path } of bundles) {
    const dir = join(root, path);
    for (const name of await readdir(dir)) {
      const ui = /^pagefind-(?:component-|modular-)?ui\./.test(name);
      const runtime = path !== PRIMARY_BUNDLE && /^(?:pagefind(?:-worker|-highlight)?\.js|wasm\..*)$/.test(name);
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
        const progress = createProgress({ label: 'index', unit: 'directive pages', timer: true });
        const { pages, ms, bundles } = await buildSearchIndex(fileURLToPath(dir), progress).finally(() => progress.finish());
        logger.info(`indexed ${pages} directive pages in ${bundles.length} bundles (${bundles.map((b) => `${b.path} ${b.pages}`).join(', ')}) in ${ms} ms`);
      },
    },
  };
}
