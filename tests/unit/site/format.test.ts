import { describe, expect, test } from 'vitest';
import { longDate, memoized, monthTitle, shortDate } from '../../../src/site/format.ts';

describe('dates in Vietnamese', () => {
  test('formats 2021-07-21 as "21/07/2021" and "ngày 21 tháng 7 năm 2021"', () => {
    expect(shortDate('2021-07-21')).toBe('21/07/2021');
    expect(longDate('2021-07-21')).toBe('ngày 21 tháng 7 năm 2021');
    expect(monthTitle('2021-07')).toBe('Tháng 7 năm 2021');
  });

  test('each distinct date is formatted once, and a second call gives the same text', () => {
    expect(shortDate('2020-02-03')).toBe('03/02/2020');
    expect(shortDate('2020-02-03')).toBe('03/02/2020');
    expect(longDate('2020-02-03')).toBe('ngày 3 tháng 2 năm 2020');
    const calls: string[] = [];
    const upper = memoized((s) => (calls.push(s), s.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'B', 'A', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });
});
