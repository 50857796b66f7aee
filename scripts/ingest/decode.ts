/**
 * Step 1: bytes → text, or a rejection that says why.
 * A source is rejected (never silently dropped) when it is empty, binary, too large
 * or not valid UTF-8; for the last, the reason says where and guesses a legacy encoding.
 */

/** Sources above this are not directive texts (the seeds are 5–7 KB; a long directive is ~100 KB). */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

export function decodeSource(bytes: Uint8Array): Decoded {
  if (bytes.length > MAX_SOURCE_BYTES) {
    return { ok: false, reason: `file is ${bytes.length} bytes, over the ${MAX_SOURCE_BYTES}-byte limit for one directive` };
  }
  if (isBinary(bytes)) return { ok: false, reason: 'binary file (NUL or control bytes), not text' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, reason: invalidUtf8Reason(bytes) };
  }
  if (text.trim() === '') return { ok: false, reason: 'empty file (no text)' };
  return { ok: true, text };
}

function isBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    // Tab, LF, FF, CR and ESC-free text only; other C0 controls mark binary data.
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) control++;
  }
  return sample.length > 0 && control / sample.length > 0.02;
}

/** "invalid UTF-8 at byte 812 (line 14); looks like TCVN3 (ABC): convert it to UTF-8 first". */
export function invalidUtf8Reason(bytes: Uint8Array): string {
  const at = firstInvalidUtf8(bytes);
  const line = 1 + bytes.subarray(0, at).filter((b) => b === 0x0a).length;
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
 * Vietnamese texts older than Unicode came in three 8-bit encodings; each leaves a signature
 * in its bytes. Counts each and names the clear winner, or null.
 */
export function guessLegacyEncoding(bytes: Uint8Array): string | null {
  const latin1 = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
  const scores: Array<[string, number]> = [
    // TCVN3: precomposed Vietnamese letters in 0xA1–0xFE: "ViÖt Nam", "Céng hoµ", "chñ nghÜa".
    ['TCVN3 (ABC)', count(latin1, /[a-zA-Z][µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉËÌÐÎÏÑ¬ÕÒÓÔÖ×ÝØÜÞßãáâäåèæçéêëìïíîñóòôõöøûùúü®]/g)],
    // VNI: ASCII base letter + a modifier byte: "Vieät", "hoøa", "xaõ".
    ['VNI', count(latin1, /[aeiouyAEIOUY][øùûõïâêôöëäüÏØÙÛÕ](?=[a-zA-Z\s])/g)],
    // Windows-1258: combining tone bytes (0xCC 0xEC 0xD2 0xDE 0xF2) after a vowel.
    ['Windows-1258', count(latin1, /[aeiouyâêôãõýAEIOUYÂÊÔÃÕÝ][\xcc\xec\xd2\xde\xf2]/g)],
  ];
  scores.sort((a, b) => b[1] - a[1]);
  const [best, second] = scores;
  if (!best || best[1] < 3 || (second && best[1] < second[1] * 2)) return null;
  return best[0];
}

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
