import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sourceDownloads } from '../../../src/site/integrations/downloads.ts';
import { cp1258 } from '../../fixtures/cp1258.mjs';
import { tcvn3 } from '../../fixtures/tcvn3.mjs';
import { vni } from '../../fixtures/vni.mjs';

/** SYNTHETIC text, not a real directive. */
const TEXT = 'Văn bản tổng hợp (synthetic): Ban Thường vụ Tỉnh ủy đề nghị các đồng chí để ý, đã rõ.\r\n';
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('sourceDownloads', () => {
  test('serves a UTF-8 source byte for byte as nguon.txt, with no raw file beside it', () => {
    const bytes = new TextEncoder().encode(`\uFEFF${TEXT}`);
    const served = sourceDownloads(bytes, 'a.txt');
    expect(sha(served.text)).toBe(sha(bytes));
    expect(served.raw).toBeNull();
  });
  test('serves a TCVN3 source as its text in UTF-8, and its raw bytes, unchanged, beside it', () => {
    const bytes = tcvn3(TEXT);
    const served = sourceDownloads(bytes, 'b.txt');
    expect(new TextDecoder('utf-8', { fatal: true }).decode(served.text)).toBe(TEXT);
    expect(sha(served.raw!)).toBe(sha(bytes));
  });
  test('serves a Windows-1258 source as its text in UTF-8 (NFC), and its raw bytes beside it', () => {
    const bytes = cp1258(TEXT);
    const served = sourceDownloads(bytes, 'c.txt');
    expect(new TextDecoder().decode(served.text)).toBe(TEXT);
    expect(sha(served.raw!)).toBe(sha(bytes));
  });
  test('throws, naming the file, for a source in an encoding ingest does not convert', () => {
    expect(() => sourceDownloads(vni(TEXT.repeat(3)), 'd.txt')).toThrow(/^d\.txt: not UTF-8, and in no encoding ingest converts/);
  });
});
