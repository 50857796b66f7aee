import { describe, expect, test } from 'vitest';
import { foldDiacritics, modernizeTones, nameKey, slugify } from '../../../src/shared/vietnamese.ts';

describe('modernizeTones', () => {
  test('moves old-style tone placement: "uỷ" → "ủy", "hoà" → "hòa", "thuỷ" → "thủy", "khoẻ" → "khỏe"', () => {
    expect(modernizeTones('Tỉnh uỷ, hoà, thuỷ, khoẻ')).toBe('Tỉnh ủy, hòa, thủy, khỏe');
  });
  test('works on upper case and NFD input', () => {
    expect(modernizeTones('TỈNH UỶ HOÀ BÌNH'.normalize('NFD'))).toBe('TỈNH ỦY HÒA BÌNH');
  });
  test('leaves "quý", "quà", "thuyết", "hoài" alone', () => {
    expect(modernizeTones('quý quà thuyết hoài')).toBe('quý quà thuyết hoài');
  });
});

describe('slugify and folding', () => {
  test('slugs "Thừa Thiên Huế" and "Bà Rịa - Vũng Tàu" and folds đ to d', () => {
    expect(slugify('Thừa Thiên Huế')).toBe('thua-thien-hue');
    expect(slugify('Bà Rịa - Vũng Tàu')).toBe('ba-ria-vung-tau');
    expect(slugify('Đắk Lắk')).toBe('dak-lak');
  });
  test('folds "điều trị" to "dieu tri"', () => {
    expect(foldDiacritics('điều trị ĐÀ')).toBe('dieu tri DA');
  });
  test('nameKey matches across tone style and case', () => {
    expect(nameKey('Hoà Bình')).toBe(nameKey('HÒA BÌNH'));
  });
});
