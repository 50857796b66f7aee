/**
 * `npm run bench:ingest -- [--docs 10000] [--seed 42] [--keep]` (`--help` says more)
 * Generates a SYNTHETIC archive of N raw directives in a temporary folder, runs the real ingest
 * CLI on it in a child process, and prints wall time, peak memory and the outcome counts against
 * the budget (10,000 directives in under 10 s on a 2-core machine), then the time one SYNTHETIC
 * source of pathological whitespace (scripts/bench/pathological.ts) takes to extract, against its
 * target. Nothing is written into content/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive } from './generate.ts';
import { GNU_TIME_FORMAT, hasGnuTime, parseGnuTime } from './gnu-time.ts';
import { PATHOLOGICAL_BYTES, pathologicalSource } from './pathological.ts';
import { extractMany } from '../ingest/pipeline.ts';
import { parseCli, type CliSpec } from '../cli.ts';

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
  },
  examples: ['npm run bench:ingest', 'npm run bench:ingest -- --docs 50000 --keep'],
} as const satisfies CliSpec;

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
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
