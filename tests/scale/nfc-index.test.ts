/**
 * The search index holds NFC text only: a SYNTHETIC source written in NFD (as some PDF and macOS
 * exports are) is ingested and built into a temporary site, and the Pagefind files are read back.
 * Pagefind indexes NFD text as if it had no tone marks, so an NFD leak would break accented search.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = new URL('../../', import.meta.url).pathname;
const COMBINING = /[\u0300-\u036f]/;
let dir = '';

const SYNTHETIC_NFD = [
  'TỈNH ỦY KON TUM',
  '*',
  'Số 999-CV/TU',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Kon Tum, ngày 02 tháng 8 năm 2021',
  'V/v văn bản tổng hợp (synthetic) để kiểm thử chỉ mục',
  'Kính gửi: - Các huyện ủy, thành ủy.',
  'Văn bản tổng hợp (synthetic), không phải văn bản thật: tổ chức điều trị tại chỗ, thực hiện nghiêm phương châm 4 tại chỗ.',
  'Nơi nhận:',
  '- Như trên,',
  'T/M BAN THƯỜNG VỤ',
  'BÍ THƯ',
  'Nguyễn Văn Thử',
].join('\n').normalize('NFD');

/** Pagefind files are gzip with a "pagefind_dcd" signature before the payload. */
const pagefindPayload = (path: string): Buffer => gunzipSync(readFileSync(path)).subarray('pagefind_dcd'.length);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'archive-nfc-synthetic-'));
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'sources', 'synthetic-nfd.txt'), SYNTHETIC_NFD);
  expect(SYNTHETIC_NFD).toMatch(COMBINING);
  const env = { ...process.env, ARCHIVE_CONTENT: join(dir, 'directives'), ASTRO_TELEMETRY_DISABLED: '1' };
  execFileSync(process.execPath, ['scripts/ingest.ts', '--sources', join(dir, 'sources'), '--out', join(dir, 'directives'), '--quiet'], { cwd: ROOT, env });
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', join(dir, 'dist')], { cwd: ROOT, env, stdio: 'pipe' });
}, 240_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('an NFD source', () => {
  test('is stored by ingest in NFC', () => {
    const md = readFileSync(join(dir, 'directives', 'synthetic-nfd.md'), 'utf8');
    expect(md).not.toMatch(COMBINING);
    expect(md).toContain('điều trị tại chỗ');
  });

  test('reaches the search index as NFC text: its fragment has the accented words and no combining marks', () => {
    const fragments = readdirSync(join(dir, 'dist/pagefind/fragment')).map(
      (f) => JSON.parse(pagefindPayload(join(dir, 'dist/pagefind/fragment', f)).toString('utf8')) as { url: string; content: string; meta: Record<string, string> },
    );
    // The directive's record, and the bundle's vocabulary page (src/search/build/vocabulary.ts), NFC too.
    const [record, ...others] = fragments.filter((f) => f.url.startsWith('/van-ban/'));
    expect(others).toEqual([]);
    expect(fragments.filter((f) => !f.url.startsWith('/van-ban/')).map((f) => f.url)).toEqual(['/_tu-vung/2021/']);
    for (const f of fragments) expect(f.content).not.toMatch(COMBINING);
    if (!record) throw new Error('no fragment for the directive');
    expect(record.content).toContain('điều trị tại chỗ');
    expect(record.content).not.toMatch(COMBINING);
    expect(record.meta.title).toBe(record.meta.title!.normalize('NFC'));
  });

  test('has no combining marks among the indexed words', () => {
    const words = readdirSync(join(dir, 'dist/pagefind/index')).map((f) => pagefindPayload(join(dir, 'dist/pagefind/index', f)).toString('utf8'));
    expect(words.join('')).toContain('điều');
    expect(words.join('')).not.toMatch(COMBINING);
  });
});
