import { describe, expect, test } from 'vitest';
import { indexWords, stringsOf } from '../../../src/search/build/vocabulary.ts';

describe('indexWords: the words Pagefind indexes for a text', () => {
  test('keeps each token joined and in its parts, as Pagefind does ("covid19", "covid" and "19" all match COVID-19)', () => {
    expect([...indexWords('phòng, chống dịch COVID-19')].sort()).toEqual(['19', 'chống', 'covid', 'covid19', 'dịch', 'phòng']);
  });
  test('joins numbers and dates like the compact forms the index holds', () => {
    const words = indexWords('Số 235-CV/TU ngày 21/7/2021');
    for (const w of ['235cvtu', '235', 'cv', 'tu', '2172021', '21', '7', '2021', 'số', 'ngày']) expect(words).toContain(w);
  });
  test('lower-cases and composes to NFC, so an NFD source gives the same words', () => {
    expect([...indexWords('Chỉ Đạo'.normalize('NFD'))].sort()).toEqual(['chỉ', 'đạo']);
  });
  test('adds to a set it is given', () => {
    const into = new Set(['a']);
    indexWords('b', into);
    expect([...into]).toEqual(['a', 'b']);
  });
});

describe('stringsOf', () => {
  test('finds every string in a record, nested ones included', () => {
    expect(stringsOf({ id: 'x', n: 3, none: null, list: ['a', { name: 'b' }] })).toEqual(['x', 'a', 'b']);
  });
});

describe('indexWords with a shared `seen` set', () => {
  test('gives the same words as without it, over several texts', () => {
    const texts = ['Chỉ thị 15/CT-TTg', 'chỉ thị 16/CT-TTg', 'COVID-19 và Covid-19'];
    const plain = new Set<string>();
    for (const t of texts) indexWords(t, plain);
    const cached = new Set<string>();
    const seen = new Set<string>();
    for (const t of texts) indexWords(t, cached, seen);
    expect([...cached].sort()).toEqual([...plain].sort());
  });
});
