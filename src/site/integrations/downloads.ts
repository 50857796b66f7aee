/**
 * Writes each directive's downloads next to its page: the source as UTF-8 text (`nguon.txt`, see
 * sourceDownloads; for a PDF or Word source, the text read from it), the original PDF or Word file
 * byte for byte (`ban-goc.pdf|.docx|.doc`), the archive file (`van-ban.md`), the record as JSON
 * (`van-ban.json`) and its citation files (RIS, BibTeX, CSL-JSON: src/site/citation-files.ts); and,
 * from the same records, the manifest the index step reads (src/search/build/manifest.ts) and the
 * bulk data in /du-lieu/ (src/site/bulk/), whose sizes and checksums it then writes into the data page.
 * Plain file copies here instead of Astro endpoints: three routes per directive tripled the
 * pages Astro renders for what is a copy (docs/decisions/0019-downloads-as-plain-files.md).
 *
 * They are written by a worker thread while Astro renders the pages: rendering keeps one core busy
 * and this work runs on the other (docs/decisions/0007-downloads-worker.md). It starts
 * at `astro:build:setup`, which Astro calls after it has emptied the output folder, and the build
 * waits for it at `astro:build:done`, before the index step reads the records.
 */
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { isUtf8 } from 'node:buffer';
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DatabaseSync } from 'node:sqlite';
import matter from 'gray-matter';
import { convertLegacy, guessLegacyEncoding, isConvertible } from '../../shared/legacy-encoding.ts';
import { ARCHIVE_DIR, missingSourcesMessage, SOURCES_DIR } from '../paths.ts';
import { CITATION_FILES, DOWNLOADS, directivePath, originalDownload, ROUTES } from '../routes.ts';
import { siteUrl } from '../site-url.ts';
import { bibtexOf, cslJsonOf, risOf } from '../citation-files.ts';
import { BulkCollector, type BulkIO, type BulkResult } from '../bulk/collector.ts';
import { stampDataPage } from '../bulk/stamp.ts';
import { ManifestCollector, SEARCH_MANIFEST_FILE, type DirectiveRecord } from '../../search/build/manifest.ts';
import { HEADERS_FILE } from '../security.ts';
import { buildSummary, downloadsDone, downloadsProgress, pagesDone } from './build-progress.ts';

/**
 * Beside `<stem>.md`, the text ingest read from a PDF or Word source (scripts/ingest/pipeline.ts,
 * DOCUMENT_TEXT_SUFFIX): the build serves it as `nguon.txt` and never reads the document itself.
 */
const documentTextFile = (archiveFile: string): string => archiveFile.replace(/\.md$/, '.nguon.txt');

/** Directives between two progress messages of the worker. */
const PROGRESS_EVERY = 250;

/** Files written in pieces are gathered up to this size before each blocking write. */
const WRITE_CHUNK = 1 << 20;

/** The bulk data's files in `dir`, written with blocking calls like the rest (decision 0006). */
export function bulkFiles(dir: string): BulkIO {
  mkdirSync(dir, { recursive: true });
  return {
    create(name) {
      const fd = openSync(join(dir, name), 'w');
      let pending: Uint8Array[] = [];
      let size = 0;
      const flush = (): void => {
        if (size > 0) writeSync(fd, Buffer.concat(pending, size));
        pending = [];
        size = 0;
      };
      return {
        write(bytes) {
          pending.push(bytes);
          size += bytes.length;
          if (size >= WRITE_CHUNK) flush();
        },
        close() {
          flush();
          closeSync(fd);
        },
      };
    },
    database(name) {
      const path = join(dir, name);
      rmSync(path, { force: true });
      const db = new DatabaseSync(path);
      return {
        db,
        *close() {
          db.close();
          const fd = openSync(path, 'r');
          const buffer = Buffer.alloc(WRITE_CHUNK);
          try {
            for (let n = readSync(fd, buffer); n > 0; n = readSync(fd, buffer)) yield buffer.subarray(0, n);
          } finally {
            closeSync(fd);
          }
        },
      };
    },
  };
}

interface Collectors {
  manifest: ManifestCollector;
  bulk: BulkCollector;
  permalink: (id: string) => string;
}

/** Returns the time the bulk data took, ms. */
function writeOne(file: string, outDir: string, archiveDir: string, sourcesDir: string, { manifest, bulk, permalink }: Collectors): number {
  const text = readFileSync(join(archiveDir, file), 'utf8');
  // gray-matter's YAML reader would turn "2021-07-21" into a Date if it were unquoted; ingest quotes every string.
  // Its cache is turned off ({}): it would keep every file's text for the whole build.
  const { data, content } = matter(text, {});
  const record = { ...data, body: content.replace(/^\n/, '') } as DirectiveRecord;
  const dir = join(outDir, directivePath(String(data.id)));
  const url = permalink(record.id);
  mkdirSync(dir, { recursive: true });
  const sourceBytes = readFileSync(join(sourcesDir, String(data.source_file)));
  if (record.original) {
    // A PDF or Word source: the original byte for byte, and the text ingest read from it.
    writeFileSync(join(dir, originalDownload(record.original.file)), sourceBytes);
    writeFileSync(join(dir, DOWNLOADS.source), readFileSync(join(archiveDir, documentTextFile(file))));
  } else {
    const source = sourceDownloads(sourceBytes, String(data.source_file));
    writeFileSync(join(dir, DOWNLOADS.source), source.text);
    if (source.raw) writeFileSync(join(dir, DOWNLOADS.rawSource), source.raw);
  }
  writeFileSync(join(dir, DOWNLOADS.markdown), text);
  writeFileSync(join(dir, DOWNLOADS.json), `${JSON.stringify(record, null, 2)}\n`);
  writeFileSync(join(dir, CITATION_FILES.ris), risOf(record, url));
  writeFileSync(join(dir, CITATION_FILES.bibtex), bibtexOf(record, url));
  writeFileSync(join(dir, CITATION_FILES.csl), cslJsonOf(record, url));
  manifest.add(record);
  const started = performance.now();
  bulk.add(record);
  return performance.now() - started;
}

export interface DownloadsResult {
  written: number;
  bulk: BulkResult;
  /** Time the bulk data took of the worker's, ms (the benchmark reports it from the build's log). */
  bulkMs: number;
}

/**
 * What a directive's source is served as. `nguon.txt` is always UTF-8 text, as its Content-Type says
 * (src/site/security.ts): a UTF-8 source byte for byte; a source ingest converted from TCVN3 or
 * Windows-1258 as that converted text, read the same way (src/shared/legacy-encoding.ts), since no
 * browser reads TCVN3; then the raw bytes, whose SHA-256 the page gives, are `raw`, served beside it.
 */
export function sourceDownloads(bytes: Uint8Array, sourceFile: string): { text: Uint8Array; raw: Uint8Array | null } {
  if (isUtf8(bytes)) return { text: bytes, raw: null };
  const legacy = guessLegacyEncoding(bytes);
  const converted = legacy !== null && isConvertible(legacy) ? convertLegacy(bytes, legacy) : null;
  if (!converted?.ok) throw new Error(`${sourceFile}: not UTF-8, and in no encoding ingest converts; run npm run ingest, which rejects it`);
  return { text: Buffer.from(converted.text, 'utf8'), raw: bytes };
}

/**
 * Writes every directive's downloads, the search manifest and the bulk data into `outDir`.
 * Synchronous on purpose: it runs in a worker thread (below), where blocking calls hold up only
 * that thread, while asynchronous ones would queue in the thread pool the worker shares with
 * Astro's page writes and slow page generation (decisions 0006 and 0007). Files are read in name
 * order, so the bulk files list the directives in the same order in every build.
 */
export function writeDownloads(
  outDir: string,
  archiveDir = ARCHIVE_DIR,
  sourcesDir = SOURCES_DIR,
  onProgress?: (done: number, total: number) => void,
  site = siteUrl(),
): DownloadsResult {
  const files = readdirSync(archiveDir)
    .filter((f) => f.endsWith('.md'))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const permalink = (id: string): string => new URL(directivePath(id), site).href;
  const collectors: Collectors = { manifest: new ManifestCollector(), bulk: new BulkCollector(bulkFiles(join(outDir, ROUTES.data)), (path) => new URL(path, site).href), permalink };
  let bulkMs = 0;
  for (const [i, file] of files.entries()) {
    bulkMs += writeOne(file, outDir, archiveDir, sourcesDir, collectors);
    if (i % PROGRESS_EVERY === 0) onProgress?.(i + 1, files.length);
  }
  const finishing = performance.now();
  const bulk = collectors.bulk.finish();
  bulkMs += performance.now() - finishing;
  writeFileSync(join(outDir, SEARCH_MANIFEST_FILE), JSON.stringify(collectors.manifest.manifest()));
  return { written: files.length, bulk, bulkMs };
}

/** What the worker posts: its count now and then, and what it wrote last. */
export type DownloadsMessage = { done: number; total: number } | { result: DownloadsResult };

export interface DownloadsJob {
  outDir: string;
  archiveDir: string;
  sourcesDir: string;
  site: string;
}

/**
 * writeDownloads in a worker thread (src/site/integrations/downloads-worker.ts). The promise is handled
 * at once, so a failure while the build goes on is not an unhandled rejection; the build sees it
 * when it awaits the result. The worker does not keep the process alive until that await.
 */
function startDownloads(job: DownloadsJob): { result: Promise<DownloadsResult>; worker: Worker } {
  const started = performance.now();
  // Each directive's text, YAML and JSON are garbage at once: a small young generation keeps the
  // worker near its start-up size, memory the build's peak shares with page rendering, for no
  // measurable CPU time (docs/decisions/0007-downloads-worker.md).
  const worker = new Worker(new URL('./downloads-worker.ts', import.meta.url), { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  worker.unref();
  const result = new Promise<DownloadsResult>((resolve, reject) => {
    worker.on('message', (message: DownloadsMessage) => ('result' in message ? resolve(message.result) : downloadsProgress(message.done, message.total)));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the downloads worker stopped (exit ${code}) before it finished`)));
  });
  result.then((r) => downloadsDone(r.written, performance.now() - started, r.bulkMs)).catch(() => {});
  return { result, worker };
}

/**
 * Stops the build when directives' sources are missing, with a message that names them and says how
 * to point at them. Logged and exited rather than thrown: Astro prints a hook's error with its stack
 * trace, and the mistake is the setup's, not the code's.
 */
function checkSources(logger: AstroIntegrationLogger): void {
  const message = missingSourcesMessage(ARCHIVE_DIR, SOURCES_DIR, {
    listFiles: (dir) => (existsSync(dir) ? readdirSync(dir) : null),
    readHead: (path) => readFileSync(path, 'utf8').slice(0, 4096),
  });
  if (message === null) return;
  logger.error(message);
  process.exit(1);
}

/** Puts the bulk files' sizes and checksums into the data page (src/site/bulk/stamp.ts). */
async function stampPage(page: string, bulk: BulkResult): Promise<void> {
  const html = await readFile(page, 'utf8').catch(() => {
    throw new Error(`${page} is missing: the data page (src/pages/du-lieu/index.astro) must list the bulk files the build wrote`);
  });
  await writeFile(page, stampDataPage(html, bulk.files, page));
}

export function directiveDownloads(): AstroIntegration {
  let outDir: string | null = null;
  let running: ReturnType<typeof startDownloads> | null = null;
  return {
    name: 'archive-downloads',
    hooks: {
      // Before thousands of pages are rendered: a source missing is a setup mistake, said once, with the fix.
      'astro:config:setup': ({ command, logger }) => {
        if (command === 'build') checkSources(logger);
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:setup': () => {
        if (outDir && !running) running = startDownloads({ outDir, archiveDir: ARCHIVE_DIR, sourcesDir: SOURCES_DIR, site: siteUrl() });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        if (running && outDir !== root) throw new Error(`the downloads went to ${outDir}, but the build wrote ${root}`);
        running?.worker.ref();
        const { written: n, bulk } = running ? await running.result : writeDownloads(root);
        pagesDone();
        if (bulk.problems.length > 0) {
          throw new Error(`${bulk.problems.length} value(s) cannot be written to the bulk data:${bulk.problems.map((p) => `\n  ${p}`).join('')}`);
        }
        await stampPage(join(root, ROUTES.data, 'index.html'), bulk);
        // The manifest is the worker's last file: gone means Astro emptied dist/ after build:setup.
        const manifest = join(root, SEARCH_MANIFEST_FILE);
        await access(manifest).catch(() => {
          throw new Error(`${manifest} is missing: the output folder was emptied after the downloads were written (has Astro's build order changed?)`);
        });
        // Security headers for hosts that read _headers; the pages carry the same CSP in a meta tag.
        await writeFile(join(root, '_headers'), HEADERS_FILE);
        logger.info(`${buildSummary() ?? `wrote the downloads of ${n} directives`}; wrote _headers`);
      },
    },
  };
}
