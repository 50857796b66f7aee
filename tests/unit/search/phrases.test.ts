import { describe, expect, test } from 'vitest';
import { isTypedWord, MAX_PAIRS, planSearches, queryParts, rankResults, searchPlan, typedForms, type Scored } from '../../../src/search/shared/phrases.ts';

describe('queryParts', () => {
  test('splits a query into its quoted phrases and its runs of unquoted words', () => {
    expect(queryParts('"4 tại chỗ" Kon Tum')).toEqual({ phrases: ['4 tại chỗ'], runs: [['Kon', 'Tum']] });
    expect(queryParts('phòng chống "giãn cách xã hội" 16/CT-TTg')).toEqual({ phrases: ['giãn cách xã hội'], runs: [['phòng', 'chống'], ['16/CT-TTg']] });
  });
  test('reads typographic quotes as quotes, and drops a quote left open', () => {
    expect(queryParts('“4 tại chỗ” Kon Tum')).toEqual({ phrases: ['4 tại chỗ'], runs: [['Kon', 'Tum']] });
    expect(queryParts('"4 tại chỗ')).toEqual({ phrases: [], runs: [['4', 'tại', 'chỗ']] });
  });
  test('keeps punctuation typed between syllables in the run (Pagefind ignores it) and drops tokens without a letter', () => {
    expect(queryParts('phòng, chống - dịch')).toEqual({ phrases: [], runs: [['phòng,', 'chống', 'dịch']] });
  });
});

describe('searchPlan', () => {
  test('searches an unquoted query of four syllables as typed, as one phrase, and as its three pairs', () => {
    expect(searchPlan('khoanh vùng dập dịch')).toEqual({
      plain: ['khoanh vùng dập dịch'],
      required: [],
      together: [['"khoanh vùng dập dịch"']],
      pairs: [['"khoanh vùng"'], ['"vùng dập"'], ['"dập dịch"']],
    });
  });
  test('tries "đ" for a bare "d" in the query, the phrase and each pair that holds it', () => {
    const plan = searchPlan('benh vien da chien');
    expect(plan.plain).toEqual(['benh vien da chien', 'benh vien đa chien']);
    expect(plan.together).toEqual([['"benh vien da chien"', '"benh vien đa chien"']]);
    expect(plan.pairs).toEqual([['"benh vien"'], ['"vien da"', '"vien đa"'], ['"da chien"', '"đa chien"']]);
  });
  test('searches two syllables as the query and one phrase, with no pairs besides', () => {
    expect(searchPlan('tai cho')).toEqual({ plain: ['tai cho'], required: [], together: [['"tai cho"']], pairs: [] });
  });
  test('searches one word, a quoted phrase alone and a number as before: no phrase of its own', () => {
    expect(searchPlan('covid')).toEqual({ plain: ['covid'], required: [], together: [], pairs: [] });
    expect(searchPlan('"4 tại chỗ"')).toEqual({ plain: ['"4 tại chỗ"'], required: [], together: [], pairs: [] });
    expect(searchPlan('235-CV/TU')).toEqual({ plain: ['235-CV/TU', '235cvtu'], required: [], together: [], pairs: [] });
  });
  test('a quoted phrase with other words is required exactly; the other words rank by their own runs', () => {
    expect(searchPlan('"4 tại chỗ" Kon Tum')).toEqual({
      plain: ['4 tại chỗ Kon Tum'],
      required: [['"4 tại chỗ"']],
      together: [['"Kon Tum"']],
      pairs: [],
    });
    expect(searchPlan('"giãn cách xã hội" 16/CT-TTg')).toEqual({ plain: ['giãn cách xã hội 16/CT-TTg'], required: [['"giãn cách xã hội"']], together: [], pairs: [] });
  });
  test('leaves out the đ/d variants with strict tone marks', () => {
    expect(searchPlan('benh vien da chien', true).plain).toEqual(['benh vien da chien']);
    expect(searchPlan('benh vien da chien', true).pairs).toEqual([['"benh vien"'], ['"vien da"'], ['"da chien"']]);
  });
  test(`searches at most ${MAX_PAIRS} pairs, however long the query`, () => {
    const plan = searchPlan('tiếp tục thực hiện các biện pháp cấp bách phòng chống dịch');
    expect(plan.pairs).toHaveLength(MAX_PAIRS);
    expect(plan.pairs[0]).toEqual(['"tiếp tục"']);
    expect(plan.together).toEqual([['"tiếp tục thực hiện các biện pháp cấp bách phòng chống dịch"']]);
  });
  test('lists each distinct search once: first the query, its quoted phrases and runs, then apart its pairs', () => {
    expect(planSearches(searchPlan('tai cho tai'))).toEqual(['tai cho tai', '"tai cho tai"']);
    expect(planSearches(searchPlan('tai cho tai'), 'pairs')).toEqual(['"tai cho"', '"cho tai"']);
    expect(planSearches({ plain: ['a b'], required: [['"a b"']], together: [['"a b"']], pairs: [] })).toEqual(['a b', '"a b"']);
  });
});

describe('rankResults', () => {
  const r = (id: string, score = 1): Scored & { from: string } => ({ id, score, from: '' });
  const from = (source: string, ...hits: Array<[string, number?]>) => hits.map(([id, score]) => ({ id, score: score ?? 1, from: source }));

  test('puts the pages holding the phrase first, then those with more pairs, then the rest by score', () => {
    const ranked = rankResults({
      plain: [from('plain', ['scattered', 9], ['two-pairs', 3], ['phrase', 1], ['one-pair', 5])],
      required: [],
      together: [[from('phrase', ['phrase'])]],
      pairs: [[from('p1', ['phrase'], ['two-pairs'])], [from('p2', ['phrase'], ['two-pairs'], ['one-pair'])], [from('p3', ['phrase'])]],
    });
    expect(ranked.results.map((x) => [x.id, x.together, x.pairs])).toEqual([
      ['phrase', 1, 3],
      ['two-pairs', 0, 2],
      ['one-pair', 0, 1],
      ['scattered', 0, 0],
    ]);
  });
  test('takes each page once with its best score among the variants of the query', () => {
    const ranked = rankResults({ plain: [[r('a', 1), r('b', 2)], [r('a', 3)]], required: [], together: [], pairs: [] });
    expect(ranked.results.map((x) => [x.id, x.score])).toEqual([
      ['a', 3],
      ['b', 2],
    ]);
  });
  test('counts a phrase found in either of its đ/d variants once', () => {
    const ranked = rankResults({ plain: [[r('a')]], required: [], together: [], pairs: [[[r('a')], [r('a')]]] });
    expect(ranked.results[0]!.pairs).toBe(1);
  });
  test('keeps only the pages that hold every quoted phrase', () => {
    const ranked = rankResults({ plain: [[r('a'), r('b'), r('c')]], required: [[[r('a'), r('c')]], [[r('c')]]], together: [], pairs: [] });
    expect(ranked.results.map((x) => x.id)).toEqual(['c']);
  });
  test('keeps Pagefind\'s order among pages equal on phrase, pairs and score', () => {
    const ranked = rankResults({ plain: [[r('z'), r('a'), r('m')]], required: [], together: [], pairs: [] });
    expect(ranked.results.map((x) => x.id)).toEqual(['z', 'a', 'm']);
  });
  test('shows each page\'s excerpt from its phrase, else from the whole query', () => {
    const ranked = rankResults({
      plain: [from('plain', ['phrase'], ['pair'], ['none'])],
      required: [],
      together: [[from('together', ['phrase'])]],
      pairs: [[from('pair', ['phrase'], ['pair'])]],
    });
    expect(Object.fromEntries(ranked.results.map((x) => [x.id, x.excerpt.from]))).toEqual({ phrase: 'together', pair: 'plain', none: 'plain' });
  });
  test('before its pairs are searched, puts the pages holding the phrase first, in their final order, and says how many', () => {
    const answers = {
      plain: [from('plain', ['scattered', 9], ['one-pair', 5], ['phrase-b', 2], ['phrase-a', 4])],
      required: [],
      together: [[from('phrase', ['phrase-a'], ['phrase-b'])]],
    };
    const early = rankResults({ ...answers, pairs: null });
    expect(early.results.map((x) => x.id)).toEqual(['phrase-a', 'phrase-b', 'scattered', 'one-pair']);
    expect(early.settled).toBe(2);
    const final = rankResults({ ...answers, pairs: [[from('p1', ['phrase-a'], ['phrase-b'], ['one-pair'])], [from('p2', ['phrase-a'], ['phrase-b'])]] });
    expect(final.results.map((x) => x.id)).toEqual(['phrase-a', 'phrase-b', 'one-pair', 'scattered']);
    expect(final.settled).toBe(4);
  });
  test('shows the excerpt of a quoted phrase first: the reader asked for it', () => {
    const ranked = rankResults({
      plain: [from('plain', ['both'], ['quoted'])],
      required: [[from('quoted', ['both'], ['quoted'])]],
      together: [[from('together', ['both'])]],
      pairs: [],
    });
    expect(Object.fromEntries(ranked.results.map((x) => [x.id, x.excerpt.from]))).toEqual({ both: 'quoted', quoted: 'quoted' });
  });
});

describe('isTypedWord', () => {
  const typed = typedForms('4 tại chỗ');
  test('keeps a highlighted word that is a typed syllable, with or without its tone marks and punctuation', () => {
    expect(isTypedWord('chỗ;', typed)).toBe(true);
    expect(isTypedWord('Tại', typed)).toBe(true);
    expect(isTypedWord('cho', typedForms('tai cho'))).toBe(true);
    expect(isTypedWord('chợ', typedForms('tai cho'))).toBe(true);
  });
  test('drops a longer word that merely begins with a typed syllable', () => {
    expect(isTypedWord('chống', typed)).toBe(false);
    expect(isTypedWord('chống', typedForms('tai cho'))).toBe(false);
    expect(isTypedWord('chính', typedForms('chi dao'))).toBe(false);
  });
  test('folds "đ" to "d" as the page does: `dao` keeps “đạo”', () => {
    expect(isTypedWord('đạo', typedForms('chi dao'))).toBe(true);
  });
  test('keeps a word joined by punctuation when a part of it, or the whole, was typed', () => {
    expect(isTypedWord('COVID-19', typedForms('covid'))).toBe(true);
    expect(isTypedWord('235-CV/TU', typedForms('235'))).toBe(true);
    expect(isTypedWord('235cvtu', typedForms('235-CV/TU'))).toBe(true);
    expect(isTypedWord('16/CT-TTg,', typedForms('"giãn cách xã hội" 16/CT-TTg'))).toBe(true);
  });
});
