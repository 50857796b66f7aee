/**
 * The province map, drawn at build time: the 63 provinces of 2020–2022 (data/vn-provinces-63.topo.json,
 * Open Development Mekong) as SVG path data, the Hoàng Sa and Trường Sa archipelagos in an inset.
 * TopoJSON → simplified (topology kept, so neighbours still meet) → GeoJSON → Mercator fitted to
 * the mainland → paths in relative coordinates rounded to half a unit. Computed once per build.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { GeometryCollection, Objects, Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { geoMercator, geoPath, type GeoStreamWrapper } from 'd3-geo';
import shapes from '../../data/vn-provinces-63.topo.json' with { type: 'json' };

/**
 * The drawing: a 460 × 720 box, the mainland on the left, the archipelagos in a framed inset on the
 * right. `keep` is the share of the shapes' points kept, `precision` the rounding of each point (in
 * units of the box): together they set the page's weight (docs/decisions/0032-province-map.md).
 */
export const MAP_LAYOUT = {
  width: 460,
  height: 720,
  mainland: { x: 4, y: 4, width: 336, height: 712 },
  inset: { x: 356, y: 330, width: 100, height: 250, padding: 10 },
  keep: 0.3,
  precision: 0.5,
} as const;
export type MapLayout = typeof MAP_LAYOUT;

export interface ProvinceShape {
  /** GSO code ("62"), the key to the gazetteer. */
  code: string;
  /** The name in the shapes' data, for messages. */
  name: string;
  /** SVG path data. */
  d: string;
}

export interface ArchipelagoShape {
  /** "Hoàng Sa", "Trường Sa" */
  name: string;
  /** GSO code of the province it belongs to (Đà Nẵng, Khánh Hòa). */
  code: string;
  d: string;
  /** Where its label goes: below its shapes, centred. */
  label: { x: number; y: number };
}

export interface MapShapes {
  width: number;
  height: number;
  provinces: ProvinceShape[];
  inset: { x: number; y: number; width: number; height: number; archipelagos: ArchipelagoShape[] };
}

interface ShapeProperties {
  code: string;
  name: string;
  archipelago?: string;
}

/** "0.5" → ".5", "-0.5" → "-.5": a map's path data is mostly such numbers. */
const num = (v: number): string => String(Math.round(v * 1000) / 1000).replace(/^(-?)0\./, '$1.');
/** Two numbers, a minus sign serving as their separator where there is one. */
const pair = (a: number, b: number): string => {
  const second = num(b);
  return `${num(a)}${second.startsWith('-') ? '' : ' '}${second}`;
};

/**
 * A d3-geo path context that writes SVG path data in relative coordinates rounded to `precision`,
 * skipping points that round onto the previous one; a run of lines shares one "l". After "z", SVG
 * measures the next relative move from where the ring began, so that is where the pen goes back to.
 */
function relativePath(precision: number) {
  const round = (v: number): number => Math.round(v / precision) * precision;
  let d = '';
  let [x, y] = [0, 0];
  let start: [number, number] = [0, 0];
  let inLine = false;
  return {
    moveTo(px: number, py: number): void {
      const [nx, ny] = [round(px), round(py)];
      d += d === '' ? `M${pair(nx, ny)}` : `m${pair(nx - x, ny - y)}`;
      [x, y] = [nx, ny];
      start = [nx, ny];
      inLine = false;
    },
    lineTo(px: number, py: number): void {
      const [nx, ny] = [round(px), round(py)];
      if (nx === x && ny === y) return;
      const next = pair(nx - x, ny - y);
      d += inLine ? `${next.startsWith('-') ? '' : ' '}${next}` : `l${next}`;
      inLine = true;
      [x, y] = [nx, ny];
    },
    closePath(): void {
      d += 'z';
      [x, y] = start;
      inLine = false;
    },
    arc(): void {},
    result: (): string => d,
  };
}

/** Path data of a feature under a projection. */
export function pathOf(f: Feature, projection: GeoStreamWrapper, precision: number): string {
  const out = relativePath(precision);
  // d3 draws through the context's moveTo/lineTo/closePath (it takes any object with them).
  geoPath(projection, out as unknown as CanvasRenderingContext2D)(f);
  return out.result();
}

function features(topology: Topology<Objects<ShapeProperties>>, name: string): Array<Feature<Geometry, ShapeProperties>> {
  const object = topology.objects[name] as GeometryCollection<ShapeProperties> | undefined;
  if (!object) throw new Error(`the map's shapes have no object "${name}" (data/vn-provinces-63.topo.json)`);
  return (feature(topology, object) as FeatureCollection<Geometry, ShapeProperties>).features;
}

/** The map's shapes from a TopoJSON topology with objects `provinces` and `archipelagos`. */
export function mapShapes(topology: Topology, layout: MapLayout = MAP_LAYOUT): MapShapes {
  // presimplify writes a weight into every point: a copy keeps the imported data as it was.
  const weighted = presimplify(structuredClone(topology) as Topology<Objects<ShapeProperties>>);
  const simple = simplify(weighted, quantile(weighted, layout.keep));
  const provinces = features(simple, 'provinces');
  const { mainland, inset } = layout;
  const land = geoMercator()
    .precision(0)
    .fitExtent(
      [
        [mainland.x, mainland.y],
        [mainland.x + mainland.width, mainland.y + mainland.height],
      ],
      { type: 'FeatureCollection', features: provinces },
    );
  const islands = features(simple, 'archipelagos');
  const sea = geoMercator()
    .precision(0)
    .fitExtent(
      [
        [inset.x + inset.padding, inset.y + inset.padding],
        [inset.x + inset.width - inset.padding, inset.y + inset.height - inset.padding * 3],
      ],
      { type: 'FeatureCollection', features: islands },
    );
  const labelOf = (f: Feature): { x: number; y: number } => {
    const [[x0], [x1, y1]] = geoPath(sea).bounds(f);
    return { x: Math.round((x0 + x1) / 2), y: Math.round(y1 + 12) };
  };
  return {
    width: layout.width,
    height: layout.height,
    provinces: provinces.map((f) => ({ code: f.properties.code, name: f.properties.name, d: pathOf(f, land, layout.precision) })),
    inset: {
      x: inset.x,
      y: inset.y,
      width: inset.width,
      height: inset.height,
      archipelagos: islands.map((f) => ({ name: f.properties.archipelago ?? f.properties.name, code: f.properties.code, d: pathOf(f, sea, layout.precision), label: labelOf(f) })),
    },
  };
}

let cached: MapShapes | null = null;

/** The map of data/vn-provinces-63.topo.json, computed on first use and kept for the build. */
export const provinceMap = (): MapShapes => (cached ??= mapShapes(shapes as unknown as Topology));

/**
 * Each shape joined to its province's entry by GSO code. The shapes and the gazetteer are both
 * committed data: a shape without a province, or a province without a shape, is an error in
 * data/, thrown with what to fix rather than drawn as a map with a hole.
 */
export function joinShapes<T extends { province: { code: string; name: string } }>(map: MapShapes, entries: readonly T[]): Array<ProvinceShape & { entry: T }> {
  const byCode = new Map(entries.map((e) => [e.province.code, e]));
  const unknown = map.provinces.filter((s) => !byCode.has(s.code));
  const drawn = new Set(map.provinces.map((s) => s.code));
  const missing = entries.filter((e) => !drawn.has(e.province.code));
  if (unknown.length > 0 || missing.length > 0) {
    const parts = [
      ...unknown.map((s) => `the shape "${s.name}" has GSO code ${s.code}, which no province of the gazetteer has`),
      ...missing.map((e) => `${e.province.name} (GSO code ${e.province.code}) has no shape`),
    ];
    throw new Error(`data/vn-provinces-63.topo.json does not match src/shared/gazetteer.json: ${parts.join('; ')}. Fix the shapes' "code" properties (data/README.md).`);
  }
  return map.provinces.map((s) => ({ ...s, entry: byCode.get(s.code)! }));
}
