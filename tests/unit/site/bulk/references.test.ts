import { describe, expect, test } from 'vitest';
import { referenceRows, scopeOf, type CitingEntry } from '../../../../src/site/bulk/references.ts';

describe('scopeOf', () => {
  test.each(['15/CT-TTg', '16/CT-TTg', '01/NQ-CP', '4000/BYT-DP', '3886/QĐ-BYT', '11-CT/TW', '135-KL/TW', '1111/NQ-UBTVQH14', '05-HD/BTGTW'])('reads %s as a national body\'s number', (n) => {
    expect(scopeOf(n)).toBe('trung ương');
  });
  test.each(['135-TB/TU', '05/CĐ-UBND', '235-CV/TU', '114-CV/HU', '01/2021/NQ-HĐND', '12/KH-BCĐ'])('reads %s as a local body\'s number', (n) => {
    expect(scopeOf(n)).toBe('địa phương');
  });
});

/** Synthetic entries (not real documents). */
const entry = (id: string, province: string | null, date: string | null, number: string | null, references: string[] = []): CitingEntry => ({ id, province, date_issued: date, doc_number: number, references });

describe('referenceRows', () => {
  test('resolves a local number within the citing directive\'s province only', () => {
    const rows = referenceRows([
      entry('kon-tum/a', 'Kon Tum', '2021-08-01', '135-TB/TU'),
      entry('gia-lai/b', 'Gia Lai', '2021-08-01', '135-TB/TU'),
      entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, ['135-TB/TU']),
    ]);
    expect(rows).toEqual([{ citing_id: 'kon-tum/c', position: 1, number_as_cited: null, number: '135-TB/TU', scope: 'địa phương', matches: 1, resolved_id: 'kon-tum/a' }]);
  });
  test('resolves a national number anywhere in the archive', () => {
    const rows = referenceRows([entry('khong-ro-tinh/ttg', null, '2020-03-31', '16/CT-TTg'), entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, ['16/CT-TTg'])]);
    expect(rows[0]).toMatchObject({ scope: 'trung ương', matches: 1, resolved_id: 'khong-ro-tinh/ttg' });
  });
  test('leaves a number unresolved when two directives carry it, saying how many', () => {
    const rows = referenceRows([entry('kon-tum/a', 'Kon Tum', '2020-05-01', '12-CV/TU'), entry('kon-tum/b', 'Kon Tum', '2021-05-01', '12-CV/TU'), entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, ['12-CV/TU'])]);
    expect(rows[0]).toMatchObject({ matches: 2, resolved_id: null });
  });
  test('never resolves to a directive dated after the citing one', () => {
    const rows = referenceRows([entry('kon-tum/a', 'Kon Tum', '2020-05-01', '12-CV/TU'), entry('kon-tum/b', 'Kon Tum', '2021-09-01', '12-CV/TU'), entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, ['12-CV/TU'])]);
    expect(rows[0]).toMatchObject({ matches: 1, resolved_id: 'kon-tum/a' });
  });
  test('does not resolve a local number from a directive whose province is unknown', () => {
    const rows = referenceRows([entry('kon-tum/a', 'Kon Tum', '2020-05-01', '12-CV/TU'), entry('khong-ro-tinh/c', null, '2021-08-10', null, ['12-CV/TU'])]);
    expect(rows[0]).toMatchObject({ matches: 0, resolved_id: null });
  });
  test('gives every reference its position, in the directive\'s order', () => {
    const rows = referenceRows([entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, ['15/CT-TTg', '16/CT-TTg', '135-TB/TU'])]);
    expect(rows.map((r) => [r.position, r.number])).toEqual([[1, '15/CT-TTg'], [2, '16/CT-TTg'], [3, '135-TB/TU']]);
  });
});
