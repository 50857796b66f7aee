/** Route prefixes and download names: one place for every path the site and tests use (search's URL parameters: src/search/shared/constants.ts). */

export const ROUTES = {
  home: '/',
  directive: '/van-ban/',
  provinces: '/tinh/',
  timeline: '/thoi-gian/',
  search: '/tim-kiem/',
} as const;

export const directivePath = (id: string): string => `${ROUTES.directive}${id}/`;
export const provincePath = (slug: string): string => `${ROUTES.provinces}${slug}/`;
export const monthPath = (month: string): string => `${ROUTES.timeline}${month}/`;
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
