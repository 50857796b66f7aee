/**
 * Pure views over the archive: sorting, grouping by province and month, counts.
 * Pages get directives from src/site/collection.ts and shape them here, so all of this is testable
 * without Astro.
 */
import type { Directive } from '../shared/schema.ts';
import { PROVINCES, provinceByName, type Province } from '../shared/gazetteer.ts';

/** The period the archive covers; months outside it are listed apart, never dropped. */
export const FIRST_MONTH = '2020-01';
export const LAST_MONTH = '2022-12';

/** Dated directives by date (then id, for a stable order); undated ones last. */
export function sortByDate<D extends Pick<Directive, 'id' | 'date_issued'>>(list: readonly D[], order: 'asc' | 'desc' = 'asc'): D[] {
  const sign = order === 'asc' ? 1 : -1;
  return [...list].sort((a, b) => {
    if (a.date_issued === null || b.date_issued === null) {
      if (a.date_issued === b.date_issued) return a.id < b.id ? -1 : 1;
      return a.date_issued === null ? 1 : -1;
    }
    if (a.date_issued !== b.date_issued) return a.date_issued < b.date_issued ? -sign : sign;
    return a.id < b.id ? -1 : 1;
  });
}

/** Every month key "YYYY-MM" from `first` to `last`, inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

export const monthOf = (d: Directive): string | null => d.date_issued?.slice(0, 7) ?? null;

/** Dated directives grouped by month; every month of the covered period is present, empty or not. */
export function groupByMonth(list: readonly Directive[]): { months: Map<string, Directive[]>; outside: string[]; undated: Directive[] } {
  const months = new Map(monthsBetween(FIRST_MONTH, LAST_MONTH).map((m) => [m, [] as Directive[]]));
  const undated: Directive[] = [];
  for (const d of sortByDate(list)) {
    const month = monthOf(d);
    if (month === null) undated.push(d);
    else months.set(month, [...(months.get(month) ?? []), d]);
  }
  const outside = [...months.keys()].filter((m) => m < FIRST_MONTH || m > LAST_MONTH).sort();
  return { months: new Map([...months].sort(([a], [b]) => (a < b ? -1 : 1))), outside, undated };
}

export interface ProvinceEntry {
  province: Province;
  directives: Directive[];
}

/** All 63 provinces with their directives (zero included), in the gazetteer's (GSO) order. */
export function groupByProvince(list: readonly Directive[]): { provinces: ProvinceEntry[]; unknown: Directive[] } {
  const bySlug = new Map(PROVINCES.map((p) => [p.slug, [] as Directive[]]));
  const unknown: Directive[] = [];
  for (const d of sortByDate(list)) {
    const p = d.province ? provinceByName(d.province) : null;
    if (p) bySlug.get(p.slug)!.push(d);
    else unknown.push(d);
  }
  return { provinces: PROVINCES.map((province) => ({ province, directives: bySlug.get(province.slug)! })), unknown };
}

export interface ArchiveStats {
  directives: number;
  provinces: number;
  first: string | null;
  last: string | null;
  undated: number;
}

export function archiveStats(list: readonly Directive[]): ArchiveStats {
  const dates = list.map((d) => d.date_issued).filter((d): d is string => d !== null).sort();
  return {
    directives: list.length,
    provinces: new Set(list.map((d) => d.province).filter(Boolean)).size,
    first: dates[0] ?? null,
    last: dates.at(-1) ?? null,
    undated: list.length - dates.length,
  };
}

/** A provincial issuer (tỉnh, khối) versus a district one (huyện), for province pages. */
export const isDistrictLevel = (d: Directive): boolean => d.issuer_level === 'huyện' || d.issuer_level === 'xã';

/** Directives per month of 2020–2022, every month present: what the month charts draw. */
export function monthCounts(list: readonly Directive[]): Array<[month: string, n: number]> {
  const counts = new Map(monthsBetween(FIRST_MONTH, LAST_MONTH).map((m) => [m, 0]));
  for (const d of list) {
    const month = monthOf(d);
    if (month !== null && counts.has(month)) counts.set(month, counts.get(month)! + 1);
  }
  return [...counts];
}
