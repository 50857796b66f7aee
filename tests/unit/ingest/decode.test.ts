import { describe, expect, test } from 'vitest';
import { binaryReason, decodeSource, hasVisibleText } from '../../../scripts/ingest/decode.ts';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const reason = (bytes: Uint8Array): string | null => {
  const d = decodeSource(bytes);
  return d.ok ? null : d.reason;
};

describe('decodeSource: empty sources', () => {
  test('rejects a file of no bytes and a file of spaces and line breaks as "empty file (no text)"', () => {
    expect(reason(new Uint8Array(0))).toBe('empty file (no text)');
    expect(reason(utf8(' \n\t\r\n  '))).toBe('empty file (no text)');
  });
  test('rejects a file of only spaces, NBSP, zero-width characters and a BOM as empty', () => {
    expect(reason(utf8('\uFEFF \u00A0\u200B\u200C\u200D\u2060\u00AD \n\u200B'))).toBe('empty file (no text: only spaces and invisible characters)');
  });
  test('rejects a file of only spaces and a few control or bidi characters as empty', () => {
    expect(reason(utf8(`${' '.repeat(200)}\u202E\u0007\u0085\u200F\n`))).toBe('empty file (no text: only spaces and invisible characters)');
  });
  test('accepts a file whose only text is one letter, digit or punctuation mark among invisible characters', () => {
    for (const visible of ['a', 'Đ', '7', '.', '§']) expect(reason(utf8(`\u200B ${visible} \u200B`)), visible).toBeNull();
  });
});

describe('hasVisibleText', () => {
  test('is false for zero-width and bidi characters alone, true once a letter appears', () => {
    expect(hasVisibleText('\u200B\u202A\u2066\uFEFF')).toBe(false);
    expect(hasVisibleText('\u200Bạ')).toBe(true);
  });
});

describe('binaryReason', () => {
  test('finds a NUL byte after the first 8 kB and says where it is', () => {
    const bytes = utf8(`${'Văn bản tổng hợp (synthetic).\n'.repeat(400)}x\u0000y`);
    const at = bytes.indexOf(0);
    expect(at).toBeGreaterThan(8192);
    expect(binaryReason(bytes)).toBe(`binary file (NUL byte at byte ${at}, line 401), not text`);
    expect(reason(bytes)).toBe(`binary file (NUL byte at byte ${at}, line 401), not text`);
  });
  test('counts control bytes over the whole file, not only its first 8 kB', () => {
    const bytes = utf8(`${'a'.repeat(9000)}${'\u0001'.repeat(400)}`);
    expect(binaryReason(bytes)).toBe(`binary file (400 control bytes in ${bytes.length}), not text`);
  });
  test('lets a text with a few stray control characters through (they are removed and reported later)', () => {
    expect(binaryReason(utf8(`Văn bản tổng hợp\u0007 (synthetic)${'.'.repeat(100)}\u001b`))).toBeNull();
  });
  test('takes tab, line feed, vertical tab, form feed and carriage return as text', () => {
    expect(binaryReason(utf8('a\tb\nc\u000bd\u000ce\r\n'.repeat(10)))).toBeNull();
  });
});
