/**
 * Principles over time: for each named principle (phương châm) of content/principles.yml, the
 * directives that invoke it, when each province first did, and which of its spellings the texts
 * actually wrote. Pure views for the /phuong-cham/ pages and the province pages.
 */
import type { Directive } from '../shared/schema.ts';
import { containsWords, matchKey, type Principle } from '../shared/principles.ts';
import { PROVINCES, provinceByName, type Province } from '../shared/gazetteer.ts';
import { slugify } from '../shared/vietnamese.ts';
import { sortByDate } from './archive.ts';

export interface PrincipleEntry {
  /** The canonical name directives are tagged with: "4 tại chỗ". */
  name: string;
  slug: string;
  /** Its spellings in content/principles.yml; empty for a tag the list no longer has. */
  variants: string[];
  /** The directives that invoke it, by date, undated last. */
  directives: Directive[];
}

export const principleSlug = (name: string): string => slugify(name);

/**
 * Every principle of the list, in the list's order (a principle no directive invokes yet included:
 * its page says so), then any tag found on directives that the list no longer has, by name.
 */
export function principleEntries(list: readonly Principle[], directives: readonly Directive[]): PrincipleEntry[] {
  const tagged = new Map<string, Directive[]>();
  for (const d of directives) for (const name of d.principles) tagged.set(name, [...(tagged.get(name) ?? []), d]);
  const known = new Set(list.map((p) => p.name));
  const extra = [...tagged.keys()].filter((name) => !known.has(name)).sort((a, b) => a.localeCompare(b, 'vi'));
  return [...list, ...extra.map((name) => ({ name, variants: [] }))].map(({ name, variants }) => ({
    name,
    slug: principleSlug(name),
    variants,
    directives: sortByDate(tagged.get(name) ?? []),
  }));
}

export interface FirstInProvince {
  province: Province;
  /** Its earliest dated directive in the list, or an undated one when it has no dated one. */
  first: Directive;
  /** How many directives of the list the province has. */
  count: number;
}

/**
 * Where a principle went and when: each province's first directive of `list`, earliest first;
 * provinces whose directives are all undated come last (GSO order). Directives without a province
 * are in no row.
 */
export function firstByProvince(list: readonly Directive[]): FirstInProvince[] {
  const byProvince = new Map<string, { province: Province; directives: Directive[] }>();
  for (const d of sortByDate(list)) {
    const province = d.province ? provinceByName(d.province) : null;
    if (!province) continue;
    const entry = byProvince.get(province.slug) ?? { province, directives: [] };
    entry.directives.push(d);
    byProvince.set(province.slug, entry);
  }
  const order = new Map(PROVINCES.map((p, i) => [p.slug, i]));
  return [...byProvince.values()]
    .map(({ province, directives }) => ({ province, first: directives[0]!, count: directives.length }))
    .sort((a, b) => {
      const [da, db] = [a.first.date_issued, b.first.date_issued];
      if (da !== db) return da === null ? 1 : db === null ? -1 : da < db ? -1 : 1;
      return order.get(a.province.slug)! - order.get(b.province.slug)!;
    });
}

/** A directive's text as ingest tagged it: its subject and its body (see readBodyText). */
export interface TaggedText {
  principles: readonly string[];
  text: string;
}

export interface VariantCount {
  /** A spelling from content/principles.yml, as the list writes it: "04 tại chỗ". */
  variant: string;
  /** Directives that write it (a directive may write several spellings). */
  directives: number;
}

/**
 * Which spellings of each principle the texts actually wrote, and in how many directives: the
 * list's variants matched by the same rule ingest tags with (src/shared/principles.ts), each text
 * read once and only for the principles it was tagged with. Spellings no text writes are left out.
 */
export function variantsAsWritten(list: readonly Principle[], texts: Iterable<TaggedText>): Map<string, VariantCount[]> {
  const keys = new Map(list.map((p) => [p.name, p.variants.map((v) => ({ variant: v, key: matchKey(v) }))]));
  const counts = new Map(list.map((p) => [p.name, new Map(p.variants.map((v) => [v, 0]))]));
  for (const { principles, text } of texts) {
    const key = matchKey(text);
    for (const name of principles) {
      for (const v of keys.get(name) ?? []) {
        if (containsWords(key, v.key)) counts.get(name)!.set(v.variant, counts.get(name)!.get(v.variant)! + 1);
      }
    }
  }
  return new Map(
    [...counts].map(([name, byVariant]) => [name, [...byVariant].filter(([, n]) => n > 0).map(([variant, directives]) => ({ variant, directives }))]),
  );
}

export interface PrincipleCount {
  name: string;
  slug: string;
  directives: number;
}

/** The principles a list of directives invokes, most invoked first (ties in the list's order). */
export function principleCounts(list: readonly Principle[], directives: readonly Directive[]): PrincipleCount[] {
  return principleEntries(list, directives)
    .filter((p) => p.directives.length > 0)
    .map((p, i) => ({ name: p.name, slug: p.slug, directives: p.directives.length, i }))
    .sort((a, b) => b.directives - a.directives || a.i - b.i)
    .map(({ i: _i, ...rest }) => rest);
}
