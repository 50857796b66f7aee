/**
 * Step 7: tag the named principles a directive invokes ("4 tại chỗ", "5K", …).
 * The list lives in content/principles.yml so curators can extend it without code.
 */
import { parse } from 'yaml';
import { nameKey } from '../../src/lib/vietnamese.ts';

export interface Principle {
  /** Canonical name, e.g. "4 tại chỗ". */
  name: string;
  /** Spellings matched in the text, e.g. "04 tại chỗ", "bốn tại chỗ". */
  variants: string[];
}

export interface PrincipleMatcher {
  name: string;
  pattern: RegExp;
}

/** Parses the YAML list; a malformed list is a configuration error, thrown with the fix. */
export function parsePrinciples(yamlText: string, file: string): Principle[] {
  const data: unknown = parse(yamlText);
  if (!Array.isArray(data)) throw new Error(`${file}: expected a YAML list of { name, variants } entries`);
  return data.map((entry, i) => {
    const e = entry as Partial<Principle>;
    if (typeof e.name !== 'string' || !Array.isArray(e.variants) || e.variants.some((v) => typeof v !== 'string')) {
      throw new Error(`${file}: entry ${i + 1} needs "name: <text>" and "variants: [<text>, …]"`);
    }
    return { name: e.name, variants: e.variants };
  });
}

/** Text as matched: one tone style, lower case, no quotation marks, single spaces. */
export const matchKey = (s: string): string =>
  nameKey(s.replace(/[“”"'‘’«»*]/g, ' ')).replace(/\s+/g, ' ');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compilePrinciples(list: Principle[]): PrincipleMatcher[] {
  return list.map(({ name, variants }) => {
    const alternatives = variants.map((v) => escapeRegExp(matchKey(v)).replace(/ /g, '\\s*'));
    return { name, pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'u') };
  });
}

/** Canonical names of the principles found in `text`, in the list's order. */
export const tagPrinciples = (text: string, matchers: PrincipleMatcher[]): string[] => {
  const key = matchKey(text);
  return matchers.filter((m) => m.pattern.test(key)).map((m) => m.name);
};
