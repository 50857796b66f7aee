import { describe, expect, test } from 'vitest';
import { bulkToken, humanSize, stampDataPage } from '../../../../src/site/bulk/stamp.ts';
import type { BulkFileSummary } from '../../../../src/site/bulk/collector.ts';

const FILES: BulkFileSummary[] = [
  { name: 'van-ban.csv', bytes: 1_234_567, sha256: 'a'.repeat(64) },
  { name: 'tinh.csv', bytes: 950, sha256: 'b'.repeat(64) },
];
const PAGE = 'dist/du-lieu/index.html';

describe('humanSize', () => {
  test.each([[950, '950 byte'], [3_561, '3,6 kB'], [143_360, '143 kB'], [1_234_567, '1,2 MB'], [123_456_789, '123 MB']])('writes %i bytes as "%s"', (bytes, shown) => {
    expect(humanSize(bytes)).toBe(shown);
  });
});

describe('stampDataPage', () => {
  test('puts each file\'s bytes, size and SHA-256 where the page asks for them', () => {
    const html = `<td data-bytes="${bulkToken('van-ban.csv', 'bytes')}">${bulkToken('van-ban.csv', 'size')}</td><code>${bulkToken('van-ban.csv', 'sha256')}</code><i>${bulkToken('tinh.csv', 'sha256')}</i>`;
    expect(stampDataPage(html, FILES, PAGE)).toBe(`<td data-bytes="1234567">1,2 MB (1.234.567 byte)</td><code>${'a'.repeat(64)}</code><i>${'b'.repeat(64)}</i>`);
  });
  test('refuses a token for a file the build did not write', () => {
    expect(() => stampDataPage(`${bulkToken('van-ban.csv', 'sha256')}${bulkToken('tinh.csv', 'sha256')}${bulkToken('van-ban.sqlite', 'bytes')}`, FILES, PAGE)).toThrow(
      `${PAGE}: @@bulk:van-ban.sqlite:bytes@@ names a file the build did not write (it wrote van-ban.csv, tinh.csv)`,
    );
  });
  test('refuses a page that says nothing of a file the build wrote', () => {
    expect(() => stampDataPage(bulkToken('van-ban.csv', 'sha256'), FILES, PAGE)).toThrow(`${PAGE}: says nothing of tinh.csv, which the build wrote`);
  });
});
