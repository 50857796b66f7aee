import { describe, expect, test } from 'vitest';
import type { Topology } from 'topojson-specification';
import { geoIdentity } from 'd3-geo';
import { MAP_LAYOUT, joinShapes, pathOf, provinceMap, type MapShapes } from '../../../src/site/map.ts';
import { PROVINCES } from '../../../src/shared/gazetteer.ts';

/** The absolute points of SVG path data made of M/m/l/z (what pathOf writes). */
function points(d: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let [x, y] = [0, 0];
  let start: [number, number] = [0, 0];
  for (const [, cmd, args] of d.matchAll(/([MmLlZz])([^MmLlZz]*)/g)) {
    const nums = (args!.match(/-?(?:\d+\.?\d*|\.\d+)/g) ?? []).map(Number);
    if (cmd === 'z' || cmd === 'Z') {
      [x, y] = start;
      continue;
    }
    for (let i = 0; i < nums.length; i += 2) {
      const relative = cmd === 'm' || cmd === 'l';
      [x, y] = relative ? [x + nums[i]!, y + nums[i + 1]!] : [nums[i]!, nums[i + 1]!];
      if (i === 0 && (cmd === 'M' || cmd === 'm')) start = [x, y];
      out.push([x, y]);
    }
  }
  return out;
}

describe('pathOf', () => {
  const square = (x: number, y: number, size: number) => [[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]];
  const identity = geoIdentity();

  test('writes rings in relative coordinates rounded to the precision, the second ring measured from where the first began', () => {
    const f = { type: 'Feature' as const, properties: {}, geometry: { type: 'MultiPolygon' as const, coordinates: [[square(10, 10, 5)], [square(30.2, 40.7, 2)]] } };
    const d = pathOf(f, identity, 0.5);
    expect(d).toBe('M10 10l5 0 0 5-5 0z' + 'm20 30.5l2 0 0 2-2 0z');
    expect(points(d)).toEqual([[10, 10], [15, 10], [15, 15], [10, 15], [30, 40.5], [32, 40.5], [32, 42.5], [30, 42.5]]);
  });

  test('drops points that round onto the one before, and writes halves as ".5"', () => {
    const f = { type: 'Feature' as const, properties: {}, geometry: { type: 'Polygon' as const, coordinates: [[[0, 0], [0.1, 0.1], [1.5, 0], [1.5, -0.5], [0, 0]]] } };
    expect(pathOf(f, identity, 0.5)).toBe('M0 0l1.5 0 0-.5z');
  });
});

describe('provinceMap (the shapes of data/vn-provinces-63.topo.json)', () => {
  const map = provinceMap();

  test('has one shape for each of the 63 provinces of the gazetteer, by GSO code', () => {
    expect(map.provinces.map((s) => s.code).sort()).toEqual(PROVINCES.map((p) => p.code).sort());
  });

  test('draws every province inside the mainland’s box and both archipelagos inside the inset', () => {
    const { mainland, inset } = MAP_LAYOUT;
    const outside: string[] = [];
    for (const s of map.provinces) {
      const pts = points(s.d);
      if (pts.length < 3) outside.push(`${s.name}: ${pts.length} points`);
      for (const [x, y] of pts) if (x < mainland.x - 0.5 || x > mainland.x + mainland.width + 0.5 || y < mainland.y - 0.5 || y > mainland.y + mainland.height + 0.5) outside.push(`${s.name} at ${x},${y}`);
    }
    expect(map.inset.archipelagos.map((a) => [a.name, a.code])).toEqual([
      ['Hoàng Sa', '48'],
      ['Trường Sa', '56'],
    ]);
    for (const a of map.inset.archipelagos) {
      for (const [x, y] of points(a.d)) if (x < inset.x || x > inset.x + inset.width || y < inset.y || y > inset.y + inset.height) outside.push(`${a.name} at ${x},${y}`);
    }
    expect(outside.slice(0, 5)).toEqual([]);
  });

  test('puts Hà Nội north of Thành phố Hồ Chí Minh and Kon Tum west of Bình Định', () => {
    const centre = (code: string): [number, number] => {
      const pts = points(map.provinces.find((s) => s.code === code)!.d);
      return [pts.reduce((a, [x]) => a + x, 0) / pts.length, pts.reduce((a, [, y]) => a + y, 0) / pts.length];
    };
    expect(centre('01')[1]).toBeLessThan(centre('79')[1]);
    expect(centre('62')[0]).toBeLessThan(centre('52')[0]);
  });

  test('is computed once per build', () => {
    expect(provinceMap()).toBe(map);
  });
});

describe('joinShapes', () => {
  const shapes = (codes: string[]): MapShapes => ({ width: 1, height: 1, provinces: codes.map((code) => ({ code, name: `shape ${code}`, d: '' })), inset: { x: 0, y: 0, width: 0, height: 0, archipelagos: [] } });
  const entry = (code: string, name: string) => ({ province: { code, name }, count: 1 });

  test('joins each shape to its province by GSO code', () => {
    expect(joinShapes(shapes(['62', '01']), [entry('01', 'Hà Nội'), entry('62', 'Kon Tum')]).map((s) => [s.code, s.entry.province.name])).toEqual([
      ['62', 'Kon Tum'],
      ['01', 'Hà Nội'],
    ]);
  });

  test('refuses shapes and provinces that do not match, naming both files and each mismatch', () => {
    expect(() => joinShapes(shapes(['62', '99']), [entry('01', 'Hà Nội'), entry('62', 'Kon Tum')])).toThrow(
      'data/vn-provinces-63.topo.json does not match src/shared/gazetteer.json: the shape "shape 99" has GSO code 99, which no province of the gazetteer has; Hà Nội (GSO code 01) has no shape',
    );
  });

  test('accepts the shapes as committed', () => {
    expect(joinShapes(provinceMap(), PROVINCES.map((p) => ({ province: p, count: 0 })))).toHaveLength(63);
  });
});

// The type is imported so the test file fails to compile if the map's input type changes shape.
export type { Topology };
