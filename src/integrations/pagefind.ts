/**
 * Builds the Pagefind index of a built site: at the end of `astro build` (this integration), or on
 * its own with `node scripts/index-search.ts dist`, which is what `npm run build` does after the
 * Astro build, so that the build's memory is given back before Pagefind takes its own. Any
 * Pagefind error fails the build.
 *
 * One index bundle per year of issue (the first also holds the few directives whose ids carry no
 * year: undated ones and ids a curator chose), built one after another:
 * Pagefind holds a whole index in memory while it builds it (about 0.4 MB per directive), so the
 * peak is a year's, not the archive's. (Overlapping two bundles, one reading its pages while the
 * other builds, saved 7 of 27 s at 10,000 directives but took the peak from 1.5 to 2.1 GB.)
 * The first bundle is the primary at /pagefind/ (its runtime is the one pages load); the others go
 * to /pagefind/<year>/ and are merged by the search page, which reads their list from
 * /pagefind/bundles.json.
 */
import type { AstroIntegration } from 'astro';
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pLimit from 'p-limit';
import { DOWNLOADS } from '../lib/routes.ts';
import type { Directive } from '../lib/schema.ts';
import { compareYears, filterValues, indexedTexts, VOCABULARY_FILTER } from '../lib/search-index.ts';
import { indexWords, stringsOf } from '../lib/vocabulary.ts';

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
 * The year in a page's permalink id (`…/2021-07-21-235-cv-tu` → "2021"), or null for undated ids
 * (`…/khong-ro-ngay-…`) and ids a curator chose freely. Ids carry their date, so Pagefind can read
 * each year's pages itself by glob; search results do not depend on the bundle a page is in, since
 * filters and date passes work across merged bundles.
 */
function yearOfId(url: string): string | null {
  const last = url.split('/').filter(Boolean).at(-1) ?? '';
  return /^\d{4}-/.test(last) ? last.slice(0, 4) : null;
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
 * The glob Pagefind reads a bundle with: a year's pages by the date in their ids, plus, for the
 * first bundle, the folders of the pages without a year in their id. These are few (60 of 10,000):
 * a bundle of their own cost every search one more set of index chunks, about 75 kB.
 */
function globOf(year: string | null, rest: PageDir[]): string {
  const parts = [...(year ? [`van-ban/**/${year}-*`] : []), ...rest, vocabularyDir(year)];
  return `{${parts.join(',')}}/index.html`;
}

/**
 * Where a bundle's vocabulary page is written for Pagefind to read, and removed after: every word
 * of the archive once, so that no bundle drops a query word another bundle has (src/lib/vocabulary.ts).
 */
const VOCABULARY_ROOT = '_tu-vung';
const vocabularyDir = (year: string | null): string => `${VOCABULARY_ROOT}/${year ?? 'tat-ca'}`;

/**
 * From the records the build wrote next to each page: Pagefind's words of every directive (for the
 * vocabulary pages) and the year filter's values, oldest first (for the date passes of bundles.json).
 */
async function readRecords(root: string, dirs: PageDir[]): Promise<{ words: string[]; years: string[] }> {
  const words = new Set<string>();
  const seen = new Set<string>();
  const years = new Set<string>();
  const limit = pLimit(32);
  await Promise.all(
    dirs.map((dir) =>
      limit(async () => {
        const record = JSON.parse(await readFile(join(root, dir, DOWNLOADS.json), 'utf8')) as Directive & { body: string };
        for (const text of stringsOf(indexedTexts(record))) indexWords(text, words, seen);
        for (const year of filterValues(record).nam) years.add(year);
      }),
    ),
  );
  return { words: [...words].sort(), years: [...years].sort(compareYears) };
}

async function writeVocabularyPages(root: string, keys: Array<string | null>, words: string[]): Promise<void> {
  const [name, value] = Object.entries(VOCABULARY_FILTER)[0]!;
  const html = `<!doctype html><html lang="vi"><body><main data-pagefind-body><span data-pagefind-filter="${name}">${value}</span><p>${words.join(' ')}</p></main></body></html>\n`;
  for (const key of keys) {
    await mkdir(join(root, vocabularyDir(key)), { recursive: true });
    await writeFile(join(root, vocabularyDir(key), 'index.html'), html);
  }
}

/** The Pagefind binary, found the way Pagefind's own npm wrapper finds it (a module-internal file). */
async function pagefindBinary(): Promise<string> {
  const { resolveBinaryPath } = (await import(new URL('./resolveBinary.js', import.meta.resolve('pagefind')).href)) as {
    resolveBinaryPath: (names: string[]) => string;
  };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/**
 * Word positions per index chunk (Pagefind's default is 20,000; `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`
 * in the environment overrides both). A search downloads, per word and bundle, the one chunk whose
 * word range holds the word, so a rare word cost a 25 kB chunk of its neighbours. At 2,000, a cold
 * search at 10,000 directives for `235-CV/TU` fetches 12 kB of index instead of 68 kB, `khẩu trang`
 * 65 kB instead of 197 kB; the chunk list adds 12 kB to the page metadata (1,000 and 4,000 measured
 * worse in sum; README, "Where it stands"). Pagefind extends the last letters of a word only within the chunk it
 * loaded ("gian" → "giang"), so smaller chunks also make that extension rarer.
 */
export const INDEX_CHUNK_SIZE = 2000;

/**
 * Indexes `glob` under `site` into `outputPath` with Pagefind's command line; returns the number of
 * pages indexed. The command line rather than the Node API: it indexes the same pages about a fifth
 * faster here, and each bundle's memory goes back when its process ends.
 */
function runPagefind(binary: string, site: string, glob: string, outputPath: string): Promise<number> {
  const args = ['--site', site, '--glob', glob, '--output-path', outputPath, '--force-language', 'vi'];
  return new Promise((resolve, reject) => {
    const env = { PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE), ...process.env };
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'], env });
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

export async function buildSearchIndex(root: string): Promise<{ pages: number; ms: number; bundles: Bundle[] }> {
  const started = performance.now();
  const dirs = await pageDirs(root);
  const rest = dirs.filter((dir) => yearOfId(dir) === null);
  // One bundle per year, the first also holding the pages without a year in their id.
  const years = [...new Set(dirs.map(yearOfId).filter((y) => y !== null))].sort();
  const keys: Array<string | null> = years.length > 0 ? years : [null];
  await rm(join(root, 'pagefind'), { recursive: true, force: true });
  const records = await readRecords(root, dirs);
  await writeVocabularyPages(root, keys, records.words);
  const binary = await pagefindBinary();
  const bundles: Bundle[] = [];
  try {
    for (const [i, year] of keys.entries()) {
      const path = i === 0 ? '/pagefind/' : `/pagefind/${year}/`;
      // Pagefind's count includes the bundle's vocabulary page.
      bundles.push({ path, pages: (await runPagefind(binary, root, globOf(year, i === 0 ? rest : []), join(root, path))) - 1 });
    }
  } finally {
    await rm(join(root, VOCABULARY_ROOT), { recursive: true, force: true });
  }
  await removeUnusedFiles(root, bundles);
  const list: BundleList = { bundles, years: records.years };
  await writeFile(join(root, 'pagefind', 'bundles.json'), `${JSON.stringify(list, null, 2)}\n`);
  return { pages: bundles.reduce((n, b) => n + b.pages, 0), ms: Math.round(performance.now() - started), bundles };
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
