/**
 * `npm run bench:ingest -- [--docs 10000] [--seed 42] [--keep]` (`--help` says more)
 * Generates a SYNTHETIC archive of N raw directives in a temporary folder, runs the real ingest
 * CLI on it in a child process, and prints wall time, peak memory and the outcome counts against
 * the budget (10,000 directives in under 10 s on a 2-core machine), then the time one SYNTHETIC
 * source of pathological whitespace (scripts/bench/pathological.ts) takes to extract, against its
 * target. Nothing is written into content/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive } from './generate.ts';
import { GNU_TIME_FORMAT, hasGnuTime, parseGnuTime } from './gnu-time.ts';
import { PATHOLOGICAL_BYTES, pathologicalSource } from './pathological.ts';
import { extractMany } from '../ingest/pipeline.ts';
import { parseCli, type CliSpec } from '../cli.ts';
import { makeDocx, makeScannedPdf, makeTextPdf } from './documents.ts';
import { findOcr } from '../ingest/originals/ocr.ts';

const BUDGET_SECONDS_PER_10K = 10;
/** One source near the size limit must extract in well under the time of a whole batch. */
const PATHOLOGICAL_TARGET_MS = 2_000;

/** Milliseconds to decode and extract the pathological source in this process, and whether it was accepted. */
export function timePathological(): { ms: number; accepted: boolean } {
  const bytes = new TextEncoder().encode(pathologicalSource());
  const principles = readFileSync('content/principles.yml', 'utf8');
  const start = performance.now();
  const [result] = extractMany([{ source: 'syn_pathological.txt', bytes }], principles, 'content/principles.yml');
  return { ms: performance.now() - start, accepted: result?.ok === true };
}

export interface StageFigures {
  seconds: number;
  peakRssMb: number | null;
  output: string;
  status: number | null;
}

/** Runs a command, timing it; peak RSS comes from GNU time when the machine has it. */
export function timeCommand(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): StageFigures {
  const start = process.hrtime.bigint();
  const run = hasGnuTime()
    ? spawnSync('/usr/bin/time', ['-f', GNU_TIME_FORMAT, command, ...args], { encoding: 'utf8', env, maxBuffer: 1 << 28 })
    : spawnSync(command, args, { encoding: 'utf8', env, maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const time = (run.stderr ?? '').split('\n').map(parseGnuTime).find((t) => t !== null);
  return { seconds, peakRssMb: time?.peakRssMb ?? null, output: `${run.stdout}${run.stderr}`, status: run.status };
}

export const BENCH_INGEST_CLI = {
  name: 'bench:ingest',
  command: 'npm run bench:ingest --',
  summary:
    'Generates N SYNTHETIC raw directives in a temporary folder, runs the real ingest on them and prints its wall\n' +
    'time, peak memory and outcome counts against the budget (10,000 in under 10 s on 2 cores).',
  options: {
    docs: { type: 'string', value: 'N', default: '10000', description: 'how many synthetic directives' },
    seed: { type: 'string', value: 'N', default: '42', description: 'the generator’s seed' },
    keep: { type: 'boolean', description: 'keep the temporary folder and print its path' },
    formats: { type: 'string', value: 'LIST', default: '', description: 'also ingest --format-docs synthetic directives as each of these formats: pdf,docx' },
    'format-docs': { type: 'string', value: 'N', default: '1000', description: 'how many directives per format in --formats' },
    'ocr-pages': { type: 'string', value: 'N', default: '0', description: 'time OCR (Tesseract, vie) of a scanned PDF of N pages and print seconds per page' },
  },
  examples: ['npm run bench:ingest', 'npm run bench:ingest -- --docs 50000 --keep', 'npm run bench:ingest -- --docs 10000 --formats pdf,docx --format-docs 1000 --ocr-pages 3'],
} as const satisfies CliSpec;

/** Documents of one format made from the .txt sources in `from` (the benchmark's own synthetic ones). */
const MAKERS: Record<string, (text: string) => Promise<Uint8Array>> = { pdf: makeTextPdf, docx: makeDocx };

/**
 * Ingest of `count` synthetic directives as `.pdf` or `.docx`: made from generated `.txt` sources
 * (the making is timed apart), then ingested by the real CLI; its time, peak memory and report.
 */
async function benchFormat(format: string, count: number, seed: number, dir: string): Promise<string> {
  const make = MAKERS[format];
  if (!make) throw new Error(`--formats: "${format}" is not one of ${Object.keys(MAKERS).join(', ')}`);
  const txt = join(dir, `${format}-txt`);
  const sources = join(dir, `${format}-sources`);
  await generateArchive({ count, seed, outDir: txt, quirkRate: 0 });
  mkdirSync(sources, { recursive: true });
  const m0 = performance.now();
  for (const name of readdirSync(txt)) writeFileSync(join(sources, name.replace(/\.txt$/, `.${format}`)), await make(readFileSync(join(txt, name), 'utf8')));
  const makeSeconds = (performance.now() - m0) / 1000;
  const run = timeCommand(process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', join(dir, `${format}-directives`), '--quiet']);
  const summary = run.output.split('\n').find((l) => /^ingest: \d[\d,]* files?: /.test(l)) ?? '(no summary)';
  if (run.status !== 0 && run.status !== 1) throw new Error(`ingest of .${format} failed:\n${run.output}`);
  return [
    `.${format} sources${' '.repeat(Math.max(1, 17 - format.length))}${count} made in ${makeSeconds.toFixed(1)} s`,
    `.${format} ingest${' '.repeat(Math.max(1, 18 - format.length))}${run.seconds.toFixed(2)} s (${((run.seconds * 1000) / count).toFixed(1)} ms a file), peak memory ${run.peakRssMb === null ? 'n/a' : `${run.peakRssMb.toFixed(0)} MB`}`,
    `.${format} report${' '.repeat(Math.max(1, 18 - format.length))}${summary}`,
  ].join('\n');
}

/** OCR of a scanned PDF of `pages` pages (seed texts set as a PDF, rasterised): seconds a page. */
async function benchOcr(pages: number): Promise<string> {
  const ocr = findOcr();
  if (!ocr) return 'ocr                      n/a (install tesseract-ocr tesseract-ocr-vie poppler-utils)';
  const seeds = readdirSync('content/sources').filter((f) => f.endsWith('.txt')).sort();
  const text = Array.from({ length: pages * 2 }, (_, i) => readFileSync(join('content/sources', seeds[i % seeds.length]!), 'utf8')).join('\n');
  const scan = await makeScannedPdf(await makeTextPdf(text));
  const start = performance.now();
  const read = await ocr(scan, pages);
  const seconds = (performance.now() - start) / 1000;
  return `ocr                      ${pages} page(s) in ${seconds.toFixed(1)} s: ${(seconds / pages).toFixed(1)} s a page${read.ok ? '' : ` (FAILED: ${read.reason})`}`;
}

async function main(): Promise<void> {
  const { values } = parseCli(BENCH_INGEST_CLI);
  const count = Number(values.docs);
  const dir = mkdtempSync(join(tmpdir(), 'archive-bench-synthetic-'));
  try {
    const g0 = process.hrtime.bigint();
    const { quirks } = await generateArchive({ count, seed: Number(values.seed), outDir: join(dir, 'sources') });
    const generateSeconds = Number(process.hrtime.bigint() - g0) / 1e9;
    const ingest = timeCommand(process.execPath, ['scripts/ingest.ts', '--sources', join(dir, 'sources'), '--out', join(dir, 'directives'), '--quiet']);
    const summary = ingest.output.split("\n").find((l) => /^ingest: \d[\d,]* files?: /.test(l)) ?? '(no summary)';
    const budget = (BUDGET_SECONDS_PER_10K * count) / 10_000;
    const patho = timePathological();
    const pathoMb = (PATHOLOGICAL_BYTES / 1e6).toFixed(1);
    console.log(
      [
        `synthetic directives     ${count} (seed ${values.seed}; quirks ${Object.entries(quirks).map(([k, v]) => `${k} ${v}`).join(', ')})`,
        `generate                 ${generateSeconds.toFixed(2)} s`,
        `ingest                   ${ingest.seconds.toFixed(2)} s (budget ${budget.toFixed(1)} s: ${ingest.seconds < budget ? 'within' : 'OVER'})`,
        `ingest peak memory       ${ingest.peakRssMb === null ? 'n/a (no /usr/bin/time)' : `${ingest.peakRssMb.toFixed(0)} MB`}`,
        `ingest report            ${summary}`,
        `pathological ${pathoMb} MB source: ${patho.ms.toFixed(0)} ms (target ${PATHOLOGICAL_TARGET_MS} ms: ${patho.ms < PATHOLOGICAL_TARGET_MS ? 'within' : 'OVER'}${patho.accepted ? '' : '; REJECTED'})`,
        `folder                   ${values.keep ? dir : '(removed)'}`,
      ].join('\n'),
    );
    if (ingest.status !== 0 && ingest.status !== 1) throw new Error(`ingest failed:\n${ingest.output}`);
    const formats = values.formats.split(',').map((f) => f.trim()).filter((f) => f !== '');
    for (const format of formats) console.log(await benchFormat(format, Number(values['format-docs']), Number(values.seed), dir));
    const ocrPages = Number(values['ocr-pages']);
    if (ocrPages > 0) console.log(await benchOcr(ocrPages));
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
