import { describe, expect, test } from 'vitest';
import { byDocType, compareTable } from '../../../src/site/compare.ts';
import { syntheticDirective as d } from '../../helpers/synthetic-directive.ts';

const row = (table: ReturnType<typeof compareTable>, slug: string) => table.groups.flatMap((g) => g.rows).find((r) => r.province.slug === slug)!;

describe('compareTable', () => {
  const list = [
    d('a', '2021-07-21', 'Kon Tum'),
    d('b', '2021-07-02', 'Kon Tum'),
    d('c', '2020-01-31', 'Kon Tum'),
    d('d', '2021-07-13', 'Kiên Giang'),
    d('e', null, 'Gia Lai'),
    d('f', '2023-02-01', 'Gia Lai'),
    d('g', '2021-07-01', null),
    d('h', '2022-12-31', 'Hoà Bình'),
  ];
  const table = compareTable(list);

  test('has the 36 months of 2020–2022 as columns and all 63 provinces as rows', () => {
    expect(table.months).toHaveLength(36);
    expect(table.months[0]).toBe('2020-01');
    expect(table.months.at(-1)).toBe('2022-12');
    expect(table.groups.flatMap((g) => g.rows)).toHaveLength(63);
  });

  test('counts each province’s directives by month, old tone placement included', () => {
    const konTum = row(table, 'kon-tum');
    expect(konTum.counts[table.months.indexOf('2021-07')]).toBe(2);
    expect(konTum.counts[0]).toBe(1);
    expect(konTum.total).toBe(3);
    expect(row(table, 'kien-giang').counts[table.months.indexOf('2021-07')]).toBe(1);
    expect(row(table, 'hoa-binh').counts[35]).toBe(1);
    expect(row(table, 'ha-noi').counts.every((n) => n === 0)).toBe(true);
  });

  test('totals each month and the table, and says what it left out', () => {
    expect(table.monthTotals[table.months.indexOf('2021-07')]).toBe(3);
    expect(table.total).toBe(5);
    expect(table.withoutProvince).toBe(1);
    expect(table.outsidePeriod).toBe(2);
  });

  test('groups the provinces by their 2025 unit, in GSO order', () => {
    expect(table.groups).toHaveLength(34);
    expect(table.groups[0]!.unit).toBe('Hà Nội');
    const quangNgai = table.groups.find((g) => g.unit === 'Quảng Ngãi')!;
    expect(quangNgai.rows.map((r) => r.province.name)).toEqual(['Quảng Ngãi', 'Kon Tum']);
    const phuTho = table.groups.find((g) => g.unit === 'Phú Thọ')!;
    expect(phuTho.rows.map((r) => r.province.name)).toEqual(['Hòa Bình', 'Phú Thọ', 'Vĩnh Phúc']);
  });
});

describe('byDocType', () => {
  test('lists the types the archive holds, most common first, and leaves out unknown types', () => {
    const types = byDocType([d('a', null, null), d('b', null, null, { doc_type: 'Chỉ thị' }), d('c', null, null), d('x', null, null, { doc_type: null })]);
    expect(types.map((t) => [t.name, t.slug, t.directives.map((x) => x.id)])).toEqual([
      ['Công văn', 'cong-van', ['a', 'c']],
      ['Chỉ thị', 'chi-thi', ['b']],
    ]);
  });
});
