/**
 * The search page in a real Chromium, for `npm run bench`: serves a built site with
 * scripts/serve.ts on a free port, opens `/tim-kiem/?q=<first>` in a fresh browser context (cold
 * cache), then runs a second query and the first one again on the same page, and measures for each
 * step the time until the results are on screen and every byte the browser fetched for it. Then,
 * in another fresh context, the way a reader comes to a first search: on the home page, click the
 * box, type the first query at a reader's pace, press Enter; measured from Enter.
 *
 * Requests are counted at the browser-context level, which includes those of Pagefind's Web
 * Worker (its index and fragment chunks). Bytes are what scripts/serve.ts sends (uncompressed);
 * each body is also gzip-compressed here to show what a compressing host would send.
 */
import { chromium, type Request } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../serve.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../check-chromium.mjs';
import { gzipSize } from './sizes.ts';
import { FACETS_FILE } from '../../src/search/shared/facets.ts';

export const CHROMIUM_FLAGS = CHROMIUM_ARGS;

export interface RequestRecord {
  /** Path and query, without the origin. */
  url: string;
  resourceType: string;
  /** Who fetched it: the page, or Pagefind's Web Worker (told apart by each one's Resource Timing entries). */
  initiator: 'page' | 'worker' | 'unknown';
  /** Served from the browser's cache: nothing transferred, or only the headers of a revalidation. */
  cached: boolean;
  status: number | null;
  failed: string | null;
  /** When the request started, in ms after the navigation started; null when unknown. */
  startMs: number | null;
  /** Request start to end of response, ms; null when unknown. */
  durationMs: number | null;
  /**
   * Response body bytes as sent on the wire (Content-Encoding applied, if any): Playwright's
   * request.sizes(), or the Resource Timing encodedBodySize where Playwright reports none (it
   * reports 0 for the worker's own script).
   */
  bodyBytes: number;
  /** Where bodyBytes came from; `revalidated`: the cached body was still good (304), only headers crossed. */
  bodyFrom: 'playwright' | 'resource-timing' | 'cache' | 'revalidated' | 'none';
  responseHeaderBytes: number;
  requestBytes: number;
  contentEncoding: string | null;
  /** gzip (level 6) of the decoded body; null when the body could not be read. */
  gzipBytes: number | null;
  /** Where the body for gzipBytes came from: the captured response, or the file on disk when the browser would not give it. */
  gzipFrom: 'response' | 'disk' | null;
}

export interface StepFigures {
  name: 'cold' | 'second' | 'repeat' | 'typed';
  query: string;
  /** Navigation start (cold) or the Enter key (later steps, typed) to results on screen (DOM updated), ms. */
  ms: number | null;
  /** The same to the next animation frame after that (paint), ms. */
  paintMs: number | null;
  /** Text of #trang-thai when done, and number of result items. */
  statusText: string;
  items: number;
  requests: RequestRecord[];
  /** Where the time goes, ms after the step's start (from the request waterfall). */
  breakdown: Breakdown;
  totals: {
    requests: number;
    /** Bodies + response headers, as served (uncompressed). */
    transferred: number;
    bodies: number;
    headers: number;
    /** Bodies gzip-compressed (only where that makes them smaller) + the same headers. */
    gzipEstimate: number;
    /** Requests made by Pagefind's worker, and to its index and fragment chunks. */
    workerRequests: number;
    pagefindIndexChunks: number;
    pagefindFragments: number;
    /** Transferred bytes (bodies + headers) by what they are: see `kindOf`. */
    byKind: Record<ByteKind, number>;
  };
}

export interface Breakdown {
  /** Cold step only: end of the HTML response, DOMContentLoaded. */
  htmlEnd: number | null;
  domContentLoaded: number | null;
  /** End of pagefind.js and pagefind-worker.js. */
  runtimeEnd: number | null;
  /** End of the last of pagefind-entry.json, *.pf_meta, the wasm and the filter chunks (Pagefind's init). */
  initEnd: number | null;
  indexChunks: { count: number; firstStart: number | null; lastEnd: number | null };
  fragments: { count: number; firstStart: number | null; lastEnd: number | null; maxInFlight: number };
  results: number | null;
}

export interface SearchFigures {
  url: string;
  chromium: string;
  steps: StepFigures[];
  /** True when Pagefind index and fragment files, fetched by the worker, were among the counted requests. */
  workerRequestsCounted: boolean;
  /** Requests whose body size Playwright and Resource Timing disagree on (after the rules above), for a look. */
  sizeDisagreements: Array<{ url: string; playwright: number; resourceTiming: number }>;
  /** Extra timings of the cold load, ms after navigation start. */
  coldTimeline: { responseEnd: number | null; domContentLoaded: number | null; load: number | null };
}

// Installed before the page's own scripts: records Enter presses and every change of the status line / result list.
// Each Enter is also kept, as a time since the epoch, in the tab's sessionStorage, which outlives the navigation it starts.
const PROBE = `(() => {
  const b = (window.__bench = { enter: [], changes: [], origin: performance.timeOrigin });
  performance.setResourceTimingBufferSize(100000);
  addEventListener('keydown', (e) => {
    if (e.key !== 'Enter') return;
    b.enter.push(performance.now());
    try { sessionStorage.setItem('benchEnter', String(performance.timeOrigin + performance.now())); } catch {}
  }, true);
  const snap = () => {
    const s = document.getElementById('trang-thai');
    const l = document.getElementById('danh-sach-ket-qua');
    if (!s || !l) return;
    const text = s.textContent || '';
    const items = l.querySelectorAll('li').length;
    const last = b.changes[b.changes.length - 1];
    if (last && last.text === text && last.items === items) return;
    const rec = { t: performance.now(), paint: null, text, items };
    b.changes.push(rec);
    requestAnimationFrame(() => { rec.paint = performance.now(); });
  };
  new MutationObserver(snap).observe(document, { subtree: true, childList: true, characterData: true });
})();`;

interface Timing {
  url: string;
  /** Absolute start, ms since the epoch. */
  start: number;
  encoded: number;
  transfer: number;
  who: 'page' | 'worker';
}

interface Change {
  t: number;
  paint: number | null;
  text: string;
  items: number;
}
interface Probe {
  enter: number[];
  changes: Change[];
  /** The page's performance.timeOrigin (ms since the epoch). */
  origin: number;
}

/** Done = the status line reports results for this query and the list has items. */
const isDone = (c: { text: string; items: number }, query: string): boolean => /\d+ văn bản/.test(c.text) && c.text.includes(query) && c.items > 0;

export interface DocumentPageFigures {
  path: string;
  /** With JavaScript disabled: the text is there (paragraphs of .doc-body) and how many. */
  paragraphsWithoutJs: number;
  requests: number;
  /** Everything the browser fetched for the page without JS, as served / gzip estimate. */
  transferred: number;
  gzipEstimate: number;
}

export interface SearchRun {
  steps: StepFigures[];
  workerRequestsCounted: boolean;
  sizeDisagreements: SearchFigures['sizeDisagreements'];
  coldTimeline: SearchFigures['coldTimeline'];
}

export interface SearchSummary extends SearchFigures {
  /** Each run is a fresh browser context (cold cache) on the same browser and server. */
  runs: number;
  /** Per step: the time of every run; `steps` holds each step of its median run (lower middle for an even count). */
  msRuns: Record<StepFigures['name'], Array<number | null>>;
  /** True when every run fetched the same bytes in every step. */
  bytesStable: boolean;
  documentPage: DocumentPageFigures | null;
}

/**
 * Runs the search sequence `runs` times, each in a fresh context, after one throwaway page load that
 * warms the browser process (not the cache: contexts share none) and the server.
 */
export async function measureSearch(options: {
  distDir: string;
  queries: [string, string];
  runs?: number;
  timeoutMs?: number;
  /** A document page to open with JavaScript off (its path, e.g. /van-ban/x/y/). */
  documentPath?: string;
}): Promise<SearchSummary> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  const timeout = options.timeoutMs ?? 60_000;
  const runs = Math.max(1, options.runs ?? 3);
  const server = await startServer(options.distDir, 0);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  try {
    const warm = await browser.newContext();
    await (await warm.newPage()).goto(`${server.url}/`, { timeout });
    await warm.close();

    const results: SearchRun[] = [];
    for (let i = 0; i < runs; i++) {
      const run = await searchSession(browser, server.url, options.distDir, options.queries, timeout);
      run.steps.push(await typedSession(browser, server.url, options.distDir, options.queries[0], timeout));
      results.push(run);
    }
    const first = results[0]!;
    const msRuns = Object.fromEntries(
      first.steps.map((s, k) => [s.name, results.map((r) => r.steps[k]?.ms ?? null)]),
    ) as SearchSummary['msRuns'];
    // Each step as measured in its median run (by time), waterfall and breakdown included.
    const steps = first.steps.map((s, k) => {
      const ranked = results.map((r) => r.steps[k]!).sort((a, b) => (a.ms ?? Infinity) - (b.ms ?? Infinity));
      return ranked[(ranked.length - 1) >> 1] ?? s;
    });
    const bytesStable = results.every((r) => r.steps.every((s, k) => s.totals.transferred === first.steps[k]!.totals.transferred));
    const documentPage = options.documentPath ? await documentWithoutJs(browser, server.url, options.distDir, options.documentPath, timeout) : null;
    return {
      url: `/tim-kiem/?q=${encodeURIComponent(options.queries[0])}`,
      chromium: browser.version(),
      steps,
      workerRequestsCounted: results.every((r) => r.workerRequestsCounted),
      sizeDisagreements: results.flatMap((r) => r.sizeDisagreements),
      coldTimeline: first.coldTimeline,
      runs,
      msRuns,
      bytesStable,
      documentPage,
    };
  } finally {
    await browser.close();
    server.close();
  }
}


type Browser = Awaited<ReturnType<typeof chromium.launch>>;
type Context = Awaited<ReturnType<Browser['newContext']>>;

/** Records every request of a context: sizes, timings, gzip of the body; knows when the network is quiet. */
class RequestLog {
  phase = 0;
  timeOrigin = 0;
  readonly records: Array<RequestRecord & { phase: number; absStart: number }> = [];
  private readonly phaseOf = new Map<Request, number>();
  private readonly pending = new Set<Promise<void>>();
  private inflight = 0;
  private lastActivity = Date.now();
  private readonly distDir: string;

  constructor(context: Context, distDir: string) {
    this.distDir = distDir;
    context.on('request', (r) => {
      this.phaseOf.set(r, this.phase);
      this.inflight++;
      this.lastActivity = Date.now();
    });
    context.on('requestfinished', (r) => this.settle(r, null));
    context.on('requestfailed', (r) => this.settle(r, r.failure()?.errorText ?? 'failed'));
  }

  private settle(r: Request, failed: string | null): void {
    const job = this.record(r, failed)
      .then((rec) => void this.records.push({ ...rec, phase: this.phaseOf.get(r) ?? this.phase }))
      .finally(() => {
        this.inflight--;
        this.lastActivity = Date.now();
        this.pending.delete(job);
      });
    this.pending.add(job);
  }

  private async record(r: Request, failed: string | null): Promise<RequestRecord & { absStart: number }> {
    const url = new URL(r.url());
    const response = failed ? null : await r.response().catch(() => null);
    const sizes = failed ? null : await r.sizes().catch(() => null);
    const timing = r.timing();
    const headers = response ? await response.allHeaders().catch(() => ({}) as Record<string, string>) : {};
    let body: Buffer | null = null;
    let gzipFrom: RequestRecord['gzipFrom'] = null;
    if (response) {
      body = await response.body().catch(() => null);
      if (body) gzipFrom = 'response';
      else {
        // A body the browser will not hand over: gzip the file that was served instead.
        const path = decodeURIComponent(url.pathname);
        body = await readFile(join(this.distDir, path.endsWith('/') ? `${path}index.html` : path)).catch(() => null);
        if (body) gzipFrom = 'disk';
      }
    }
    return {
      url: `${url.pathname}${url.search}`,
      resourceType: r.resourceType(),
      initiator: r.resourceType() === 'document' ? 'page' : 'unknown',
      cached: false,
      status: response?.status() ?? null,
      failed,
      startMs: timing.startTime > 0 && this.timeOrigin > 0 ? round(timing.startTime - this.timeOrigin) : null,
      durationMs: timing.responseEnd >= 0 ? round(timing.responseEnd) : null,
      bodyBytes: sizes?.responseBodySize ?? 0,
      bodyFrom: sizes ? 'playwright' : 'none',
      absStart: timing.startTime,
      responseHeaderBytes: sizes?.responseHeadersSize ?? 0,
      requestBytes: (sizes?.requestHeadersSize ?? 0) + (sizes?.requestBodySize ?? 0),
      contentEncoding: headers['content-encoding'] ?? null,
      gzipBytes: body ? gzipSize(body) : null,
      gzipFrom,
    };
  }

  /** Waits until no request has been in flight, nor any record pending, for `quietMs`. */
  async quiet(timeout: number, quietMs = 500): Promise<void> {
    const deadline = Date.now() + timeout;
    while (Date.now() < deadline) {
      if (this.inflight === 0 && this.pending.size === 0 && Date.now() - this.lastActivity >= quietMs) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`network still busy after ${timeout} ms (${this.inflight} requests in flight)`);
  }
}

type Page = Awaited<ReturnType<Context['newPage']>>;

/** Resource Timing entries of the page and of every worker (Pagefind fetches its files in its worker). */
async function resourceTimings(page: Page): Promise<Timing[]> {
  const read = (): Array<Omit<Timing, 'who'>> =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => {
      const u = new URL(e.name);
      return { url: `${u.pathname}${u.search}`, start: performance.timeOrigin + e.startTime, encoded: e.encodedBodySize, transfer: e.transferSize };
    });
  const out: Timing[] = (await page.evaluate(read)).map((t) => ({ ...t, who: 'page' as const }));
  for (const w of page.workers()) out.push(...(await w.evaluate(read).catch(() => [])).map((t) => ({ ...t, who: 'worker' as const })));
  return out;
}

/**
 * Completes a request's record with the Resource Timing entry of the same URL that started closest
 * to it: who fetched it, whether it came from the cache, and its body size where Playwright has none.
 */
function reconcile(r: RequestRecord, absStart: number, timings: Timing[], disagreements: SearchFigures['sizeDisagreements']): RequestRecord {
  let best: Timing | null = null;
  for (const t of timings) if (t.url === r.url && (!best || Math.abs(t.start - absStart) < Math.abs(best.start - absStart))) best = t;
  if (!best) return { ...r, cached: r.bodyBytes < 0, bodyBytes: Math.max(0, r.bodyBytes), responseHeaderBytes: r.bodyBytes < 0 ? 0 : r.responseHeaderBytes };
  const out: RequestRecord = { ...r, initiator: best.who };
  if (best.transfer === 0 && best.encoded > 0) return { ...out, cached: true, bodyBytes: 0, responseHeaderBytes: 0, bodyFrom: 'cache' };
  // Revalidated (304): Resource Timing gives the cached body's size, but only the headers crossed
  // the network, fewer bytes than that body (a body smaller than the headers is counted as sent).
  if (best.transfer > 0 && best.transfer < best.encoded) return { ...out, cached: true, bodyBytes: 0, responseHeaderBytes: best.transfer, bodyFrom: 'revalidated' };
  if (r.bodyBytes <= 0 && best.encoded > 0) return { ...out, bodyBytes: best.encoded, bodyFrom: 'resource-timing' };
  if (r.bodyBytes !== best.encoded) disagreements.push({ url: r.url, playwright: r.bodyBytes, resourceTiming: best.encoded });
  return { ...out, bodyBytes: Math.max(0, r.bodyBytes) };
}

/** One run: cold search URL in a fresh context, then a second query and the first again on that page. */
async function searchSession(browser: Browser, origin: string, distDir: string, queries: [string, string], timeout: number): Promise<SearchRun> {
  const [q1, q2] = queries;
  const context = await browser.newContext();
  try {
    const log = new RequestLog(context, distDir);
    const disagreements: SearchFigures['sizeDisagreements'] = [];
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    const probe = (): Promise<Probe> => page.evaluate(() => (window as unknown as { __bench: Probe }).__bench);
    const waitDone = (query: string, after: number): Promise<unknown> =>
      page.waitForFunction(
        ([q, t]) => {
          const b = (window as unknown as { __bench?: Probe }).__bench;
          return !!b && b.changes.some((c) => c.t >= t && /\d+ văn bản/.test(c.text) && c.text.includes(q) && c.items > 0);
        },
        [query, after] as const,
        { timeout, polling: 50 },
      );

    const steps: StepFigures[] = [];
    const finishStep = async (name: StepFigures['name'], query: string, start: number, index: number): Promise<void> => {
      await log.quiet(timeout);
      const b = await probe();
      const done = b.changes.find((c) => c.t >= start && isDone(c, query));
      const last = b.changes[b.changes.length - 1];
      const timings = await resourceTimings(page);
      const requests = log.records
        .filter((r) => r.phase === index)
        .map(({ phase: _phase, absStart, ...r }) => reconcile(r, absStart, timings, disagreements))
        .sort((x, y) => (x.startMs ?? 0) - (y.startMs ?? 0));
      steps.push({
        name,
        query,
        breakdown: breakdown(requests, start, done ? done.t - start : null),
        ms: done ? round(done.t - start) : null,
        paintMs: done?.paint != null ? round(done.paint - start) : null,
        statusText: (done ?? last)?.text ?? '',
        items: (done ?? last)?.items ?? 0,
        requests,
        totals: totals(requests),
      });
    };

    // 1. Cold: a fresh context, straight to the search URL.
    log.timeOrigin = Date.now(); // replaced by the page's own timeOrigin once it exists
    await page.goto(`${origin}/tim-kiem/?q=${encodeURIComponent(q1)}`, { waitUntil: 'commit', timeout });
    log.timeOrigin = await page.evaluate(() => performance.timeOrigin).catch(() => log.timeOrigin);
    for (const r of log.records) r.startMs = r.absStart > 0 ? round(r.absStart - log.timeOrigin) : null;
    await waitDone(q1, 0);
    await finishStep('cold', q1, 0, 0);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { responseEnd: n?.responseEnd ?? null, domContentLoaded: n?.domContentLoadedEventEnd ?? null, load: n?.loadEventEnd ?? null };
    });
    steps[0]!.breakdown.htmlEnd = nav.responseEnd === null ? null : round(nav.responseEnd);
    steps[0]!.breakdown.domContentLoaded = nav.domContentLoaded === null ? null : round(nav.domContentLoaded);

    // 2. A different query typed into the box, 3. the first query again: same page, warm.
    for (const [index, name, query] of [
      [1, 'second', q2],
      [2, 'repeat', q1],
    ] as const) {
      log.phase = index;
      await page.fill('#tu-khoa', query);
      const before = (await probe()).enter.length;
      await page.press('#tu-khoa', 'Enter');
      const handle = await page.waitForFunction((n) => (window as unknown as { __bench: Probe }).__bench.enter[n], before, { timeout });
      const start = Number(await handle.jsonValue());
      await waitDone(query, start);
      await finishStep(name, query, start, index);
    }

    const all = steps.flatMap((s) => s.requests);
    const byWorker = (part: string): boolean => all.some((r) => r.initiator === 'worker' && r.url.includes(part));
    return {
      steps,
      workerRequestsCounted: byWorker('/pagefind/index/') && byWorker('/pagefind/fragment/'),
      sizeDisagreements: disagreements,
      coldTimeline: {
        responseEnd: nav.responseEnd === null ? null : round(nav.responseEnd),
        domContentLoaded: nav.domContentLoaded === null ? null : round(nav.domContentLoaded),
        load: nav.load === null ? null : round(nav.load),
      },
    };
  } finally {
    await context.close();
  }
}

/** A reader's pace: about five characters a second. */
const TYPING_DELAY_MS = 200;

/**
 * A first search as a reader makes one, in a fresh context (cold cache): on the home page, click the
 * search box, type the query at a reader's pace, press Enter, and the search page opens. Measured
 * from Enter to the results on screen, with every byte fetched after Enter (what the page fetched
 * while the reader typed is not counted; that is the point of fetching it then).
 */
async function typedSession(browser: Browser, origin: string, distDir: string, query: string, timeout: number): Promise<StepFigures> {
  const context = await browser.newContext();
  try {
    const log = new RequestLog(context, distDir);
    const page = await context.newPage();
    await page.addInitScript(PROBE);
    await page.goto(`${origin}/`, { waitUntil: 'load', timeout });
    const box = page.locator('#tim-kiem-trang-chu');
    await box.click();
    await box.pressSequentially(query, { delay: TYPING_DELAY_MS });
    log.phase = 1;
    await box.press('Enter');
    await page.waitForURL(/\/tim-kiem\//, { timeout });
    const enter = Number(await page.evaluate(() => sessionStorage.getItem('benchEnter')));
    log.timeOrigin = enter;
    for (const r of log.records) r.startMs = r.absStart > 0 ? round(r.absStart - enter) : null;
    await page.waitForFunction(
      (q) => {
        const b = (window as unknown as { __bench?: Probe }).__bench;
        return !!b && b.changes.some((c) => /\d+ văn bản/.test(c.text) && c.text.includes(q) && c.items > 0);
      },
      query,
      { timeout, polling: 50 },
    );
    await log.quiet(timeout);
    const b = (await page.evaluate(() => (window as unknown as { __bench: Probe }).__bench)) as Probe;
    const done = b.changes.find((c) => isDone(c, query));
    const last = b.changes[b.changes.length - 1];
    // The search page's clock: ms after Enter.
    const sinceEnter = (t: number): number => round(b.origin + t - enter);
    const timings = await resourceTimings(page);
    const disagreements: SearchFigures['sizeDisagreements'] = [];
    const requests = log.records
      .filter((r) => r.phase === 1)
      .map(({ phase: _phase, absStart, ...r }) => reconcile(r, absStart, timings, disagreements))
      .sort((x, y) => (x.startMs ?? 0) - (y.startMs ?? 0));
    const ms = done ? sinceEnter(done.t) : null;
    return {
      name: 'typed',
      query,
      ms,
      paintMs: done?.paint != null ? sinceEnter(done.paint) : null,
      statusText: (done ?? last)?.text ?? '',
      items: (done ?? last)?.items ?? 0,
      requests,
      breakdown: breakdown(requests, 0, ms),
      totals: totals(requests),
    };
  } finally {
    await context.close();
  }
}

/** A document page in a fresh context with JavaScript off: is the text there, and what did it cost? */
async function documentWithoutJs(browser: Browser, origin: string, distDir: string, path: string, timeout: number): Promise<DocumentPageFigures> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const log = new RequestLog(context, distDir);
    const page = await context.newPage();
    await page.goto(`${origin}${path}`, { waitUntil: 'load', timeout });
    await log.quiet(timeout);
    const paragraphs = await page.locator('.doc-body p').count();
    const requests = log.records.map(({ phase: _p, absStart: _a, ...r }) => ({ ...r, bodyBytes: Math.max(0, r.bodyBytes) }));
    const t = totals(requests);
    return { path, paragraphsWithoutJs: paragraphs, requests: t.requests, transferred: t.transferred, gzipEstimate: t.gzipEstimate };
  } finally {
    await context.close();
  }
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Milestones of a step from its requests; `start` is the step's start on the page's clock (ms). */
function breakdown(requests: RequestRecord[], start: number, results: number | null): Breakdown {
  const span = (rs: RequestRecord[]): Array<{ s: number; e: number }> =>
    rs.filter((r) => r.startMs !== null).map((r) => ({ s: r.startMs! - start, e: r.startMs! - start + (r.durationMs ?? 0) }));
  const lastEnd = (rs: RequestRecord[]): number | null => {
    const x = span(rs);
    return x.length ? round(Math.max(...x.map((v) => v.e))) : null;
  };
  const firstStart = (rs: RequestRecord[]): number | null => {
    const x = span(rs);
    return x.length ? round(Math.min(...x.map((v) => v.s))) : null;
  };
  const runtime = requests.filter((r) => /\/pagefind\/pagefind(-worker)?\.js$/.test(r.url));
  const init = requests.filter((r) => /\/pagefind\/(pagefind-entry\.json|.*\.pf_meta|wasm\.|filter\/)/.test(r.url));
  const index = requests.filter((r) => r.url.includes('/pagefind/index/'));
  const fragments = requests.filter((r) => r.url.includes('/pagefind/fragment/'));
  const fs = span(fragments);
  const maxInFlight = fs.reduce((m, a) => Math.max(m, fs.filter((b) => b.s <= a.s && a.s < b.e).length), 0);
  return {
    htmlEnd: null,
    domContentLoaded: null,
    runtimeEnd: lastEnd(runtime),
    initEnd: lastEnd(init),
    indexChunks: { count: index.length, firstStart: firstStart(index), lastEnd: lastEnd(index) },
    fragments: { count: fragments.length, firstStart: firstStart(fragments), lastEnd: lastEnd(fragments), maxInFlight },
    results: results === null ? null : round(results),
  };
}

export type ByteKind = 'site' | 'runtime' | 'meta' | 'filters' | 'index' | 'fragments';
const BYTE_KINDS: readonly ByteKind[] = ['site', 'runtime', 'meta', 'filters', 'index', 'fragments'];

/**
 * What a request is: the site's own page and assets, Pagefind's runtime (scripts, wasm, entry
 * files), each bundle's page metadata (pf_meta), filters (Pagefind's filter indexes, loaded when a
 * search filters, and the counts table facets.json), word index chunks, or result fragments.
 * Shows which part of a search's bytes a change could reduce.
 */
export function kindOf(url: string): ByteKind {
  const path = new URL(url, 'http://x').pathname;
  if (!path.startsWith('/pagefind/')) return 'site';
  if (path.endsWith('.pf_meta')) return 'meta';
  if (path.endsWith('.pf_filter') || path === `/pagefind/${FACETS_FILE}`) return 'filters';
  if (path.endsWith('.pf_index')) return 'index';
  if (path.endsWith('.pf_fragment')) return 'fragments';
  return 'runtime';
}

function totals(requests: RequestRecord[]): StepFigures['totals'] {
  let bodies = 0;
  let headers = 0;
  let gzip = 0;
  for (const r of requests) {
    bodies += r.bodyBytes;
    headers += r.responseHeaderBytes;
    // A host compresses only when it helps: Pagefind's chunks and wasm are already gzip inside.
    gzip += r.responseHeaderBytes + (r.gzipBytes === null ? r.bodyBytes : Math.min(r.bodyBytes, r.gzipBytes));
  }
  return {
    requests: requests.length,
    transferred: bodies + headers,
    bodies,
    headers,
    gzipEstimate: gzip,
    workerRequests: requests.filter((r) => r.initiator === 'worker').length,
    pagefindIndexChunks: requests.filter((r) => r.url.includes('/pagefind/index/')).length,
    pagefindFragments: requests.filter((r) => r.url.includes('/pagefind/fragment/')).length,
    byKind: Object.fromEntries(
      BYTE_KINDS.map((k) => [k, requests.filter((r) => kindOf(r.url) === k).reduce((n, r) => n + r.bodyBytes + r.responseHeaderBytes, 0)]),
    ) as Record<ByteKind, number>,
  };
}
