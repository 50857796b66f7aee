/**
 * Shading by count, for the map and the comparison tables: count classes (quantiles of the counts
 * that are not zero) and their legend. Zero is a class of its own, so "none" never looks like "few".
 * The colours are in src/styles/site.css (`--shade-N`); every shaded place also says its number in text.
 */

/** Most classes besides zero: five stay distinguishable in print and for most colour vision. */
export const SHADES = 5;

/** Upper bounds of the classes 1…n, ascending and distinct; empty when every count is zero. */
export type ShadeScale = readonly number[];

/**
 * Classes by quantile: each holds about a fifth of the non-zero counts, so a few large counts do
 * not push every other place into the lightest class. Ties keep equal counts in one class.
 */
export function shadeScale(counts: readonly number[]): ShadeScale {
  const sorted = counts.filter((n) => n > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const bounds: number[] = [];
  for (let k = 1; k <= SHADES; k++) {
    const bound = sorted[Math.ceil((k * sorted.length) / SHADES) - 1]!;
    if (bound !== bounds.at(-1)) bounds.push(bound);
  }
  return bounds;
}

/**
 * The shade (0…SHADES) of a scale's class k (1…classes). Fewer classes than shades are spread over
 * the palette, the last always the darkest: with one class, a province that has directives stands
 * out from one that has none as much as it can.
 */
const spread = (k: number, classes: number): number => Math.ceil((k * SHADES) / classes);

/** The shade of a count: 0 for zero, else that of the first class whose bound it does not exceed. */
export function shadeOf(n: number, scale: ShadeScale): number {
  if (n <= 0 || scale.length === 0) return 0;
  const i = scale.findIndex((bound) => n <= bound);
  return spread(i === -1 ? scale.length : i + 1, scale.length);
}

export interface LegendEntry {
  shade: number;
  /** "0", "1", "2–4" */
  label: string;
}

/** The legend: zero, then each class's range of counts. */
export function shadeLegend(scale: ShadeScale): LegendEntry[] {
  return [
    { shade: 0, label: '0' },
    ...scale.map((bound, i) => {
      const low = i === 0 ? 1 : scale[i - 1]! + 1;
      return { shade: spread(i + 1, scale.length), label: low === bound ? String(bound) : `${low}–${bound}` };
    }),
  ];
}

/** The CSS class of a shade (site.css). */
export const shadeClass = (shade: number): string => `shade-${shade}`;
