/**
 * What Pagefind records for each directive: filters and result metadata (the date order of results
 * comes from the facets table, src/lib/search-facets.ts).
 * Shared by the document page (which writes them) and the search page (which reads them),
 * so a filter's name and its URL parameter can never drift apart.
 */
import type { Directive } from './schema.ts';
import { longDate, shortDate } from './format.ts';
import { slugify } from './vietnamese.ts';

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
 * The filter that marks each index bundle's vocabulary page (src/lib/vocabulary.ts): every search
 * excludes it with `not`, so it is never a result and never counted.
 */
export const VOCABULARY_FILTER = { tu_vung: 'có' } as const;
export const WITHOUT_VOCABULARY = { not: VOCABULARY_FILTER } as const;

/**
 * The folder of the primary index bundle, the one holding Pagefind's runtime; the other bundles
 * (src/integrations/pagefind.ts) are merged into it by the search worker.
 */
export const PRIMARY_BUNDLE = '/pagefind/';

/** The list of bundles in the primary's folder, which the search worker reads to merge them. */
export const BUNDLES_FILE = 'bundles.json';

/** The year filter's value for a directive without a date, so that filter never drops it. */
export const UNDATED_LABEL = 'Không rõ ngày';

/** Order of the year filter's values: oldest first, undated last. */
export const compareYears = (a: string, b: string): number => (a === UNDATED_LABEL ? 1 : b === UNDATED_LABEL ? -1 : a.localeCompare(b));

export function filterValues(d: Directive): Record<FilterKey, string[]> {
  return {
    tinh: [d.province ?? 'Không rõ tỉnh'],
    nam: [d.date_issued?.slice(0, 4) ?? UNDATED_LABEL],
    loai: [d.doc_type ?? 'Không rõ loại'],
    cap: [d.issuer_level ?? 'không rõ'],
    phuong_cham: d.principles,
  };
}

/** Result metadata shown on the search page. */
export function metaValues(d: Directive): Record<string, string> {
  return {
    so_hieu: d.doc_number ?? 'Không số',
    co_quan: d.issuer ?? 'Không rõ cơ quan ban hành',
    tinh: d.province ?? 'Không rõ tỉnh',
    ngay: d.date_issued ? shortDate(d.date_issued) : 'Không rõ ngày ban hành',
  };
}

/**
 * Extra searchable text: the number in its spaced and compact forms ("235-CV/TU", "235 CV TU",
 * "235cvtu"), the date as printed in lists, and the canonical principle names, so "4 tại chỗ"
 * also finds a directive that wrote "bốn tại chỗ".
 */
export function searchableExtras(d: Directive): string {
  const parts: string[] = [];
  if (d.doc_number) parts.push(`Số hiệu ${d.doc_number}`, d.doc_number.replace(/[-/]/g, ' '), compactNumber(d.doc_number));
  if (d.date_issued) parts.push(`Ngày ${shortDate(d.date_issued)}`);
  if (d.province) parts.push(`Tỉnh ${d.province}`);
  if (d.signer_name) parts.push(`Người ký ${d.signer_name}`);
  if (d.principles.length > 0) parts.push(`Phương châm: ${d.principles.join('; ')}`);
  return parts.join('. ');
}

/** "235-CV/TU" → "235cvtu", "05/CĐ-UBND" → "05cdubnd": one token however a reader types it. */
export const compactNumber = (n: string): string => slugify(n).replace(/-/g, '');

/**
 * The record fields whose text the directive page puts in Pagefind's index (the facsimile and the
 * extras above). Ids, file names, hashes and curators' notes are not indexed: their words in a
 * bundle's vocabulary page (src/lib/vocabulary.ts) would only weigh down every index chunk.
 */
const INDEXED_FIELDS = [
  'title',
  'doc_number',
  'doc_number_raw',
  'doc_type',
  'issuer',
  'parent_issuer',
  'province',
  'district',
  'place',
  'subject',
  'recipients',
  'cc',
  'signing_authority',
  'signer_title',
  'signer_name',
  'references',
  'principles',
] as const satisfies ReadonlyArray<keyof Directive>;

/** The texts of a directive (its record, with its body) that its page gives Pagefind to index. */
export function indexedTexts(d: Directive & { body: string }): unknown[] {
  const dates = d.date_issued ? [shortDate(d.date_issued), longDate(d.date_issued)] : [];
  return [...INDEXED_FIELDS.map((key) => d[key]), d.body, searchableExtras(d), ...dates];
}
