/** Dates and labels as Vietnamese readers expect them (date-fns with its `vi` locale). */
// One module per function, not the package's index: Node loads every module the index names
// wherever this file is imported without a bundler: the Astro config's integrations, the index
// step, the tests (docs/decisions/0012-date-fns-per-function.md).
import { format } from 'date-fns/format';
import { parseISO } from 'date-fns/parseISO';
import { vi } from 'date-fns/locale/vi';

const date = (iso: string): Date => parseISO(iso);

/**
 * `fn`, computed once per distinct argument. A build formats the same few distinct dates over and
 * over (every page prints its date in several places, the lists and the search metadata again), on
 * the one thread that renders pages (docs/decisions/0021-dates-formatted-once.md).
 */
export function memoized(fn: (key: string) => string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = fn(key)));
    return value;
  };
}

/** "21/07/2021" */
export const shortDate = memoized((iso) => format(date(iso), 'dd/MM/yyyy', { locale: vi }));

/** "ngày 21 tháng 7 năm 2021" */
export const longDate = memoized((iso) => format(date(iso), "'ngày' d 'tháng' M 'năm' yyyy", { locale: vi }));

/** "tháng 7/2021" for a "2021-07" month key. */
export const monthLabel = memoized((month) => format(date(`${month}-01`), "'tháng' M/yyyy", { locale: vi }));

/** "Tháng 7 năm 2021" */
export const monthTitle = memoized((month) => format(date(`${month}-01`), "'Tháng' M 'năm' yyyy", { locale: vi }));

/** English "21 July 2021" for the English citation. */
export const englishDate = memoized((iso) => format(date(iso), 'yyyy, MMMM d'));

/** "1.234" — Vietnamese digit grouping. */
export const count = (n: number): string => new Intl.NumberFormat('vi-VN').format(n);

const SITE_SHORT = 'Lưu trữ chỉ đạo COVID-19';
const MAX_TITLE = 70;

/** The <title>: the page's title and a short site name, within 70 characters (cut at a word, with "…"). */
export function documentTitle(page: string | null): string {
  if (page === null) return 'Lưu trữ văn bản chỉ đạo phòng, chống COVID-19';
  const suffix = ` — ${SITE_SHORT}`;
  const room = MAX_TITLE - suffix.length;
  const cut = page.length <= room ? page : `${page.slice(0, room - 1).replace(/[\s,;:–-]+\S*$/u, '')}…`;
  return `${cut}${suffix}`;
}
