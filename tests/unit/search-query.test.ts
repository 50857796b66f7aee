import { describe, expect, test } from 'vitest';
import {
  compactQuery,
  looksLikeDocNumber,
  pagefindFilters,
  queryVariants,
  queryWords,
  readState,
  RecentMap,
  writeState,
} from '../../src/lib/search-query.ts';
import { filterValues, indexedTexts, searchableExtras } from '../../src/lib/search-index.ts';
import type { Directive } from '../../src/lib/schema.ts';

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
    expect(compactQuery('235 CV/TU')).toBe('235cvtu');
    expect(compactQuery('05/CĐ-UBND')).toBe('05cdubnd');
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

describe('what the index records', () => {
  const undated = {
    doc_number: null,
    date_issued: null,
    province: 'Gia Lai',
    doc_type: 'Chỉ thị',
    issuer_level: 'tỉnh',
    principles: ['4 tại chỗ'],
    signer_name: null,
  } as unknown as Directive;
  test('gives the vocabulary the texts the page indexes, not ids, file names or hashes', () => {
    const d = { ...undated, id: 'gia-lai/khong-ro-ngay-chi-thi', subject: 'giãn cách xã hội', doc_number: '05/CĐ-UBND', source_file: 'x_1.txt', source_sha256: 'ab12', body: 'Thân văn bản' };
    const texts = indexedTexts(d).flat();
    expect(texts).toEqual(expect.arrayContaining(['giãn cách xã hội', 'Thân văn bản', 'Gia Lai']));
    expect(texts.some((t) => typeof t === 'string' && t.includes('05cdubnd'))).toBe(true);
    expect(texts).not.toContain('x_1.txt');
    expect(texts).not.toContain('ab12');
    expect(texts).not.toContain('gia-lai/khong-ro-ngay-chi-thi');
  });
  test('files an undated directive under the year "Không rõ ngày"', () => {
    expect(filterValues(undated).nam).toEqual(['Không rõ ngày']);
  });
  test('indexes a number in its printed, spaced and compact forms', () => {
    expect(searchableExtras({ ...undated, doc_number: '235-CV/TU', date_issued: '2021-07-21' })).toBe(
      'Số hiệu 235-CV/TU. 235 CV TU. 235cvtu. Ngày 21/07/2021. Tỉnh Gia Lai. Phương châm: 4 tại chỗ',
    );
  });
});

describe('RecentMap (the search page keeps only its last few answers)', () => {
  const make = (limit: number) => {
    const dropped: Array<[string, number]> = [];
    const map = new RecentMap<string, number>(limit, (value, key) => dropped.push([key, value]));
    return { map, dropped };
  };

  test('past its limit it drops the entry used longest ago, and says which', () => {
    const { map, dropped } = make(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(dropped).toEqual([]);
    map.set('c', 3);
    expect(dropped).toEqual([['a', 1]]);
    expect(map.get('a')).toBeUndefined();
    expect([map.get('b'), map.get('c'), map.size]).toEqual([2, 3, 2]);
  });

  test('reading an entry makes it the most recent', () => {
    const { map, dropped } = make(2);
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect(dropped).toEqual([['b', 2]]);
    expect(map.get('a')).toBe(1);
  });

  test('setting a key again replaces its value, drops the old one and keeps the others', () => {
    const { map, dropped } = make(2);
    map.set('a', 1);
    map.set('b', 2);
    map.set('a', 10);
    expect(dropped).toEqual([['a', 1]]);
    expect([map.get('a'), map.get('b')]).toEqual([10, 2]);
    map.set('a', 10); // the same value again: nothing to free
    expect(dropped).toEqual([['a', 1]]);
  });

  test('clear forgets everything without reporting drops', () => {
    const { map, dropped } = make(3);
    map.set('a', 1);
    map.set('b', 2);
    map.clear();
    expect([map.size, map.get('a'), dropped]).toEqual([0, undefined, []]);
  });

  test('a limit below one is refused', () => {
    expect(() => new RecentMap(0)).toThrow(/at least 1/);
    expect(() => new RecentMap(1.5)).toThrow(/whole number/);
  });
});
