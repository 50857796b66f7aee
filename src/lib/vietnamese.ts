/**
 * Small, pure helpers for Vietnamese text. Shared by ingest, the site and the search index.
 */

const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';

/** NFC, the one normal form the archive stores and indexes. */
export const nfc = (s: string): string => s.normalize('NFC');

/**
 * Moves old-style tone placement to the modern one used in metadata:
 * "uỷ" → "ủy", "hoà" → "hòa", "thuỷ" → "thủy", "khoẻ" → "khỏe".
 * Only open syllables ending in oa/oe/uy change; "quý", "quà", "thuyết" do not.
 * Bodies are transcriptions and keep their own spelling; this is for names and matching.
 */
export function modernizeTones(s: string): string {
  const pattern = new RegExp(`(?<![qQ])([oOuU])([aAeEyY])([${TONE_MARKS}])(?![\\p{L}\\p{M}])`, 'gu');
  return s.normalize('NFD').replace(pattern, (_m, first: string, second: string, tone: string) => {
    const pair = `${first}${second}`.toLowerCase();
    if ((first === 'u' || first === 'U') && pair !== 'uy') return `${first}${second}${tone}`;
    if ((first === 'o' || first === 'O') && pair === 'oy') return `${first}${second}${tone}`;
    return `${first}${tone}${second}`;
  }).normalize('NFC');
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
  modernizeTones(nfc(s)).toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** ASCII slug: "Thừa Thiên Huế" → "thua-thien-hue", "Đắk Lắk" → "dak-lak". */
export function slugify(s: string): string {
  return foldDiacritics(s)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
