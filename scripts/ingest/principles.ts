/**
 * Step 7: tag the named principles a directive invokes ("4 tại chỗ", "5K", …).
 * The list lives in content/principles.yml so curators can extend it without code; reading it and
 * the matching rule live in src/shared/principles.ts, which the site uses too.
 */
import { containsWords, matchKey, type Principle } from '../../src/shared/principles.ts';

export { containsWords, matchKey, parsePrinciples, type Principle } from '../../src/shared/principles.ts';

export interface PrincipleMatcher {
  name: string;
  /** Variants as match keys (see matchKey). */
  keys: string[];
}

export const compilePrinciples = (list: Principle[]): PrincipleMatcher[] =>
  list.map(({ name, variants }) => ({ name, keys: variants.map(matchKey) }));

/** Canonical names of the principles found in `text`, in the list's order. */
export const tagPrinciples = (text: string, matchers: PrincipleMatcher[]): string[] => {
  const key = matchKey(text);
  return matchers.filter((m) => m.keys.some((k) => containsWords(key, k))).map((m) => m.name);
};
