/**
 * Step 1: bytes → text, or a rejection that says why.
 * A source is rejected (never silently dropped) when it is empty (or only invisible characters),
 * binary, too large or not valid UTF-8. A source that is not UTF-8 but clearly TCVN3 (ABC) or
 * Windows-1258 is converted (src/shared/legacy-encoding.ts), and says so; any other, VNI included,
 * is rejected with a reason that says where and guesses its legacy encoding.
 */
import { convertLegacy, guessLegacyEncoding, isConvertible, type ConvertibleEncoding, type LegacyEncoding } from '../../src/shared/legacy-encoding.ts';

/** Sources above this are not directive texts (the seeds are 5–7 KB; a long directive is ~100 KB). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type Decoded =
  /** `convertedFrom`: the legacy encoding the text was converted from, null for UTF-8. */
  | { ok: true; text: string; convertedFrom: ConvertibleEncoding | null }
  | { ok: false; reason: string };

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_SOURCE_BYTES) {
    return { ok: false, reason: `file is ${bytes.length} bytes, over the ${MAX_SOURCE_BYTES}-byte limit for one directive` };
  }
  const binary = binaryReason(bytes);
  if (binary) return { ok: false, reason: binary };
  let decoded: Decoded;
  try {
    decoded = { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), convertedFrom: null };
  } catch {
    decoded = decodeLegacy(bytes);
  }
  if (!decoded.ok) return decoded;
  if (decoded.text.trim() === '') return { ok: false, reason: 'empty file (no text)' };
  if (!hasVisibleText(decoded.text)) return { ok: false, reason: 'empty file (no text: only spaces and invisible characters)' };
  return decoded;
}

/**
 * Bytes that are not UTF-8: converted when their encoding is told with confidence and has a
 * decoder (TCVN3, Windows-1258); rejected with the hint otherwise (VNI, or no clear guess).
 */
function decodeLegacy(bytes: Uint8Array): Decoded {
  const legacy = guessLegacyEncoding(bytes);
  if (legacy === null || !isConvertible(legacy)) return { ok: false, reason: invalidUtf8Reason(bytes, legacy) };
  const converted = convertLegacy(bytes, legacy);
  if (!converted.ok) return { ok: false, reason: `${invalidUtf8Reason(bytes, null)}; looks like ${legacy}, but ${converted.reason}: convert it to UTF-8 first` };
  return { ok: true, text: converted.text, convertedFrom: legacy };
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

/** "not valid UTF-8 at byte 812 (line 14); looks like VNI, which ingest does not convert: convert it to UTF-8 first". */
export function invalidUtf8Reason(bytes: Uint8Array, legacy: LegacyEncoding | null): string {
  const at = firstInvalidUtf8(bytes);
  const line = lineAt(bytes, at);
  const hint = legacy ? `; looks like ${legacy}, which ingest does not convert: convert it to UTF-8 first` : '';
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
