/**
 * A PDF made from a document in a legacy Vietnamese font (TCVN3 .VnTime, VNI-Times) has a text
 * layer of the font's glyph codes: PDF.js reads them as Latin-1 (or Windows-1252) characters, so
 * "Tỉnh ủy" comes out "TØnh ñy". Such a layer is told by its letters: many Latin-1 letters and
 * almost none of the Vietnamese letters outside Latin-1 (ư, ơ, đ, ạ, …) that any Unicode
 * Vietnamese text is full of. It is turned back into bytes and read with the legacy decoders the
 * `.txt` sources use (src/shared/legacy-encoding.ts); when that cannot be done with confidence
 * (VNI, no clear guess), the layer is not used: the page is read by OCR or the file is rejected.
 */
import iconv from 'iconv-lite';
import { convertLegacy, guessLegacyEncoding, isConvertible, type ConvertibleEncoding } from '../../../src/shared/legacy-encoding.ts';

export type Repaired = { ok: true; text: string; convertedFrom: ConvertibleEncoding | null } | { ok: false; reason: string };

/** Fewer Latin-1 characters than this: too little to call the layer legacy (a name with "é"). */
const MIN_LATIN1_LETTERS = 20;
/** Vietnamese letters outside Latin-1 per Latin-1 letter, below which the layer is legacy glyph codes. */
const MAX_VIETNAMESE_SHARE = 0.1;

const count = (text: string, pattern: RegExp): number => text.match(pattern)?.length ?? 0;

/** True when the text reads as glyph codes of a legacy font rather than Unicode Vietnamese. */
export function looksLegacy(text: string): boolean {
  // TCVN3 and VNI put letters at codes Latin-1 gives to symbols too (0xA1–0xBF: "¸" is TCVN3's "á").
  const latin1 = count(text, /[\u00a1-\u00ff]/g);
  const vietnamese = count(text, /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/g);
  return latin1 >= MIN_LATIN1_LETTERS && vietnamese < MAX_VIETNAMESE_SHARE * latin1;
}

/** The text layer as it is, converted from a legacy font's codes, or why it cannot be used. */
export function repairLegacyTextLayer(text: string): Repaired {
  if (!looksLegacy(text)) return { ok: true, text, convertedFrom: null };
  // Back to the font's byte codes: Latin-1 as is, Windows-1252's punctuation (0x80–0x9F) by its
  // table, and the micro sign (0xB5, TCVN3's "à"), which PDF.js gives as the Greek letter mu.
  const bytes = Uint8Array.from(
    Array.from(text.replace(/\u03bc/g, '\u00b5'), (ch) => (ch.charCodeAt(0) < 0x100 ? ch.charCodeAt(0) : iconv.encode(ch, 'windows-1252')[0]!)),
  );
  const legacy = guessLegacyEncoding(bytes);
  if (legacy === null) return { ok: false, reason: 'its letters are glyph codes of an unknown legacy font' };
  if (!isConvertible(legacy)) return { ok: false, reason: `its letters are glyph codes of a ${legacy} font, which ingest does not convert` };
  const converted = convertLegacy(bytes, legacy);
  if (!converted.ok) return { ok: false, reason: `its letters look like ${legacy} glyph codes, but ${converted.reason}` };
  return { ok: true, text: converted.text, convertedFrom: legacy };
}
