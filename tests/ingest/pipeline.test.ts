/**
 * The batch: duplicates, permalink stability, curation, rejections, --check, determinism.
 * Sources here are SYNTHETIC, built in memory for the test.
 */
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { checkLine, summarize } from '../../scripts/ingest.ts';
import { memoryIO, OPTIONS, text } from '../helpers/memory-io.ts';
import { tcvn3 } from '../fixtures/tcvn3.mjs';
import { vni } from '../fixtures/vni.mjs';

/** A small synthetic directive (not a real document). */
function synthetic({ number = '12-CV/TU', date = 'ngày 05 tháng 8 năm 2021', province = 'KON TUM', extra = '' } = {}): string {
  return [
    `TỈNH ỦY ${province}`,
    '*',
    `Số ${number}`,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    `${province === 'KON TUM' ? 'Kon Tum' : 'Gia Lai'}, ${date}`,
    'V/v văn bản thử nghiệm tổng hợp (synthetic)',
    'Kính gửi: - Các huyện ủy, thành ủy.',
    `Đây là văn bản tổng hợp dùng cho kiểm thử, không phải văn bản thật. ${extra}`,
    'Nơi nhận:',
    '- Như trên,',
    'T/M BAN THƯỜNG VỤ',
    'BÍ THƯ',
    'Nguyễn Văn An',
  ].join('\n');
}

const src = (name: string): string => `content/sources/${name}`;
const frontmatter = (io: ReturnType<typeof memoryIO>, name: string): Record<string, unknown> =>
  matter(text(io, `content/directives/${name}`)).data;

describe('duplicates', () => {
  test('two copies of one text give one directive listing the other source, with a warning', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic(), [src('b.txt')]: synthetic() });
    const result = await ingest(OPTIONS, io);
    expect(result.outcomes.map((o) => o.status)).toEqual(['written', 'duplicate']);
    expect(frontmatter(io, 'a.md').duplicate_sources).toEqual(['b.txt']);
    expect(frontmatter(io, 'a.md').warnings).toEqual(['Văn bản này có 2 bản nguồn; trang này theo bản a.txt']);
    expect(io.files.has('content/directives/b.md')).toBe(false);
    expect(summarize(result.outcomes)).toBe('2 files: 1 written, 1 duplicate, 0 rejected');
  });
  test('same issuer, number and date with different wording is a duplicate too', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic(), [src('b.txt')]: synthetic({ extra: 'Bản chụp khác.' }) });
    await ingest(OPTIONS, io);
    expect(frontmatter(io, 'a.md').duplicate_sources).toEqual(['b.txt']);
  });
});

describe('permalink ids', () => {
  test('colliding ids get "-2" in source-name order, never overwriting', async () => {
    const io = memoryIO({
      [src('b.txt')]: synthetic({ extra: 'Một.' }),
      [src('a.txt')]: synthetic({ number: '12-CV/TU', date: 'ngày 05 tháng 8 năm 2021', extra: 'Hai, khác hẳn.' }),
    });
    // Same number and date but treated as duplicates by metadata; make them distinct directives instead:
    io.files.set(src('b.txt'), new TextEncoder().encode(synthetic({ number: '12-CV/TU', date: 'ngày 05 tháng 8 năm 2021', province: 'KON TUM', extra: 'Một.' }).replace('TỈNH ỦY KON TUM', 'TỈNH UỶ KON TUM').replace('Số 12-CV/TU', 'Số    -CV/TU')));
    io.files.set(src('a.txt'), new TextEncoder().encode(synthetic({ extra: 'Hai.' }).replace('Số 12-CV/TU', 'Số    -CV/TU')));
    await ingest(OPTIONS, io);
    expect(frontmatter(io, 'a.md').id).toBe('kon-tum/2021-08-05-cong-van');
    expect(frontmatter(io, 'b.md').id).toBe('kon-tum/2021-08-05-cong-van-2');
  });

  test('a published id survives a curated date correction and a new batch', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic() });
    await ingest(OPTIONS, io);
    expect(frontmatter(io, 'a.md').id).toBe('kon-tum/2021-08-05-12-cv-tu');
    io.files.set('content/curation/a.yml', new TextEncoder().encode('date_issued:\n  value: "2021-08-06"\n  note: "Bản lưu ghi ngày 6/8/2021"\n'));
    io.files.set(src('0-new.txt'), new TextEncoder().encode(synthetic({ number: '13-CV/TU' })));
    await ingest(OPTIONS, io);
    const a = frontmatter(io, 'a.md');
    expect(a.id).toBe('kon-tum/2021-08-05-12-cv-tu');
    expect(a.date_issued).toBe('2021-08-06');
    expect(a.curated).toEqual([{ field: 'date_issued', note: 'Bản lưu ghi ngày 6/8/2021' }]);
  });

  test('a curator-issued new id leaves a redirect from the old one', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic() });
    await ingest(OPTIONS, io);
    io.files.set('content/curation/a.yml', new TextEncoder().encode('id:\n  value: "kon-tum/2021-08-06-12-cv-tu"\n  note: "Sửa ngày theo bản lưu"\n'));
    await ingest(OPTIONS, io);
    expect(frontmatter(io, 'a.md').id).toBe('kon-tum/2021-08-06-12-cv-tu');
    expect(JSON.parse(text(io, 'content/permalinks.json')).redirects).toEqual({ 'kon-tum/2021-08-05-12-cv-tu': 'kon-tum/2021-08-06-12-cv-tu' });
  });

  test('a registered source that becomes a duplicate redirects its id to the primary', async () => {
    const io = memoryIO({ [src('b.txt')]: synthetic() });
    await ingest(OPTIONS, io);
    const bId = frontmatter(io, 'b.md').id as string;
    io.files.set(src('a.txt'), new TextEncoder().encode(synthetic()));
    await ingest(OPTIONS, io);
    const registry = JSON.parse(text(io, 'content/permalinks.json'));
    expect(registry.ids).toEqual({ 'a.txt': 'kon-tum/2021-08-05-12-cv-tu-2' });
    expect(registry.redirects).toEqual({ [bId]: 'kon-tum/2021-08-05-12-cv-tu-2' });
  });

  test('a published source that disappears is an error naming its id', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic() });
    await ingest(OPTIONS, io);
    io.files.delete(src('a.txt'));
    const result = await ingest(OPTIONS, io);
    expect(result.exitCode).toBe(1);
    expect(result.problems[0]).toContain('"kon-tum/2021-08-05-12-cv-tu" belongs to a.txt');
  });
});

describe('bad input', () => {
  test('empty, binary and invalid UTF-8 files are rejected by name and the rest is written', async () => {
    const io = memoryIO({
      [src('good.txt')]: synthetic(),
      [src('empty.txt')]: '   \n',
      [src('binary.txt')]: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]),
      [src('latin.txt')]: new Uint8Array([0x54, 0xe9, 0x74, 0x0a]),
    });
    const result = await ingest(OPTIONS, io);
    expect(result.exitCode).toBe(1);
    expect(Object.fromEntries(result.outcomes.map((o) => [o.source, o.status === 'rejected' ? o.reason : o.status]))).toEqual({
      'binary.txt': 'binary file (NUL byte at byte 4, line 1), not text',
      'empty.txt': 'empty file (no text)',
      'good.txt': 'written',
      'latin.txt': 'not valid UTF-8 at byte 1 (line 1)',
    });
    expect(summarize(result.outcomes)).toBe('4 files: 1 written, 0 duplicates, 3 rejected');
  });
  test('a TCVN3 source is converted and written, with its raw bytes\' SHA-256 and a warning; a VNI source is rejected with its hint', async () => {
    const tcvn = tcvn3(synthetic());
    const io = memoryIO({ [src('tcvn3.txt')]: tcvn, [src('vni.txt')]: vni(synthetic({ number: '13-CV/TU' })) });
    const result = await ingest(OPTIONS, io);
    expect(Object.fromEntries(result.outcomes.map((o) => [o.source, o.status === 'rejected' ? o.reason : o.status]))).toEqual({
      'tcvn3.txt': 'written',
      'vni.txt': 'not valid UTF-8 at byte 1 (line 1); looks like VNI, which ingest does not convert: convert it to UTF-8 first',
    });
    const written = frontmatter(io, 'tcvn3.md');
    expect(written.source_sha256).toBe(createHash('sha256').update(tcvn).digest('hex'));
    expect(written.warnings).toEqual(['Bản nguồn được mã hóa TCVN3 (ABC); văn bản đã được chuyển sang Unicode']);
    expect([written.issuer, written.doc_number, written.signer_name]).toEqual(['Tỉnh ủy Kon Tum', '12-CV/TU', 'Nguyễn Văn An']);
  });
  test('a malformed curation file is a configuration error naming the file and the fix', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic(), 'content/curation/a.yml': 'colour:\n  value: x\n  note: y\n' });
    await expect(ingest(OPTIONS, io)).rejects.toThrow('content/curation/a.yml: "colour" cannot be curated; use one of: id, title,');
  });
  test('a curated value that breaks the schema rejects the source, naming the curation file and the field', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic(), 'content/curation/a.yml': 'date_issued:\n  value: "21/13/2021"\n  note: "x"\n' });
    const result = await ingest(OPTIONS, io);
    expect(result.outcomes[0]).toEqual({
      source: 'a.txt',
      status: 'rejected',
      reason: 'content/curation/a.yml → date_issued: expected YYYY-MM-DD, got "21/13/2021"',
    });
  });
});

describe('cited documents', () => {
  const citing = 'Thực hiện Thông báo số 135-TB/TU ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy, Thông báo số 12-TB/TU của Tỉnh ủy Gia Lai và Chỉ thị số 16/CT-TTg.';
  const placed = (io: ReturnType<typeof memoryIO>): unknown[] =>
    (frontmatter(io, 'a.md').cited as Array<{ number: string; province: string | null }>).map((c) => [c.number, c.province]);

  test('are written to the archive file with every part, and parse back as the schema has them', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic({ extra: citing }) });
    expect((await ingest(OPTIONS, io)).exitCode).toBe(0);
    expect(frontmatter(io, 'a.md').cited).toEqual([
      {
        number: '135-TB/TU',
        number_as_written: '135-TB/TU',
        type: 'Thông báo',
        date: '2021-05-06',
        issuer_as_written: 'Ban Thường vụ Tỉnh ủy',
        scope: 'tỉnh',
        province: 'Kon Tum',
        district: null,
        place_from_text: false,
        text: 'Thông báo số 135-TB/TU ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy',
      },
      {
        number: '12-TB/TU',
        number_as_written: '12-TB/TU',
        type: 'Thông báo',
        date: null,
        issuer_as_written: 'Tỉnh ủy Gia Lai',
        scope: 'tỉnh',
        province: 'Gia Lai',
        district: null,
        place_from_text: true,
        text: 'Thông báo số 12-TB/TU của Tỉnh ủy Gia Lai',
      },
      {
        number: '16/CT-TTg',
        number_as_written: '16/CT-TTg',
        type: 'Chỉ thị',
        date: null,
        issuer_as_written: null,
        scope: 'trung ương',
        province: null,
        district: null,
        place_from_text: false,
        text: 'Chỉ thị số 16/CT-TTg',
      },
    ]);
  });
  test('that were the directive\'s own province\'s follow a curated province; named and national ones stay', async () => {
    const io = memoryIO({
      [src('a.txt')]: synthetic({ extra: citing }),
      'content/curation/a.yml': 'province:\n  value: "Đắk Lắk"\n  note: "Bản lưu tại Văn phòng Tỉnh ủy"\n',
    });
    expect((await ingest(OPTIONS, io)).exitCode).toBe(0);
    expect(placed(io)).toEqual([
      ['135-TB/TU', 'Đắk Lắk'],
      ['12-TB/TU', 'Gia Lai'],
      ['16/CT-TTg', null],
    ]);
  });
  test('a curator may set them whole, and a bad part names the curation file and the field', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic({ extra: citing }), 'content/curation/a.yml': 'cited:\n  value: [{ number: "135-TB/TU" }]\n  note: "x"\n' });
    const result = await ingest(OPTIONS, io);
    expect(result.outcomes[0]!.status).toBe('rejected');
    expect(result.outcomes[0]!.status === 'rejected' && result.outcomes[0]!.reason).toContain('content/curation/a.yml → cited.0.number_as_written:');
  });
});

/** Ids in the registry, by source. */
const registered = (io: ReturnType<typeof memoryIO>): string[] => Object.keys(JSON.parse(text(io, 'content/permalinks.json')).ids);
/** source → "written", "duplicate" or "<status>: <reason>". */
const reasons = (outcomes: Awaited<ReturnType<typeof ingest>>['outcomes']): Record<string, string> =>
  Object.fromEntries(outcomes.map((o) => [o.source, o.status === 'rejected' || o.status === 'skipped' ? `${o.status}: ${o.reason}` : o.status]));

describe('source names', () => {
  test('same.txt, same.TXT, same.md and same are rejected together: none registered, none written', async () => {
    const io = memoryIO({
      [src('a.txt')]: synthetic(),
      [src('same.txt')]: synthetic({ number: '21-CV/TU' }),
      [src('same.TXT')]: synthetic({ number: '22-CV/TU' }),
      [src('same.md')]: synthetic({ number: '23-CV/TU' }),
      [src('same')]: synthetic({ number: '24-CV/TU' }),
    });
    const result = await ingest(OPTIONS, io);
    expect(result.exitCode).toBe(1);
    const r = reasons(result.outcomes);
    expect(r['a.txt']).toBe('written');
    expect(r['same.txt']).toMatch(/^rejected: name collides with same, same\.TXT, same\.md: /);
    expect(r['same.TXT']).toMatch(/^rejected: not a source: the name must end in "\.txt".*; name collides with same, same\.md, same\.txt: /);
    expect(registered(io)).toEqual(['a.txt']);
    expect([...io.files.keys()].filter((f) => f.startsWith('content/directives/')).sort()).toEqual(['content/directives/a.md']);
    expect(summarize(result.outcomes)).toBe('5 files: 1 written, 0 duplicates, 4 rejected');
  });

  test('two names for one file never share a curation file: both are rejected and the correction applies to neither', async () => {
    const io = memoryIO({
      [src('same.txt')]: synthetic({ number: '21-CV/TU' }),
      [src('same.TXT')]: synthetic({ number: '22-CV/TU' }),
      'content/curation/same.yml': 'date_issued:\n  value: "2021-08-06"\n  note: "Bản lưu ghi ngày 6/8/2021"\n',
    });
    const result = await ingest(OPTIONS, io);
    expect(result.outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(registered(io)).toEqual([]);
    expect(io.files.has('content/directives/same.md')).toBe(false);
  });

  test('the NFC and NFD spellings of one Vietnamese name are rejected together, each naming the other', async () => {
    const nfc = 'công-văn-số-12.txt'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    const io = memoryIO({ [src(nfc)]: synthetic(), [src(nfd)]: synthetic({ number: '13-CV/TU' }) });
    const r = reasons((await ingest(OPTIONS, io)).outcomes);
    expect(r[nfc]).toContain(`rejected: name collides with ${nfd}: `);
    expect(r[nfd]).toContain(`rejected: name collides with ${nfc}: `);
    expect(registered(io)).toEqual([]);
  });

  test('a hidden file and a subfolder are reported as not sources, and alone they do not fail the run', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic(), [src('.DS_Store')]: 'x', [src('.b.txt')]: synthetic({ number: '13-CV/TU' }), [src('2021/c.txt')]: synthetic() });
    const result = await ingest(OPTIONS, io);
    expect(result.exitCode).toBe(0);
    expect(reasons(result.outcomes)).toEqual({
      '.DS_Store': 'skipped: hidden file (the name starts with "."): not a source, not read',
      '.b.txt': 'skipped: hidden file (the name starts with "."): not a source, not read',
      '2021/': 'skipped: folder: sources are read from the sources folder itself, not from its subfolders',
      'a.txt': 'written',
    });
    expect(registered(io)).toEqual(['a.txt']);
    expect(summarize(result.outcomes)).toBe('4 files: 1 written, 0 duplicates, 0 rejected, 3 not sources (1 folder, 2 hidden)');
  });

  test('a published source that a new name collides with is rejected but keeps its permalink id and its last good page', async () => {
    const io = memoryIO({ [src('same.txt')]: synthetic() });
    await ingest(OPTIONS, io);
    const id = JSON.parse(text(io, 'content/permalinks.json')).ids['same.txt'];
    const page = text(io, 'content/directives/same.md');
    io.files.set(src('Same.txt'), new TextEncoder().encode(synthetic({ number: '13-CV/TU' })));
    const result = await ingest(OPTIONS, io);
    expect(result.outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(result.problems).toEqual([`same.txt is rejected, but it is published as /van-ban/${id}/: its last good page (content/directives/same.md) is kept until the source or its curation is fixed`]);
    expect(text(io, 'content/directives/same.md')).toBe(page);
    expect(JSON.parse(text(io, 'content/permalinks.json')).ids).toEqual({ 'same.txt': id });
  });

  test('a name too long for the output is rejected before anything is written or registered', async () => {
    const long = `${'x'.repeat(251)}.txt`;
    const io = memoryIO({ [src('a.txt')]: synthetic(), [src(long)]: synthetic({ number: '13-CV/TU' }) });
    const writes: string[] = [];
    const write = io.writeFile;
    io.writeFile = async (path, data) => {
      writes.push(path);
      return write(path, data);
    };
    const result = await ingest(OPTIONS, io);
    expect(reasons(result.outcomes)[long]).toMatch(/^rejected: name is 255 bytes long, over the 200-byte limit for a source name/);
    expect(writes.sort()).toEqual(['content/directives/a.md', 'content/permalinks.json']);
    expect(registered(io)).toEqual(['a.txt']);
  });
});

describe('invisible and control characters', () => {
  test('a source of only spaces, NBSP and zero-width characters is rejected as empty, not published', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic(), [src('blank.txt')]: '\uFEFF \u00A0\u200B\n\u200C\u2060  \n' });
    const result = await ingest(OPTIONS, io);
    expect(reasons(result.outcomes)['blank.txt']).toBe('rejected: empty file (no text: only spaces and invisible characters)');
    expect(registered(io)).toEqual(['a.txt']);
  });

  test('a NUL byte after the first 8 kB rejects the source as binary', async () => {
    const io = memoryIO({ [src('late-nul.txt')]: synthetic({ extra: `${'Nội dung tổng hợp. '.repeat(600)}\u0000` }) });
    const [outcome] = (await ingest(OPTIONS, io)).outcomes;
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^binary file \(NUL byte at byte \d{5}, line 8\), not text$/) });
  });

  test('control and bidi characters are removed from every field and the body, with a warning on the page', async () => {
    const hostile = synthetic({ extra: 'Ký tự\u0007 lạ\u0085 giữa\u2066 câu.' }).replace('V/v văn bản', 'V/v \u202Enảb năv\u202C văn bản').replace('Nguyễn Văn An', 'Nguyễn\u200F Văn An');
    const io = memoryIO({ [src('a.txt')]: hostile });
    await ingest(OPTIONS, io);
    const md = text(io, 'content/directives/a.md');
    expect(md).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u);
    const fm = frontmatter(io, 'a.md');
    expect(fm.subject).toBe('nảb năv văn bản thử nghiệm tổng hợp (synthetic)');
    expect(fm.title).toBe('Công văn 12-CV/TU của Tỉnh ủy Kon Tum về nảb năv văn bản thử nghiệm tổng hợp (synthetic)');
    expect(fm.signer_name).toBe('Nguyễn Văn An');
    expect(fm.warnings).toContain('Bản nguồn có 6 ký tự điều khiển hoặc ký tự đảo chiều văn bản; các ký tự này đã được loại bỏ');
    expect(md).toContain('Ký tự lạ giữa câu.');
  });
});

describe('--check and determinism', () => {
  test('a second run writes byte-identical files and --check then passes', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic(), [src('b.txt')]: synthetic({ number: '14-CV/TU' }) });
    await ingest(OPTIONS, io);
    const first = new Map(io.files);
    await ingest(OPTIONS, io);
    expect(io.files).toEqual(first);
    const check = await ingest({ ...OPTIONS, check: true }, io);
    expect(check.stale).toEqual([]);
    expect(check.exitCode).toBe(0);
  });
  test('--check fails and names the file when a directive was edited by hand, without writing', async () => {
    const io = memoryIO({ [src('a.txt')]: synthetic() });
    await ingest(OPTIONS, io);
    io.files.set('content/directives/a.md', new TextEncoder().encode('edited'));
    io.files.set('content/directives/stray.md', new TextEncoder().encode('stray'));
    const check = await ingest({ ...OPTIONS, check: true }, io);
    expect(check.exitCode).toBe(1);
    expect(check.stale).toEqual(['content/directives/a.md', 'content/directives/stray.md']);
    expect(text(io, 'content/directives/a.md')).toBe('edited');
  });
});

describe('checkLine', () => {
  test('says "up to date" only when nothing is stale and the run succeeds', () => {
    expect(checkLine('content/directives', 0, 0)).toBe('check: content/directives is up to date');
  });
  test('does not call a failing run up to date, even when no file is stale', () => {
    expect(checkLine('content/directives', 0, 1)).toBe('check: content/directives holds what a run would write, but the run fails (see the errors above)');
  });
  test('names the count of stale files first', () => {
    expect(checkLine('content/directives', 3, 1)).toBe('check: 3 file(s) differ from a fresh run; run `npm run ingest`');
  });
});
