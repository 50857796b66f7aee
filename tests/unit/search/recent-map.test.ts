import { describe, expect, test } from 'vitest';
import { RecentMap } from '../../../src/search/browser/recent-map.ts';

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
