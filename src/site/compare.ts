/**
 * Provinces side by side: the 63 provinces (rows) by the 36 months of 2020–2022 (columns), each
 * cell the number of directives, rows grouped by the provincial unit each became on 1/7/2025.
 * Pure views for the /so-sanh/ pages; the same table is drawn for a principle or a type of document.
 */
import type { Directive } from '../shared/schema.ts';
import { PROVINCES, provinceByName, type Province } from '../shared/gazetteer.ts';
import { slugify } from '../shared/vietnamese.ts';
import { FIRST_MONTH, LAST_MONTH, monthOf, monthsBetween } from './archive.ts';

export interface CompareRow {
  province: Province;
  /** Directives per month, in the order of CompareTable.months. */
  counts: number[];
  /** Their sum: the province's directives dated within 2020–2022. */
  total: number;
}

export interface CompareGroup {
  /** The 2025 unit (Resolution 202/2025/QH15) the provinces of the group belong to. */
  unit: string;
  rows: CompareRow[];
}

export interface CompareTable {
  months: string[];
  groups: CompareGroup[];
  monthTotals: number[];
  total: number;
  /** Directives left out of the cells, said under the table: no province, or no date within 2020–2022. */
  withoutProvince: number;
  outsidePeriod: number;
}

/**
 * The table for `list`. Groups come in the order of their first province in the GSO list, and
 * provinces within a group in GSO order, so the table reads like the province index.
 */
export function compareTable(list: readonly Directive[]): CompareTable {
  const months = monthsBetween(FIRST_MONTH, LAST_MONTH);
  const column = new Map(months.map((m, i) => [m, i]));
  const counts = new Map(PROVINCES.map((p) => [p.slug, months.map(() => 0)]));
  let withoutProvince = 0;
  let outsidePeriod = 0;
  for (const d of list) {
    const province = d.province ? provinceByName(d.province) : null;
    if (!province) {
      withoutProvince++;
      continue;
    }
    const month = monthOf(d);
    const i = month === null ? undefined : column.get(month);
    if (i === undefined) outsidePeriod++;
    else counts.get(province.slug)![i]!++;
  }
  const groups = new Map<string, CompareRow[]>();
  for (const province of PROVINCES) {
    const row = counts.get(province.slug)!;
    const rows = groups.get(province.name_2025) ?? [];
    rows.push({ province, counts: row, total: row.reduce((a, n) => a + n, 0) });
    groups.set(province.name_2025, rows);
  }
  const allRows = [...groups.values()].flat();
  const monthTotals = months.map((_, i) => allRows.reduce((a, r) => a + r.counts[i]!, 0));
  return {
    months,
    groups: [...groups].map(([unit, rows]) => ({ unit, rows })),
    monthTotals,
    total: monthTotals.reduce((a, n) => a + n, 0),
    withoutProvince,
    outsidePeriod,
  };
}

export interface DocTypeEntry {
  /** As the archive writes it: "Công văn". */
  name: string;
  slug: string;
  directives: Directive[];
}

/** The types of document the archive holds, most common first (ties by name); directives of unknown type are in none. */
export function byDocType(list: readonly Directive[]): DocTypeEntry[] {
  const groups = Map.groupBy(
    list.filter((d) => d.doc_type !== null),
    (d) => d.doc_type!,
  );
  return [...groups]
    .map(([name, directives]) => ({ name, slug: slugify(name), directives }))
    .sort((a, b) => b.directives.length - a.directives.length || a.name.localeCompare(b.name, 'vi'));
}
