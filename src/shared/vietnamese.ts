/**
 * Small, pure helpers for Vietnamese text. Shared by ingest, the site and the search index.
 */

/** NFC, the one normal form the archive stores and indexes. */
export const nfc = (s: string): string => s.normalize('NFC');

/** Old-style vowel pairs (precomposed, NFC) and their modern spelling: "oà" → "òa", "uỷ" → "ủy". */
const OLD_TO_MODERN: Record<string, string> = {};
for (const [first, seconds, moved] of [
  ['o', 'àáảãạ', 'òóỏõọ'],
  ['o', 'èéẻẽẹ', 'òóỏõọ'],
  ['u', 'ỳýỷỹỵ', 'ùúủũụ'],
] as const) {
  [...seconds].forEach((c, i) => {
    const base = c.normalize('NFD').charAt(0);
    OLD_TO_MODERN[first + c] = moved[i] + base;
    OLD_TO_MODERN[first.toUpperCase() + c.toUpperCase()] = moved[i]!.toUpperCase() + base.toUpperCase();
    OLD_TO_MODERN[first.toUpperCase() + c] = moved[i]!.toUpperCase() + base;
  });
}
// A character class, not a 45-way alternation: this runs over whole bodies when tagging principles.
// The "q" of "quý" is checked in the replacer: a leading lookbehind would slow every scan.
const OLD_STYLE = /[oOuU][àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ](?![\p{L}\p{M}])/gu;

/**
 * Moves old-style tone placement to the modern one used in metadata:
 * "uỷ" → "ủy", "hoà" → "hòa", "thuỷ" → "thủy", "khoẻ" → "khỏe".
 * Only open syllables ending in oa/oe/uy change; "quý", "quà", "thuyết" do not.
 * Bodies are transcriptions and keep their own spelling; this is for names and matching.
 */
export function modernizeTones(s: string): string {
  // NFC only when combining marks are present: normalizing whole bodies that already are NFC is costly.
  const composed = /[\u0300-\u036f]/.test(s) ? s.normalize('NFC') : s;
  return composed.replace(OLD_STYLE, (m: string, at: number) => (/[qQ]/.test(composed.charAt(at - 1)) ? m : (OLD_TO_MODERN[m] ?? m)));
}

/** Removes every diacritic, folding "đ"/"Đ" to "d"/"D" (which Unicode does not decompose). */
export function foldDiacritics(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

/** A key for comparing names across tone styles and case: "Hoà Bình" and "HÒA BÌNH" match. */
export const nameKey = (s: string): string =>
  modernizeTones(s).toLowerCase().replace(/\s+/g, ' ').trim();

/** ASCII slug: "Thừa Thiên Huế" → "thua-thien-hue", "Đắk Lắk" → "dak-lak". */
export function slugify(s: string): string {
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
