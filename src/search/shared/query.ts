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
}

export function readState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const [key, param] of Object.entries(FILTER_PARAMS) as Array<[FilterKey, string]>) {
    const values = params.getAll(param).filter((v) => v !== '');
    if (values.length > 0) filters[key] = values;
  }
  const sort = params.get(SEARCH_PARAMS.sort);
  return {
    query: (params.get(SEARCH_PARAMS.query) ?? '').normalize('NFC').trim(),
    filters,
    sort: sort === 'moi-nhat' || sort === 'cu-nhat' ? sort : 'lien-quan',
    exact: params.get(SEARCH_PARAMS.exact) === '1',
  };
}

/** The URL query string of a state; empty and default values are left out to keep links short. */
export function writeState(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.query) params.set(SEARCH_PARAMS.query, state.query);
  for (const [key, param] of Object.entries(FILTER_PARAMS) as Array<[FilterKey, string]>) {
    for (const v of state.filters[key] ?? []) params.append(param, v);
  }
  if (state.sort !== 'lien-quan') params.set(SEARCH_PARAMS.sort, state.sort);
  if (state.exact) params.set(SEARCH_PARAMS.exact, '1');
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
