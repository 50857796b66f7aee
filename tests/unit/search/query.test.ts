import { describe, expect, test } from 'vitest';
import {
  numberToken,
  looksLikeDocNumber,
  pagefindFilters,
  queryVariants,
  queryWords,
  readState,
  writeState,
} from '../../../src/search/shared/query.ts';

describe('queryVariants', () => {
  test('tries "đ" for each word typed with a leading "d": "dieu tri" also searches "đieu tri"', () => {
    expect(queryVariants('"dieu tri"')).toEqual(['"dieu tri"', '"đieu tri"']);
  });
  test('expands two d-words into four variants, the query as typed first', () => {
    expect(queryVariants('dan dao')).toEqual(['dan dao', 'đan dao', 'dan đao', 'đan đao']);
  });
  test('leaves accented queries, words without a leading d, and strict-accent searches alone', () => {
    expect(queryVariants('điều trị')).toEqual(['điều trị']);
    expect(queryVariants('tai cho')).toEqual(['tai cho']);
    expect(queryVariants('chi dao', true)).toEqual(['chi dao']);
  });
  test('leaves a d-word typed with tone marks alone: "chống dịch" is not also "chống địch" (enemy)', () => {
    expect(queryVariants('chống dịch như chống giặc')).toEqual(['chống dịch như chống giặc']);
    expect(queryVariants('dịch dieu')).toEqual(['dịch dieu', 'dịch đieu']);
  });
  test('expands at most three d-words (eight variants)', () => {
    expect(queryVariants('da de di do du')).toHaveLength(8);
  });
  test('normalizes an NFD query to NFC', () => {
    expect(queryVariants('tại chỗ'.normalize('NFD'))).toEqual(['tại chỗ']);
  });
});

describe('query words and numbers', () => {
  test('lists the words of a query without quotes or repeats', () => {
    expect(queryWords('"4 tại chỗ" tại xyzqw')).toEqual(['4', 'tại', 'chỗ', 'xyzqw']);
  });
  test('recognizes document numbers typed in several ways', () => {
    for (const q of ['235-CV/TU', '235-cv/tu', '235 CV/TU', '05/CĐ-UBND', '1234/UBND-VX']) expect(looksLikeDocNumber(q)).toBe(true);
    for (const q of ['235', 'tai cho', 'COVID-19']) expect(looksLikeDocNumber(q)).toBe(false);
  });
  test('compacts a number the way the index stores it', () => {
    expect(numberToken('235 CV/TU')).toBe('235cvtu');
    expect(numberToken('05/CĐ-UBND')).toBe('05cdubnd');
  });
});

describe('URL state', () => {
  test('reads readable parameters and writes them back unchanged', () => {
    const search = '?q=t%E1%BA%A1i+ch%E1%BB%97&tinh=kon-tum&tinh=gia-lai&nam=2021&phuong-cham=4-tai-cho&sap-xep=moi-nhat&dau=1';
    const state = readState(new URLSearchParams(search));
    expect(state).toEqual({
      query: 'tại chỗ',
      filters: { tinh: ['kon-tum', 'gia-lai'], nam: ['2021'], phuong_cham: ['4-tai-cho'] },
      sort: 'moi-nhat',
      exact: true,
    });
    expect(writeState(state)).toBe(search);
  });
  test('leaves defaults out of the URL', () => {
    expect(writeState(readState(new URLSearchParams('?q=5K&sap-xep=lien-quan')))).toBe('?q=5K');
  });
  test('maps URL slugs to the values Pagefind knows', () => {
    const state = readState(new URLSearchParams('?tinh=thua-thien-hue&phuong-cham=4-tai-cho'));
    expect(pagefindFilters(state, { tinh: ['Kon Tum', 'Thừa Thiên Huế'], phuong_cham: ['4 tại chỗ', '5K'] })).toEqual({
      tinh: { any: ['Thừa Thiên Huế'] },
      phuong_cham: { any: ['4 tại chỗ'] },
    });
  });
});
