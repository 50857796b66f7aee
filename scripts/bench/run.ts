/**
 * `npm run bench -- [--docs 10000] [--seed 42] [--keep] [--skip-browser] [--runs 3]` (`--help` says more)
 *
 * The whole pipeline on a SYNTHETIC archive of N directives, in a temporary folder (never content/):
 *   generate → ingest → astro build → Pagefind index → sizes of the site → the search page in Chromium.
 * Every stage runs as a child process; for each: wall time, exit status, peak memory of the
 * whole process tree (sampled from /proc every 200 ms, because GNU time's %M is the largest single
 * process, not the tree: astro spawns esbuild, the index step spawns Pagefind's Rust binary), and
 * the CPU time of the tree (GNU time's %U and %S, which count the children it waited for).
 * Prints one table against the budgets and writes bench/results/<YYYY-MM-DD>-<N>docs.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem, release, platform } from 'node:os';
import { delimiter, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateArchive } from './generate.ts';
import { GNU_TIME_FORMAT, hasGnuTime, parseGnuTime, type CpuSeconds } from './gnu-time.ts';
import { measureSizes, type SiteSizes } from './sizes.ts';
import { measureSearch, type SearchSummary, type StepFigures } from './browser.ts';
import { parseCli, type CliSpec } from '../cli.ts';

export { parseGnuTime, type CpuSeconds };

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const SAMPLE_MS = 200;
/** 1 KB = 1000 bytes in budgets and the table (what browsers' devtools show as kB). */
const KB = 1000;

const BUDGETS = {
  ingestSecondsPer10k: 10,
  pageHtmlCssGzip: 12 * KB,
  /** The province index with its map (issue 21). */
  mapPageHtmlCssGzip: 60 * KB,
  coldMs: 1000,
  coldBytes: 300 * KB,
  nextMs: 200,
  nextBytes: 100 * KB,
  /** A first search typed on the home page: from Enter to the results, and the bytes after Enter (issue 22). */
  typedMs: 500,
  typedBytes: 300 * KB,
};

const QUERIES: [string, string] = ['giãn cách xã hội', '"4 tại chỗ"'];

// ---------------------------------------------------------------------------------------------
// Calibration: how fast this machine is right now. On this project's virtual machine the same
// pipeline's time moves by the hour; these three figures, taken before each run, show whether a
// slower run was the code or the machine (docs/decisions/0024-benchmark-calibration.md).

export interface Calibration {
  /** A fixed integer loop on one core, ms. */
  cpuMs: number;
  /** Creating 2,000 folders with a 20 kB file each (what a build does 10,000 times), ms. */
  fsMs: number;
  /**
   * Touching memory for the first time, ms per GB. This guest hands freed memory back to its
   * host at once, so every page a process first touches is a fault served by the host, at a
   * cost that moves with the host (bench/README.md, "Why memory costs time here").
   */
  memMsPerGb: number;
}

export interface CalibrationSizes {
  loop: number;
  files: number;
  memMb: number;
}

const FULL_CALIBRATION: CalibrationSizes = { loop: 3e8, files: 2000, memMb: 256 };

export function calibrate(dir: string, sizes: CalibrationSizes = FULL_CALIBRATION): Calibration {
  let t = performance.now();
  let x = 0;
  for (let i = 0; i < sizes.loop; i++) x = (x * 31 + i) | 0;
  const cpuMs = performance.now() - t + (x === 0.5 ? 1 : 0); // uses x, so the loop is not dropped
  const root = join(dir, 'calibration');
  const page = 'x'.repeat(20_000);
  t = performance.now();
  for (let i = 0; i < sizes.files; i++) {
    mkdirSync(join(root, String(i)), { recursive: true });
    writeFileSync(join(root, String(i), 'index.html'), page);
  }
  const fsMs = performance.now() - t;
  // Left in place until the temporary folder goes: on a file system without a journal (this
  // machine's ext4) the kernel will not reuse an inode freed in the last minute or more and scans
  // past each one whenever it creates a file, so deleting these 4,000 here made every file the
  // pipeline then created slower (decision 0024).
  // allocUnsafeSlow takes fresh pages from the kernel without writing them; fill touches each.
  const memory = Buffer.allocUnsafeSlow(sizes.memMb * 1024 * 1024);
  t = performance.now();
  memory.fill(1);
  const memMs = performance.now() - t;
  return {
    cpuMs: Math.round(cpuMs),
    fsMs: Math.round(fsMs),
    memMsPerGb: Math.round((memMs * 1024) / sizes.memMb),
  };
}

// ---------------------------------------------------------------------------------------------
// Stages: a child process, timed, with the memory of its whole process tree sampled.

export interface StageResult {
  name: string;
  command: string;
  seconds: number;
  status: number | null;
  signal: string | null;
  /** Peak of the summed RSS of the child and all its descendants, sampled every 200 ms (MB). */
  peakTreeRssMb: number;
  /** The sampled peak alone (peakTreeRssMb also takes GNU time's figure into account). */
  sampledTreeRssMb: number;
  /** The machine's 1-minute load average when the stage started, and the highest seen during it. */
  load: { start: number; max: number };
  /** Most processes seen in the tree at once. */
  peakProcesses: number;
  /** GNU time's %M: peak RSS of the largest single process of the tree (MB), when /usr/bin/time exists. */
  peakSingleRssMb: number | null;
  /** GNU time's %U and %S: CPU seconds of the tree in user and kernel mode, when /usr/bin/time exists. */
  cpuSeconds: CpuSeconds | null;
  /** Where the child's output was written (inside the temporary folder). */
  log: string;
  /** The output's last lines. */
  tail: string[];
}

/**
 * A stage's CPU time and how many cores it kept busy on average. The stages' CPU seconds divided by
 * the cores is the least wall time the same work could take: when a run is slow but its CPU time
 * is not, the time went to waiting (disk, other work on the host), not to this code.
 */
export function describeCpu(cpu: CpuSeconds, wallSeconds: number, cores: number): string {
  const total = cpu.user + cpu.system;
  return `${total.toFixed(1)} s (user ${cpu.user.toFixed(1)}, kernel ${cpu.system.toFixed(1)}; ${(total / wallSeconds).toFixed(2)} of ${cores} cores)`;
}

const PAGE_SIZE = Number(spawnSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).stdout.trim()) || 4096;

/** Summed RSS (bytes) and size of the process tree under `root`, from /proc. */
function treeRss(root: number): { bytes: number; processes: number } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // the process ended meanwhile
    }
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(name);
    const ppid = Number(fields[1]);
    rss.set(pid, Number(fields[21]) * PAGE_SIZE);
    const list = children.get(ppid);
    if (list) list.push(pid);
    else children.set(ppid, [pid]);
  }
  let bytes = 0;
  let processes = 0;
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    if (!rss.has(pid)) continue;
    bytes += rss.get(pid)!;
    processes++;
    stack.push(...(children.get(pid) ?? []));
  }
  return { bytes, processes };
}

export function runStage(name: string, command: string, args: string[], env: NodeJS.ProcessEnv, logFile: string, cwd = ROOT): Promise<StageResult> {
  const argv = hasGnuTime() ? ['/usr/bin/time', '-f', GNU_TIME_FORMAT, command, ...args] : [command, ...args];
  const log = createWriteStream(logFile);
  const tail: string[] = [];
  let partial = '';
  let gnuPeak: number | null = null;
  let cpuSeconds: CpuSeconds | null = null;
  const collect = (chunk: Buffer): void => {
    log.write(chunk);
    const lines = (partial + chunk.toString('utf8')).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      const time = parseGnuTime(line);
      if (time) ({ peakRssMb: gnuPeak, cpu: cpuSeconds } = time);
      else tail.push(line);
    }
    if (tail.length > 400) tail.splice(0, tail.length - 400);
  };
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    const child = spawn(argv[0]!, argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    let peakProcesses = 0;
    const load = { start: round2(loadavg()[0]!), max: round2(loadavg()[0]!) };
    const sample = (): void => {
      if (child.pid === undefined) return;
      const { bytes, processes } = treeRss(child.pid);
      peak = Math.max(peak, bytes);
      peakProcesses = Math.max(peakProcesses, processes);
      load.max = Math.max(load.max, round2(loadavg()[0]!));
    };
    sample();
    const timer = setInterval(sample, SAMPLE_MS);
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', (error) => {
      clearInterval(timer);
      fail(error);
    });
    child.on('close', (status, signal) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (partial) collect(Buffer.from('\n'));
      log.end();
      done({
        name,
        command: [command === process.execPath ? 'node' : command, ...args].join(' '),
        seconds,
        status,
        signal,
        // Sampling can miss a short peak; the tree was at least as big as its largest process.
        peakTreeRssMb: Math.max(peak / 1024 / 1024, gnuPeak ?? 0),
        sampledTreeRssMb: peak / 1024 / 1024,
        peakProcesses,
        load,
        peakSingleRssMb: gnuPeak,
        cpuSeconds,
        log: logFile,
        tail: tail.slice(-40),
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Report.

type Status = 'ok' | 'OVER' | 'FAIL' | '';
interface Row {
  metric: string;
  value: string;
  budget: string;
  status: Status;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const kb = (bytes: number): string => (bytes < 10 * KB ? `${(bytes / KB).toFixed(2)} kB` : `${(bytes / KB).toFixed(1)} kB`);
const secs = (s: number): string => `${s.toFixed(2)} s`;
const within = (value: number | null, budget: number): Status => (value === null ? 'FAIL' : value < budget ? 'ok' : 'OVER');

/** The stages' summed CPU seconds, or null when one of them has none (no GNU time). */
function pipelineCpu(stages: StageResult[]): number | null {
  return stages.every((s) => s.cpuSeconds) ? stages.reduce((a, s) => a + s.cpuSeconds!.user + s.cpuSeconds!.system, 0) : null;
}

function table(rows: Row[]): string {
  const head: Row = { metric: 'stage / metric', value: 'value', budget: 'budget', status: '' };
  const all = [head, ...rows];
  const w = (k: keyof Row): number => Math.max(...all.map((r) => r[k].length));
  const line = (r: Row): string => `${r.metric.padEnd(w('metric'))}  ${r.value.padEnd(w('value'))}  ${r.budget.padEnd(w('budget'))}  ${r.status || (r === head ? 'status' : '')}`;
  return [line(head), '-'.repeat(w('metric') + w('value') + w('budget') + 12), ...rows.map(line)].join('\n');
}

function stageRows(s: StageResult, budgetSeconds: number | null, okStatuses: number[] = [0]): Row[] {
  const ok = s.status !== null && okStatuses.includes(s.status);
  return [
    {
      metric: `${s.name}: wall time`,
      value: `${secs(s.seconds)} (load ${s.load.start.toFixed(1)}, max ${s.load.max.toFixed(1)})`,
      budget: budgetSeconds === null ? '—' : `< ${budgetSeconds.toFixed(1)} s`,
      status: !ok ? 'FAIL' : budgetSeconds === null ? '' : within(s.seconds, budgetSeconds),
    },
    {
      metric: `${s.name}: peak memory, process tree`,
      value: `${s.peakTreeRssMb.toFixed(0)} MB (${s.peakProcesses} proc.${s.peakSingleRssMb === null ? '' : `; largest one ${s.peakSingleRssMb.toFixed(0)} MB`})`,
      budget: '—',
      status: '',
    },
    ...(s.cpuSeconds ? [{ metric: `${s.name}: CPU time, process tree`, value: describeCpu(s.cpuSeconds, s.seconds, cpus().length), budget: '—', status: '' as const }] : []),
    { metric: `${s.name}: exit status`, value: s.signal ? `signal ${s.signal}` : String(s.status), budget: okStatuses.join(' or '), status: ok ? 'ok' : 'FAIL' },
  ];
}

const STEP_LABELS: Record<StepFigures['name'], string> = {
  cold: 'search cold',
  second: 'search 2nd query',
  repeat: 'search repeated',
  typed: 'search typed on the home page, from Enter',
};

function stepRows(step: StepFigures, msRuns: Array<number | null>): Row[] {
  const label = STEP_LABELS[step.name];
  const msBudget = step.name === 'cold' ? BUDGETS.coldMs : step.name === 'typed' ? BUDGETS.typedMs : BUDGETS.nextMs;
  const bytesBudget = step.name === 'cold' ? BUDGETS.coldBytes : step.name === 'typed' ? BUDGETS.typedBytes : BUDGETS.nextBytes;
  const t = step.totals;
  return [
    {
      metric: `${label} ${step.query.startsWith('"') ? step.query : `"${step.query}"`}: time to results`,
      value: step.ms === null ? 'no results' : `${step.ms.toFixed(0)} ms (runs ${msRuns.map((m) => (m === null ? '—' : m.toFixed(0))).join(', ')}; ${step.items} shown)`,
      budget: `< ${msBudget} ms`,
      status: within(step.ms, msBudget),
    },
    { metric: `${label}: transferred as served`, value: `${kb(t.transferred)}, ${t.requests} req.`, budget: `< ${kb(bytesBudget)}`, status: within(t.transferred, bytesBudget) },
    { metric: `${label}: transferred if gzipped (est.)`, value: kb(t.gzipEstimate), budget: `< ${kb(bytesBudget)}`, status: within(t.gzipEstimate, bytesBudget) },
  ];
}

/** "HTML 25 → DCL 1326 → runtime 1489 → init 1774 → 4 index 1854 → 20 fragments 2531–3430 (1 at a time) → results 3436" */
function describe(step: StepFigures): string {
  const b = step.breakdown;
  const n = (v: number | null): string => (v === null ? '?' : v.toFixed(0));
  const parts: string[] = [];
  if (b.htmlEnd !== null) parts.push(`HTML ${n(b.htmlEnd)}`);
  if (b.domContentLoaded !== null) parts.push(`DCL ${n(b.domContentLoaded)}`);
  if (b.runtimeEnd !== null) parts.push(`pagefind js ${n(b.runtimeEnd)}`);
  if (b.initEnd !== null) parts.push(`wasm+meta+filters ${n(b.initEnd)}`);
  if (b.indexChunks.count) parts.push(`${b.indexChunks.count} index ${n(b.indexChunks.firstStart)}–${n(b.indexChunks.lastEnd)}`);
  if (b.fragments.count)
    parts.push(`${b.fragments.count} fragments ${n(b.fragments.firstStart)}–${n(b.fragments.lastEnd)} (≤${b.fragments.maxInFlight} at once)`);
  parts.push(`results ${n(b.results)} ms`);
  return parts.join(' → ');
}

function sizeRows(s: SiteSizes): Row[] {
  const d = s.documentPages;
  const js = d.assets.filter((a) => a.kind === 'js');
  return [
    { metric: 'dist/ total', value: `${mb(s.dist.bytes)}, ${s.dist.files} files`, budget: '—', status: '' },
    { metric: 'dist/pagefind/', value: `${mb(s.pagefind.bytes)}, ${s.pagefind.files} files`, budget: '—', status: '' },
    ...s.bulk.map((f) => ({ metric: `bulk data: du-lieu/${f.name}`, value: mb(f.bytes), budget: '—', status: '' as const })),
    { metric: 'citation files (RIS, BibTeX, CSL-JSON)', value: `${mb(s.citationFiles.bytes)}, ${s.citationFiles.files} files`, budget: '—', status: '' },
    { metric: 'document pages', value: `${d.count}${d.redirectStubs ? ` (+${d.redirectStubs} redirect stubs)` : ''}`, budget: '—', status: '' },
    { metric: 'page HTML raw, median / max', value: `${kb(d.htmlRaw.median)} / ${kb(d.htmlRaw.max)}`, budget: '—', status: '' },
    { metric: 'page HTML gzip, median / max', value: `${kb(d.htmlGzip.median)} / ${kb(d.htmlGzip.max)}`, budget: '—', status: '' },
    { metric: 'page CSS raw / gzip', value: `${kb(d.cssRaw.max)} / ${kb(d.cssGzip.max)}`, budget: '—', status: '' },
    {
      metric: 'page HTML+CSS gzip, median / max',
      value: `${kb(d.htmlCssGzip.median)} / ${kb(d.htmlCssGzip.max)}`,
      budget: `< ${kb(BUDGETS.pageHtmlCssGzip)}`,
      status: within(d.htmlCssGzip.max, BUDGETS.pageHtmlCssGzip),
    },
    {
      metric: 'page JS loaded (not needed to read)',
      value:
        d.pagesWithJs === 0
          ? 'none'
          : `${d.pagesWithJs}/${d.count} pages: ${kb(d.jsRaw.max)} raw / ${kb(d.jsGzip.max)} gzip, ${js.length} files${d.inlineJsRaw.max ? `, inline ${kb(d.inlineJsRaw.max)}` : ''}`,
      budget: 'no JS required',
      status: '',
    },
    ...s.browse.map((b): Row => {
      const map = b.section.startsWith('/tinh/ ');
      return {
        metric: `browse ${b.section}: pages, HTML+CSS gzip median / max`,
        value: `${b.pages}: ${kb(b.htmlCssGzip.median)} / ${kb(b.htmlCssGzip.max)}${b.pages > 1 ? ` (${b.largestPage})` : ''}`,
        budget: map ? `< ${kb(BUDGETS.mapPageHtmlCssGzip)}` : '—',
        status: map ? within(b.htmlCssGzip.max, BUDGETS.mapPageHtmlCssGzip) : '',
      };
    }),
  ];
}

// ---------------------------------------------------------------------------------------------

function gitCommit(): { commit: string | null; dirty: boolean } {
  const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: ROOT, encoding: 'utf8' });
  const status = spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
  return { commit: head.status === 0 ? head.stdout.trim() : null, dirty: status.status === 0 && status.stdout.trim() !== '' };
}

const packageVersion = (name: string): string | null => {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
};

/** Directives (ingest output) whose text contains the phrase, case and tone marks as written. */
function phraseCounts(dir: string, phrases: string[]): Record<string, number> {
  const counts = Object.fromEntries(phrases.map((p) => [p, 0]));
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.md')) continue;
    const text = readFileSync(join(dir, name), 'utf8').normalize('NFC').toLowerCase();
    for (const p of phrases) if (text.includes(p.replace(/"/g, '').toLowerCase())) counts[p]!++;
  }
  return counts;
}

export const BENCH_CLI = {
  name: 'bench',
  command: 'npm run bench --',
  summary:
    'The whole pipeline on a SYNTHETIC archive of N directives in a temporary folder (never content/): generate →\n' +
    'ingest → astro build → search index → sizes → the search page in Chromium. Prints each stage’s wall time,\n' +
    'memory and CPU time against the budgets and writes bench/results/<date>-<N>docs.json.',
  options: {
    docs: { type: 'string', value: 'N', default: '10000', description: 'how many synthetic directives' },
    seed: { type: 'string', value: 'N', default: '42', description: 'the generator’s seed (same seed, same archive)' },
    keep: { type: 'boolean', description: 'keep the temporary folder (sources, directives, dist, logs) and print its path' },
    'skip-browser': { type: 'boolean', description: 'stop after the sizes: no Chromium' },
    runs: { type: 'string', value: 'N', default: '3', description: 'cold runs of the search page per query' },
  },
  env: { CHROMIUM_PATH: 'the Chromium to drive (default: /usr/bin/chromium, else chromium on PATH)' },
  examples: ['npm run bench', 'npm run bench -- --docs 1000 --skip-browser --keep'],
} as const satisfies CliSpec;

async function main(): Promise<number> {
  const { values } = parseCli(BENCH_CLI);
  const count = Number(values.docs);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--docs must be a whole number ≥ 1, got ${values.docs}`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got ${values.seed}`);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got ${values.runs}`);

  const startedAt = new Date();
  const dir = mkdtempSync(join(tmpdir(), 'archive-bench-'));
  try {
    return await bench(dir, { count, seed, runs, keep: values.keep, skipBrowser: values['skip-browser'], startedAt });
  } finally {
    if (!values.keep) rmSync(dir, { recursive: true, force: true });
  }
}

async function bench(
  dir: string,
  values: { count: number; seed: number; runs: number; keep: boolean; skipBrowser: boolean; startedAt: Date },
): Promise<number> {
  const { count, seed, runs, startedAt } = values;
  const sources = join(dir, 'sources');
  const directives = join(dir, 'directives');
  const dist = join(dir, 'dist');
  const logs = join(dir, 'logs');
  mkdirSync(logs);
  // Children run on this Node 24: node_modules/.bin and this node first on PATH, whatever runs them.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: [join(ROOT, 'node_modules', '.bin'), dirname(process.execPath), process.env.PATH ?? ''].join(delimiter),
    ASTRO_TELEMETRY_DISABLED: '1',
  };
  const log = (msg: string): void => console.error(`[bench ${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)} s] ${msg}`);
  const stages: StageResult[] = [];
  const rows: Row[] = [];
  let failed = false;
  let sizes: SiteSizes | null = null;
  let search: SearchSummary | null = null;
  let browserError: string | null = null;
  let browserLoad: number | null = null;
  let generate: { seconds: number; quirks: Record<string, number> } | null = null;
  let corpus: Record<string, number> | null = null;
  const calibration = calibrate(dir);
  rows.push({
    metric: `machine now: CPU loop / ${FULL_CALIBRATION.files.toLocaleString('en')} files / 1 GB first touched`,
    value: `${calibration.cpuMs} ms / ${calibration.fsMs} ms / ${calibration.memMsPerGb} ms (compare with other runs' JSON)`,
    budget: '—',
    status: '',
  });

  try {
    log(`generating ${count} synthetic directives (seed ${seed}) in ${sources}`);
    const g0 = performance.now();
    const { quirks } = await generateArchive({ count, seed, outDir: sources });
    generate = { seconds: (performance.now() - g0) / 1000, quirks };
    rows.push({ metric: 'generate (not part of the pipeline)', value: `${secs(generate.seconds)}, ${count} files`, budget: '—', status: '' });

    log('ingest');
    const ingest = await runStage('ingest', process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', directives, '--quiet'], env, join(logs, 'ingest.log'));
    stages.push(ingest);
    // Exit 1 means some sources were rejected (reported), not that ingest broke.
    const ingestOk = ingest.status === 0 || ingest.status === 1;
    const summary = ingest.tail.find((l) => /^ingest: \d[\d,]* files?: /.test(l)) ?? '(no summary line)';
    rows.push(...stageRows(ingest, (BUDGETS.ingestSecondsPer10k * count) / 10_000, [0, 1]));
    rows.push({ metric: 'ingest: report', value: summary.trim(), budget: '0 rejected', status: /\b0 rejected/.test(summary) ? 'ok' : 'OVER' });
    if (!ingestOk) throw new Error(`ingest failed (exit ${ingest.status}); see ${ingest.log}`);
    corpus = phraseCounts(directives, QUERIES);

    // Isolated from any other build of this checkout running at the same time:
    // - Astro bundles the prerender server into <cwd>/.astro/.prerender when --outDir lies outside
    //   the working directory, so the build runs from the temporary folder (with --root the project),
    //   where a node_modules link lets that bundle resolve its packages;
    // - the content layer's cache (cacheDir) would otherwise leave thousands of synthetic entries in
    //   the project's node_modules/.astro/data-store.json, so a wrapper config moves it here too.
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const config = join(dir, 'astro.config.mjs');
    writeFileSync(
      config,
      `import config from ${JSON.stringify(join(ROOT, 'astro.config.mjs'))};\nexport default { ...config, cacheDir: ${JSON.stringify(join(dir, 'astro-cache'))} };\n`,
    );
    log('astro build');
    const build = await runStage(
      'build',
      process.execPath,
      // Astro joins --config to the project root, so it must be relative to it.
      [join(ROOT, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--root', ROOT, '--outDir', dist, '--config', relative(ROOT, config)],
      { ...env, ARCHIVE_CONTENT: directives, ARCHIVE_SKIP_INDEX: '1' },
      join(logs, 'build.log'),
      dir,
    );
    build.command = `(cd ${dir} && astro build --root ${ROOT} --outDir ${dist} --config ${relative(ROOT, config)})  env ARCHIVE_CONTENT=${directives} ARCHIVE_SKIP_INDEX=1`;
    stages.push(build);
    rows.push(...stageRows(build, null));
    const built = build.tail.map((l) => /(\d+) page\(s\) built in/.exec(l)).find(Boolean);
    if (built) rows.push({ metric: 'build: pages', value: built[1]!, budget: '—', status: '' });
    const worker = build.tail.map((l) => /the worker wrote ([\d,]+) directives' downloads in ([^;(]+?)(?: \(the bulk data (.+?) of it\))?(?:;|$)/.exec(l)).find(Boolean);
    if (worker) rows.push({ metric: 'build: downloads worker (beside the rendering)', value: `${worker[2]}${worker[3] ? `, of it the bulk data ${worker[3]}` : ''}`, budget: '—', status: '' });
    if (build.status !== 0) throw new Error(`astro build failed (exit ${build.status}); see ${build.log}`);

    log('Pagefind index');
    const index = await runStage('index', process.execPath, ['scripts/index-search.ts', dist], env, join(logs, 'index.log'));
    stages.push(index);
    rows.push(...stageRows(index, null));
    const indexed = index.tail.map((l) => /^index: ([\d,]+) directive pages/.exec(l)).find(Boolean);
    if (indexed) rows.push({ metric: 'index: pages indexed', value: indexed[1]!.replace(/,/g, ''), budget: '—', status: '' });
    if (index.status !== 0) throw new Error(`indexing failed (exit ${index.status}); see ${index.log}`);
    const total = stages.reduce((a, s) => a + s.seconds, 0);
    rows.push({ metric: 'pipeline total (ingest + build + index)', value: secs(total), budget: '—', status: '' });
    const cpu = pipelineCpu(stages);
    if (cpu !== null)
      rows.push({ metric: 'pipeline CPU time', value: `${cpu.toFixed(1)} s: on ${cpus().length} cores, no less than ${secs(cpu / cpus().length)} of wall time`, budget: '—', status: '' });

    log('sizes');
    sizes = await measureSizes(dist);
    rows.push(...sizeRows(sizes));

    if (!values.skipBrowser) {
      log(`browser: ${runs} cold runs of the search page`);
      const firstPage = readdirSync(join(dist, 'van-ban'), { recursive: true, encoding: 'utf8' })
        .filter((p) => p.endsWith('index.html'))
        .sort()[0];
      browserLoad = round2(loadavg()[0]!);
      try {
        search = await measureSearch({ distDir: dist, queries: QUERIES, runs, documentPath: firstPage ? `/van-ban/${firstPage.replace(/index\.html$/, '')}` : undefined });
        for (const step of search.steps) rows.push(...stepRows(step, search.msRuns[step.name]));
        rows.push({
          metric: 'search: worker fetches counted',
          value: search.workerRequestsCounted ? 'yes (index + fragment chunks seen from the worker)' : 'NO',
          budget: 'yes',
          status: search.workerRequestsCounted ? 'ok' : 'FAIL',
        });
        if (search.documentPage) {
          const p = search.documentPage;
          rows.push({
            metric: 'document page with JS off',
            value: `${p.paragraphsWithoutJs} paragraphs shown; ${kb(p.transferred)} as served, ${kb(p.gzipEstimate)} gzipped, ${p.requests} req.`,
            budget: 'text readable',
            status: p.paragraphsWithoutJs > 0 ? 'ok' : 'FAIL',
          });
        }
      } catch (error) {
        browserError = (error as Error).stack ?? String(error);
        rows.push({ metric: 'browser', value: `failed: ${(error as Error).message.split('\n')[0]}`, budget: '—', status: 'FAIL' });
      }
    }
  } catch (error) {
    failed = true;
    console.error(`\n${(error as Error).message}`);
    const broken = stages.find((x) => x.status !== 0 && !(x.name === 'ingest' && x.status === 1));
    if (broken) console.error(`--- ${broken.name} (last lines) ---\n${broken.tail.join('\n')}`);
  }

  const cpuList = cpus();
  const git = gitCommit();
  const result = {
    date: startedAt.toISOString(),
    finished: new Date().toISOString(),
    docs: count,
    seed,
    queries: QUERIES,
    machine: {
      cores: cpuList.length,
      cpu: cpuList[0]?.model ?? null,
      totalMemoryMb: Math.round(totalmem() / 1024 / 1024),
      freeMemoryMbAtEnd: Math.round(freemem() / 1024 / 1024),
      platform: `${platform()} ${release()}`,
      node: process.version,
      chromium: search?.chromium ?? null,
      astro: packageVersion('astro'),
      pagefind: packageVersion('pagefind'),
      calibration,
    },
    git,
    units: { KB: `${KB} bytes`, gzip: 'zlib level 6, computed by the benchmark; scripts/serve.ts sends uncompressed', memory: 'MB = 2^20 bytes' },
    budgets: BUDGETS,
    generate,
    corpusPhraseCounts: corpus,
    stages: stages.map(({ tail, ...s }) => ({ ...s, tail: s.status === 0 ? tail.slice(-5) : tail })),
    pipelineSeconds: stages.length === 3 ? stages.reduce((a, s) => a + s.seconds, 0) : null,
    pipelineCpuSeconds: stages.length === 3 ? pipelineCpu(stages) : null,
    sizes,
    search,
    browserLoadAtStart: browserLoad,
    browserError,
    table: rows,
    failed,
    folder: values.keep ? dir : null,
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const day = `${startedAt.getFullYear()}-${String(startedAt.getMonth() + 1).padStart(2, '0')}-${String(startedAt.getDate()).padStart(2, '0')}`;
  const file = join(RESULTS_DIR, `${day}-${count}docs.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);

  console.log(`\nBenchmark: ${count} synthetic directives, seed ${seed}, ${cpuList.length} cores, ${Math.round(totalmem() / 2 ** 30)} GB, Node ${process.version}, ${git.commit?.slice(0, 7) ?? 'no git'}${git.dirty ? ' (dirty)' : ''}`);
  console.log(`Sizes in kB of 1000 bytes; "if gzipped" = bodies compressed here (zlib 6) where that helps, since the local server does not compress.\n`);
  console.log(table(rows));
  if (search) {
    console.log('\nWhere the search time goes (ms from navigation start / from Enter; the median run of each step):');
    for (const step of search.steps) console.log(`  ${step.name.padEnd(6)} ${describe(step)}`);
    console.log('What the bytes are (transferred, as served):');
    for (const step of search.steps)
      console.log(`  ${step.name.padEnd(6)} ${Object.entries(step.totals.byKind).map(([k, v]) => `${k} ${kb(v)}`).join(' · ')}`);
  }
  const maxLoad = Math.max(...stages.map((x) => x.load.max), browserLoad ?? 0);
  if (maxLoad > cpuList.length)
    console.log(`\nWARNING: the machine was busy with other work (1-minute load average up to ${maxLoad.toFixed(1)} on ${cpuList.length} cores): times are inflated.`);
  console.log(`\nresults: ${relativeToRoot(file)}`);
  console.log(values.keep ? `folder kept: ${dir}` : 'temporary folder: removed');
  return failed || rows.some((r) => r.status === 'FAIL') ? 1 : 0;
}

const relativeToRoot = (p: string): string => (p.startsWith(ROOT) ? p.slice(ROOT.length) : p);

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
