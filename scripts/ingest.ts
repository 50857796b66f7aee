/**
 * `npm run ingest` — normalizes every raw directive in content/sources/ into
 * content/directives/<source>.md (YAML frontmatter + Markdown body). `npm run ingest -- --help`
 * lists the options (INGEST_CLI below).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { ingest, REPORTED_FIELDS, type ExtractRunner, type IngestIO, type Outcome } from './ingest/pipeline.ts';
import { parallelExtract } from './ingest/parallel.ts';
import { parseCli, type CliSpec } from './cli.ts';
import { formatOf, SOURCE_FORMATS } from './ingest/originals/formats.ts';
import { createProgress, formatCount, formatDuration, formatRate, type Progress } from '../src/shared/progress.ts';

// Reads and writes are blocking: for thousands of small files, faster than a thread-pool round trip
// each (docs/decisions/0006-blocking-io-for-small-files.md).
const madeDirs = new Set<string>();

/**
 * Every file is written under a temporary name in its own folder, then renamed over the old one: a
 * rename within a folder is atomic, so a run stopped at any moment leaves each file whole, old or
 * new. The name is hidden and not `.md` (no reader takes it for a directive) and short whatever the
 * file's name; the first write into a folder clears those a stopped run left there.
 */
const TEMP_FILE = /^\.ingest-\d+-\d+\.tmp$/;
let temps = 0;
const tempFile = (dir: string): string => join(dir, `.ingest-${process.pid}-${++temps}.tmp`);

function prepareDir(dir: string): void {
  if (madeDirs.has(dir)) return;
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (TEMP_FILE.test(name)) rmSync(join(dir, name), { force: true });
  madeDirs.add(dir);
}

const io: IngestIO = {
  async listFiles(dir) {
    try {
      // Every entry, hidden ones too, so that the report accounts for each; folders end in "/".
      return readdirSync(dir, { withFileTypes: true }).map((e) => (isFolder(dir, e) ? `${e.name}/` : e.name));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  },
  async readFile(path) {
    try {
      return new Uint8Array(readFileSync(path));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  },
  async writeFile(path, text) {
    const dir = dirname(path);
    prepareDir(dir);
    const temp = tempFile(dir);
    try {
      writeFileSync(temp, text);
      renameSync(temp, path);
    } catch (e) {
      rmSync(temp, { force: true });
      throw e;
    }
  },
  async removeFile(path) {
    rmSync(path, { force: true });
  },
};

/** A folder, or a link to one: listed for the report, never read as a source. */
function isFolder(dir: string, entry: Dirent): boolean {
  if (entry.isDirectory()) return true;
  if (!entry.isSymbolicLink()) return false;
  try {
    return statSync(join(dir, entry.name)).isDirectory();
  } catch {
    return false; // a broken link: reading it reports "could not be read"
  }
}

/** One row per file in the sources folder: name, id (or what happened), fields found, warnings or reason. */
export function formatRow(o: Outcome): string {
  switch (o.status) {
    case 'written':
      return [o.source, o.directive.id, `${o.fieldsFound}/${REPORTED_FIELDS.length}`, o.directive.warnings.join('; ') || '-'].join(' | ');
    case 'duplicate':
      return [o.source, `duplicate of ${o.of}`, '-', '-'].join(' | ');
    case 'rejected':
      return [o.source, 'REJECTED', '-', o.reason].join(' | ');
    case 'skipped':
      return [o.source, 'not a source', '-', o.reason].join(' | ');
  }
}

/**
 * "14 files: 10 written, 1 duplicate, 2 rejected, 1 not a source (hidden)": every entry of the
 * sources folder falls in exactly one category, so the counts add up to the first number.
 */
export function summarize(outcomes: Outcome[]): string {
  const n = (s: Outcome['status']): number => outcomes.filter((o) => o.status === s).length;
  const dup = n('duplicate');
  const line = `${outcomes.length} file${outcomes.length === 1 ? '' : 's'}: ${n('written')} written, ${dup} duplicate${dup === 1 ? '' : 's'}, ${n('rejected')} rejected`;
  const skipped = outcomes.flatMap((o) => (o.status === 'skipped' ? [o.kind] : []));
  if (skipped.length === 0) return line;
  const kinds = [...new Set(skipped)].sort();
  const detail = kinds.length === 1 ? kinds[0] : kinds.map((k) => `${skipped.filter((s) => s === k).length} ${k}`).join(', ');
  return `${line}, ${skipped.length} ${skipped.length === 1 ? 'not a source' : 'not sources'} (${detail})`;
}

/**
 * "by format: 5 .txt, 2 .pdf, 1 .docx, 1 other": every entry of the sources folder counted by its
 * format (originals/formats.ts), folders and names in no accepted format as "other".
 */
export function countFormats(outcomes: Outcome[]): string {
  const counts = new Map<string, number>(SOURCE_FORMATS.map((f) => [f.extension, 0]));
  for (const o of outcomes) {
    const format = o.status === 'skipped' && o.kind === 'folder' ? null : formatOf(o.source);
    const key = format?.extension ?? 'other';
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return `by format: ${[...counts].filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(', ') || 'none'}`;
}

export const INGEST_CLI = {
  name: 'ingest',
  command: 'npm run ingest --',
  summary:
    'Normalizes every raw directive in a folder of sources into one Markdown file per directive (YAML frontmatter +\n' +
    'body), keeps the permalink registry, and prints one row per source: its id (or duplicate/REJECTED), fields found,\n' +
    'warnings. Exits 1 when a source is rejected or, with --check, when the output is not what a run would write.',
  options: {
    sources: { type: 'string', value: 'DIR', default: 'content/sources', description: 'the raw directives, one file each, as received: .txt (UTF-8), .pdf, .docx or .doc' },
    out: { type: 'string', value: 'DIR', description: 'where the directive files go (default: content/directives)' },
    curation: { type: 'string', value: 'DIR', default: 'content/curation', description: "curators' corrections, <source stem>.yml" },
    registry: { type: 'string', value: 'FILE', description: 'the permalink registry (default: content/permalinks.json, or OUT/permalinks.json with --out)' },
    principles: { type: 'string', value: 'FILE', default: 'content/principles.yml', description: 'the principles to tag' },
    check: { type: 'boolean', description: 'write nothing; exit 1 when the output differs from what a run would write' },
    quiet: { type: 'boolean', description: 'no per-source table (rejected sources and problems are still listed) and no progress line' },
  },
  env: { SOURCE_DATE_EPOCH: 'seconds since 1970: the day new permalinks are recorded as added (reproducible runs)' },
  examples: ['npm run ingest', 'npm run ingest -- --check --quiet', 'npm run ingest -- --sources /tmp/batch/sources --out /tmp/batch/directives'],
} as const satisfies CliSpec;

/**
 * The IO and the extraction, counted for the progress line: the sources read, the sources
 * extracted, then the files of the output compared and written.
 */
function withProgress(base: IngestIO, dirs: { sources: string; out: string }, progress: Progress): { io: IngestIO; extract: ExtractRunner } {
  const under = (dir: string) => (path: string): boolean => path.startsWith(`${dir.replace(/\/+$/, '')}/`);
  const inSources = under(dirs.sources);
  const inOut = under(dirs.out);
  let read = 0;
  let extracted = false;
  const outputs = new Set<string>();
  const output = (path: string): void => {
    if (!extracted || !inOut(path) || outputs.has(path)) return;
    outputs.add(path);
    progress.update(outputs.size);
  };
  const io: IngestIO = {
    ...base,
    async listFiles(dir) {
      const files = await base.listFiles(dir);
      if (dir === dirs.sources) progress.phase('reading', files.length, 'sources');
      return files;
    },
    async readFile(path) {
      const bytes = await base.readFile(path);
      if (inSources(path)) progress.update(++read);
      else output(path);
      return bytes;
    },
    async writeFile(path, text) {
      output(path);
      await base.writeFile(path, text);
    },
  };
  const extract: ExtractRunner = async (files, yaml, file) => {
    progress.phase('extracting', files.length, 'sources');
    const results = await parallelExtract(files, yaml, file, (done) => progress.update(done));
    extracted = true;
    progress.phase('writing', null, 'files');
    return results;
  };
  return { io, extract };
}

/** What --check concludes: stale files first; files as a run would write them can still belong to a failing run. */
export function checkLine(outDir: string, stale: number, exitCode: number): string {
  if (stale > 0) return `check: ${stale} file(s) differ from a fresh run; run \`npm run ingest\``;
  if (exitCode !== 0) return `check: ${outDir} holds what a run would write, but the run fails (see the errors above)`;
  return `check: ${outDir} is up to date`;
}

async function main(): Promise<number> {
  const { values } = parseCli(INGEST_CLI);
  const outDir = values.out ?? 'content/directives';
  // A batch checked in its own folder gets its own registry, so trying it never publishes ids.
  const registryFile = values.registry ?? (values.out ? `${outDir.replace(/\/+$/, '')}/permalinks.json` : 'content/permalinks.json');
  const progress = createProgress({ label: 'ingest', unit: 'sources', quiet: values.quiet, timer: true });
  const counted = withProgress(io, { sources: values.sources, out: outDir }, progress);
  const started = performance.now();
  const result = await ingest(
    {
      sourcesDir: values.sources,
      outDir,
      curationDir: values.curation,
      principlesFile: values.principles,
      registryFile,
      check: values.check,
      // SOURCE_DATE_EPOCH pins the day for reproducible runs; only new ids record it.
      today: new Date(process.env.SOURCE_DATE_EPOCH ? Number(process.env.SOURCE_DATE_EPOCH) * 1000 : Date.now()).toISOString().slice(0, 10),
    },
    counted.io,
    counted.extract,
  );
  progress.finish();
  const lines: string[] = [];
  if (!values.quiet) lines.push('source | id | fields found | warnings', ...result.outcomes.map(formatRow));
  else lines.push(...result.outcomes.filter((o) => o.status === 'rejected').map(formatRow));
  lines.push(...result.notices);
  for (const p of result.problems) lines.push(`error: ${p}`);
  if (values.check) {
    for (const f of result.stale) lines.push(`out of date: ${f}`);
    lines.push(checkLine(outDir, result.stale.length, result.exitCode));
  }
  const ms = performance.now() - started;
  const rate = formatRate(result.outcomes.length, ms);
  lines.push(`ingest: ${summarize(result.outcomes)} · ${formatDuration(ms)}${rate ? ` (${rate})` : ''} · ${countFormats(result.outcomes)}`);
  console.log(lines.join('\n'));
  return result.exitCode;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      console.error(`ingest: ${error.message}`);
      process.exit(2);
    },
  );
}
