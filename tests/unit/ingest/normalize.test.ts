import { describe, expect, test } from 'vitest';
import { countControlCharacters, countLookalikeLetters, isMottoLine, normalizeText } from '../../../scripts/ingest/normalize.ts';

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i)).filter((c) => !'\t\n\v\f\r'.includes(c));
const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

describe('normalizeText: control and bidi characters', () => {
  test('removes every C0 control but tab and line breaks, DEL and every C1 control', () => {
    const controls = [...C0, '\u007F', ...C1].join('');
    expect(normalizeText(`a${controls}b`)).toBe('ab');
    expect(countControlCharacters(`a${controls}b`)).toBe(C0.length + 1 + C1.length);
  });
  test('removes bidirectional embeddings, overrides, isolates and marks, and counts them', () => {
    const text = `Tăng cường ${BIDI.join('')}phòng, chống dịch`;
    expect(normalizeText(text)).toBe('Tăng cường phòng, chống dịch');
    expect(countControlCharacters(text)).toBe(12);
  });
  test('shows a title hidden behind a right-to-left override in its reading order', () => {
    expect(normalizeText('V/v \u202Egnờưc gnăt\u202C phòng dịch')).toBe('V/v gnờưc gnăt phòng dịch');
  });
  test('counts nothing in a text of Vietnamese letters, tabs, line breaks, NBSP and zero-width spaces', () => {
    expect(countControlCharacters('Tỉnh ủy\tKon Tum\r\n\u00A0Số 12\u200B-CV/TU\f')).toBe(0);
  });
  test('composes a letter and its tone mark once a control character between them is gone', () => {
    expect(normalizeText('to\u0007\u0300')).toBe('tò');
  });
});

describe('normalizeText: letters that look like Đ/đ', () => {
  test('folds Ð (U+00D0) and Ɖ (U+0189) to Đ, ð (U+00F0) and ɖ (U+0256) to đ, and counts them', () => {
    const text = '\u00D0ẮK NÔNG, \u0189ẮK MIL: \u00F0ịa phương, \u0256ảng bộ';
    expect(normalizeText(text)).toBe('ĐẮK NÔNG, ĐẮK MIL: địa phương, đảng bộ');
    expect(countLookalikeLetters(text)).toBe(4);
  });
  test('makes a motto spelt with a look-alike letter a motto again', () => {
    expect(isMottoLine('\u00D0ẢNG CỘNG SẢN VIỆT NAM')).toBe(false);
    expect(isMottoLine(normalizeText('\u00D0ẢNG CỘNG SẢN VIỆT NAM'))).toBe(true);
    expect(isMottoLine(normalizeText('\u0189ộc lập - Tự do - Hạnh phúc'))).toBe(true);
  });
  test('counts nothing in a text written with the real Đ (U+0110) and đ (U+0111)', () => {
    expect(countLookalikeLetters('Đảng bộ tỉnh Đắk Nông chỉ đạo')).toBe(0);
  });
});

describe('normalizeText: line breaks and trailing spaces', () => {
  test('turns a form feed, a vertical tab and a Unicode line or paragraph separator into a line break', () => {
    expect(normalizeText('a\fb\vc\u2028d\u2029e')).toBe('a\nb\nc\nd\ne');
  });
  test('removes spaces at the end of each line and keeps runs inside a line', () => {
    expect(normalizeText(`a   \nb${' '.repeat(5)}c  \n \n`)).toBe(`a\nb${' '.repeat(5)}c\n\n`);
  });
  test('removes a run of 100,000 spaces that ends a line, keeps one that does not, and keeps the line after', () => {
    const run = ' '.repeat(100_000);
    expect(normalizeText(`a${run}\nb${run}c`)).toBe(`a\nb${run}c`);
  });
});
