/**
 * Step 2: text → clean lines. Unicode, line endings, invisible characters, look-alike letters, PDF noise.
 * Nothing here changes spelling: the body is a transcription.
 */

/**
 * Control characters removed from the text and reported on the page (see countControlCharacters):
 * C0 controls other than tab and line breaks, DEL, C1 controls, and the bidirectional marks,
 * embeddings, overrides and isolates. None belongs in a Vietnamese text; a bidi override shows
 * the text after it reversed ("\u202Egnờưc" reads "cường"), in a title, a citation or a page.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** How many characters normalizeText removes as control characters. */
export function countControlCharacters(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(CONTROL_CHARACTERS)) n++;
  return n;
}

/**
 * Letters that some fonts and converters write for Đ/đ: Icelandic eth (Ð U+00D0, ð U+00F0) and
 * African D (Ɖ U+0189, ɖ U+0256). They look the same on the page but are other letters to every
 * look-up ("ÐỒNG THÁP" is no province, "ÐẢNG CỘNG SẢN VIỆT NAM" no motto) and to search, and no
 * Vietnamese text uses them: they are folded to Đ/đ and reported (see countLookalikeLetters).
 */
const LOOKALIKE_D = /[\u00D0\u0189\u00F0\u0256]/g;
const REAL_D: Record<string, string> = { '\u00D0': 'Đ', '\u0189': 'Đ', '\u00F0': 'đ', '\u0256': 'đ' };

/** How many look-alike letters normalizeText replaces with Đ/đ. */
export function countLookalikeLetters(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(LOOKALIKE_D)) n++;
  return n;
}

/**
 * Spaces at the end of a line. The lookbehind lets a match start only where a run of spaces
 * starts, so each run is scanned once: `/[ ]+$/gm` rescans a run from each of its spaces when the
 * line goes on after it, which is quadratic in the run's length.
 */
const TRAILING_SPACES = /(?<! ) +$/gm;

/**
 * NFC, LF line endings (a form feed, vertical tab or Unicode line separator is a line break), no
 * BOM, NBSP and tabs as spaces, no zero-width or control characters, Đ/đ for their look-alikes, no
 * trailing spaces.
 */
export function normalizeText(text: string): string {
  return (
    text
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?|[\v\f\u2028\u2029]/g, '\n')
      // A tab often separates the two header columns: keep it wide enough to split on.
      .replace(/\t/g, '    ')
      .replace(/[\u00A0\u2007\u202F]/g, ' ')
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      .replace(CONTROL_CHARACTERS, '')
      .replace(LOOKALIKE_D, (c) => REAL_D[c]!)
      // Last, so that a base letter and its tone mark separated by a removed character compose.
      .normalize('NFC')
      .replace(TRAILING_SPACES, '')
  );
}

/** A PDF page number line: "- 2 -", "– 3 –", "Trang 2/3", "Trang 2", a bare "2". */
export function isPageNumber(line: string): boolean {
  const t = line.trim();
  return /^[-–—]\s*\d{1,3}\s*[-–—]$/.test(t) || /^trang\s+\d{1,3}(\s*(\/|trên|of)\s*\d{1,3})?$/i.test(t) || /^\d{1,3}$/.test(t);
}

/**
 * A line that repeats a header line later in the text is a running header (PDF page top),
 * e.g. "TỈNH ỦY KON TUM" printed again on page 2. Returns the set of such lines.
 */
export function runningHeaders(lines: string[], headerLines: string[]): Set<string> {
  const candidates = new Set(headerLines.map((l) => l.trim()).filter((l) => l.length > 3 && !/\p{Ll}/u.test(l)));
  return new Set(lines.map((l) => l.trim()).filter((l) => candidates.has(l)));
}

/**
 * Markdown-ish export noise for metadata lines: "# ", "**", "*", "\*", leading "- " before labels.
 * Returns plain text; bodies keep their emphasis (see markdown.ts).
 */
export function stripMarkup(line: string): string {
  // Fast path: most lines carry no markup at all.
  if (!/[*#\\]|\s\s/.test(line)) return line.trim();
  return line
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/\\([*_#\\[\]`])/g, '$1')
    .replace(/\*+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** "ĐẢNG CỘNG SẢN VIỆT NAM" and the state motto lines of the right-hand header column. */
export function isMottoLine(plain: string): boolean {
  return /^(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)$/iu.test(
    plain.trim(),
  );
}

/** The star or rule line under the issuer: "*", "\*", "-----", "___". */
export const isRuleLine = (plain: string): boolean => /^[*\-–—_=.\s\\]+$/.test(plain) && plain.trim().length > 0;
