import { describe, expect, test } from 'vitest';
import { countFacets, facetTable, readFacets, type FacetPage } from '../../src/lib/search-facets.ts';

const page = (id: string, tinh: string, nam: string, phuong_cham: string[] = []): FacetPage => ({
  id,
  filters: { tinh: [tinh], nam: [nam], loai: ['Công văn'], cap: ['tỉnh'], phuong_cham },
});

describe('facetTable and readFacets', () => {
  test('every page reads back with exactly its own values', () => {
    const pages = [
      page('vi_b2', 'Kon Tum', '2021', ['4 tại chỗ', '5K']),
      page('vi_a1', 'Gia Lai', 'Không rõ ngày'),
      page('vi_c3', 'Sóc Trăng', '2021', ['5K']),
    ];
    const read = readFacets(facetTable(pages));
    expect([...read.keys()]).toEqual(['vi_a1', 'vi_b2', 'vi_c3']);
    for (const p of pages) expect(read.get(p.id), p.id).toEqual(p.filters);
  });

  test('more values than one digit holds: 70 provinces and 13 principles round-trip', () => {
    const principles = Array.from({ length: 13 }, (_, i) => `phương châm ${String(i).padStart(2, '0')}`);
    const pages = Array.from({ length: 70 }, (_, i) => page(`vi_${String(i).padStart(3, '0')}`, `Tỉnh ${String(i).padStart(2, '0')}`, '2020', principles.filter((_, j) => (i + j) % 3 === 0)));
    const table = facetTable(pages);
    expect(table.kinds.tinh).toEqual({ kind: 'one', width: 2 });
    expect(table.kinds.phuong_cham).toEqual({ kind: 'set', width: 3 });
    const read = readFacets(table);
    for (const p of pages) expect(read.get(p.id), p.id).toEqual(p.filters);
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
