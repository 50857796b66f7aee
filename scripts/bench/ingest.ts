/**
 * `npm run bench:ingest -- [--docs 10000] [--seed 42] [--keep]` (`--help` says more)
 * Generates a SYNTHETIC archive of N raw directives in a temporary folder, runs the real ingest
 * CLI on it in a child process, and prints wall time, peak memory and the outcome counts against
 * the budget (10,000 directives in under 10 s on a 2-core machine). Nothing is written into content/.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive } from './generate.ts';
import { GNU_TIME_FORMAT, hasGnuTime, parseGnuTime } from './gnu-time.ts';
import { parseCli, type CliSpec } from '../cli.ts';

const BUDGET_SECONDS_PER_10K = 10;

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
    const summary = ingest.output.split('\n').find((l) => / read, /.test(l)) ?? '(no summary)';
    const budget = (BUDGET_SECONDS_PER_10K * count) / 10_000;
    console.log(
      [
        `synthetic directives     ${count} (seed ${values.seed}; quirks ${Object.entries(quirks).map(([k, v]) => `${k} ${v}`).join(', ')})`,
        `generate                 ${generateSeconds.toFixed(2)} s`,
        `ingest                   ${ingest.seconds.toFixed(2)} s (budget ${budget.toFixed(1)} s: ${ingest.seconds < budget ? 'within' : 'OVER'})`,
        `ingest peak memory       ${ingest.peakRssMb === null ? 'n/a (no /usr/bin/time)' : `${ingest.peakRssMb.toFixed(0)} MB`}`,
        `ingest report            ${summary}`,
        `folder                   ${values.keep ? dir : '(removed)'}`,
      ].join('\n'),
    );
    if (ingest.status !== 0 && ingest.status !== 1) throw new Error(`ingest failed:\n${ingest.output}`);
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
