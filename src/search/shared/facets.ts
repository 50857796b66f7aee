/**
 * The filter counts and the date order of the search page, from one small table instead of
 * Pagefind's filter indexes and sort, which are heavy, counted again in every search, and drop the
 * pages without a date (docs/decisions/0005-facets-table.md).
 *
 * The index step writes the table (/pagefind/facets.json): each page's Pagefind id and filter
 * values as short codes, the pages in order of date of issue. The search page counts the values
 * of its results and orders them by date itself; Pagefind still does the filtering, and loads a
 * filter's index only when a reader filters by it.
 */
import { compareYears, FILTERS, type FilterKey } from './constants.ts';

export const FACETS_FILE = 'facets.json';

/** Base-64 digits, URL-safe: the codes of the table. */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export interface FacetTable {
  /** Each filter's values, in the order the codes number them, which is the order the page lists them (`displayOrder`). */
  values: Record<FilterKey, string[]>;
  /**
   * How a filter's codes read: `one`, the index of the page's single value in `width` digits; `set`,
   * a bit per value (a page may have none or several, as principles do) in `width` digits.
   */
  kinds: Record<FilterKey, { kind: 'one' | 'set'; width: number }>;
  /** Pagefind page ids, separated by spaces, by date of issue (then id); the undated ones last. */
  ids: string;
  /** How many pages have a date: the first `dated` of `ids`. */
  dated: number;
  /**
   * The dates of issue of the first `dated` pages, as runs in their order: each date and how many
   * pages in a row have it (the pages are in date order, so a date is one run).
   */
  dates: Array<[date: string, pages: number]>;
  /** Per filter, the codes of the pages in the order of `ids`, run together. */
  codes: Record<FilterKey, string>;
}

export interface FacetPage {
  /** Pagefind's id of the page: its fragment file's name, as search results give it. */
  id: string;
  filters: Partial<Record<string, string[]>>;
  /** Date of issue, YYYY-MM-DD; null when the text gives none. */
  date: string | null;
}

const KEYS = Object.keys(FILTERS) as FilterKey[];

/** `n` in `width` base-64 digits, most significant first. */
function encode(n: number, width: number): string {
  let out = '';
  for (let i = 0; i < width; i++) {
    out = DIGITS[n % 64]! + out;
    n = Math.floor(n / 64);
  }
  return out;
}

const digitsFor = (n: number): number => Math.max(1, Math.ceil(Math.log(Math.max(n, 2)) / Math.log(64)));

/**
 * A filter's values in the order the search page lists them: years oldest first and undated last,
 * the others in Vietnamese alphabetical order (“Đắk Lắk” after “Cà Mau”, not after “Yên Bái”).
 * Sorted here, at build time, so that the page needs no Vietnamese collator of its own (its
 * creation alone costs the page's main thread; docs/decisions/0005-facets-table.md); the collator
 * is made here on use, since the page imports this module too.
 */
export function displayOrder(key: FilterKey, values: string[]): string[] {
  if (key === 'nam') return [...values].sort(compareYears);
  const vietnamese = new Intl.Collator('vi');
  return [...values].sort((a, b) => vietnamese.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The table of these pages (directive pages only; the caller leaves out any other). */
export function facetTable(pages: FacetPage[]): FacetTable {
  // "~" sorts after every digit: undated pages go last.
  const key = (p: FacetPage): string => `${p.date ?? '~'} ${p.id}`;
  const sortedPages = [...pages].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const values = {} as FacetTable['values'];
  const kinds = {} as FacetTable['kinds'];
  const codes = {} as FacetTable['codes'];
  for (const key of KEYS) {
    values[key] = displayOrder(key, [...new Set(sortedPages.flatMap((p) => p.filters[key] ?? []))]);
    const index = new Map(values[key].map((v, i) => [v, i]));
    const one = sortedPages.every((p) => (p.filters[key] ?? []).length === 1);
    // A set holds 6 values per digit, and bits are counted from the last digit up.
    kinds[key] = one ? { kind: 'one', width: digitsFor(values[key].length) } : { kind: 'set', width: Math.max(1, Math.ceil(values[key].length / 6)) };
    const { width } = kinds[key];
    codes[key] = sortedPages
      .map((p) => {
        const of = (p.filters[key] ?? []).map((v) => index.get(v)!);
        if (one) return encode(of[0]!, width);
        let out = '';
        for (let digit = width - 1; digit >= 0; digit--) out += DIGITS[of.reduce((bits, i) => (Math.floor(i / 6) === digit ? bits | (1 << i % 6) : bits), 0)];
        return out;
      })
      .join('');
  }
  const dates: FacetTable['dates'] = [];
  for (const { date } of sortedPages) {
    if (date === null) break;
    const last = dates.at(-1);
    if (last?.[0] === date) last[1]++;
    else dates.push([date, 1]);
  }
  return { values, kinds, ids: sortedPages.map((p) => p.id).join(' '), dated: sortedPages.filter((p) => p.date !== null).length, dates, codes };
}

export type FacetCounts = Record<FilterKey, Record<string, number>>;

export interface FacetRow {
  /** Position in date order; undated pages come after every dated one. */
  rank: number;
  dated: boolean;
  /** Date of issue, YYYY-MM-DD; null for an undated page. */
  date: string | null;
  values: Record<FilterKey, string[]>;
}

/** Reads a table once: each page's row, by page id. */
export function readFacets(table: FacetTable): Map<string, FacetRow> {
  const ids = table.ids === '' ? [] : table.ids.split(' ');
  const at = (code: string, pos: number, width: number): number => {
    let n = 0;
    for (let i = 0; i < width; i++) n = n * 64 + DIGITS.indexOf(code[pos + i]!);
    return n;
  };
  const dateOf = table.dates.flatMap(([date, pages]) => Array<string>(pages).fill(date));
  return new Map(
    ids.map((id, row) => {
      const out = {} as Record<FilterKey, string[]>;
      for (const key of KEYS) {
        const { kind, width } = table.kinds[key];
        const n = at(table.codes[key], row * width, width);
        if (kind === 'one') out[key] = [table.values[key][n]!];
        else {
          out[key] = [];
          for (let digit = 0; digit < width; digit++) {
            const bits = at(table.codes[key], row * width + (width - 1 - digit), 1);
            for (let b = 0; b < 6; b++) if (bits & (1 << b)) out[key].push(table.values[key][digit * 6 + b]!);
          }
        }
      }
      return [id, { rank: row, dated: row < table.dated, date: dateOf[row] ?? null, values: out }];
    }),
  );
}

/** How many of these pages have each value of each filter. Ids not in the table count for nothing. */
export function countFacets(pages: Map<string, FacetRow>, ids: Iterable<string>): FacetCounts {
  const counts = Object.fromEntries(KEYS.map((k) => [k, {} as Record<string, number>])) as FacetCounts;
  for (const id of ids) {
    const page = pages.get(id);
    if (!page) continue;
    for (const key of KEYS) for (const v of page.values[key]) counts[key][v] = (counts[key][v] ?? 0) + 1;
  }
  return counts;
}

/**
 * Results in order of date, newest or oldest first, the undated ones last in either direction
 * (oldest first among themselves, by the table's order). Results the table does not know go after.
 */
export function resultsByDate<T extends { id: string }>(results: T[], pages: Map<string, FacetRow>, newest: boolean): T[] {
  const place = (r: T): number => {
    const row = pages.get(r.id);
    if (!row) return Number.MAX_SAFE_INTEGER;
    return row.dated && newest ? -row.rank : row.rank;
  };
  const group = (r: T): number => (pages.get(r.id)?.dated ? 0 : 1);
  return [...results].sort((a, b) => group(a) - group(b) || place(a) - place(b));
}

/**
 * The results issued between two days (YYYY-MM-DD, inclusive; null: no bound), in their order, and
 * how many were left out for having no date: a ranged search cannot place them, and the page says so.
 * Results the table does not know count as undated.
 */
export function withinDates<T extends { id: string }>(results: T[], pages: Map<string, FacetRow>, from: string | null, to: string | null): { results: T[]; undated: number } {
  let undated = 0;
  const kept = results.filter((r) => {
    const date = pages.get(r.id)?.date ?? null;
    if (date === null) {
      undated++;
      return false;
    }
    return (from === null || date >= from) && (to === null || date <= to);
  });
  return { results: kept, undated };
}
