/**
 * `npm run audit`: builds the site (`npm run build`, unless `--no-build`), then runs the audits in
 * turn — html (html-validate), lighthouse, determinism (two more builds compared byte for byte) —
 * printing each one's report, then one summary line per audit. Exits 1 when any audit failed.
 *
 *   node scripts/audit/index.ts [--no-build] [--dist DIR] [--only html,lighthouse,determinism] [--runs N]   (--help says more)
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runDeterminismAudit } from './determinism.ts';
import { runHtmlAudit } from './html.ts';
import { runLighthouseAudit } from './lighthouse.ts';
import { formatMs } from './lib.ts';
import { parseCli, type CliSpec } from '../cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const AUDITS = ['html', 'lighthouse', 'determinism'] as const;
type AuditName = (typeof AUDITS)[number];

interface Outcome {
  name: string;
  ok: boolean;
  summary: string;
}

export const AUDIT_CLI = {
  name: 'audit',
  command: 'npm run audit --',
  summary:
    'Builds the site (`npm run build`), then runs the audits in turn — html (html-validate), lighthouse, determinism\n' +
    '(two more builds compared byte for byte) — and prints one summary line per audit. Exits 1 when any failed.',
  options: {
    'no-build': { type: 'boolean', description: 'audit the site already built instead of building it first' },
    dist: { type: 'string', value: 'DIR', description: 'the built site to audit (with --no-build; default: dist)' },
    only: { type: 'string', value: 'NAME,…', description: `only these audits (default: ${AUDITS.join(',')})` },
    runs: { type: 'string', value: 'N', description: 'Lighthouse runs per page (default: once, again while a score is low)' },
  },
  env: {
    CHROMIUM_PATH: 'the Chromium Lighthouse drives (default: /usr/bin/chromium, else chromium on PATH)',
    SITE_URL: 'passed on to the build (see `npm run build -- --help`)',
  },
  examples: ['npm run audit', 'npm run audit -- --no-build --only html,lighthouse'],
} as const satisfies CliSpec;

/** A wrong option value: said like parseCli's usage errors, exit 2. */
function usageError(message: string): never {
  console.error(`audit: ${message} (see npm run audit -- --help)`);
  process.exit(2);
}

const { values } = parseCli(AUDIT_CLI);
const dist = values.dist ?? 'dist';
const only = (values.only?.split(',') ?? [...AUDITS]) as AuditName[];
for (const name of only) if (!AUDITS.includes(name)) usageError(`--only: unknown audit "${name}" (known: ${AUDITS.join(', ')})`);
const runs = values.runs === undefined ? undefined : Number(values.runs);
if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) usageError(`--runs must be a whole number ≥ 1, got ${values.runs}`);

const started = performance.now();
const outcomes: Outcome[] = [];

if (!values['no-build']) {
  if (values.dist) usageError('--dist names an existing build: use it with --no-build');
  console.log('== build (npm run build)');
  const buildStarted = performance.now();
  const build = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - buildStarted;
  // The page-by-page log is long: show the end of it, or all of it when the build failed.
  const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trimEnd().split('\n');
  console.log((build.status === 0 ? output.slice(-4) : output).join('\n'));
  outcomes.push({ name: 'build', ok: build.status === 0, summary: `npm run build ${build.status === 0 ? 'done' : `exited ${build.status}`} (${formatMs(ms)})` });
}

if (outcomes.every((o) => o.ok)) {
  for (const name of only) {
    console.log(`\n== ${name}`);
    try {
      if (name === 'html') outcomes.push({ name, ...(await runHtmlAudit({ dist })) });
      else if (name === 'lighthouse') outcomes.push({ name, ...(await runLighthouseAudit({ dist, ...(runs ? { runs } : {}) })) });
      else outcomes.push({ name, ...(await runDeterminismAudit()) });
    } catch (error) {
      console.error(error);
      outcomes.push({ name, ok: false, summary: `could not run: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
    }
  }
}

console.log('\n== audit summary');
for (const o of outcomes) console.log(`${o.ok ? 'ok    ' : 'FAILED'} ${o.name.padEnd(11)} ${o.summary}`);
const failed = outcomes.filter((o) => !o.ok).length;
const took = formatMs(performance.now() - started);
console.log(failed === 0 ? `audit: all ${outcomes.length} steps ok in ${took}` : `audit: ${failed} of ${outcomes.length} steps FAILED in ${took}`);
// Lighthouse and Chromium can leave handles open; the audits are done.
process.exit(failed === 0 ? 0 : 1);
