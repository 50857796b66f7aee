/** Route prefixes, URL parameters and filter names: one place for every path the site and tests use. */

export const ROUTES = {
  home: '/',
  directive: '/van-ban/',
  provinces: '/tinh/',
  timeline: '/thoi-gian/',
  search: '/tim-kiem/',
} as const;

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
} as const;

export const directivePath = (id: string): string => `${ROUTES.directive}${id}/`;
export const provincePath = (slug: string): string => `${ROUTES.provinces}${slug}/`;
export const monthPath = (month: string): string => `${ROUTES.timeline}${month}/`;
/** The raw source text, served byte for byte next to the directive's page. */
export const sourcePath = (id: string): string => `${directivePath(id)}nguon.txt`;
export const markdownPath = (id: string): string => `${directivePath(id)}van-ban.md`;
export const jsonPath = (id: string): string => `${directivePath(id)}van-ban.json`;
/** Undated directives get their own list on the timeline. */
export const UNDATED_SLUG = 'khong-ro-ngay';
