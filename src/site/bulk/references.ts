/**
 * The references table (dan-chieu): one row per document a directive cites, with what the citing
 * text says of it (the `cited` facts) and where the site sends a reader: the directive of the
 * archive it names, else the cited document's page /dan-chieu/<slug>/. The rows come from the same
 * index as the site's links (src/site/cited-documents.ts), so the table and the pages never
 * disagree on which document a citation is or which directive it names. Pure.
 */
import { indexCitations, type CitingFields } from '../cited-documents.ts';
import type { ReferenceRow } from './columns.ts';

/** What the table needs of a directive: the fields the index reads, kept for the whole archive. */
export type CitingEntry = CitingFields;

/**
 * Every cited document of every entry, in the entries' order and each one's own order.
 * `pageUrl(path)` makes a site path ("/van-ban/…/", "/dan-chieu/…/") an absolute address.
 */
export function referenceRows(entries: readonly CitingEntry[], pageUrl: (path: string) => string): ReferenceRow[] {
  const index = indexCitations(entries);
  const rows: ReferenceRow[] = [];
  for (const citing of entries) {
    index.linksOf(citing.id).forEach((link, i) => {
      const { cited } = link;
      rows.push({
        citing_id: citing.id,
        position: i + 1,
        number_as_cited: cited.number_as_written,
        number: cited.number,
        type: cited.type,
        date: cited.date,
        issuer_as_written: cited.issuer_as_written,
        scope: cited.scope,
        province: cited.province,
        district: cited.district,
        text: cited.text,
        slug: link.slug,
        matches: link.matches,
        resolved_id: link.directive?.id ?? null,
        url: pageUrl(link.href),
      });
    });
  }
  return rows;
}
