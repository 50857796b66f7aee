/**
 * The search page's state and query handling, as pure functions (the DOM code is in
 * src/search/browser/page.ts). State lives in the URL so a search can be shared, bookmarked and reloaded.
 */
import { slugify } from '../../shared/vietnamese.ts';
import { SEARCH_PARAMS, type FilterKey } from './constants.ts';

export type SortOrder = 'lien-quan' | 'moi-nhat' | 'cu-nhat';
export const SORTS: Record<SortOrder, string> = { 'lien-quan': 'Liên quan nhất', 'moi-nhat': 'Mới nhất', 'cu-nhat': 'Cũ nhất' };

/** URL parameter of each Pagefind filter. */
export const FILTER_PARAMS: Record<FilterKey, string> = {
  tinh: SEARCH_PARAMS.province,
  nam: SEARCH_PARAMS.year,
  loai: SEARCH_PARAMS.type,
  cap: SEARCH_PARAMS.level,
  phuong_cham: SEARCH_PARAMS.principle,
};

export interface SearchState {
  query: string;
  /** Filter key → slugs of the chosen values ("kon-tum", "2021", "cong-van", "4-tai-cho"). */
  filters: Partial<Record<FilterKey, string[]>>;
  sort: SortOrder;
  /** Strict tone marks (Pagefind's exactDiacritics). */
  exact: boolean;
  /** Which limit cut the query as it came (QUERY_LIMITS), or null when it came whole. */
  cut: QueryCut | null;
  /** Dates of issue from and to, as given (YYYY-MM-DD or YYYY-MM); null: no bound. */
  from: string | null;
  to: string | null;
  /** Values of `tu` or `den` that are not a date, which the search leaves out (and says so). */
  badDates: string[];
}

/**
 * How much of a query is searched. Pagefind looks up and scores every word, and a short word also
 * matches every longer word it begins, so its cost grows with each one: 3,000 one-letter words made
 * its WebAssembly trap at 10,000 directives and left the page searching for ever. Real queries are
 * far shorter: the longest thing a reader pastes is a directive's subject (trích yếu), about 30
 * words and under 200 characters; a phrase or a number is a few. 32 words and 256 characters keep
 * every such query whole, and the characters also bound words glued by punctuation ("a-a-a…").
 */
export const QUERY_LIMITS = { words: 32, chars: 256 } as const;
export type QueryCut = keyof typeof QUERY_LIMITS;

/** A word for the limit: what a reader counts, a run between spaces with a letter or digit in it. */
const isWord = (token: string): boolean => /[\p{L}\p{N}]/u.test(token);

/** The first `limit` words of a query, or null if it has no more. */
function firstWords(query: string, limit: number): string | null {
  const tokens = query.split(/\s+/);
  if (tokens.filter(isWord).length <= limit) return null;
  let words = 0;
  return tokens
    .filter((t) => (words += isWord(t) ? 1 : 0) <= limit)
    .join(' ')
    .trim();
}

/** At most `limit` characters of a query, cut at the end of a word where there is one. */
function firstChars(query: string, limit: number): string {
  if (query.length <= limit) return query;
  const head = query.slice(0, limit);
  const wordEnd = /\s/.test(query[limit]!) ? limit : head.search(/\s\S*$/);
  // Cut inside one long word: never leave half of a character outside the Basic Multilingual Plane.
  return (wordEnd > 0 ? head.slice(0, wordEnd) : head.replace(/[\uD800-\uDBFF]$/, '')).trim();
}

/**
 * The query as searched: its first QUERY_LIMITS.words words, then at most QUERY_LIMITS.chars
 * characters, cut at the end of a word. A quoted phrase cut short is closed again, so it is still
 * searched as a phrase (Pagefind searches a phrase only between two straight quotes).
 */
export function boundQuery(query: string): { query: string; cut: QueryCut | null } {
  const byWords = firstWords(query, QUERY_LIMITS.words);
  let bounded = byWords ?? query;
  let cut: QueryCut | null = byWords === null ? null : 'words';
  if (bounded.length > QUERY_LIMITS.chars) {
    bounded = firstChars(bounded, QUERY_LIMITS.chars);
    cut = 'chars';
  }
  if (cut && (bounded.match(/"/g) ?? []).length % 2 === 1) bounded = `${firstChars(bounded, QUERY_LIMITS.chars - 1)}"`;
  return { query: bounded, cut };
}

export function readState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const [key, param] of Object.entries(FILTER_PARAMS) as Array<[FilterKey, string]>) {
    const values = params.getAll(param).filter((v) => v !== '');
    if (values.length > 0) filters[key] = values;
  }
  const sort = params.get(SEARCH_PARAMS.sort);
  // Every way into a search (the URL, the form, going back) passes here, so the page, the URL and
  // Pagefind all see the same bounded query.
  const { query, cut } = boundQuery((params.get(SEARCH_PARAMS.query) ?? '').normalize('NFC').trim());
  const bound = (name: string): string | null => params.get(name)?.trim() || null;
  const from = bound(SEARCH_PARAMS.from);
  const to = bound(SEARCH_PARAMS.to);
  return {
    query,
    filters,
    sort: sort === 'moi-nhat' || sort === 'cu-nhat' ? sort : 'lien-quan',
    exact: params.get(SEARCH_PARAMS.exact) === '1',
    cut,
    from: from !== null && dayBound(from, 'first') ? from : null,
    to: to !== null && dayBound(to, 'last') ? to : null,
    badDates: [from, to].filter((d): d is string => d !== null && dayBound(d, 'first') === null),
  };
}

/**
 * The day a date bound of the URL names, YYYY-MM-DD: the day itself, or for a month (YYYY-MM) its
 * first or last day; null when it is not a real date ("2021-13", "2021-02-30", "hôm qua").
 */
export function dayBound(value: string, end: 'first' | 'last'): string | null {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, m, d] = match;
  const year = Number(y);
  const month = Number(m);
  if (month < 1 || month > 12) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = d === undefined ? (end === 'first' ? 1 : days) : Number(d);
  if (day < 1 || day > days) return null;
  return `${y}-${m}-${String(day).padStart(2, '0')}`;
}

/** Whether a search has anything to search by: a query, a filter or a date bound. */
export const hasCriteria = (state: SearchState): boolean => state.query !== '' || Object.keys(state.filters).length > 0 || state.from !== null || state.to !== null;

/** The URL query string of a state; empty and default values are left out to keep links short. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set(SEARCH_PARAMS.query, state.query);
  for (const [key, param] of Object.entries(FILTER_PARAMS) as Array<[FilterKey, string]>) {
    for (const v of state.filters[key] ?? []) params.append(param, v);
  }
  if (state.sort !== 'lien-quan') params.set(SEARCH_PARAMS.sort, state.sort);
  if (state.exact) params.set(SEARCH_PARAMS.exact, '1');
  if (state.from) params.set(SEARCH_PARAMS.from, state.from);
  if (state.to) params.set(SEARCH_PARAMS.to, state.to);
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The slug a filter value has in the URL: "Kon Tum" → "kon-tum", "4 tại chỗ" → "4-tai-cho". */
export const valueSlug = (value: string): string => slugify(value) || value;

/** Pagefind filter object for the chosen slugs, given the values the index knows. */
export function pagefindFilters(state: SearchState, known: Partial<Record<FilterKey, string[]>>): Record<string, { any: string[] }> {
  const out: Record<string, { any: string[] }> = {};
  for (const [key, slugs] of Object.entries(state.filters) as Array<[FilterKey, string[]]>) {
    const values = (known[key] ?? []).filter((v) => slugs.includes(valueSlug(v)));
    // A slug that matches no known value still filters (to nothing), rather than being dropped.
    out[key] = { any: values.length > 0 ? values : slugs };
  }
  return out;
}

/** Query words (quotes removed), in order, without repeats. */
export const queryWords = (query: string): string[] =>
  [...new Set(query.replace(/["“”]/g, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)))];

const MAX_D_WORDS = 3;

/**
 * Pagefind folds tone marks but not "đ": "dieu tri" misses "điều trị". Vietnamese has "đ" only at
 * the start of a syllable, so each word typed with a leading "d" and no marks at all is also tried
 * with "đ" (up to three such words, eight variants). A word typed with its tone marks ("dịch") was
 * typed by someone who would have typed "đ" too: trying "địch" (enemy) would only add wrong
 * matches and another search. The query as typed always comes first; strict-accent searches are
 * left alone.
 */
export function queryVariants(query: string, exact = false): string[] {
  const q = query.normalize('NFC');
  if (exact) return [q];
  const tokens = q.split(/(\s+|["“”])/);
  const dIndexes = tokens.map((t, i) => (/^[dD][a-zA-Z0-9]*$/.test(t) ? i : -1)).filter((i) => i >= 0).slice(0, MAX_D_WORDS);
  const variants: string[] = [];
  for (let mask = 0; mask < 1 << dIndexes.length; mask++) {
    const copy = [...tokens];
    dIndexes.forEach((at, bit) => {
      if (mask & (1 << bit)) copy[at] = copy[at]!.replace(/^d/, 'đ').replace(/^D/, 'Đ');
    });
    variants.push(copy.join(''));
  }
  return variants;
}

/** "235-CV/TU", "235 cv/tu", "05/CĐ-UBND": a query that is a document number. */
export const looksLikeDocNumber = (query: string): boolean =>
  /^\s*\d{1,5}\s*[-/ ]\s*[A-Za-zĐđ]{1,8}\s*[-/ ]\s*[A-Za-zĐđ]{1,10}(?:\s*-\s*[A-Za-zĐđ]{1,10})?\s*$/u.test(query);

/**
 * A document number as one token, however it is typed: "235-CV/TU", "235 cv/tu" → "235cvtu",
 * "05/CĐ-UBND" → "05cdubnd". Each page indexes its number in this form too (indexed-fields.ts), and
 * a query that looks like a number is also searched in it.
 */
export const numberToken = (n: string): string => slugify(n).replace(/-/g, '');
