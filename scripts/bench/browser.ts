/**
 * The search page in a real Chromium, for `npm run bench`: serves a built site with
 * scripts/serve.ts on a free port, opens `/tim-kiem/?q=<first>` in a fresh browser context (cold
 * cache), then runs a second query and the first one again on the same page, and measures for each
 * step the time until the results are on screen and every byte the browser fetched for it.
 *
 * Requests are counted at the browser-context level, which includes those of Pagefind's Web
 * Worker (its index and fragment chunks). Bytes are what scripts/serve.ts sends (uncompressed);
 * each body is also gzip-compressed here to show what a compressing host would send.
 */
import { chromium, type Request } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startServer } from '../serve.ts';
import { chromiumPath } from '../check-chromium.mjs';
import { gzipSize } from './sizes.ts';

export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface RequestRecord {
  /** Path and query, without the origin. */
  url: string;
  resourceType: string;
  /** Who fetched it: the page, or Pagefind's Web Worker (told apart by each one's Resource Timing entries). */
  initiator: 'page' | 'worker' | 'unknown';
  /** Served from the browser's cache: nothing transferred. */
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
  /** Where bodyBytes came from. */
  bodyFrom: 'playwright' | 'resource-timing' | 'cache' | 'none';
  responseHeaderBytes: number;
  requestBytes: number;
  contentEncoding: string | null;
  /** gzip (level 6) of the decoded body; null when the body could not be read. */
  gzipBytes: number | null;
  /** Where the body for gzipBytes came from: the captured response, or the file on disk when the browser would not give it. */
  gzipFrom: 'response' | 'disk' | null;
}

export interface StepFigures {
  name: 'cold' | 'second' | 'repeat';
  query: string;
  /** Navigation start (cold) or the Enter key (later steps) to results on screen (DOM updated), ms. */
  ms: number | null;
  /** The same to the next animation frame after that (paint), ms. */
  paintMs: number | null;
  /** Text of #trang-thai when done, and number of result items. */
  statusText: string;
  items: number;
  requests: RequestRecord[];
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
  };
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
const PROBE = `(() => {
  const b = (window.__bench = { enter: [], changes: [] });
  performance.setResourceTimingBufferSize(100000);
  addEventListener('keydown', (e) => { if (e.key === 'Enter') b.enter.push(performance.now()); }, true);
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
}

/** Done = the status line reports results for this query and the list has items. */
const isDone = (c: { text: string; items: number }, query: string): boolean => /\d+ văn bản/.test(c.text) && c.text.includes(query) && c.items > 0;

export async function measureSearch(options: { distDir: string; queries: [string, string]; timeoutMs?: number }): Promise<SearchFigures> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH.');
  const timeout = options.timeoutMs ?? 60_000;
  const [q1, q2] = options.queries;
  const server = await startServer(options.distDir, 0);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_FLAGS, headless: true });
  try {
    const context = await browser.newContext();
    let phase = 0;
    const phaseOf = new Map<Request, number>();
    const records: Array<RequestRecord & { phase: number; absStart: number }> = [];
    const disagreements: SearchFigures['sizeDisagreements'] = [];
    const pending = new Set<Promise<void>>();
    let inflight = 0;
    let lastActivity = Date.now();
    let timeOrigin = 0;

    context.on('request', (r) => {
      phaseOf.set(r, phase);
      inflight++;
      lastActivity = Date.now();
    });
    const settle = (r: Request, failed: string | null): void => {
      const job = record(r, failed)
        .then((rec) => void records.push({ ...rec, phase: phaseOf.get(r) ?? phase }))
        .finally(() => {
          inflight--;
          lastActivity = Date.now();
          pending.delete(job);
        });
      pending.add(job);
    };
    context.on('requestfinished', (r) => settle(r, null));
    context.on('requestfailed', (r) => settle(r, r.failure()?.errorText ?? 'failed'));

    async function record(r: Request, failed: string | null): Promise<RequestRecord & { absStart: number }> {
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
          // The worker's responses are not always retrievable: fall back to the file served.
          const path = decodeURIComponent(url.pathname);
          body = await readFile(join(options.distDir, path.endsWith('/') ? `${path}index.html` : path)).catch(() => null);
          if (body) gzipFrom = 'disk';
        }
      }
      return {
        url: `${url.pathname}${url.search}`,
        resourceType: r.resourceType(),
        initiator: 'unknown',
        cached: false,
        status: response?.status() ?? null,
        failed,
        startMs: timing.startTime > 0 && timeOrigin > 0 ? round(timing.startTime - timeOrigin) : null,
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

    /** Waits until no request has been in flight for `quietMs`. */
    async function networkQuiet(quietMs = 500): Promise<void> {
      const deadline = Date.now() + timeout;
      while (Date.now() < deadline) {
        if (inflight === 0 && pending.size === 0 && Date.now() - lastActivity >= quietMs) return;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`network still busy after ${timeout} ms (${inflight} requests in flight)`);
    }

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

    /** Resource Timing entries of the page and of every worker (Pagefind's fetches happen in its worker). */
    async function resourceTimings(): Promise<Timing[]> {
      const read = (): Array<Omit<Timing, 'who'>> =>
        (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => {
          const u = new URL(e.name);
          return { url: `${u.pathname}${u.search}`, start: performance.timeOrigin + e.startTime, encoded: e.encodedBodySize, transfer: e.transferSize };
        });
      const out: Timing[] = (await page.evaluate(read)).map((t) => ({ ...t, who: 'page' as const }));
      for (const w of page.workers()) out.push(...(await w.evaluate(read).catch(() => [])).map((t) => ({ ...t, who: 'worker' as const })));
      return out;
    }

    /** Completes one request's record with the Resource Timing entry of the same URL started closest to it. */
    function reconcile(r: RequestRecord, absStart: number, timings: Timing[]): RequestRecord {
      let best: Timing | null = null;
      for (const t of timings) if (t.url === r.url && (!best || Math.abs(t.start - absStart) < Math.abs(best.start - absStart))) best = t;
      if (!best) return { ...r, bodyBytes: Math.max(0, r.bodyBytes), cached: r.bodyBytes < 0 };
      const out = { ...r, initiator: best.who };
      if (best.transfer === 0 && best.encoded > 0) return { ...out, cached: true, bodyBytes: 0, responseHeaderBytes: 0, bodyFrom: 'cache' };
      if (r.bodyBytes <= 0 && best.encoded > 0) return { ...out, bodyBytes: best.encoded, bodyFrom: 'resource-timing' };
      if (r.bodyBytes !== best.encoded) disagreements.push({ url: r.url, playwright: r.bodyBytes, resourceTiming: best.encoded });
      return { ...out, bodyBytes: Math.max(0, r.bodyBytes) };
    }

    const steps: StepFigures[] = [];
    const finishStep = async (name: StepFigures['name'], query: string, start: number, index: number): Promise<void> => {
      await networkQuiet();
      await Promise.all(pending);
      const b = await probe();
      const done = b.changes.find((c) => c.t >= start && isDone(c, query));
      const last = b.changes[b.changes.length - 1];
      const timings = await resourceTimings();
      const requests = records
        .filter((r) => r.phase === index)
        .map(({ phase: _phase, absStart, ...r }) => reconcile(r, absStart, timings))
        .sort((a, b) => (a.startMs ?? 0) - (b.startMs ?? 0));
      steps.push({
        name,
        query,
        ms: done ? round(done.t - start) : null,
        paintMs: done?.paint != null ? round(done.paint - start) : null,
        statusText: (done ?? last)?.text ?? '',
        items: (done ?? last)?.items ?? 0,
        requests,
        totals: totals(requests),
      });
    };

    // 1. Cold: a fresh context, straight to the search URL.
    const url = `${server.url}/tim-kiem/?q=${encodeURIComponent(q1)}`;
    timeOrigin = Date.now(); // replaced by the page's own timeOrigin below; used only if that fails
    const nav = page.goto(url, { waitUntil: 'commit', timeout });
    await nav;
    timeOrigin = await page.evaluate(() => performance.timeOrigin).catch(() => timeOrigin);
    await waitDone(q1, 0);
    await finishStep('cold', q1, 0, 0);
    const coldTimeline = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      return { responseEnd: n?.responseEnd ?? null, domContentLoaded: n?.domContentLoadedEventEnd ?? null, load: n?.loadEventEnd ?? null };
    });

    // 2. A different query typed into the box, 3. the first query again: same page, warm.
    for (const [index, name, query] of [
      [1, 'second', q2],
      [2, 'repeat', q1],
    ] as const) {
      phase = index;
      await page.fill('#tu-khoa', query);
      const before = (await probe()).enter.length;
      await page.press('#tu-khoa', 'Enter');
      const enter = (await page.waitForFunction((n) => (window as unknown as { __bench: Probe }).__bench.enter[n], before, { timeout })).jsonValue();
      const start = Number(await enter);
      await waitDone(query, start);
      await finishStep(name, query, start, index);
    }

    const all = steps.flatMap((s) => s.requests);
    return {
      url: url.replace(server.url, ''),
      chromium: browser.version(),
      steps,
      workerRequestsCounted:
        all.some((r) => r.initiator === 'worker' && r.url.includes('/pagefind/index/')) && all.some((r) => r.initiator === 'worker' && r.url.includes('/pagefind/fragment/')),
      sizeDisagreements: disagreements,
      coldTimeline: {
        responseEnd: coldTimeline.responseEnd === null ? null : round(coldTimeline.responseEnd),
        domContentLoaded: coldTimeline.domContentLoaded === null ? null : round(coldTimeline.domContentLoaded),
        load: coldTimeline.load === null ? null : round(coldTimeline.load),
      },
    };
  } finally {
    await browser.close();
    server.close();
  }
}

const round = (n: number): number => Math.round(n * 10) / 10;

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
  };
}
