/**
 * Pagefind, in a worker of the search page's own (started by src/search/browser/page.ts).
 *
 * Why: loaded on the page, Pagefind's runtime (47 kB of JavaScript) set up its inflate tables and
 * WebAssembly glue and turned every answer into objects on the page's main thread, about 25 ms a
 * load, 90 ms at Lighthouse's 4× CPU throttling, and its Total Blocking Time pushed the search page's
 * performance score from 99–100 down to 92–96 run to run. Here, finding no `window`, Pagefind runs in
 * this worker itself instead of starting one of its own; the page keeps only its own markup work.
 *
 * The messages it answers are declared in protocol.ts.
 */
import { startupFiles, startupKey, type PagefindEntry } from './startup.ts';
import { BUNDLES_FILE, PRIMARY_BUNDLE as PRIMARY } from '../shared/constants.ts';
import { planSearches, rankResults, searchPlan, type PlanAnswers, type Ranking, type SearchPlan } from '../shared/phrases.ts';
import type { SearchAnswer, SearchData, SearchOptions, WorkerMethod, WorkerMethods, WorkerReply, WorkerRequest } from './protocol.ts';

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<SearchData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, o?: Record<string, unknown>): Promise<{ results: PagefindResult[] }>;
  mergeIndex(path: string, o?: Record<string, unknown>): Promise<void>;
  destroy(): Promise<void>;
}

/** The Pagefind in use and whether it was started with strict tone marks. */
let current: { exact: boolean; ready: Promise<Pagefind> } | null = null;
/**
 * Each search so far: the result of each page (its best-matching search, whose excerpt `data`
 * shows), and, until its pairs of syllables are searched (`settle`), what that needs.
 */
interface Kept {
  results: Map<string, PagefindResult>;
  pending: { plan: SearchPlan; answers: PlanAnswers<PagefindResult>; filters: Record<string, unknown> } | null;
}
const searches = new Map<number, Kept>();
let searchCount = 0;

/**
 * Pagefind's start-up files, fetched all at once before Pagefind asks for them one after another
 * (src/search/browser/startup.ts says why). Each is fetched once, by whoever asks first, this worker
 * or Pagefind; the other gets a copy.
 */
const early = new Map<string, Promise<Response>>();
const nativeFetch = self.fetch.bind(self);
self.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const key = (init?.method ?? 'GET') === 'GET' ? startupKey(url, self.location.origin) : null;
  return key === null ? nativeFetch(input, init) : fetchOnce(key);
};

function fetchOnce(path: string): Promise<Response> {
  let fetched = early.get(path);
  if (!fetched) {
    // An entry file names the index files of the current build: like Pagefind's `?ts=`, never take it
    // from a cache unchecked (a host may let a browser reuse it for a while).
    fetched = nativeFetch(path, path.endsWith('/pagefind-entry.json') ? { cache: 'no-cache' } : undefined);
    early.set(path, fetched);
    // A failed fetch is not kept: Pagefind, or the next start, asks again.
    fetched.then(
      (r) => !r.ok && early.delete(path),
      () => early.delete(path),
    );
  }
  return fetched.then((r) => r.clone());
}

/** Asks for every bundle's entry, metadata and the primary's WebAssembly at once; errors are Pagefind's to report. */
function prefetchStartup(paths: string[]): void {
  for (const path of paths) {
    fetchOnce(`${path}pagefind-entry.json`)
      .then((r) => (r.ok ? (r.json() as Promise<PagefindEntry>) : null))
      .then((entry) => entry && startupFiles(path, entry, path === PRIMARY).forEach((file) => void fetchOnce(file).catch(() => undefined)))
      .catch(() => undefined);
  }
}

/**
 * Pagefind also matches a query word to longer words that begin with it, since it is made for
 * search as one types. Vietnamese words are syllables, so a longer word is nearly always another
 * word: “chi” is not “chính”, “cho” is not “chống”. Its default `termSimilarity` (1) ranked
 * such matches nearly as high as the syllable itself, and excerpts showed them: `chi dao` showed
 * the Kon Tum directive at “chính quyền” rather than at “chỉ đạo”, `phong chong dich` the Gia Lai
 * one at “đi … phòng, chống”. At 10 (the scale has no maximum), the syllable itself wins; 3 was
 * not enough on the seeds, and 30 only swapped two results of `tai cho`.
 */
const RANKING = { termSimilarity: 10 };

/**
 * Starts Pagefind, or starts it afresh when strict tone marks are switched: that is an option of
 * every bundle's index (the files are cached by then, so this costs no download).
 */
function load(exact: boolean): Promise<Pagefind> {
  if (current?.exact === exact) return current.ready;
  const previous = current;
  const ready = (async () => {
    const stopped = await previous?.ready.catch(() => null);
    if (stopped) await stopped.destroy();
    searches.clear(); // they belong to the Pagefind just stopped
    prefetchStartup([PRIMARY]); // its path is known before the list of bundles is
    const [module, bundles] = await Promise.all([
      import(/* @vite-ignore */ `${PRIMARY}pagefind.js`) as Promise<Pagefind>,
      fetch(`${PRIMARY}${BUNDLES_FILE}`).then((r) => {
        if (!r.ok) throw new Error(`${PRIMARY}${BUNDLES_FILE}: ${r.status}`);
        return (r.json() as Promise<{ bundles: Array<{ path: string }> }>).then((list) => {
          prefetchStartup(list.bundles.map((b) => b.path).filter((path) => path !== PRIMARY));
          return list;
        });
      }),
    ]);
    const options = { excerptLength: 28, exactDiacritics: exact, ranking: RANKING };
    await module.options(options);
    await module.init();
    // Bundles by date of issue (src/search/build/index-step.ts): the others join the primary's index.
    await Promise.all(bundles.bundles.filter((b) => b.path !== PRIMARY).map((b) => module.mergeIndex(b.path, options)));
    return module;
  })();
  current = { exact, ready };
  ready.catch(() => {
    if (current?.ready === ready) current = null; // the next call tries again
  });
  return ready;
}

/**
 * A query as the reader typed it, searched as its plan (src/search/shared/phrases.ts): the whole
 * query in its đ/d variants, each quoted phrase, each run of syllables typed together, ranked as
 * one list. Its pairs of syllables wait for `settle`: they only order the pages that do not hold
 * every run, which come after those that do, often past the first page of results. Each page keeps
 * the result of the search it matched best, whose excerpt `data` shows. No query: every page the
 * filters let through, in Pagefind's order.
 */
async function search(query: string | null, options: SearchOptions): Promise<SearchAnswer> {
  const pf = await ready();
  const filters = { filters: options.filters };
  const number = ++searchCount;
  if (query === null) {
    const { results } = await pf.search(null, filters);
    searches.set(number, { results: new Map(results.map((r) => [r.id, r])), pending: null });
    return { search: number, hits: results.map(({ id, score }) => ({ id, score })), settled: results.length };
  }
  const plan = searchPlan(query, options.exact);
  const found = await searchAll(pf, planSearches(plan), filters);
  const answer = (qs: string[]): PagefindResult[][] => qs.map((q) => found.get(q)!);
  const answers: PlanAnswers<PagefindResult> = {
    plain: answer(plan.plain),
    required: plan.required.map(answer),
    together: plan.together.map(answer),
    pairs: plan.pairs.length > 0 ? null : [],
  };
  const ranking = rankResults(answers);
  searches.set(number, { results: excerpts(ranking), pending: answers.pairs === null ? { plan, answers, filters } : null });
  return { search: number, ...hitsOf(ranking) };
}

/** Searches the pairs of syllables of a search, if it waits for them, and answers its results in their final order. */
async function settle(number: number): Promise<Omit<SearchAnswer, 'search'>> {
  const kept = searches.get(number);
  if (!kept) throw new Error(`no search ${number}`);
  if (kept.pending) {
    const { plan, answers, filters } = kept.pending;
    const found = await searchAll(await ready(), planSearches(plan, 'pairs'), filters);
    answers.pairs = plan.pairs.map((variants) => variants.map((q) => found.get(q)!));
    kept.pending = null;
    kept.results = excerpts(rankResults(answers));
  }
  const results = [...kept.results.values()];
  return { hits: results.map(({ id }) => ({ id, score: 0 })), settled: results.length };
}

const ready = (): Promise<Pagefind> => {
  if (!current) throw new Error('search before load');
  return current.ready;
};

/** Runs some searches at once: each one's results, by search. */
const searchAll = async (pf: Pagefind, queries: string[], filters: Record<string, unknown>): Promise<Map<string, PagefindResult[]>> =>
  new Map(await Promise.all(queries.map(async (q) => [q, (await pf.search(q, filters)).results] as const)));

/** Each ranked page's result to show, in the ranking's order. */
const excerpts = (ranking: Ranking<PagefindResult>): Map<string, PagefindResult> => new Map(ranking.results.map((r) => [r.id, r.excerpt]));

const hitsOf = (ranking: Ranking<PagefindResult>): Omit<SearchAnswer, 'search'> => ({
  hits: ranking.results.map(({ id, score }) => ({ id, score })),
  settled: ranking.settled,
});

async function data(search: number, pageId: string): Promise<SearchData> {
  const result = searches.get(search)?.results.get(pageId);
  if (!result) throw new Error(`no result ${pageId} of search ${search}`);
  const { url, excerpt, meta } = await result.data();
  return { url, excerpt, meta };
}

function forget(numbers: number[]): null {
  for (const n of numbers) searches.delete(n);
  return null;
}

/** Each method of the protocol, as this worker carries it out. */
const methods: { [M in WorkerMethod]: (...args: Parameters<WorkerMethods[M]>) => Promise<ReturnType<WorkerMethods[M]>> | ReturnType<WorkerMethods[M]> } = {
  load: (exact) => load(exact).then(() => null),
  search,
  settle,
  data,
  forget,
};

function answer(request: WorkerRequest): Promise<unknown> {
  const method = methods[request.method] as (...args: unknown[]) => unknown;
  return Promise.resolve().then(() => method(...request.args));
}

self.addEventListener('message', (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  answer(request).then(
    (value) => self.postMessage({ id: request.id, value } satisfies WorkerReply),
    (error: unknown) => self.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies WorkerReply),
  );
});
