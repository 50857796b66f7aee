/**
 * The words Pagefind indexes, for the vocabulary page each index bundle carries
 * (src/search/build/index-step.ts).
 *
 * Why: Pagefind drops a query word that an index does not contain. With several bundles (by date)
 * that happens per bundle, so a word missing from one year widened that year's results instead of
 * emptying them. A page holding every word of the archive once, in every bundle and kept out of
 * results by a filter, means no bundle ever drops a word the archive has; a word the archive lacks
 * is still dropped everywhere, and reported as ignored (docs/decisions/0010-vocabulary-page-in-every-bundle.md).
 */

/**
 * Pagefind's words of a text: each whitespace-separated token with its punctuation removed, and
 * each run of letters and digits in it ("COVID-19" → covid19, covid, 19; "21/7/2021" → 2172021,
 * 21, 7, 2021), lower-cased, in NFC. `seen` remembers tokens already handled across calls: an
 * archive repeats the same few thousand tokens millions of times.
 */
export function indexWords(text: string, into: Set<string> = new Set(), seen: Set<string> = new Set()): Set<string> {
  for (const raw of text.split(/\s+/u)) {
    if (seen.has(raw)) continue;
    seen.add(raw);
    const parts = raw.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu);
    if (!parts) continue;
    into.add(parts.join(''));
    for (const part of parts) into.add(part);
  }
  return into;
}

/** Every string inside a JSON value (a directive's record), in order. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}
