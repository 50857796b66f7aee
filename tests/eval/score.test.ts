import { describe, expect, test } from 'vitest';
import { criticalErrors, formatTable, judgeField, scoreDocument, summarize } from './score.ts';

describe('judgeField', () => {
  test('counts NFD and NFC spellings, and a YAML Date and its ISO string, as the same value', () => {
    expect(judgeField('Tỉnh ủy Kon Tum', 'Tỉnh ủy Kon Tum'.normalize('NFD'))).toBe('right');
    expect(judgeField('2021-08-05', new Date('2021-08-05T00:00:00Z'))).toBe('right');
    expect(judgeField(['4 tại chỗ', '5K'], ['4 tại chỗ'.normalize('NFD'), '5K'])).toBe('right');
  });

  test('calls null, an absent field or [] a miss, and any other difference wrong', () => {
    expect(judgeField('235-CV/TU', null)).toBe('missing');
    expect(judgeField('235-CV/TU', undefined)).toBe('missing');
    expect(judgeField(['5K'], [])).toBe('missing');
    expect(judgeField('235-CV/TU', '235-CV/HU')).toBe('wrong');
    expect(judgeField(null, '235-CV/TU')).toBe('wrong');
    expect(judgeField(['5K', 'mục tiêu kép'], ['mục tiêu kép', '5K'])).toBe('wrong');
  });
});

describe('scoreDocument, summarize and criticalErrors', () => {
  const expected = {
    synthetic: true,
    _covers: 'not a field',
    doc_number: '356-CV/ThU',
    date_issued: '2021-02-02',
    province: 'Gia Lai',
    place: null,
  };

  test('scores only real fields and reports wrong critical values but not missing ones', () => {
    const results = scoreDocument('004.txt', expected, {
      doc_number: '356-CV/ThU',
      date_issued: null,
      province: 'Kon Tum',
      place: null,
    });
    expect(results.map((r) => [r.field, r.verdict])).toEqual([
      ['doc_number', 'right'],
      ['date_issued', 'missing'],
      ['province', 'wrong'],
      ['place', 'right'],
    ]);
    expect(summarize(results).overall).toEqual({ right: 2, missing: 1, wrong: 1, total: 4, accuracy: 0.5 });
    expect(criticalErrors(results).map((r) => r.field)).toEqual(['province']);
  });

  test('counts every field of a directive with no output file as missing, even expected nulls', () => {
    const results = scoreDocument('004.txt', expected, null);
    expect(results.every((r) => r.verdict === 'missing')).toBe(true);
    expect(criticalErrors(results)).toEqual([]);
    expect(formatTable(summarize(results))).toMatch(/^OVERALL\s+0\/4\s+4\s+0\s+0\.0%$/m);
  });
});
