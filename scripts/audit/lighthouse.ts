/**
 * Lighthouse audit of the built site: serves dist/ (or `--dist DIR`) on 127.0.0.1 and runs
 * Lighthouse's default configuration — mobile emulation with simulated throttling — on five
 * representative pages, in four categories. Exits 1 when any score is below 95, naming the page,
 * the category and the audits that pull it down.
 *
 *   node scripts/audit/lighthouse.ts [--dist DIR] [--runs N] [--page NAME,…] [--json FILE]
 *
 * `--json FILE` keeps the raw Lighthouse results; `--page` audits only the named pages.
 *
 * Each run loads the page once in a tab of its own before Lighthouse audits it, in a Chromium that
 * keeps one renderer process per site (`--process-per-site`), so the audit measures the page, not
 * the start of a renderer. Started cold, a renderer pages in V8's snapshot and the system fonts,
 * and with DevTools attached it creates a JavaScript context even for a page without script;
 * Lighthouse bills that work to the page and multiplies it by four, so that even a blank page could
 * score below the threshold (docs/decisions/0015-lighthouse-warm-renderer.md). A visitor's browser
 * moving between pages of the site keeps its renderer warm in the same way. The warm tab shares no cache with the audit: Lighthouse
 * clears the origin's cache and storage before it loads the page.
 *
 * A page is run once; when any of its scores is below 95 it is run again, up to 5 times in all
 * (`--runs N` runs every page N times), and the table shows each category's median over the runs,
 * since throttled performance on this 2-core virtual machine still varies from run to run.
 *
 * No request may leave the site: Lighthouse's error reporting (Sentry) is a CLI opt-in the Node
 * API never turns on, Chromium runs without background networking, every host but
 * 127.0.0.1 resolves to nothing, and a page that asks for another origin fails the audit.
 */
import type { Flags, Result, RunnerResult } from 'lighthouse';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CHROMIUM_ARGS, chromiumPath, NO_CHROMIUM } from '../check-chromium.mjs';
import { startServer } from '../serve.ts';
import { CONTROL_HTML, failingAudits, foreignRequests, formatMs, formatTable, median, missingCompression, type FailingAudit } from './lib.ts';
import { parseCli, type CliSpec } from '../cli.ts';

export const PAGES: readonly { name: string; path: string }[] = [
  { name: 'home', path: '/' },
  { name: 'document', path: '/van-ban/kon-tum/2021-07-21-235-cv-tu/' },
  { name: 'province', path: '/tinh/kon-tum/' },
  { name: 'timeline', path: '/thoi-gian/' },
  { name: 'data', path: '/du-lieu/' },
  { name: 'search', path: '/tim-kiem/?q=4+t%E1%BA%A1i+ch%E1%BB%97' },
];

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export const THRESHOLD = 95;
const MAX_RUNS = 5;

/** The flags the project launches Chromium with, plus what keeps every request on this machine. */
export const CHROME_FLAGS = [
  ...CHROMIUM_ARGS,
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--no-pings',
  '--disable-dev-shm-usage',
  // One renderer per site, shared by the warm-up tab and the audited one (see the note above).
  '--process-per-site',
  // Anything but the site's own host fails to resolve, so nothing can phone home.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

export interface PageResult {
  name: string;
  path: string;
  runs: number;
  /** Median score per category, 0–100. */
  scores: Record<string, number>;
  /** Per category below the threshold: failing audits of the median-performance run. */
  failures: { category: string; score: number; audits: FailingAudit[] }[];
  foreign: string[];
  /** Lighthouse's estimated saving when the page is served without text compression. */
  uncompressed: string | null;
  warnings: string[];
  ms: number;
}

export interface LighthouseAuditResult {
  ok: boolean;
  pages: PageResult[];
  ms: number;
  summary: string;
}

function score100(lhr: Result, category: string): number {
  const score = lhr.categories[category]?.score;
  return score == null ? 0 : Math.round(score * 100);
}

function requestUrls(lhr: Result): string[] {
  const details = lhr.audits['network-requests']?.details as { items?: { url?: unknown }[] } | undefined;
  return (details?.items ?? []).map((item) => String(item.url ?? ''));
}

/** Attempts at one run when Lighthouse itself fails (e.g. NO_NAVSTART: "Please run Lighthouse again"). */
const ATTEMPTS = 3;

/** How long the warm-up load may take before the audit gives up on it. */
const WARM_UP_MS = 30_000;

/**
 * Loads `url` in a new tab of the Chromium listening on `port` and resolves once its load event
 * has fired, leaving the tab open: with `--process-per-site` the page Lighthouse then audits runs
 * in the renderer this tab started. Uses the DevTools protocol directly (Node's WebSocket).
 */
export async function warmUp(port: number, url: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/json/new?about:blank`, { method: 'PUT' });
  if (!response.ok) throw new Error(`warm-up: Chromium refused a new tab (HTTP ${response.status})`);
  const { webSocketDebuggerUrl } = (await response.json()) as { webSocketDebuggerUrl: string };
  const socket = new WebSocket(webSocketDebuggerUrl);
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`warm-up: ${url} did not load in ${WARM_UP_MS / 1000} s`)), WARM_UP_MS);
      const done = (error?: Error) => {
        clearTimeout(timer);
        if (error) reject(error);
        else resolve();
      };
      socket.addEventListener('error', () => done(new Error('warm-up: the DevTools connection failed')));
      socket.addEventListener('message', (event) => {
        const message = JSON.parse(String(event.data)) as { id?: number; method?: string; error?: { message: string } };
        if (message.error) done(new Error(`warm-up: ${message.error.message}`));
        else if (message.method === 'Page.loadEventFired') done();
      });
      socket.addEventListener('open', () => {
        socket.send(JSON.stringify({ id: 1, method: 'Page.enable' }));
        socket.send(JSON.stringify({ id: 2, method: 'Page.navigate', params: { url } }));
      });
    });
  } finally {
    socket.close();
  }
}

/**
 * One Lighthouse run, in a Chromium of its own (a browser reused across runs often loses the
 * navigation in its trace: NO_NAVSTART), warmed by one load of the page. A run that Lighthouse
 * could not complete is tried again, up to ATTEMPTS in all.
 */
async function auditOnce(url: string, chromePath: string, flags: Flags, log: (line: string) => void): Promise<Result> {
  for (let attempt = 1; ; attempt++) {
    // Loaded when an audit runs, not at import: `--help` and the audit's other parts need neither,
    // and Lighthouse takes seconds to load on a busy machine.
    const [{ default: lighthouse }, chromeLauncher] = await Promise.all([import('lighthouse'), import('chrome-launcher')]);
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
    let result: RunnerResult | undefined;
    try {
      await warmUp(chrome.port, url);
      result = await lighthouse(url, { ...flags, port: chrome.port });
    } finally {
      chrome.kill();
    }
    const error = result ? result.lhr.runtimeError : { code: 'NO_RESULT', message: 'Lighthouse returned nothing' };
    if (result && !error) return result.lhr;
    const reason = `${error!.code}: ${error!.message}`;
    if (attempt >= ATTEMPTS) throw new Error(`Lighthouse could not audit ${url} in ${ATTEMPTS} attempts: ${reason}`);
    log(`  (Lighthouse could not complete a run of ${url} — ${reason} — trying again)`);
  }
}

function serveControl(): Promise<{ url: string; close: () => void }> {
  const server = createServer((request, response) => {
    if (request.url === '/robots.txt') {
      response.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('User-agent: *\nAllow: /\n');
    } else if (request.url === '/') {
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      response.end(CONTROL_HTML);
    } else {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
    }),
  );
}

/** Runs Lighthouse on one page: once, or `runs` times, or up to MAX_RUNS while a score is below. */
async function auditPage(
  page: { name: string; path: string },
  url: string,
  context: { chromePath: string; flags: Flags; runs: number | undefined; log: (line: string) => void },
): Promise<{ result: PageResult; runs: Result[] }> {
  const started = performance.now();
  const runs: Result[] = [];
  const below = (lhr: Result) => CATEGORIES.some((c) => score100(lhr, c) < THRESHOLD);
  const target = () => context.runs ?? (runs.some(below) ? MAX_RUNS : 1);
  while (runs.length < target()) runs.push(await auditOnce(url, context.chromePath, context.flags, context.log));
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round(median(runs.map((lhr) => score100(lhr, c))))]));
  // The run whose performance score is the median one explains the failures.
  const byPerf = [...runs].sort((a, b) => score100(a, 'performance') - score100(b, 'performance'));
  const medianRun = byPerf[Math.floor((byPerf.length - 1) / 2)]!;
  const failures = CATEGORIES.filter((c) => scores[c]! < THRESHOLD).map((category) => ({
    category,
    score: scores[category]!,
    audits: failingAudits(medianRun, category),
  }));
  const foreign = foreignRequests(runs.flatMap(requestUrls), new URL(url).origin);
  const warnings = runs.flatMap((lhr) => lhr.runWarnings ?? []);
  const uncompressed = missingCompression(medianRun);
  const result: PageResult = { ...page, runs: runs.length, scores, failures, foreign, uncompressed, warnings, ms: performance.now() - started };
  context.log(
    `  ${page.name} ${page.path}: ${CATEGORIES.map((c) => `${c} ${scores[c]}`).join(', ')}${runs.length > 1 ? ` (median of ${runs.length} runs: performance ${runs.map((lhr) => score100(lhr, 'performance')).join('/')})` : ''} [${formatMs(result.ms)}]`,
  );
  return { result, runs };
}

export async function runLighthouseAudit(
  options: { dist?: string; runs?: number; json?: string; only?: readonly string[]; log?: (line: string) => void } = {},
): Promise<LighthouseAuditResult> {
  const log = options.log ?? console.log;
  const started = performance.now();
  const chromePath = chromiumPath();
  if (!chromePath) throw new Error(NO_CHROMIUM);
  const server = await startServer(options.dist ?? 'dist', 0);
  const control = await serveControl();
  const flags: Flags = {
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
  };
  const context = { chromePath, flags, runs: options.runs, log };
  const pages: PageResult[] = [];
  const raw: Record<string, Result[]> = {};
  let controlResult: PageResult;
  try {
    const selected = options.only ? PAGES.filter((p) => options.only!.includes(p.name)) : PAGES;
    if (selected.length === 0) throw new Error(`--page must name one of: ${PAGES.map((p) => p.name).join(', ')}`);
    const measured = await auditPage({ name: 'control', path: '(blank page, not the site)' }, control.url, context);
    controlResult = measured.result;
    raw.control = measured.runs;
    for (const page of selected) {
      const { result, runs } = await auditPage(page, `${server.url}${page.path}`, context);
      raw[page.name] = runs;
      pages.push(result);
    }
  } finally {
    server.close();
    control.close();
  }
  if (options.json) writeFileSync(options.json, JSON.stringify(raw, null, 2));

  log('');
  log(
    formatTable(
      ['page', 'path', ...CATEGORIES, 'runs'],
      pages.map((p) => [p.name, p.path, ...CATEGORIES.map((c) => String(p.scores[c])), String(p.runs)]),
      [2, 3, 4, 5, 6],
    ),
  );
  log('Lighthouse default config: mobile emulation, simulated throttling; each run after one warm-up load of the page. Scores are medians when runs > 1.');
  const hostPerformance = controlResult.scores.performance!;
  log(
    `Control: a blank page served apart from the site scored performance ${hostPerformance}${controlResult.runs > 1 ? ` (median of ${controlResult.runs} runs)` : ''}: what this host alone allows now.`,
  );
  let ok = true;
  for (const page of pages) {
    for (const failure of page.failures) {
      ok = false;
      log(`\nFAIL ${page.name} ${page.path} — ${failure.category} ${failure.score} < ${THRESHOLD}`);
      if (failure.category === 'performance' && hostPerformance < THRESHOLD)
        log(`  (the blank control page scored ${hostPerformance} in this audit too: the host is slow now, and the page may not be)`);
      for (const audit of failure.audits) {
        const score = audit.score === null ? '—' : audit.score.toFixed(2);
        log(`  ${audit.id} (score ${score}${audit.weight ? `, weight ${audit.weight}` : ''}${audit.displayValue ? `, ${audit.displayValue}` : ''}): ${audit.title}`);
      }
    }
    if (page.foreign.length > 0) {
      ok = false;
      log(`\nFAIL ${page.name} ${page.path} — requests to another origin:`);
      for (const url of page.foreign) log(`  ${url}`);
    }
    for (const warning of new Set(page.warnings)) log(`\nwarning ${page.name}: ${warning}`);
  }
  const uncompressed = pages.filter((p) => p.uncompressed);
  if (uncompressed.length > 0) {
    log(
      `\nnote: served without text compression (Lighthouse document-latency-insight "No compression applied"; scripts/serve.ts compresses nothing): ${uncompressed
        .map((p) => `${p.name} (${p.uncompressed})`)
        .join(', ')}`,
    );
  }
  const failed = pages.flatMap((p) => p.failures.map((f) => `${p.name}/${f.category} ${f.score}`));
  const foreignCount = pages.reduce((n, p) => n + p.foreign.length, 0);
  const ms = performance.now() - started;
  const summary = ok
    ? `all ${pages.length * CATEGORIES.length} scores ≥ ${THRESHOLD}, no request to another origin (${formatMs(ms)})`
    : `${failed.length} score(s) below ${THRESHOLD}${failed.length ? `: ${failed.join(', ')}` : ''}${foreignCount ? `; ${foreignCount} request(s) to another origin` : ''} (${formatMs(ms)})`;
  return { ok, pages, ms, summary };
}

export const LIGHTHOUSE_CLI = {
  name: 'audit:lighthouse',
  command: 'node scripts/audit/lighthouse.ts',
  summary:
    `Serves a built site on 127.0.0.1 and runs Lighthouse (mobile, simulated throttling) on ${PAGES.length} pages in ${CATEGORIES.length} categories;\n` +
    `exits 1 when a score is below ${THRESHOLD} or a page asks for another origin. A page below is run again, up to ${MAX_RUNS} times.`,
  options: {
    dist: { type: 'string', value: 'DIR', default: 'dist', description: 'the built site' },
    runs: { type: 'string', value: 'N', description: `run every page N times (default: once, again while a score is below ${THRESHOLD})` },
    page: { type: 'string', value: 'NAME,…', description: `only these pages (${PAGES.map((p) => p.name).join(', ')})` },
    json: { type: 'string', value: 'FILE', description: 'keep the raw Lighthouse results in FILE' },
  },
  env: { CHROMIUM_PATH: 'the Chromium to drive (default: /usr/bin/chromium, else chromium on PATH)' },
  examples: ['node scripts/audit/lighthouse.ts', 'node scripts/audit/lighthouse.ts --page home,search --runs 3'],
} as const satisfies CliSpec;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseCli(LIGHTHOUSE_CLI);
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) {
    console.error(`audit:lighthouse: --runs must be a whole number ≥ 1, got ${values.runs}`);
    process.exit(2);
  }
  const result = await runLighthouseAudit({ dist: values.dist, ...(runs ? { runs } : {}), ...(values.json ? { json: values.json } : {}),
    ...(values.page ? { only: values.page.split(',') } : {}),
  });
  console.log(`\nlighthouse: ${result.ok ? 'ok' : 'FAILED'} — ${result.summary}`);
  // Lighthouse can leave handles open; the audit is done.
  process.exit(result.ok ? 0 : 1);
}
