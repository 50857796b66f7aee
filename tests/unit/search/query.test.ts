import { describe, expect, test } from 'vitest';
import {
  boundQuery,
  dayBound,
  hasCriteria,
  QUERY_LIMITS,
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
      cut: null,
      from: null,
      to: null,
      badDates: [],
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

describe('date range', () => {
  test('reads `tu` and `den` as days or months and writes them back as given', () => {
    const state = readState(new URLSearchParams('?q=covid&tu=2021-07&den=2021-08-15'));
    expect([state.from, state.to, state.badDates]).toEqual(['2021-07', '2021-08-15', []]);
    expect(writeState(state)).toBe('?q=covid&tu=2021-07&den=2021-08-15');
  });
  test('takes a month as from its first day and to its last, leap years included', () => {
    expect(dayBound('2021-07', 'first')).toBe('2021-07-01');
    expect(dayBound('2021-07', 'last')).toBe('2021-07-31');
    expect(dayBound('2020-02', 'last')).toBe('2020-02-29');
    expect(dayBound('2021-02', 'last')).toBe('2021-02-28');
    expect(dayBound('2021-07-21', 'last')).toBe('2021-07-21');
  });
  test('leaves out a bound that is not a real date, and remembers it to say so', () => {
    for (const bad of ['2021-13', '2021-02-30', '21-07-2021', 'hôm qua', '2021-7']) expect(dayBound(bad, 'first'), bad).toBeNull();
    const state = readState(new URLSearchParams('?q=covid&tu=2021-13&den=2021-08'));
    expect([state.from, state.to, state.badDates]).toEqual([null, '2021-08', ['2021-13']]);
    expect(writeState(state)).toBe('?q=covid&den=2021-08');
  });
  test('a date bound alone is something to search by; an empty field is not', () => {
    expect(hasCriteria(readState(new URLSearchParams('?tu=2021-07')))).toBe(true);
    expect(hasCriteria(readState(new URLSearchParams('?tu=&den=')))).toBe(false);
  });
});

describe('boundQuery', () => {
  const words = (n: number, word = 'a'): string => Array.from({ length: n }, () => word).join(' ');

  test('keeps a directive\'s whole subject as typed, and says nothing was cut', () => {
    const subject = 'tiếp tục thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19 trên địa bàn tỉnh theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ';
    expect(boundQuery(subject)).toEqual({ query: subject, cut: null });
  });
  test('keeps the first 32 words of 3,000 and says the words were cut', () => {
    expect(QUERY_LIMITS.words).toBe(32);
    expect(boundQuery(words(3000))).toEqual({ query: words(32), cut: 'words' });
  });
  test('counts only runs with a letter or digit as words: a lone dash or quote is not one', () => {
    const query = `${words(16)} - ${words(16, 'b')} – ${words(5, 'c')}`;
    expect(boundQuery(query)).toEqual({ query: `${words(16)} - ${words(16, 'b')} –`, cut: 'words' });
  });
  test('cuts a long query at the last word that ends within 256 characters', () => {
    expect(QUERY_LIMITS.chars).toBe(256);
    // 14 words of 17 letters and their spaces make 251 characters; the 15th would end at 269.
    const query = words(30, 'nghiêmtúcthựchiện');
    const { query: bounded, cut } = boundQuery(query);
    expect(cut).toBe('chars');
    expect(bounded).toBe(words(14, 'nghiêmtúcthựchiện'));
    expect(bounded.length).toBeLessThanOrEqual(256);
  });
  test('cuts one word longer than 256 characters at 256, and words glued by punctuation too', () => {
    expect(boundQuery('x'.repeat(300))).toEqual({ query: 'x'.repeat(256), cut: 'chars' });
    expect(boundQuery(Array(200).fill('a').join('-')).query).toHaveLength(256);
  });
  test('never leaves half of a character outside the Basic Multilingual Plane at the cut', () => {
    const bounded = boundQuery(`${'x'.repeat(255)}😷😷`).query;
    expect(bounded).toBe('x'.repeat(255));
  });
  test('closes a quoted phrase it cuts, so it is still searched as a phrase', () => {
    expect(boundQuery(`"${words(40)}"`)).toEqual({ query: `"${words(32)}"`, cut: 'words' });
    const long = boundQuery(`"${words(30, 'nghiêmtúcthựchiện')}"`).query;
    expect(long.startsWith('"') && long.endsWith('"')).toBe(true);
    expect(long.length).toBeLessThanOrEqual(256);
  });
  test('leaves a quote the reader left open alone when nothing is cut', () => {
    expect(boundQuery('"4 tại chỗ')).toEqual({ query: '"4 tại chỗ', cut: null });
  });
  test('readState searches the bounded query and remembers what was cut', () => {
    const state = readState(new URLSearchParams({ q: words(3000) }));
    expect(state.query).toBe(words(32));
    expect(state.cut).toBe('words');
    expect(writeState(state)).toBe(`?q=${words(32).replaceAll(' ', '+')}`);
  });
});
