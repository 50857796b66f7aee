/**
 * The messages between the search page (page.ts) and Pagefind's worker (worker.ts), declared once:
 * the page posts `{ id, method, args }`, the worker answers `{ id, value }` or `{ id, error }`.
 * `WorkerMethods` gives each method's arguments and answer, so both sides are checked against it.
 */

export interface SearchHit {
  id: string;
  score: number;
}
export interface SearchAnswer {
  /** Numbers this search for `data`. */
  search: number;
  hits: SearchHit[];
  /** How many of the first hits are in their final order; `settle` orders the rest. */
  settled: number;
}
export interface SearchOptions {
  /** Pagefind's filters, the vocabulary page's exclusion included. */
  filters: Record<string, unknown>;
  /** Strict tone marks: no đ/d variants (Pagefind itself was started with `exactDiacritics`). */
  exact: boolean;
}
export interface SearchData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}

export interface WorkerMethods {
  /** Starts Pagefind (again, when strict tone marks are switched) with every bundle merged. */
  load(exact: boolean): null;
  /**
   * Searches a query as typed (null: the filters alone) and answers its results in order of
   * relevance (src/search/shared/phrases.ts); they are kept under the search's number until forgotten.
   */
  search(query: string | null, options: SearchOptions): SearchAnswer;
  /**
   * The hits of a search in their final order, once the pairs of syllables it waited for are
   * searched (src/search/shared/phrases.ts); their scores are not given again (0).
   */
  settle(search: number): Omit<SearchAnswer, 'search'>;
  /** One result's page URL, excerpt (highlighting that search's words) and metadata. */
  data(search: number, pageId: string): SearchData;
  /**
   * Lets go of those searches' results, which the page no longer keeps (about 12 MB for a search
   * matching most of 10,000 directives: Pagefind's result objects hold every matched word position).
   */
  forget(searches: number[]): null;
}
export type WorkerMethod = keyof WorkerMethods;

export type WorkerRequest = { [M in WorkerMethod]: { id: number; method: M; args: Parameters<WorkerMethods[M]> } }[WorkerMethod];
export type WorkerReply = { id: number; value: unknown } | { id: number; error: string };
