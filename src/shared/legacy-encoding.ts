/**
 * Vietnamese texts older than Unicode: which 8-bit encoding a file is in, and its text. Ingest
 * converts a source whose encoding it can tell with confidence (scripts/ingest/decode.ts); the
 * build serves the same text as the source's `nguon.txt` (src/site/integrations/downloads.ts), so
 * both read a file the same way.
 */
import iconv from 'iconv-lite';

export type LegacyEncoding = 'TCVN3 (ABC)' | 'VNI' | 'Windows-1258';

/**
 * The encodings converted, by iconv-lite's codec for each. VNI is not: no well-kept decoder reads
 * it, and it writes a letter as an ASCII vowel plus a modifier byte, which is easy to misread.
 */
const DECODERS = { 'TCVN3 (ABC)': 'tcvn', 'Windows-1258': 'windows1258' } as const;
export type ConvertibleEncoding = keyof typeof DECODERS;
export const isConvertible = (encoding: LegacyEncoding): encoding is ConvertibleEncoding => encoding in DECODERS;

/**
 * Each legacy encoding writes "đ", one of the most frequent letters ("để", "đã", "được", "đảng"),
 * as its own byte, so counting word-initial đ/Đ bytes names the encoding. Null when no encoding
 * clearly wins, or when the bytes hold many valid UTF-8 letters (a UTF-8 text with a few bad bytes
 * is not legacy).
 */
export function guessLegacyEncoding(bytes: Uint8Array): LegacyEncoding | null {
  const utf8Chars = countValidUtf8Multibyte(bytes);
  const scores: Array<[LegacyEncoding, number]> = [
    ['TCVN3 (ABC)', wordInitial(bytes, [0xae, 0xa7], () => true)],
    // VNI's đ (0xF1) is TCVN3's "ủ" of "ủy": VNI's is followed by a vowel ("ñaõ" = "đã", "ñeå" = "để").
    ['VNI', wordInitial(bytes, [0xf1, 0xd1], (next) => /[aeiouAEIOU\xf6\xd6\xf4\xd4]/.test(String.fromCharCode(next)))],
    ['Windows-1258', wordInitial(bytes, [0xf0, 0xd0], () => true)],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < 2 || best[1] < 2 * (second?.[1] ?? 0) || utf8Chars > 4 * best[1]) return null;
  return best[0];
}

/** Occurrences of any of `codes` at the start of a word (after a space, line break, bracket or quote) before a matching byte. */
function wordInitial(bytes: Uint8Array, codes: number[], followedBy: (next: number) => boolean): number {
  let n = 0;
  for (let i = 0; i < bytes.length; i++) {
    const prev = i === 0 ? 0x20 : bytes[i - 1]!;
    const atWordStart = prev === 0x20 || prev === 0x0a || prev === 0x28 || prev === 0x22;
    if (atWordStart && codes.includes(bytes[i]!) && followedBy(bytes[i + 1] ?? 0)) n++;
  }
  return n;
}

function countValidUtf8Multibyte(bytes: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < bytes.length - 1; i++) {
    const b = bytes[i]!;
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : 0;
    if (len === 0) continue;
    let ok = true;
    for (let k = 1; k < len; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) {
      n++;
      i += len - 1;
    }
  }
  return n;
}

export type Converted = { ok: true; text: string } | { ok: false; reason: string };

/**
 * The text of bytes in a legacy encoding, in NFC (Windows-1258 writes most tone marks as combining
 * characters after the letter), line endings as they are. Fails on a byte the encoding leaves
 * undefined: then the guess was wrong, and nothing is made up for it.
 */
export function convertLegacy(bytes: Uint8Array, encoding: ConvertibleEncoding): Converted {
  let text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), DECODERS[encoding]);
  // Both codecs give one UTF-16 unit per byte, so an index in the text is an offset in the bytes.
  const undefinedAt = text.indexOf('\uFFFD');
  if (undefinedAt !== -1) {
    const code = `0x${bytes[undefinedAt]!.toString(16).toUpperCase().padStart(2, '0')}`;
    return { ok: false, reason: `byte ${undefinedAt} (${code}) is no character in ${encoding}` };
  }
  if (encoding === 'TCVN3 (ABC)') text = capitalLines(keepControlBytes(bytes, text));
  return { ok: true, text: text.normalize('NFC') };
}

/**
 * iconv-lite reads TCVN3 as TCVN 5712 VN1, which puts capital letters at a few control codes (0x01
 * "Ú", 0x11 "Ứ", …). ABC, the TCVN3 of real files, has none there: a control byte stays a control
 * character, for normalisation to remove and report.
 */
function keepControlBytes(bytes: Uint8Array, text: string): string {
  if (!bytes.some((b) => b < 0x20)) return text;
  return Array.from(text, (ch, i) => (bytes[i]! < 0x20 ? String.fromCharCode(bytes[i]!) : ch)).join('');
}

/**
 * TCVN3 (ABC) has codes for lower-case toned letters only: capital lines are printed with the same
 * codes in a capitals font (.VnTimeH), so "TỈNH ỦY" arrives as "TỉNH ủY". A line whose Latin letters
 * are all capitals (two or more) was set in that font, and is written in capitals.
 */
export function capitalLines(text: string): string {
  return text.replace(/[^\n]+/g, (line) => (/[a-z]/.test(line) || !/[A-Z][^A-Z]*[A-Z]/.test(line) ? line : line.toUpperCase()));
}

/**
 * The reader's note on a page whose source ingest converted: ingest writes it into `warnings`, and
 * the page reads it back to offer the raw file beside the converted text, so the words are made in
 * this one place.
 */
export const convertedWarning = (encoding: ConvertibleEncoding): string => `Bản nguồn được mã hóa ${encoding}; văn bản đã được chuyển sang Unicode`;

/** The encoding a directive's source was converted from, read from its warnings; null for a UTF-8 source. */
export function convertedFrom(warnings: readonly string[]): ConvertibleEncoding | null {
  for (const encoding of Object.keys(DECODERS) as ConvertibleEncoding[]) if (warnings.includes(convertedWarning(encoding))) return encoding;
  return null;
}
