/**
 * The names the index step, the directive pages and the search page must agree on: Pagefind's
 * filters, the vocabulary page's marker, where the bundles live. Shared by the build (which writes
 * them) and the browser (which reads them), so a filter's name and its URL parameter can never
 * drift apart.
 */

/** Query parameters of the search page (readable, shareable). */
export const SEARCH_PARAMS = {
  query: 'q',
  province: 'tinh',
  year: 'nam',
  type: 'loai',
  level: 'cap',
  principle: 'phuong-cham',
  sort: 'sap-xep',
  exact: 'dau',
  /** Date of issue from (YYYY-MM-DD, or YYYY-MM: from the first of that month). */
  from: 'tu',
  /** Date of issue to (YYYY-MM-DD, or YYYY-MM: to the last of that month). */
  to: 'den',
} as const;

/** Pagefind filter names (internal keys) → URL parameter (see SEARCH_PARAMS) and Vietnamese label. */
export const FILTERS = {
  tinh: { label: 'Tỉnh, thành phố' },
  nam: { label: 'Năm ban hành' },
  loai: { label: 'Loại văn bản' },
  cap: { label: 'Cấp ban hành' },
  phuong_cham: { label: 'Phương châm' },
} as const;
export type FilterKey = keyof typeof FILTERS;

/**
 * The filter that marks each index bundle's vocabulary page (src/search/build/vocabulary.ts): every search
 * excludes it with `not`, so it is never a result and never counted.
 */
export const VOCABULARY_FILTER = { tu_vung: 'có' } as const;
export const WITHOUT_VOCABULARY = { not: VOCABULARY_FILTER } as const;

/**
 * The folder of the primary index bundle, the one holding Pagefind's runtime; the other bundles
 * (src/search/build/index-step.ts) are merged into it by the search worker.
 */
export const PRIMARY_BUNDLE = '/pagefind/';

/** The list of bundles in the primary's folder, which the search worker reads to merge them. */
export const BUNDLES_FILE = 'bundles.json';

/** The year filter's value for a directive without a date, so that filter never drops it. */
export const UNDATED_LABEL = 'Không rõ ngày';

/** Order of the year filter's values: oldest first, undated last. */
export const compareYears = (a: string, b: string): number => (a === UNDATED_LABEL ? 1 : b === UNDATED_LABEL ? -1 : a.localeCompare(b));
