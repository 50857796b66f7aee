/**
 * What each directive page gives Pagefind: its filters, its result metadata and the texts to index
 * (the date order of results comes from the facets table, src/search/shared/facets.ts).
 * Runs at build time, in the directive page and in the index step's manifest.
 */
import type { Directive } from '../../shared/schema.ts';
import { longDate, shortDate } from '../../site/format.ts';
import { UNDATED_LABEL, type FilterKey } from '../shared/constants.ts';
import { numberToken } from '../shared/query.ts';

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
  if (d.doc_number) parts.push(`Số hiệu ${d.doc_number}`, d.doc_number.replace(/[-/]/g, ' '), numberToken(d.doc_number));
  if (d.date_issued) parts.push(`Ngày ${shortDate(d.date_issued)}`);
  if (d.province) parts.push(`Tỉnh ${d.province}`);
  if (d.signer_name) parts.push(`Người ký ${d.signer_name}`);
  if (d.principles.length > 0) parts.push(`Phương châm: ${d.principles.join('; ')}`);
  return parts.join('. ');
}


/**
 * The record fields whose text the directive page puts in Pagefind's index (the facsimile and the
 * extras above). Ids, file names, hashes and curators' notes are not indexed: their words in a
 * bundle's vocabulary page (src/search/build/vocabulary.ts) would only weigh down every index chunk.
 * Nor is the Nơi nhận list (`cc`), which the facsimile shows but keeps out of the index
 * (src/components/Facsimile.astro says why).
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
