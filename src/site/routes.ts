/** Route prefixes and download names: one place for every path the site and tests use (search's URL parameters: src/search/shared/constants.ts). */

export const ROUTES = {
  home: '/',
  directive: '/van-ban/',
  provinces: '/tinh/',
  timeline: '/thoi-gian/',
  search: '/tim-kiem/',
  /** Documents the directives cite (văn bản được dẫn chiếu): the index and one page per document. */
  cited: '/dan-chieu/',
  principles: '/phuong-cham/',
  compare: '/so-sanh/',
  data: '/du-lieu/',
} as const;

export const directivePath = (id: string): string => `${ROUTES.directive}${id}/`;
export const provincePath = (slug: string): string => `${ROUTES.provinces}${slug}/`;
export const monthPath = (month: string): string => `${ROUTES.timeline}${month}/`;
export const citedPath = (slug: string): string => `${ROUTES.cited}${slug}/`;
/** A month's section of a page that lists directives by month ("2021-07" → "#2021-07"); undated ones under UNDATED_ANCHOR. */
export const monthAnchor = (month: string): string => `#${month}`;
export const UNDATED_ANCHOR = 'khong-ro-ngay';
/** One province's directives of one month: a section of its page, not a page of its own (docs/decisions/0031-comparison-pages.md). */
export const provinceMonthPath = (slug: string, month: string): string => `${provincePath(slug)}${monthAnchor(month)}`;
export const principlePath = (slug: string): string => `${ROUTES.principles}${slug}/`;
/**
 * One month of a principle's directives ("2021-07", or UNDATED_ANCHOR for the undated): a page of
 * its own, since a principle's whole list is too long for one page (docs/decisions/0031-comparison-pages.md).
 */
export const principleMonthPath = (slug: string, month: string): string => `${principlePath(slug)}${month}/`;
/** The comparison table for one principle, or one type of document. */
/**
 * One month of a much-cited document's citing directives ("2021-07", or UNDATED_ANCHOR): a page of
 * its own only for documents cited more than CITED_LIST_LIMIT times (docs/decisions/0034-cited-document-months.md).
 */
export const citedMonthPath = (slug: string, month: string): string => `${citedPath(slug)}${month}/`;
export const comparePrinciplePath = (slug: string): string => `${ROUTES.compare}phuong-cham/${slug}/`;
export const compareTypePath = (slug: string): string => `${ROUTES.compare}loai/${slug}/`;
/**
 * Files next to each directive's page: the source as UTF-8 text (the raw file byte for byte when it is
 * UTF-8), the raw file of a source converted from a legacy encoding, the archive file, the record.
 */
export const DOWNLOADS = { source: 'nguon.txt', rawSource: 'nguon-goc.bin', markdown: 'van-ban.md', json: 'van-ban.json' } as const;
export const sourcePath = (id: string): string => `${directivePath(id)}${DOWNLOADS.source}`;
export const rawSourcePath = (id: string): string => `${directivePath(id)}${DOWNLOADS.rawSource}`;
export const markdownPath = (id: string): string => `${directivePath(id)}${DOWNLOADS.markdown}`;
/**
 * The original PDF or Word file a directive's text was read from, byte for byte (bản gốc), named
 * by its format: `ban-goc.pdf`, `ban-goc.docx`, `ban-goc.doc`.
 */
export const ORIGINAL_DOWNLOAD = 'ban-goc';
export const originalDownload = (file: string): string => `${ORIGINAL_DOWNLOAD}${file.slice(file.lastIndexOf('.')).toLowerCase()}`;
export const originalPath = (id: string, file: string): string => `${directivePath(id)}${originalDownload(file)}`;
export const jsonPath = (id: string): string => `${directivePath(id)}${DOWNLOADS.json}`;
/** Citation files next to each directive's page, for reference managers (src/site/citation-files.ts). */
export const CITATION_FILES = { ris: 'trich-dan.ris', bibtex: 'trich-dan.bib', csl: 'trich-dan.csl.json' } as const;
export const citationFilePath = (id: string, kind: keyof typeof CITATION_FILES): string => `${directivePath(id)}${CITATION_FILES[kind]}`;
/** The bulk data files in ROUTES.data (src/site/bulk/), in the order the data page lists them. */
export const BULK_FILES = {
  directivesCsv: 'van-ban.csv',
  directivesJsonl: 'van-ban.jsonl',
  referencesCsv: 'dan-chieu.csv',
  provincesCsv: 'tinh.csv',
  sqlite: 'van-ban.sqlite',
} as const;
export type BulkFileName = (typeof BULK_FILES)[keyof typeof BULK_FILES];
export const bulkFilePath = (name: BulkFileName): string => `${ROUTES.data}${name}`;
/** Atom feeds of additions and corrections: the whole archive's and one per province (src/site/feeds.ts). */
export const FEED_FILE = 'feed.xml';
export const archiveFeedPath = `/${FEED_FILE}`;
export const provinceFeedPath = (slug: string): string => `${provincePath(slug)}${FEED_FILE}`;
/** The OpenSearch description (src/pages/opensearch.xml.ts). */
export const OPENSEARCH_PATH = '/opensearch.xml';
