import { describe, expect, test } from 'vitest';
import { archiveStats, sortByDate, groupByMonth, groupByProvince, monthCounts, monthsBetween } from '../../../src/site/archive.ts';
import { syntheticDirective as d } from '../../helpers/synthetic-directive.ts';

describe('sortByDate', () => {
  test('puts dated directives in order and undated ones last, in both directions', () => {
    const list = [d('b', null, null), d('c', '2021-07-21', null), d('a', '2020-03-01', null)];
    expect(sortByDate(list).map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(sortByDate(list, 'desc').map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('groupByMonth', () => {
  test('has all 36 months of 2020–2022, counts each, and keeps undated and out-of-period directives', () => {
    const { months, outside, undated } = groupByMonth([d('a', '2021-07-21', null), d('b', '2021-07-01', null), d('c', null, null), d('d', '2023-01-05', null)]);
    expect([...months.keys()].filter((m) => m <= '2022-12')).toHaveLength(36);
    expect(months.get('2021-07')!.map((x) => x.id)).toEqual(['b', 'a']);
    expect(months.get('2020-01')).toEqual([]);
    expect(outside).toEqual(['2023-01']);
    expect(undated.map((x) => x.id)).toEqual(['c']);
  });
  test('monthsBetween crosses years', () => {
    expect(monthsBetween('2020-11', '2021-02')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
  });
});

describe('groupByProvince', () => {
  test('lists all 63 provinces, zero included, and sets apart directives without a province', () => {
    const { provinces, unknown } = groupByProvince([d('a', null, 'Kon Tum'), d('b', null, null), d('c', null, 'Hoà Bình')]);
    expect(provinces).toHaveLength(63);
    expect(provinces.find((p) => p.province.slug === 'kon-tum')!.directives.map((x) => x.id)).toEqual(['a']);
    expect(provinces.find((p) => p.province.slug === 'hoa-binh')!.directives.map((x) => x.id)).toEqual(['c']);
    expect(provinces.find((p) => p.province.slug === 'ha-noi')!.directives).toEqual([]);
    expect(unknown.map((x) => x.id)).toEqual(['b']);
  });
  test('archiveStats counts provinces, the date range and the undated', () => {
    expect(archiveStats([d('a', '2021-07-21', 'Kon Tum'), d('b', '2021-02-09', 'Sóc Trăng'), d('c', null, 'Kon Tum')])).toEqual({
      directives: 3,
      provinces: 2,
      first: '2021-02-09',
      last: '2021-07-21',
      undated: 1,
    });
  });
});

describe('monthCounts', () => {
  test('counts each of the 36 months, empty ones included, and leaves out undated and later directives', () => {
    const counts = monthCounts([d('a', '2021-07-21', null), d('b', '2021-07-01', null), d('c', null, null), d('d', '2023-01-05', null), d('e', '2020-01-01', null)]);
    expect(counts).toHaveLength(36);
    expect(counts[0]).toEqual(['2020-01', 1]);
    expect(counts.find(([m]) => m === '2021-07')).toEqual(['2021-07', 2]);
    expect(counts.reduce((a, [, n]) => a + n, 0)).toBe(3);
  });
});
