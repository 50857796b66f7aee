import { describe, expect, test } from 'vitest';
import { resultsByDate, countFacets, facetTable, readFacets, withinDates, type FacetPage } from '../../../src/search/shared/facets.ts';

/** A page of the given year (1 July), or undated when the year is "Không rõ ngày". */
const page = (id: string, tinh: string, nam: string, phuong_cham: string[] = [], date: string | null = /^\d{4}$/.test(nam) ? `${nam}-07-01` : null): FacetPage => ({
  id,
  filters: { tinh: [tinh], nam: [nam], loai: ['Công văn'], cap: ['tỉnh'], phuong_cham },
  date,
});
const values = (read: ReturnType<typeof readFacets>, id: string) => read.get(id)?.values;

describe('facetTable and readFacets', () => {
  test('every page reads back with exactly its own values', () => {
    const pages = [
      page('vi_b2', 'Kon Tum', '2021', ['4 tại chỗ', '5K']),
      page('vi_a1', 'Gia Lai', 'Không rõ ngày'),
      page('vi_c3', 'Sóc Trăng', '2021', ['5K']),
    ];
    const read = readFacets(facetTable(pages));
    for (const p of pages) expect(values(read, p.id), p.id).toEqual(p.filters);
  });

  test('the pages are in order of date, then id, and the undated ones come last', () => {
    const table = facetTable([
      page('vi_b', 'Kon Tum', '2021', [], '2021-07-21'),
      page('vi_u', 'Gia Lai', 'Không rõ ngày'),
      page('vi_a', 'Sóc Trăng', '2021', [], '2021-02-09'),
      page('vi_c', 'Kiên Giang', '2021', [], '2021-07-21'),
    ]);
    expect(table.ids).toBe('vi_a vi_b vi_c vi_u');
    expect(table.dated).toBe(3);
    expect([...readFacets(table)].map(([id, row]) => [id, row.rank, row.dated])).toEqual([
      ['vi_a', 0, true],
      ['vi_b', 1, true],
      ['vi_c', 2, true],
      ['vi_u', 3, false],
    ]);
  });

  test('more values than one digit holds: 70 provinces and 13 principles round-trip', () => {
    const principles = Array.from({ length: 13 }, (_, i) => `phương châm ${String(i).padStart(2, '0')}`);
    const pages = Array.from({ length: 70 }, (_, i) => page(`vi_${String(i).padStart(3, '0')}`, `Tỉnh ${String(i).padStart(2, '0')}`, '2020', principles.filter((_, j) => (i + j) % 3 === 0)));
    const table = facetTable(pages);
    expect(table.kinds.tinh).toEqual({ kind: 'one', width: 2 });
    expect(table.kinds.phuong_cham).toEqual({ kind: 'set', width: 3 });
    const read = readFacets(table);
    for (const p of pages) expect(values(read, p.id), p.id).toEqual(p.filters);
  });

  test('an empty index gives an empty table', () => {
    expect(readFacets(facetTable([])).size).toBe(0);
  });
});

describe('countFacets', () => {
  test('counts the values of the given pages only, and ignores ids it does not know', () => {
    const read = readFacets(
      facetTable([page('vi_1', 'Kon Tum', '2021', ['4 tại chỗ']), page('vi_2', 'Kon Tum', '2022'), page('vi_3', 'Gia Lai', '2021', ['4 tại chỗ', '5K'])]),
    );
    const counts = countFacets(read, ['vi_1', 'vi_3', 'vi_vocabulary']);
    expect(counts.tinh).toEqual({ 'Kon Tum': 1, 'Gia Lai': 1 });
    expect(counts.nam).toEqual({ 2021: 2 });
    expect(counts.phuong_cham).toEqual({ '4 tại chỗ': 2, '5K': 1 });
    expect(counts.loai).toEqual({ 'Công văn': 2 });
  });
});

describe('resultsByDate', () => {
  const read = readFacets(
    facetTable([
      page('vi_old', 'Sóc Trăng', '2021', [], '2021-02-09'),
      page('vi_new', 'Kon Tum', '2021', [], '2021-07-21'),
      page('vi_mid', 'Thái Bình', '2021', [], '2021-05-07'),
      page('vi_u1', 'Gia Lai', 'Không rõ ngày'),
      page('vi_u2', 'Gia Lai', 'Không rõ ngày'),
    ]),
  );
  const results = ['vi_u2', 'vi_mid', 'vi_unknown', 'vi_new', 'vi_u1', 'vi_old'].map((id) => ({ id }));
  test('newest first keeps the undated results, last', () => {
    expect(resultsByDate(results, read, true).map((r) => r.id)).toEqual(['vi_new', 'vi_mid', 'vi_old', 'vi_u1', 'vi_u2', 'vi_unknown']);
  });
  test('oldest first keeps them last too', () => {
    expect(resultsByDate(results, read, false).map((r) => r.id)).toEqual(['vi_old', 'vi_mid', 'vi_new', 'vi_u1', 'vi_u2', 'vi_unknown']);
  });
});

describe('displayOrder: the table lists each filter\'s values as the search page shows them', () => {
  test('provinces in Vietnamese alphabetical order: Đ after D, not after Y', () => {
    const table = facetTable(['Yên Bái', 'Đồng Nai', 'Bắc Giang', 'Điện Biên', 'Cà Mau', 'Đắk Lắk', 'Dak Test'].map((t, i) => page(`vi_${i}`, t, '2021')));
    expect(table.values.tinh).toEqual(['Bắc Giang', 'Cà Mau', 'Dak Test', 'Đắk Lắk', 'Điện Biên', 'Đồng Nai', 'Yên Bái']);
  });

  test('years oldest first, undated last', () => {
    const table = facetTable([page('vi_a', 'Kon Tum', 'Không rõ ngày'), page('vi_b', 'Kon Tum', '2022'), page('vi_c', 'Kon Tum', '2020')]);
    expect(table.values.nam).toEqual(['2020', '2022', 'Không rõ ngày']);
  });

  test('the order does not change what each page reads back', () => {
    const pages = ['Yên Bái', 'Đồng Nai', 'Bắc Giang'].map((t, i) => page(`vi_${i}`, t, '2021', i === 1 ? ['5K', '4 tại chỗ'] : []));
    const read = readFacets(facetTable(pages));
    for (const p of pages) expect(values(read, p.id)?.tinh).toEqual(p.filters.tinh);
    expect(values(read, 'vi_1')?.phuong_cham).toEqual(['4 tại chỗ', '5K']);
  });
});

describe('withinDates', () => {
  const table = readFacets(
    facetTable([
      page('vi_feb', 'Sóc Trăng', '2021', [], '2021-02-09'),
      page('vi_jul13', 'Kiên Giang', '2021', [], '2021-07-13'),
      page('vi_jul21a', 'Kon Tum', '2021', [], '2021-07-21'),
      page('vi_jul21b', 'Gia Lai', '2021', [], '2021-07-21'),
      page('vi_undated', 'Gia Lai', 'Không rõ ngày'),
    ]),
  );
  const ids = ['vi_undated', 'vi_jul21b', 'vi_feb', 'vi_jul13', 'vi_jul21a'].map((id) => ({ id }));

  test('reads back each page\'s date of issue from the table', () => {
    expect([...table].map(([id, row]) => [id, row.date])).toEqual([
      ['vi_feb', '2021-02-09'],
      ['vi_jul13', '2021-07-13'],
      ['vi_jul21a', '2021-07-21'],
      ['vi_jul21b', '2021-07-21'],
      ['vi_undated', null],
    ]);
  });
  test('keeps the results issued between the two days, both included, in their order', () => {
    expect(withinDates(ids, table, '2021-07-13', '2021-07-21')).toEqual({ results: [{ id: 'vi_jul21b' }, { id: 'vi_jul13' }, { id: 'vi_jul21a' }], undated: 1 });
  });
  test('a single bound leaves the other side open', () => {
    expect(withinDates(ids, table, null, '2021-07-13').results).toEqual([{ id: 'vi_feb' }, { id: 'vi_jul13' }]);
    expect(withinDates(ids, table, '2021-07-14', null).results).toEqual([{ id: 'vi_jul21b' }, { id: 'vi_jul21a' }]);
  });
  test('counts the undated results it leaves out, and an id the table does not know as undated', () => {
    expect(withinDates([{ id: 'vi_undated' }, { id: 'vi_unknown' }, { id: 'vi_feb' }], table, '2020-01-01', '2022-12-31')).toEqual({ results: [{ id: 'vi_feb' }], undated: 2 });
  });
});
