/**
 * Named principles (phương châm) such as "4 tại chỗ": how content/principles.yml is read and the
 * one rule for finding a spelling in a text. Ingest tags directives with it; the site finds which
 * spellings each directive actually wrote, so both must match the same way.
 */
import { parse } from 'yaml';
import { modernizeTones } from './vietnamese.ts';

export interface Principle {
  /** Canonical name, e.g. "4 tại chỗ". */
  name: string;
  /** Spellings matched in the text, e.g. "04 tại chỗ", "bốn tại chỗ". */
  variants: string[];
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
  modernizeTones(s.replace(/[“”"'‘’«»*]/g, ' ').replace(/\s{2,}|[\t\n\r\f\v]/g, ' '))
    .toLowerCase()
    .trim();

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** True when `needle` stands in `haystack` as whole words ("4 tại chỗ" but not "14 tại chỗ"). */
export function containsWords(haystack: string, needle: string): boolean {
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) {
    if (!isWordChar(haystack[at - 1]) && !isWordChar(haystack[at + needle.length])) return true;
  }
  return false;
}
