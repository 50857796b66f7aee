import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SHADES, shadeLegend, shadeOf, shadeScale } from '../../../src/site/shading.ts';

describe('shadeScale', () => {
  test('puts about a fifth of the non-zero counts in each class, zeros left out', () => {
    expect(shadeScale([0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([2, 4, 6, 8, 10]);
  });
  test('keeps equal counts in one class, so there are fewer classes than shades', () => {
    expect(shadeScale([1, 1, 1, 1, 1, 1, 9])).toEqual([1, 9]);
    expect(shadeScale([0, 1, 0, 1])).toEqual([1]);
  });
  test('has no class when every count is zero', () => {
    expect(shadeScale([0, 0, 0])).toEqual([]);
    expect(shadeScale([])).toEqual([]);
  });
});

describe('shadeOf', () => {
  test('gives zero shade 0 and each count the shade of the first class it fits', () => {
    const scale = [2, 4, 6, 8, 10];
    expect([0, 1, 2, 3, 5, 8, 9, 10].map((n) => shadeOf(n, scale))).toEqual([0, 1, 1, 2, 3, 4, 5, 5]);
  });
  test('spreads fewer classes over the palette, the last always the darkest', () => {
    expect([1, 9].map((n) => shadeOf(n, [1, 9]))).toEqual([3, SHADES]);
    expect(shadeOf(1, [1])).toBe(SHADES);
    expect([1, 2, 3].map((n) => shadeOf(n, [1, 2, 3]))).toEqual([2, 4, 5]);
  });
  test('puts a count above the last bound in the last class', () => {
    expect(shadeOf(50, [1, 9])).toBe(SHADES);
  });
});

describe('shadeLegend', () => {
  test('names zero and each class by its range of counts, with the shades the counts get', () => {
    expect(shadeLegend([1, 3, 9])).toEqual([
      { shade: 0, label: '0' },
      { shade: 2, label: '1' },
      { shade: 4, label: '2–3' },
      { shade: 5, label: '4–9' },
    ]);
    expect(shadeLegend([])).toEqual([{ shade: 0, label: '0' }]);
  });
});

/** WCAG relative luminance of "#rrggbb". */
const luminance = (hex: string): number => {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('the shades of site.css', () => {
  const css = readFileSync(join(import.meta.dirname, '../../../src/styles/site.css'), 'utf8');
  const colour = (name: string): string => {
    const m = new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css);
    if (!m) throw new Error(`site.css defines no --${name}`);
    return m[1]!;
  };
  test('define a fill and a text colour for zero and each of the shades', () => {
    for (let k = 0; k <= SHADES; k++) expect(colour(`shade-${k}`)).toMatch(/^#/);
  });
  test('give each count written on a shade a contrast of at least 4.5:1 (WCAG AA)', () => {
    const low: string[] = [];
    for (let k = 0; k <= SHADES; k++) {
      const ratio = contrast(colour(`shade-${k}`), colour(`shade-${k}-ink`));
      if (ratio < 4.5) low.push(`shade-${k}: ${ratio.toFixed(2)}:1`);
    }
    expect(low).toEqual([]);
  });
  test('grow darker from zero to the last shade', () => {
    const lum = Array.from({ length: SHADES + 1 }, (_, k) => luminance(colour(`shade-${k}`)));
    expect(lum.slice(1)).toEqual([...lum.slice(1)].sort((a, b) => b - a));
    expect(lum[SHADES]).toBeLessThan(lum[1]!);
  });
});
