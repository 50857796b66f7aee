/**
 * Reproducible builds: builds the site twice, into two temporary folders, and compares every file
 * byte for byte. Prints the files that differ, grouped by folder and extension, with the first
 * difference of a few of them; exits 1 when any differing file is not in ALLOWED below.
 *
 *   node scripts/audit/determinism.ts [--keep]
 *
 * `--keep` leaves the two builds in place (their paths are printed) for a closer look.
 * The builds share Astro's cache (node_modules/.astro) with `npm run build`, as any two builds do.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyAllowList, diffTrees, formatMs, groupPaths, type Allowed } from './lib.ts';
import { parseCli, type CliSpec } from '../cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ASTRO = join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs');

/**
 * Files allowed to differ between two builds of the same sources, each with its reason.
 * Empty: two builds of the same tree are identical, Pagefind's index included (its file names are
 * hashes of their content and the content does not depend on timing).
 */
export const ALLOWED: readonly Allowed[] = [];

/** Relative path → SHA-256 of every file under `dir`. */
export function hashTree(dir: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    hashes.set(relative(dir, file).split('\\').join('/'), createHash('sha256').update(readFileSync(file)).digest('hex'));
  }
  return hashes;
}

/** The first differing byte of two files, with a little context, for the report. */
export function firstDifference(a: Buffer, b: Buffer): string {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const show = (buf: Buffer) => JSON.stringify(buf.subarray(Math.max(0, i - 40), i + 60).toString('utf8'));
  return `sizes ${a.length}/${b.length}, first difference at byte ${i}:\n      A ${show(a)}\n      B ${show(b)}`;
}

function build(outDir: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [ASTRO, 'build', '--outDir', outDir], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`astro build --outDir ${outDir} failed (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  return performance.now() - started;
}

export interface DeterminismAuditResult {
  ok: boolean;
  files: number;
  differing: string[];
  allowed: { path: string; reason: string }[];
  buildMs: [number, number];
  ms: number;
  summary: string;
}

export async function runDeterminismAudit(options: { keep?: boolean; log?: (line: string) => void } = {}): Promise<DeterminismAuditResult> {
  const log = options.log ?? console.log;
  const started = performance.now();
  const base = mkdtempSync(join(tmpdir(), 'archive-determinism-'));
  const [dirA, dirB] = [join(base, 'a'), join(base, 'b')];
  try {
    const msA = build(dirA);
    log(`  build A: ${formatMs(msA)} → ${dirA}`);
    const msB = build(dirB);
    log(`  build B: ${formatMs(msB)} → ${dirB}`);
    const a = hashTree(dirA);
    const b = hashTree(dirB);
    const diff = diffTrees(a, b);
    const differing = [...diff.different, ...diff.onlyInA.map((p) => `${p} (only in A)`), ...diff.onlyInB.map((p) => `${p} (only in B)`)];
    const paths = [...diff.different, ...diff.onlyInA, ...diff.onlyInB];
    const { allowed, rejected } = applyAllowList(paths, ALLOWED);
    log(`  ${a.size} files in A, ${b.size} in B: ${diff.same} identical, ${diff.different.length} differ, ${diff.onlyInA.length} only in A, ${diff.onlyInB.length} only in B`);
    for (const [group, files] of groupPaths(paths)) {
      log(`  ${group}: ${files.length} file(s)`);
      for (const file of files.slice(0, 5)) {
        const why = allowed.find((x) => x.path === file)?.reason;
        log(`    ${file}${why ? ` — allowed: ${why}` : ''}`);
        if (diff.different.includes(file)) log(`      ${firstDifference(readFileSync(join(dirA, file)), readFileSync(join(dirB, file)))}`);
      }
      if (files.length > 5) log(`    … and ${files.length - 5} more`);
    }
    const ms = performance.now() - started;
    const ok = rejected.length === 0;
    const summary = ok
      ? `${a.size} files identical across two builds${allowed.length ? ` (${allowed.length} allowed to differ)` : ''}; builds ${formatMs(msA)} and ${formatMs(msB)}`
      : `${rejected.length} of ${Math.max(a.size, b.size)} files differ between two builds${allowed.length ? ` (+${allowed.length} allowed)` : ''}; builds ${formatMs(msA)} and ${formatMs(msB)}`;
    return { ok, files: a.size, differing, allowed, buildMs: [msA, msB], ms, summary };
  } finally {
    if (options.keep) log(`  kept ${base}`);
    else rmSync(base, { recursive: true, force: true });
  }
}

export const DETERMINISM_CLI = {
  name: 'audit:determinism',
  command: 'node scripts/audit/determinism.ts',
  summary:
    'Builds the site twice, into two temporary folders, and compares every file byte for byte; exits 1 when a file\n' +
    'differs that the allow-list in this script does not explain.',
  options: { keep: { type: 'boolean', description: 'leave the two builds in place (their paths are printed)' } },
  examples: ['node scripts/audit/determinism.ts', 'node scripts/audit/determinism.ts --keep'],
} as const satisfies CliSpec;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseCli(DETERMINISM_CLI);
  const result = await runDeterminismAudit({ keep: values.keep });
  console.log(`\ndeterminism: ${result.ok ? 'ok' : 'FAILED'} — ${result.summary}`);
  process.exit(result.ok ? 0 : 1);
}
