/**
 * Step 1: bytes → text, or a rejection that says why.
 * A source is rejected (never silently dropped) when it is empty (or only invisible characters),
 * binary, too large or not valid UTF-8; for the last, the reason says where and guesses a legacy
 * encoding.
 */

/** Sources above this are not directive texts (the seeds are 5–7 KB; a long directive is ~100 KB). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_SOURCE_BYTES) {
    return { ok: false, reason: `file is ${bytes.length} bytes, over the ${MAX_SOURCE_BYTES}-byte limit for one directive` };
  }
  const binary = binaryReason(bytes);
  if (binary) return { ok: false, reason: binary };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: invalidUtf8Reason(bytes) };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file (no text)' };
  if (!hasVisibleText(text)) return { ok: false, reason: 'empty file (no text: only spaces and invisible characters)' };
  return { ok: true, text };
}

/**
 * True when something would be left to read once normalisation has removed spaces, zero-width
 * characters, BOMs and controls: a letter, digit, punctuation mark or symbol.
 */
export const hasVisibleText = (text: string): boolean => /[\p{L}\p{N}\p{P}\p{S}]/u.test(text);

/** Above this share of C0 control bytes (other than tab, LF, VT, FF, CR) a file is data, not text. */
const MAX_CONTROL_SHARE = 0.02;

/**
 * Why the bytes are binary, or null. One NUL anywhere is enough (no text format uses it; a text
 * sampled at its start could hide one further on); other C0 controls count over the whole file.
 */
export function binaryReason(bytes: Uint8Array): string | null {
  const nul = bytes.indexOf(0);
  if (nul !== -1) return `binary file (NUL byte at byte ${nul}, line ${lineAt(bytes, nul)}), not text`;
  // An indexed loop: for…of over the bytes is several times slower (bench/README.md).
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x20 && (b < 0x09 || b > 0x0d)) control++;
  }
  if (bytes.length > 0 && control / bytes.length > MAX_CONTROL_SHARE) {
    return `binary file (${control} control bytes in ${bytes.length}), not text`;
  }
  return null;
}

/** 1-based line number of byte `at`. */
function lineAt(bytes: Uint8Array, at: number): number {
  let line = 1;
  for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** "invalid UTF-8 at byte 812 (line 14); looks like TCVN3 (ABC): convert it to UTF-8 first". */
export function invalidUtf8Reason(bytes: Uint8Array): string {
  const at = firstInvalidUtf8(bytes);
  const line = lineAt(bytes, at);
  const legacy = guessLegacyEncoding(bytes);
  const hint = legacy ? `; looks like ${legacy}: convert it to UTF-8 first` : '';
  return `not valid UTF-8 at byte ${at} (line ${line})${hint}`;
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += len;
  }
  return i;
}

/**
 * Vietnamese texts older than Unicode came in three 8-bit encodings. Each writes "đ", one of the
 * most frequent letters ("để", "đã", "được", "đảng"), as its own byte, so counting word-initial
 * đ/Đ bytes names the encoding. A UTF-8 text with a few bad bytes is not called legacy.
 */
export function guessLegacyEncoding(bytes: Uint8Array): string | null {
  const utf8Chars = countValidUtf8Multibyte(bytes);
  const scores: Array<[string, number]> = [
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
