/** Route prefixes, URL parameters and filter names: one place for every path the site and tests use. */

export const ROUTES = {
  home: '/',
  directive: '/van-ban/',
  provinces: '/tinh/',
  timeline: '/thoi-gian/',
  search: '/tim-kiem/',
  sources: '/nguon/',
} as const;

export const directivePath = (id: string): string => `${ROUTES.directive}${id}/`;
export const provincePath = (slug: string): string => `${ROUTES.provinces}${slug}/`;
