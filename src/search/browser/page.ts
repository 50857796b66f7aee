/**
 * The search page in the browser: Pagefind's JS API, run in a worker (src/search/browser/worker.ts),
 * with the archive's own markup.
 * URL ⇄ state ⇄ form ⇄ results; pure logic lives in src/search/shared/query.ts.
 */
import { FILTERS, PRIMARY_BUNDLE, WITHOUT_VOCABULARY, type FilterKey } from '../shared/constants.ts';
import { resultsByDate, countFacets, FACETS_FILE, readFacets, withinDates, type FacetCounts, type FacetTable } from '../shared/facets.ts';
import { foldDiacritics } from '../../shared/vietnamese.ts';
import type { SearchHit, SearchData, SearchOptions, WorkerMethod, WorkerMethods, WorkerReply, WorkerRequest } from './protocol.ts';
import { dayBound, FILTER_PARAMS, hasCriteria, QUERY_LIMITS, pagefindFilters, queryWords, readState, valueSlug, writeState, type SearchState } from '../shared/query.ts';
import { isTypedWord, typedForms } from '../shared/phrases.ts';
import { RecentMap } from './recent-map.ts';

const fold = (s: string): string => foldDiacritics(s).toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

interface PagefindResult extends SearchHit {
  data: () => Promise<SearchData>;
}
interface PagefindResponse {
  /** In order of relevance; only the first `settled` in their final order until `settle` is done. */
  results: PagefindResult[];
  settled: number;
  /** Puts every result in its final order (the worker searches the query's pairs of syllables), once. */
  settle(): Promise<void>;
  /** The worker's number for this search, whose results it keeps until told to forget them. */
  search: number;
  /** The worker that answered (the `session` it ran in): only it holds the results. */
  session: number;
}
interface Pagefind {
  search(query: string | null, options: SearchOptions): Promise<PagefindResponse>;
  /** Lets the worker free these searches' results: nothing will ask for their fragments again. */
  forget(responses: PagefindResponse[]): void;
}

/**
 * Results shown at a time ("Xem thêm" adds as many). Each costs one fragment download (~2.5 kB)
 * before the list shows: ten keep a first search at 10,000 directives about 40 kB and 60 ms lighter.
 */
const PAGE_SIZE = 10;
const form = document.querySelector<HTMLFormElement>('#tim-kiem-form')!;
const input = document.querySelector<HTMLInputElement>('#tu-khoa')!;
const sortSelect = document.querySelector<HTMLSelectElement>('#sap-xep')!;
const exactBox = document.querySelector<HTMLInputElement>('#dau-chinh-xac')!;
const fromBox = document.querySelector<HTMLInputElement>('#tu-ngay')!;
const toBox = document.querySelector<HTMLInputElement>('#den-ngay')!;
const dateNote = document.querySelector<HTMLElement>('#ghi-chu-ngay')!;
const filterBox = document.querySelector<HTMLElement>('#bo-loc')!;
const status = document.querySelector<HTMLElement>('#trang-thai')!;
const notice = document.querySelector<HTMLElement>('#tu-bi-bo-qua')!;
const cutNote = document.querySelector<HTMLElement>('#tu-khoa-bi-cat')!;
const list = document.querySelector<HTMLOListElement>('#danh-sach-ket-qua')!;
const more = document.querySelector<HTMLButtonElement>('#xem-them')!;
const empty = document.querySelector<HTMLElement>('#khong-co-ket-qua')!;

let knownValues: Partial<Record<FilterKey, string[]>> = {};
let exactApplied: boolean | null = null;
let facetPages: ReturnType<typeof readFacets> = new Map();
let facetsLoaded: Promise<void> | null = null;

/**
 * Loads the table of every page's filter values (src/search/shared/facets.ts): the filters' values
 * and, counted over the results, their counts. A search without filters does not wait for it, so
 * its results show first; Pagefind's own filter indexes load only for the filters a search uses.
 */
const loadFacets = (): Promise<void> =>
  (facetsLoaded ??= fetch(`${PRIMARY_BUNDLE}${FACETS_FILE}`)
    .then((r) => {
      if (!r.ok) throw new Error(`${PRIMARY_BUNDLE}${FACETS_FILE}: ${r.status}`);
      return r.json() as Promise<FacetTable>;
    })
    .then((table) => {
      facetPages = readFacets(table);
      knownValues = table.values;
    })
    .catch((error: unknown) => {
      facetsLoaded = null; // the next search tries again
      throw error;
    }));
let generation = 0;
let stream: ResultStream | null = null;
/**
 * Answers already computed on this page, by search state: going back, or searching again, costs no
 * new scoring (Pagefind scores every query afresh, ~0.5 s at 10,000 directives on common words).
 * Only the last four are kept, and the worker is told to free the others' results: Pagefind's
 * result objects hold every matched word position, about 12 MB for a search matching most of
 * 10,000 directives. With every answer kept, 25 searches for common words took the page from
 * 290 MB to 810 MB; with four kept, to 570 MB, most of it Pagefind's loaded index (measured
 * 2026-12-02), so a long session of research no longer grows without end.
 */
const ANSWERS_KEPT = 4;
const answered = new RecentMap<string, PagefindResponse>(ANSWERS_KEPT, (response) => {
  // The list on screen may still ask for more of its results (“Xem thêm”).
  if (response !== stream?.response) pagefind.forget([response]);
});

/**
 * A call the worker has not answered in this time is taken as hung, and the worker is stopped. The
 * slowest query the limits allow (32 common words, the first search of a visit, 10,000 directives,
 * on a busy machine) answers in about half of it; a stalled download or a WebAssembly loop never does.
 */
const CALL_TIMEOUT_MS = 30_000;

/** Why the worker was stopped: it failed (Pagefind threw, its WebAssembly trapped, it died) or hung. */
class EngineError extends Error {
  readonly timedOut: boolean;
  constructor(message: string, timedOut = false) {
    super(message);
    this.timedOut = timedOut;
  }
}

/** Pagefind's worker, started on the first search (src/search/browser/worker.ts says why). */
let worker: Worker | null = null;
/** Counts the workers stopped: results are only ever asked of the worker that found them. */
let session = 0;
let calls = 0;
const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();

function startWorker(): Worker {
  const started = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  started.addEventListener('message', (event: MessageEvent<WorkerReply>) => {
    const reply = event.data;
    const call = pending.get(reply.id);
    if (!call) return;
    pending.delete(reply.id);
    clearTimeout(call.timer);
    if ('error' in reply) stopWorker(new EngineError(reply.error), call);
    else call.resolve(reply.value);
  });
  // The worker could not start, or threw outside a call.
  started.addEventListener('error', (event) => stopWorker(new EngineError(`search worker: ${event.message || 'failed'}`)));
  started.addEventListener('messageerror', () => stopWorker(new EngineError('search worker: unreadable message')));
  return started;
}

/**
 * Stops the worker after any failure and fails every call waiting on it: a Pagefind that threw or
 * trapped may be left broken, and one that hangs blocks every later search. The next call starts a
 * fresh worker, which has none of the old one's results: the page forgets the answers it kept and
 * the list on screen can show no more of its results.
 */
function stopWorker(error: EngineError, failed?: { reject: (error: Error) => void }): void {
  worker?.terminate();
  worker = null;
  session += 1;
  exactApplied = null;
  failed?.reject(error);
  for (const call of pending.values()) {
    clearTimeout(call.timer);
    call.reject(error);
  }
  pending.clear();
  answered.clear();
  stream = null;
  more.hidden = true;
}

function ask<M extends WorkerMethod>(method: M, ...args: Parameters<WorkerMethods[M]>): Promise<ReturnType<WorkerMethods[M]>> {
  worker ??= startWorker();
  const id = ++calls;
  const request = { id, method, args } as WorkerRequest;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => stopWorker(new EngineError(`search worker: no answer to ${method} in ${CALL_TIMEOUT_MS} ms`, true)), CALL_TIMEOUT_MS);
    pending.set(id, { resolve: resolve as (value: unknown) => void, reject, timer });
    worker!.postMessage(request);
  });
}

/** Pagefind as the page uses it: searches and result fragments, answered by the worker. */
const pagefind: Pagefind = {
  search: async (query, options) => {
    const { search, hits, settled } = await ask('search', query, options);
    const from = session;
    const own = <T>(call: () => Promise<T>): Promise<T> => (from === session ? call() : Promise.reject(new EngineError('search worker restarted')));
    const result = (hit: SearchHit): PagefindResult => ({ ...hit, data: () => own(() => ask('data', search, hit.id)) });
    let settling: Promise<void> | null = null;
    const response: PagefindResponse = {
      search,
      session: from,
      results: hits.map(result),
      settled,
      settle: () =>
        (settling ??= own(() => ask('settle', search)).then((final) => {
          // Same pages, final order: the scores of the first answer stay with them.
          const known = new Map(response.results.map((r) => [r.id, r]));
          response.results = final.hits.map((hit) => known.get(hit.id) ?? result(hit));
          response.settled = final.settled;
        })),
    };
    return response;
  },
  forget: (responses) => {
    // A worker started since has none of them.
    const own = responses.filter((r) => r.session === session).map((r) => r.search);
    if (worker && own.length > 0) void ask('forget', own).catch(() => undefined);
  },
};

async function loadPagefind(exact: boolean): Promise<Pagefind> {
  if (exactApplied !== exact) {
    // Strict tone marks are an option of every bundle's index: the worker starts Pagefind afresh.
    if (exactApplied !== null) answered.clear(); // their results belong to the Pagefind it stops
    await ask('load', exact);
    exactApplied = exact;
  }
  return pagefind;
}

/**
 * The results in the order asked: the worker's for relevance (src/search/shared/phrases.ts), else by
 * date of issue from the facets table (src/search/shared/facets.ts); between the dates asked, if any.
 */
function ordered(response: PagefindResponse, state: SearchState): { results: PagefindResult[]; undated: number } {
  const sorted = state.sort === 'lien-quan' ? response.results : resultsByDate(response.results, facetPages, state.sort === 'moi-nhat');
  if (state.from === null && state.to === null) return { results: sorted, undated: 0 };
  return withinDates(sorted, facetPages, state.from && dayBound(state.from, 'first'), state.to && dayBound(state.to, 'last'));
}

/** The ordered results, shown a page at a time: only the shown ones load their fragment. */
class ResultStream {
  private at = 0;
  private results: PagefindResult[];
  /** Results left out of a search between two dates for having no date. */
  readonly undated: number;
  /** The answer the results come from, which the worker must keep while they are shown. */
  readonly response: PagefindResponse;
  private readonly state: SearchState;
  constructor(response: PagefindResponse, state: SearchState) {
    this.response = response;
    this.state = state;
    ({ results: this.results, undated: this.undated } = ordered(response, state));
  }

  /** The ids of the results, in any order (for counting). */
  get ids(): string[] {
    return this.results.map((r) => r.id);
  }

  /**
   * Fetches a page of fragments at once, not one round trip after another. In order of relevance,
   * a page that goes past the results already in their final order waits for the rest's order.
   */
  async next(count: number): Promise<SearchData[]> {
    if (this.state.sort === 'lien-quan' && this.at + count > this.settledShown()) {
      await this.response.settle();
      this.results = ordered(this.response, this.state).results;
    }
    const page = this.results.slice(this.at, this.at + count);
    this.at += page.length;
    return Promise.all(page.map((r) => r.data()));
  }

  /** How many of the results as listed are in their final order: those of the answer's settled head. */
  private settledShown(): number {
    const settled = new Set(this.response.results.slice(0, this.response.settled).map((r) => r.id));
    const at = this.results.findIndex((r) => !settled.has(r.id));
    return at === -1 ? this.results.length : at;
  }

  get done(): boolean {
    return this.at >= this.results.length;
  }

  get total(): number {
    return this.results.length;
  }
}

/** What the status line says while a search runs; every way a search ends replaces it. */
const BUSY = 'Đang tìm…';

/**
 * Runs a search and shows it. Whatever happens, the status line ends up saying so: the results,
 * "nothing found", the idle prompt, or the error; a search overtaken by a newer one leaves the line
 * to that one.
 */
async function run(state: SearchState): Promise<void> {
  const mine = ++generation;
  syncForm(state);
  renderCut(state);
  if (!hasCriteria(state)) {
    renderIdle();
    renderDates(state, 0);
    return;
  }
  renderStatus(BUSY);
  try {
    await search(state, mine);
  } catch (error) {
    if (mine === generation) renderError(error);
  }
}

async function search(state: SearchState, mine: number): Promise<void> {
  const pf = await loadPagefind(state.exact);
  // A filter's URL value names one of the table's values; dates come from the table too.
  if (Object.keys(state.filters).length > 0 || state.from || state.to) await loadFacets();
  // Every search leaves out the bundles' vocabulary pages (src/search/build/vocabulary.ts).
  const filters = { ...pagefindFilters(state, knownValues), ...WITHOUT_VOCABULARY };
  // The answer depends on the query, the filters and the tone marks; the order and the dates are the page's.
  const key = writeState({ ...state, sort: 'lien-quan', from: null, to: null });
  let response = answered.get(key);
  if (!response) {
    response = await pf.search(state.query || null, { filters, exact: state.exact });
    answered.set(key, response);
  }
  if (state.sort !== 'lien-quan') await loadFacets();
  if (mine !== generation) return;
  const shown = new ResultStream(response, state);
  stream = shown;
  renderNotice([]);
  list.replaceChildren();
  await showMore(state);
  if (mine !== generation) return;
  renderStatus(shown.total === 0 ? 'Không tìm thấy văn bản nào.' : `${shown.total} văn bản${state.query ? ` cho “${state.query}”` : ''}.`);
  renderDates(state, shown.undated);
  empty.hidden = shown.total !== 0;
  // Filter counts, over every result (of all variants), once the table is here.
  await loadFacets();
  if (mine !== generation) return;
  renderFilters(countFacets(facetPages, shown.ids), state);
  // After the results are on screen: which words matched nothing (Pagefind drops them silently)?
  // The results stand if this fails; a failed worker has been stopped and the next search starts another.
  if (state.query) {
    const ignored = await ignoredWords(pf, state).catch(() => []);
    if (mine === generation) renderNotice(ignored);
  }
}

/** Words that match nothing anywhere: Pagefind drops them silently, the reader should know. */
async function ignoredWords(pf: Pagefind, state: SearchState): Promise<string[]> {
  // A word highlighted in some excerpt on screen certainly matched; only the others need a look-up.
  const marked = new Set([...list.querySelectorAll('mark')].map((m) => fold(m.textContent ?? '')));
  const words = queryWords(state.query).filter((w) => ![...marked].some((m) => m.startsWith(fold(w))));
  if (queryWords(state.query).length < 2 || words.length === 0) return [];
  const counts = await Promise.all(
    words.map(async (w) => {
      const found = await pf.search(w, { filters: WITHOUT_VOCABULARY, exact: state.exact });
      pf.forget([found]); // only counted, never shown
      return found.results.length > 0;
    }),
  );
  return words.filter((_, i) => !counts[i]);
}

async function showMore(state: SearchState): Promise<void> {
  const shown = stream;
  if (!shown) return;
  const mine = generation;
  const items = await shown.next(PAGE_SIZE);
  if (mine !== generation || shown !== stream) return;
  for (const item of items) list.append(resultItem(item, state));
  more.hidden = shown.done;
}

function resultItem(d: SearchData, state: SearchState): HTMLLIElement {
  const li = document.createElement('li');
  const a = document.createElement('a');
  const nodes = excerptNodes(d.excerpt, typedForms(state.query));
  const marks = markedWords(nodes);
  const url = new URL(d.url, location.origin);
  for (const w of marks) url.searchParams.append('pagefind-highlight', w);
  a.href = `${url.pathname}${url.search}`;
  a.textContent = d.meta.title ?? d.url;
  a.className = 'result-title';
  const meta = document.createElement('span');
  meta.className = 'doc-list__meta';
  meta.textContent = [d.meta.so_hieu, d.meta.co_quan, d.meta.tinh, d.meta.ngay].filter(Boolean).join(' · ');
  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  excerpt.append(...nodes);
  li.append(a, meta, excerpt);
  if (state.sort !== 'lien-quan' && (d.meta.ngay ?? '').startsWith('Không')) li.dataset.undated = '';
  return li;
}

const inert = document.createElement('template');

/**
 * Pagefind's excerpt is text with <mark> around matches. It is rebuilt from text nodes and marks
 * only, so nothing in a directive's text can ever become markup on this page. A mark stays only
 * around a word the reader typed (folded as typed): Pagefind also marks longer words that begin
 * with a typed one (“chống” for `cho`), which in Vietnamese are other words.
 */
function excerptNodes(excerpt: string, typed: Set<string>): Node[] {
  // A <template>'s content is inert (no script runs, no image loads) and, unlike DOMParser, it does
  // not create a new document for each excerpt.
  inert.innerHTML = excerpt;
  return [...inert.content.childNodes].map((n) => {
    if (n.nodeName === 'MARK' && isTypedWord(n.textContent ?? '', typed)) {
      const m = document.createElement('mark');
      m.textContent = n.textContent;
      return m;
    }
    return document.createTextNode(n.textContent ?? '');
  });
}

/** The matched words of an excerpt, as the text has them (entities decoded, end punctuation trimmed). */
const markedWords = (nodes: readonly Node[]): string[] =>
  [
    ...new Set(
      nodes
        .filter((n) => n.nodeName === 'MARK')
        .map((n) => (n.textContent ?? '').replace(/^[.,;:!?()“”"'«»]+|[.,;:!?()“”"'«»]+$/gu, ''))
        .filter(Boolean),
    ),
  ].slice(0, 8);

function renderFilters(all: FacetCounts, state: SearchState): void {
  filterBox.replaceChildren(
    ...(Object.keys(FILTERS) as FilterKey[]).map((key) => {
      const counts = all[key];
      // The table lists each filter's values in display order (src/search/shared/facets.ts).
      const values = knownValues[key] ?? [];
      const fieldset = document.createElement('fieldset');
      const legend = document.createElement('legend');
      legend.textContent = FILTERS[key].label;
      fieldset.append(legend);
      const chosen = state.filters[key] ?? [];
      for (const value of values) {
        const slug = valueSlug(value);
        const n = counts[value] ?? 0;
        if (n === 0 && !chosen.includes(slug)) continue;
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = FILTER_PARAMS[key];
        box.value = slug;
        box.checked = chosen.includes(slug);
        label.append(box, ` ${value} `);
        const count = document.createElement('span');
        count.className = 'count';
        count.textContent = `(${n})`;
        label.append(count);
        fieldset.append(label);
      }
      if (fieldset.childElementCount === 1) fieldset.hidden = true;
      return fieldset;
    }),
  );
}

function renderNotice(ignored: string[]): void {
  notice.hidden = ignored.length === 0;
  notice.textContent =
    ignored.length === 0
      ? ''
      : `Không có văn bản nào chứa ${ignored.map((w) => `“${w}”`).join(', ')}: ${ignored.length > 1 ? 'các từ này' : 'từ này'} đã được bỏ qua khi tìm.`;
}

function renderStatus(text: string, failed = false): void {
  status.textContent = text;
  status.classList.toggle('search-status--error', failed);
}

/**
 * The reader's own words for what went wrong; the search box stays as it was, ready to try again.
 * A search that failed clears the previous one's results, which would seem to be its own; "Xem thêm"
 * that failed keeps the results already shown.
 */
function renderError(error: unknown, keepResults = false): void {
  more.hidden = true;
  if (!keepResults) {
    list.replaceChildren();
    empty.hidden = true;
    renderNotice([]);
  }
  renderStatus(
    error instanceof EngineError && error.timedOut
      ? `Bộ tìm kiếm không trả lời sau ${CALL_TIMEOUT_MS / 1000} giây nên đã dừng. Bấm “Tìm” để thử lại, hoặc bớt từ khóa.`
      : 'Bộ tìm kiếm gặp lỗi nên chưa tìm được. Bấm “Tìm” để thử lại; nếu vẫn lỗi, hãy tải lại trang.',
    true,
  );
  // The details are for whoever looks at the console; the page says what the reader can do.
  console.error(error);
}

/** Says when the query searched is shorter than the one typed or linked (QUERY_LIMITS). */
function renderCut(state: SearchState): void {
  cutNote.hidden = state.cut === null;
  cutNote.textContent =
    state.cut === 'words'
      ? `Từ khóa dài hơn ${QUERY_LIMITS.words} từ: chỉ tìm theo ${QUERY_LIMITS.words} từ đầu tiên.`
      : state.cut === 'chars'
        ? `Từ khóa dài hơn ${QUERY_LIMITS.chars} ký tự: chỉ tìm theo ${QUERY_LIMITS.chars} ký tự đầu tiên.`
        : '';
}

/** A day as the page shows dates: 2021-07-01 → 01/07/2021. */
const shownDay = (day: string): string => day.split('-').reverse().join('/');

/**
 * Says what a search between two dates left out: the directives without a date, which no range
 * can place, and any bound that is not a date (which the search ignores).
 */
function renderDates(state: SearchState, undated: number): void {
  const from = state.from && dayBound(state.from, 'first');
  const to = state.to && dayBound(state.to, 'last');
  const notes: string[] = [];
  if (state.badDates.length > 0)
    notes.push(`${state.badDates.map((d) => `“${d}”`).join(', ')} không phải là ngày (cần dạng năm-tháng-ngày như 2021-07-21, hoặc năm-tháng như 2021-07) nên không được dùng để lọc.`);
  if (undated > 0)
    notes.push(
      `Tìm trong khoảng ${from ? `từ ${shownDay(from)}` : ''}${from && to ? ' ' : ''}${to ? `đến ${shownDay(to)}` : ''}: ${undated} văn bản không rõ ngày ban hành đã được bỏ ra.`,
    );
  dateNote.hidden = notes.length === 0;
  dateNote.textContent = notes.join(' ');
}

function renderIdle(): void {
  list.replaceChildren();
  more.hidden = true;
  empty.hidden = true;
  notice.hidden = true;
  filterBox.replaceChildren();
  renderStatus('Nhập từ khóa để tìm trong toàn văn các văn bản.');
}

function syncForm(state: SearchState): void {
  // The box is left alone while the reader types in it: the search follows the box, not the reverse.
  if (!typing || document.activeElement !== input) input.value = state.query;
  sortSelect.value = state.sort;
  exactBox.checked = state.exact;
  // A month in the URL shows as its first or last day: a date field holds whole days only.
  fromBox.value = (state.from && dayBound(state.from, 'first')) ?? '';
  toBox.value = (state.to && dayBound(state.to, 'last')) ?? '';
}

function formState(): SearchState {
  return readState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));
}

function navigate(state: SearchState): void {
  stopTyping();
  const url = `${location.pathname}${writeState(state)}`;
  if (url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
  void run(state);
}

/**
 * Search as one types. After a pause, the results follow the box, but only once its last word is
 * complete: a space typed after it, or a longer pause (an input method composing a syllable, or a
 * reader who stopped). Half a syllable would search for every longer word it begins, a search as
 * dear as any. The first search of a spell of typing adds one entry to the history and the next
 * ones replace it, so the back button goes to the search before, not to every word typed.
 */
const TYPING_PAUSE_MS = 300;
const WORD_PAUSE_MS = 900;
let typingTimer: ReturnType<typeof setTimeout> | undefined;
/** Whether the URL on screen already comes from this spell of typing. */
let typing = false;
let composing = false;

function stopTyping(): void {
  clearTimeout(typingTimer);
  typing = false;
}

function searchAsTyped(): void {
  const state = formState();
  const url = `${location.pathname}${writeState(state)}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (typing) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  typing = true;
  void run(state);
}

input.addEventListener('input', () => {
  clearTimeout(typingTimer);
  if (composing) return;
  typingTimer = setTimeout(searchAsTyped, /\s$/.test(input.value) ? TYPING_PAUSE_MS : WORD_PAUSE_MS);
});
input.addEventListener('compositionstart', () => (composing = true));
input.addEventListener('compositionend', () => {
  composing = false;
  input.dispatchEvent(new Event('input'));
});

/**
 * The first sign that the reader is about to search (the box focused, a key pressed in it) starts
 * Pagefind, so that its start-up runs while the reader types. A failure is the search's to report.
 */
function warmUp(): void {
  input.removeEventListener('focus', warmUp);
  input.removeEventListener('keydown', warmUp);
  void loadPagefind(exactBox.checked).catch(() => undefined);
}
input.addEventListener('focus', warmUp);
input.addEventListener('keydown', warmUp);

/** The search a URL names; a query the page cut is put back into the URL as searched. */
function fromLocation(): SearchState {
  const state = readState(new URLSearchParams(location.search));
  if (state.cut) history.replaceState(null, '', `${location.pathname}${writeState(state)}`);
  return state;
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  navigate(formState());
});
form.addEventListener('change', (event) => {
  if (event.target !== input) navigate(formState());
});
more.addEventListener('click', () => void showMore(readState(new URLSearchParams(location.search))).catch((error: unknown) => renderError(error, true)));
window.addEventListener('popstate', () => {
  stopTyping();
  void run(fromLocation());
});

// Keyboard: ↓ from the box to the first result, ↑/↓ between results, ↑ from the first back to the box.
form.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' && event.target === input) {
    list.querySelector<HTMLAnchorElement>('a')?.focus();
    event.preventDefault();
  }
});
list.addEventListener('keydown', (event) => {
  const links = [...list.querySelectorAll<HTMLAnchorElement>('a.result-title')];
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at === -1 || (event.key !== 'ArrowDown' && event.key !== 'ArrowUp')) return;
  event.preventDefault();
  if (event.key === 'ArrowDown') links[at + 1]?.focus();
  else if (at === 0) input.focus();
  else links[at - 1]?.focus();
});

void run(fromLocation());
