/** Route prefixes and download names: one place for every path the site and tests use (search's URL parameters: src/search/shared/constants.ts). */

export const ROUTES = {
  home: '/',
  directive: '/van-ban/',
  provinces: '/tinh/',
  timeline: '/thoi-gian/',
  search: '/tim-kiem/',
  principles: '/phuong-cham/',
  compare: '/so-sanh/',
} as const;

export const directivePath = (id: string): string => `${ROUTES.directive}${id}/`;
export const provincePath = (slug: string): string => `${ROUTES.provinces}${slug}/`;
export const monthPath = (month: string): string => `${ROUTES.timeline}${month}/`;
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
export const jsonPath = (id: string): string => `${directivePath(id)}${DOWNLOADS.json}`;
