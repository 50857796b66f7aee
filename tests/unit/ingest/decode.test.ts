import { describe, expect, test } from 'vitest';
import { binaryReason, decodeSource, hasVisibleText } from '../../../scripts/ingest/decode.ts';
import { cp1258 } from '../../fixtures/cp1258.mjs';
import { tcvn3 } from '../../fixtures/tcvn3.mjs';
import { vni } from '../../fixtures/vni.mjs';

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

describe('decodeSource: legacy encodings', () => {
  const text = 'TỈNH ỦY BẾN TRE\nSố 17-CV/TU\nV/v chủ động phòng, chống dịch\nBan Thường vụ Tỉnh ủy đề nghị các đồng chí để ý, đã rõ.\n';
  test('converts a TCVN3 (ABC) text, its capital lines in capitals, and says it was TCVN3', () => {
    const decoded = decodeSource(tcvn3(text));
    expect(decoded).toEqual({ ok: true, text: text.replace('Số 17', 'SỐ 17'), convertedFrom: 'TCVN3 (ABC)' });
  });
  test('converts a Windows-1258 text, whose tone marks are separate bytes, to NFC', () => {
    const decoded = decodeSource(cp1258(text));
    expect(decoded).toEqual({ ok: true, text, convertedFrom: 'Windows-1258' });
    expect(decoded.ok && decoded.text.normalize('NFC') === decoded.text).toBe(true);
  });
  test('never converts a UTF-8 text, however many đ it holds', () => {
    expect(decodeSource(utf8(text.repeat(50)))).toEqual({ ok: true, text: text.repeat(50), convertedFrom: null });
  });
  test('rejects, without converting, a UTF-8 text with a TCVN3 paragraph pasted into it', () => {
    const mixed = Buffer.concat([utf8(text.repeat(10)), tcvn3('Đề nghị các đồng chí để ý, đã rõ.\n'), utf8(text.repeat(10))]);
    expect(reason(mixed)).toMatch(/^not valid UTF-8 at byte \d+ \(line 41\)$/);
  });
  test('rejects a VNI text with its hint: VNI is not converted', () => {
    expect(reason(vni(text.repeat(3)))).toMatch(/^not valid UTF-8 at byte 1 \(line 1\); looks like VNI, which ingest does not convert: convert it to UTF-8 first$/);
  });
  test('rejects a text taken for Windows-1258 that holds a byte Windows-1258 leaves undefined, and names the byte', () => {
    const bytes = Buffer.concat([cp1258(text), Buffer.from([0x81])]);
    expect(reason(bytes)).toBe(`not valid UTF-8 at byte 2 (line 1); looks like Windows-1258, but byte ${bytes.length - 1} (0x81) is no character in Windows-1258: convert it to UTF-8 first`);
  });
  test('keeps a control byte of a TCVN3 text a control character, for normalisation to remove and report', () => {
    const decoded = decodeSource(Buffer.concat([tcvn3(text), Buffer.from([0x01]), tcvn3(text)]));
    expect(decoded.ok && decoded.text).toBe(`${text.replace('Số 17', 'SỐ 17')}\u0001${text.replace('Số 17', 'SỐ 17')}`);
  });
});
