/**
 * A batch of 1,000 SYNTHETIC sources, ten of them broken, through the real ingest CLI and the real
 * `astro build`: the broken ones are named with their reasons and stop nothing else; every good
 * source becomes a directive and a page. 988 sources come from scripts/bench/generate.ts
 * (syn_<n>_<hash>.txt); the ten broken ones (syn_broken_<nn>_<what>.txt) and two in legacy encodings
 * that ingest converts (syn_legacy_<nn>_<encoding>.txt) are written here, every text among them
 * saying it is synthetic. All of it lives in a temporary folder.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { startServer } from '../../scripts/serve.ts';
import { cp1258 } from '../fixtures/cp1258.mjs';
import { tcvn3 } from '../fixtures/tcvn3.mjs';
import { vni } from '../fixtures/vni.mjs';
import { archiveDirs, buildSite, ingestCli, launchChromium, pageIds, remove, syntheticTemp, type ArchiveDirs, type Run } from './support.ts';

const GOOD = 988;
const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** A short synthetic công văn (not a real document), numbered so it collides with nothing generated. */
function syntheticText(number: number, body: string[] = []): string {
  return [
    'TỈNH ỦY GIA LAI',
    '*',
    `Số ${number}-CV/TU`,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    'Gia Lai, ngày 03 tháng 9 năm 2021',
    'V/v văn bản tổng hợp (synthetic) để kiểm thử lô hỏng',
    'Kính gửi: - Các huyện ủy, thị ủy, thành ủy trực thuộc.',
    'Văn bản tổng hợp (synthetic) dùng để kiểm thử, không phải văn bản thật.',
    ...body,
    'Đề nghị các đồng chí chỉ đạo thực hiện nghiêm túc để đạt kết quả tốt.',
    'Nơi nhận:',
    '- Như trên,',
    '- Lưu Văn phòng Tỉnh ủy.',
    'T/M BAN THƯỜNG VỤ',
    'PHÓ BÍ THƯ',
    'Nguyễn Văn Tổng Hợp',
    '',
  ].join('\n');
}

/** A small PDF: text objects, a Flate stream and a raw image stream (full of NUL bytes). */
function pdfBytes(): Buffer {
  const content = deflateSync(Buffer.from('BT /F1 12 Tf 72 712 Td (Van ban tong hop - synthetic) Tj ET'));
  const pixels = Buffer.alloc(256, 0);
  for (let i = 0; i < pixels.length; i += 7) pixels[i] = 0xff;
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    Buffer.from('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'),
    Buffer.from('2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n'),
    Buffer.from('3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>\nendobj\n'),
    Buffer.from(`4 0 obj\n<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`),
    content,
    Buffer.from('\nendstream\nendobj\n'),
    Buffer.from(`5 0 obj\n<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} >>\nstream\n`),
    pixels,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
  ]);
}

/** Good sources in the legacy encodings ingest converts: published, their text served as UTF-8. */
const LEGACY = [
  { name: 'syn_legacy_01_tcvn3.txt', text: syntheticText(9011), encode: tcvn3, encoding: 'TCVN3 (ABC)' },
  { name: 'syn_legacy_02_windows-1258.txt', text: syntheticText(9012).replace(/\n/g, '\r\n'), encode: cp1258, encoding: 'Windows-1258' },
];

interface Broken {
  name: string;
  bytes: Buffer;
  /** How a correct ingest reports it (the header-only source is tested on its own). */
  kind: 'rejected' | 'duplicate' | 'header-only';
  /** What the report row must say: the rejection reason, or "duplicate of <source>". */
  expect: RegExp;
}

let tmp: string;
let dirs: ArchiveDirs;
let dist: string;
let ingest: Run;
let generated: string[];
/** Generated sources that repeat an earlier one's bytes (the generator's "duplicate" quirk). */
let generatedCopies: Map<string, string>;
let broken: Broken[];
/** The good source syn_broken_09_… copies byte for byte. */
let copiedSource: string;
let rows: Map<string, string[]>;
let buildSeconds = 0;

beforeAll(async () => {
  tmp = syntheticTemp('broken-batch');
  dirs = archiveDirs(tmp);
  const result = await generateArchive({ count: GOOD, seed: 20260, outDir: dirs.sources });
  generated = result.files.map((f) => basename(f)).sort();
  const firstByHash = new Map<string, string>();
  generatedCopies = new Map();
  for (const name of generated) {
    const hash = createHash('sha256').update(readFileSync(join(dirs.sources, name))).digest('hex');
    const first = firstByHash.get(hash);
    if (first) generatedCopies.set(name, first);
    else firstByHash.set(hash, name);
  }

  const original = (copiedSource = generated.find((n) => !generatedCopies.has(n) && ![...generatedCopies.values()].includes(n))!);
  const invalidAt = 200;
  const valid = Buffer.from(syntheticText(9001), 'utf8');
  const invalid = Buffer.concat([valid.subarray(0, invalidAt), Buffer.from([0xff]), valid.subarray(invalidAt)]);
  const full = Buffer.from(syntheticText(9002, ['Các cấp ủy tiếp tục tăng cường công tác phòng, chống dịch']), 'utf8');
  // Cut inside the last multibyte letter: its lead byte stays, its continuation bytes go.
  const lastLead = full.findLastIndex((b) => b >= 0xc2 && b <= 0xf4);
  const truncated = full.subarray(0, lastLead + 1);
  const bigBody = Array.from({ length: 20_000 }, (_, i) => `${i + 1}. Đoạn tổng hợp (synthetic) số ${i + 1} để làm tệp vượt quá giới hạn kích thước cho phép.`);
  const big = Buffer.from(syntheticText(9003, bigBody), 'utf8');
  expect(big.length).toBeGreaterThan(MAX_SOURCE_BYTES);

  broken = [
    { name: 'syn_broken_01_empty.txt', bytes: Buffer.alloc(0), kind: 'rejected', expect: /^empty file/ },
    { name: 'syn_broken_02_whitespace.txt', bytes: Buffer.from(' \n\t\n   \r\n\n  '), kind: 'rejected', expect: /^empty file/ },
    { name: 'syn_broken_03_binary-nul.txt', bytes: Buffer.from([0x53, 0x59, 0x4e, 0x00, 0x01, 0x02, 0x00, 0xff, 0x00, 0x10, 0x00, 0x7f]), kind: 'rejected', expect: /^binary file/ },
    { name: 'syn_broken_04_invalid-utf8.txt', bytes: invalid, kind: 'rejected', expect: new RegExp(`^not valid UTF-8 at byte ${invalidAt} \\(line \\d+\\)$`) },
    { name: 'syn_broken_05_vni.txt', bytes: vni(syntheticText(9004)), kind: 'rejected', expect: /^not valid UTF-8 at byte \d+ \(line 1\); looks like VNI, which ingest does not convert/ },
    { name: 'syn_broken_06_truncated-utf8.txt', bytes: truncated, kind: 'rejected', expect: new RegExp(`^not valid UTF-8 at byte ${lastLead} \\(line \\d+\\)$`) },
    { name: 'syn_broken_07_over-2mb.txt', bytes: big, kind: 'rejected', expect: new RegExp(`^file is ${big.length} bytes, over the ${MAX_SOURCE_BYTES}-byte limit`) },
    { name: 'syn_broken_08_pdf.txt', bytes: pdfBytes(), kind: 'rejected', expect: /^binary file/ },
    { name: `syn_broken_09_copy-of-${original.replace(/\.txt$/, '')}.txt`, bytes: readFileSync(join(dirs.sources, original)), kind: 'duplicate', expect: new RegExp(`^duplicate of ${original.replace('.', '\\.')}$`) },
    { name: 'syn_broken_10_header-only.txt', bytes: Buffer.from('TỈNH ỦY GIA LAI\n*\nSố 9010-CV/TU\nĐẢNG CỘNG SẢN VIỆT NAM\nGia Lai, ngày 03 tháng 9 năm 2021\n'), kind: 'header-only', expect: /./ },
  ];
  for (const b of broken) writeFileSync(join(dirs.sources, b.name), b.bytes);
  for (const l of LEGACY) writeFileSync(join(dirs.sources, l.name), l.encode(l.text));
  expect(readdirSync(dirs.sources)).toHaveLength(1000);

  ingest = await ingestCli(dirs);
  rows = new Map(
    ingest.stdout
      .split('\n')
      .map((l) => l.split(' | '))
      .filter((cells) => cells.length === 4 && cells[0] !== 'source')
      .map((cells) => [cells[0]!, cells.slice(1)]),
  );

  dist = join(tmp, 'dist');
  const started = performance.now();
  await buildSite(dirs.directives, dist, tmp);
  buildSeconds = (performance.now() - started) / 1000;
}, 300_000);

afterAll(() => {
  if (tmp) remove(tmp);
});

const SUMMARY = /(\d+) files: (\d+) written, (\d+) duplicates?, (\d+) rejected\b/m;
const summary = (): { read: number; written: number; duplicates: number; rejected: number } => {
  const m = SUMMARY.exec(ingest.stdout);
  if (!m) throw new Error(`no summary line in:\n${ingest.stdout.slice(-2000)}\n${ingest.stderr}`);
  return { read: Number(m[1]), written: Number(m[2]), duplicates: Number(m[3]), rejected: Number(m[4]) };
};
const writtenIds = (): string[] =>
  readdirSync(dirs.directives)
    .filter((f) => f.endsWith('.md'))
    .map((f) => matter(readFileSync(join(dirs.directives, f), 'utf8')).data.id as string)
    .sort();
const stem = (name: string): string => name.replace(/\.txt$/, '');

describe('a batch of 1,000 sources with ten broken ones', () => {
  test('ingest exits with status 1, with no crash on stderr', () => {
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(1);
  });

  test('the report has one row per source, 1,000 in all', () => {
    expect(rows.size).toBe(1000);
    expect([...rows.keys()].sort()).toEqual(readdirSync(dirs.sources).sort());
  });

  test('each broken file is named in the report with its reason', () => {
    const wrong: string[] = [];
    for (const b of broken.filter((x) => x.kind !== 'header-only')) {
      const row = rows.get(b.name);
      const reason = row?.[0] === 'REJECTED' ? row[2]! : (row?.[0] ?? '(no row)');
      if (!b.expect.test(reason)) wrong.push(`${b.name}: "${reason}" does not match ${b.expect}`);
    }
    expect(wrong).toEqual([]);
  });

  test('a source that is only a header is reported with a warning or reason saying it has no text', () => {
    const row = rows.get('syn_broken_10_header-only.txt');
    expect(row, 'row for the header-only source').toBeDefined();
    const said = row![0] === 'REJECTED' ? row![2]! : row![2]!;
    expect(said, `report row: ${row!.join(' | ')}`).toMatch(/nội dung|không có (phần )?(thân|văn bản)|no (body|text)|empty body/i);
  });

  test('the summary says 1000 files and its written, duplicate and rejected counts add up to 1000', () => {
    const s = summary();
    expect(s.read).toBe(1000);
    expect(s.written + s.duplicates + s.rejected).toBe(1000);
    const statuses = [...rows.values()].map((r) => (r[0] === 'REJECTED' ? 'rejected' : r[0]!.startsWith('duplicate of ') ? 'duplicate' : 'written'));
    expect(s.rejected).toBe(statuses.filter((x) => x === 'rejected').length);
    expect(s.duplicates).toBe(statuses.filter((x) => x === 'duplicate').length);
    expect(s.written).toBe(statuses.filter((x) => x === 'written').length);
  });

  test('only broken files are rejected, and only byte-identical copies are duplicates', () => {
    const rejected = [...rows].filter(([, r]) => r[0] === 'REJECTED').map(([name]) => name).sort();
    const expectedRejected = broken.filter((b) => b.kind === 'rejected').map((b) => b.name);
    // The header-only source may be rejected or written; nothing generated may be rejected.
    expect(rejected.filter((n) => n !== 'syn_broken_10_header-only.txt')).toEqual(expectedRejected.sort());
    const duplicates = [...rows].filter(([, r]) => r[0]!.startsWith('duplicate of ')).map(([name, r]) => `${name} -> ${r[0]!.slice('duplicate of '.length)}`).sort();
    const copy = broken.find((b) => b.kind === 'duplicate')!;
    const expectedDuplicates = [...[...generatedCopies].map(([name, of]) => `${name} -> ${of}`), `${copy.name} -> ${copiedSource}`].sort();
    expect(duplicates).toEqual(expectedDuplicates);
  });

  test('every good source has its .md written, and no .md exists for a rejected or duplicate source', () => {
    const good = [...generated.filter((n) => !generatedCopies.has(n)), ...LEGACY.map((l) => l.name)];
    expect(good.length).toBeGreaterThan(950);
    const missing = good.filter((n) => !existsSync(join(dirs.directives, `${stem(n)}.md`)));
    expect(missing).toEqual([]);
    const md = readdirSync(dirs.directives).filter((f) => f.endsWith('.md'));
    expect(md.length).toBe(summary().written);
    const extra = md.filter((f) => !good.includes(f.replace(/\.md$/, ".txt"))).sort();
    const headerOnlyWritten = rows.get('syn_broken_10_header-only.txt')?.[0] !== 'REJECTED';
    expect(extra).toEqual(headerOnlyWritten ? ['syn_broken_10_header-only.md'] : []);
  });

  test('the site built from that output has one page under /van-ban/ per written directive, each good source included', () => {
    const ids = writtenIds();
    expect(ids.length).toBe(summary().written);
    expect(new Set(ids).size).toBe(ids.length);
    const pages = pageIds(dist);
    expect(pages.length).toBe(summary().written);
    expect(pages).toEqual(ids);
    // Every good source's own page, by the id its .md records.
    for (const name of [...generated.filter((n) => !generatedCopies.has(n)), ...LEGACY.map((l) => l.name)]) {
      const id = matter(readFileSync(join(dirs.directives, `${stem(name)}.md`), 'utf8')).data.id as string;
      expect(existsSync(join(dist, 'van-ban', id, 'index.html')), id).toBe(true);
    }
    console.log(`broken batch: ${summary().written} pages built in ${buildSeconds.toFixed(1)} s`);
  });

  test('the search index holds every directive page (Pagefind page counts of all bundles = pages built + one vocabulary page each)', () => {
    // Index bundles by date of issue (src/search/build/index-step.ts), each with a vocabulary page
    // (src/search/build/vocabulary.ts) that searches leave out: count the pages of every bundle.
    const { bundles } = JSON.parse(readFileSync(join(dist, 'pagefind', 'bundles.json'), 'utf8')) as { bundles: Array<{ path: string; pages: number }> };
    expect(bundles.reduce((n, b) => n + b.pages, 0)).toBe(summary().written);
    const indexed = bundles.reduce((n, b) => {
      const entry = JSON.parse(readFileSync(join(dist, b.path, 'pagefind-entry.json'), 'utf8')) as {
        languages: Record<string, { page_count: number }>;
      };
      return n + Object.values(entry.languages).reduce((m, l) => m + l.page_count, 0);
    }, 0);
    expect(indexed).toBe(summary().written + bundles.length);
  });

  test('a TCVN3 and a Windows-1258 source are converted and published: the report says so, nguon.txt opens in the browser as readable Vietnamese, nguon-goc.bin is the raw file byte for byte', async () => {
    const server = await startServer(dist, 0);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      for (const l of LEGACY) {
        const row = rows.get(l.name)!;
        expect(row[2], `report row: ${row.join(' | ')}`).toContain(`Bản nguồn được mã hóa ${l.encoding}; văn bản đã được chuyển sang Unicode`);
        const raw = readFileSync(join(dirs.sources, l.name));
        const record = matter(readFileSync(join(dirs.directives, `${stem(l.name)}.md`), 'utf8')).data as { id: string; source_sha256: string };
        expect(record.source_sha256).toBe(createHash('sha256').update(raw).digest('hex'));

        const response = await page.goto(`${server.url}/van-ban/${record.id}/nguon.txt`);
        expect(response?.headers()['content-type']).toBe('text/plain; charset=utf-8');
        const shown = await page.locator('body').innerText();
        expect(shown, `${l.name}: the browser shows "${shown.slice(0, 80)}…"`).toContain('Đề nghị các đồng chí chỉ đạo thực hiện nghiêm túc để đạt kết quả tốt.');

        const download = await fetch(`${server.url}/van-ban/${record.id}/nguon-goc.bin`);
        expect(download.headers.get('content-type')).toBe('application/octet-stream');
        expect(Buffer.compare(Buffer.from(await download.arrayBuffer()), raw)).toBe(0);

        // The page offers both and says which is which: the raw file as it came, the text converted.
        await page.goto(`${server.url}/van-ban/${record.id}/`);
        const source = page.locator('.converted-source');
        expect(await source.innerText()).toContain(`(nguyên trạng, mã ${l.encoding})`);
        expect(await source.locator('a[href$="/nguon-goc.bin"]').innerText()).toBe(l.name);
        expect(await source.locator('a[href$="/nguon.txt"]').innerText()).toBe('nguon.txt');
      }
    } finally {
      await browser.close();
      server.close();
    }
  });

  test('a directive with no body text (the header-only source) is still found by searching its number', async () => {
    const row = rows.get('syn_broken_10_header-only.txt')!;
    if (row[0] === 'REJECTED') return; // rejected sources have no page to find
    const server = await startServer(dist, 0);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/tim-kiem/?q=${encodeURIComponent('9010-CV/TU')}`);
      await expect.poll(() => page.locator('#trang-thai').textContent(), { timeout: 15_000 }).toMatch(/văn bản/);
      const hrefs = await page.locator('#danh-sach-ket-qua a.result-title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(hrefs, `results for 9010-CV/TU: ${hrefs.join(', ')}`).toContain(`/van-ban/${row[0]}/`);
    } finally {
      await browser.close();
      server.close();
    }
  });
});
