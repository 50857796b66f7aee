/**
 * Syllables that belong together. Vietnamese words are made of syllables (“bệnh viện dã chiến” is
 * two words of two syllables each) and Pagefind sees each syllable as a word of its own, so on its
 * score alone `benh vien da chien` ranked a directive with “Bệnh viện Đa khoa” in one place and
 * “chiến” in another above the one that says “bệnh viện dã chiến”. Pagefind does match a quoted
 * phrase by word position (across punctuation and line breaks, tone marks folded), so an unquoted
 * query of several syllables is also searched as that phrase and as each pair of syllables typed
 * next to each other. Results rank by the phrase, then by how many pairs they hold, then by
 * Pagefind's score (docs/search.md, “Ranking”; docs/decisions/0027-syllables-together-rank-first.md).
 *
 * Pure functions: the search worker (src/search/browser/worker.ts) runs the plan, the page
 * (src/search/browser/page.ts) cleans the excerpts.
 */
import { foldDiacritics } from '../../shared/vietnamese.ts';
import { looksLikeDocNumber, numberToken, queryVariants } from './query.ts';

/** Straight and typographic double quotes: each pair encloses a phrase. */
const QUOTES = /["“”]/;
const QUOTED = /["“”]([^"“”]*)["“”]/g;

/** A word as a reader counts one: a run between spaces with a letter or digit in it. */
const isWord = (token: string): boolean => /[\p{L}\p{N}]/u.test(token);

export interface QueryParts {
  /** The quoted phrases, as typed between the quotes (only those with a word in them). */
  phrases: string[];
  /** The unquoted words, in runs typed one after another: a quoted phrase ends a run. */
  runs: string[][];
}

/** The quoted phrases and the runs of unquoted words of a query. A quote left open is dropped. */
export function queryParts(query: string): QueryParts {
  const phrases: string[] = [];
  const runs: string[][] = [];
  let at = 0;
  const addRun = (text: string): void => {
    const words = text.split(QUOTES).join(' ').split(/\s+/).filter(isWord);
    if (words.length > 0) runs.push(words);
  };
  for (const match of query.matchAll(QUOTED)) {
    addRun(query.slice(at, match.index));
    const phrase = match[1]!.split(/\s+/).filter(isWord).join(' ');
    if (phrase) phrases.push(phrase);
    at = match.index + match[0].length;
  }
  addRun(query.slice(at));
  return { phrases, runs };
}

/**
 * Most pairs of syllables searched for one query. Each pair is one more Pagefind search, and a
 * search of two common syllables costs about as much scoring as the query itself at 10,000
 * directives (docs/decisions/0027-syllables-together-rank-first.md); past these, a long query (a
 * pasted subject) ranks by its whole phrase and Pagefind's score.
 */
export const MAX_PAIRS = 4;

/** What the worker searches for one query, every search in its đ/d variants (queryVariants). */
export interface SearchPlan {
  /** The query with its quotes dropped, or the query itself when it is one quoted phrase: every result matches it. */
  plain: string[];
  /** Each quoted phrase of a query that has other words too: a result holds every one. */
  required: string[][];
  /** Each run of two or more unquoted syllables, as a phrase: the strongest signal. */
  together: string[][];
  /** Each pair of unquoted syllables typed next to each other, in runs of three or more (at most MAX_PAIRS). */
  pairs: string[][];
}

const phrase = (words: string[]): string => `"${words.join(' ')}"`;

/** The searches of a query (NFC, bounded by boundQuery); `exact`: strict tone marks, no đ/d variants. */
export function searchPlan(query: string, exact = false): SearchPlan {
  const variants = (q: string): string[] => queryVariants(q, exact);
  // A number is searched as typed and in the compact form every page indexes it in.
  if (looksLikeDocNumber(query)) return { plain: [...variants(query), numberToken(query)], required: [], together: [], pairs: [] };
  const { phrases, runs } = queryParts(query);
  // One quoted phrase and nothing else is Pagefind's own exact search.
  if (runs.length === 0 && phrases.length === 1) return { plain: variants(phrase(phrases[0]!.split(' '))), required: [], together: [], pairs: [] };
  const words = [...phrases.map((p) => p.split(' ')), ...runs];
  const plain = words.length === 0 ? [] : variants(words.flat().join(' '));
  const pairs = runs
    .filter((run) => run.length >= 3)
    .flatMap((run) => run.slice(1).map((word, i) => [run[i]!, word]))
    .slice(0, MAX_PAIRS);
  return {
    plain,
    required: phrases.length > 0 && words.length > 1 ? phrases.map((p) => variants(phrase(p.split(' ')))) : [],
    together: runs.filter((run) => run.length >= 2).map((run) => variants(phrase(run))),
    pairs: pairs.map((pair) => variants(phrase(pair))),
  };
}

/**
 * The distinct searches of a plan, each once: those that decide which pages are results and which
 * come first (the query, its quoted phrases, its runs), or its pairs, which only order the pages
 * that do not hold every run and can wait until the reader asks for them (`rankResults`).
 */
export const planSearches = (plan: SearchPlan, part: 'first' | 'pairs' = 'first'): string[] =>
  [...new Set(part === 'pairs' ? plan.pairs.flat() : [...plan.plain, ...plan.required.flat(), ...plan.together.flat()])];

export interface Scored {
  id: string;
  score: number;
}

/** The results of each search of a plan, in the plan's shape; `pairs` null: not searched yet. */
export interface PlanAnswers<T extends Scored> {
  plain: T[][];
  required: T[][][];
  together: T[][][];
  pairs: T[][][] | null;
}

export interface RankedResult<T extends Scored> {
  id: string;
  /** Pagefind's best score for the page among the variants of the whole query. */
  score: number;
  /** How many runs of the query the page holds as typed, syllable after syllable. */
  together: number;
  /** How many pairs of syllables typed next to each other the page holds next to each other. */
  pairs: number;
  /**
   * The result whose excerpt to show: from the search the page matched best (a quoted phrase the
   * reader asked for, else a run, else the whole query), so the excerpt is taken where the
   * syllables stand together.
   */
  excerpt: T;
}

export interface Ranking<T extends Scored> {
  results: Array<RankedResult<T>>;
  /**
   * How many of the first results are in their final order. The pages holding every run come
   * first and hold every pair too, so their order does not wait for the pairs; the others' does.
   */
  settled: number;
}

/** The ids each of some searches found (the variants of one phrase count as one search). */
const idSets = <T extends Scored>(searches: T[][][]): Array<Map<string, T>> =>
  searches.map((variants) => {
    const found = new Map<string, T>();
    for (const r of variants.flat()) if (!found.has(r.id)) found.set(r.id, r);
    return found;
  });

/**
 * The results of a plan as one list: each page the whole query found (and that holds every quoted
 * phrase), first those holding more of its runs together, then more of its pairs, then by
 * Pagefind's score; pages equal on all three keep Pagefind's order. Without the pairs' answers
 * yet, the pages holding every run are in their final order and the others by runs and score.
 */
export function rankResults<T extends Scored>(answers: PlanAnswers<T>): Ranking<T> {
  const best = new Map<string, T>();
  for (const r of answers.plain.flat()) if ((best.get(r.id)?.score ?? -Infinity) < r.score) best.set(r.id, r);
  const required = idSets(answers.required);
  const together = idSets(answers.together);
  const pairs = idSets(answers.pairs ?? []);
  const count = (sets: Array<Map<string, T>>, id: string): number => sets.reduce((n, s) => n + (s.has(id) ? 1 : 0), 0);
  const first = (sets: Array<Map<string, T>>, id: string): T | undefined => sets.find((s) => s.has(id))?.get(id);
  const ranked: Array<RankedResult<T>> = [];
  for (const [id, result] of best) {
    if (!required.every((s) => s.has(id))) continue;
    ranked.push({
      id,
      score: result.score,
      together: count(together, id),
      pairs: count(pairs, id),
      excerpt: first(required, id) ?? first(together, id) ?? result,
    });
  }
  // Array.prototype.sort is stable: equal pages keep the order of `best`, which is Pagefind's.
  ranked.sort((a, b) => b.together - a.together || b.pairs - a.pairs || b.score - a.score);
  const runs = together.length;
  const settled = answers.pairs === null ? ranked.filter((r) => r.together === runs).length : ranked.length;
  return { results: ranked, settled };
}

/** A word's runs of letters and digits, folded as the page folds them (tone marks, đ → d, case), and all of them joined. */
function foldedForms(word: string): string[] {
  const parts = foldDiacritics(word).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return parts.length > 1 ? [...parts, parts.join('')] : parts;
}

/** The typed words of a query, folded: what a highlighted word of an excerpt must be. */
export function typedForms(query: string): Set<string> {
  return new Set(query.split(/[\s"“”]+/).flatMap(foldedForms));
}

/**
 * Whether a word Pagefind highlighted in an excerpt is one the reader typed, folded the same way:
 * “chỗ;” for `cho`, “COVID-19” for `covid`, “235-CV/TU” for `235`; not “chống” for `cho`, which
 * Pagefind matches only because it begins with it.
 */
export const isTypedWord = (marked: string, typed: Set<string>): boolean => foldedForms(marked).some((form) => typed.has(form));
