/**
 * The bulk files from records: van-ban.csv read back by csv-parse (a real RFC 4180 parser),
 * van-ban.jsonl line by line, the SQLite file opened with node:sqlite and queried, dan-chieu.csv
 * and tinh.csv. Records are the five real seeds plus SYNTHETIC ones (not real documents) made to
 * exercise quoting, lists, unknown values and references.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parse } from 'csv-parse/sync';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { DIRECTIVE_FIELDS, type Directive } from '../../../../src/shared/schema.ts';
import { BulkCollector, type BulkIO, type BulkResult } from '../../../../src/site/bulk/collector.ts';
import { PROVINCES } from '../../../../src/shared/gazetteer.ts';
import { syntheticDirective } from '../../../helpers/synthetic-directive.ts';

type Rec = Directive & { body: string };
const DIR = 'content/directives';
const SEEDS: Rec[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => {
    const { data, content } = matter(readFileSync(join(DIR, f), 'utf8'));
    return { ...(data as Directive), body: content.replace(/^\n/, '') };
  });
const synthetic = (id: string, date: string | null, province: string | null, extra: Partial<Directive> = {}): Rec => ({
  ...syntheticDirective(id, date, province, extra),
  body: `Nội dung tổng hợp (synthetic) của ${id}, có dấu phẩy, "ngoặc kép"\nvà xuống dòng.`,
});
/** Synthetic: commas, quotes and a line break in values, lists, notes. */
const QUOTING = synthetic('kon-tum/2021-08-05-12-cv-tu', '2021-08-05', 'Kon Tum', {
  doc_number: '12-CV/TU',
  subject: 'về việc "thử", có dấu phẩy, và\nxuống dòng (synthetic)',
  recipients: ['Các sở, ban, ngành', 'Huyện ủy "A" (synthetic)'],
  inferred: [{ field: 'province', from: 'tên các huyện: Đắk Hà, Kon Rẫy (synthetic)' }],
  curated: [{ field: 'date_issued', note: 'Bản lưu ghi ngày 5/8/2021 (synthetic)' }],
  references: ['15/CT-TTg', '235-CV/TU', '99-TB/TU'],
  cited: [
    { number: '15/CT-TTg', number_as_written: '15/CT-TTg', type: 'Chỉ thị', date: '2020-03-27', issuer_as_written: 'Thủ tướng Chính phủ', scope: 'trung ương', province: null, district: null, place_from_text: false, text: 'Chỉ thị số 15/CT-TTg, ngày 27/3/2020 của Thủ tướng Chính phủ' },
    { number: '235-CV/TU', number_as_written: '235 - CV/TU', type: 'Công văn', date: null, issuer_as_written: null, scope: 'tỉnh', province: 'Kon Tum', district: null, place_from_text: false, text: 'Công văn số 235 - CV/TU' },
    { number: '99-TB/TU', number_as_written: '99-TB/TU', type: 'Thông báo', date: null, issuer_as_written: 'Ban Thường vụ Tỉnh ủy, "tổng hợp"', scope: 'tỉnh', province: 'Kon Tum', district: null, place_from_text: false, text: 'Thông báo số 99-TB/TU của Ban Thường vụ Tỉnh ủy, "tổng hợp"' },
  ],
});
/** Synthetic: a directive read from a PDF, whose `original` takes five columns of its own. */
const FROM_PDF = synthetic('kon-tum/2021-08-06-13-cv-tu', '2021-08-06', 'Kon Tum', {
  doc_number: '13-CV/TU',
  source_file: 'synthetic-13.pdf',
  original: { file: 'synthetic-13.pdf', media_type: 'application/pdf', bytes: 182334, sha256: 'a'.repeat(64), text_from: 'text-layer' },
});
const RECORDS = [...SEEDS, QUOTING, FROM_PDF];
/** The CSV's columns of the schema's fields: `original` is cut into its parts; the cited documents are rows of dan-chieu.csv instead. */
const ORIGINAL_PARTS = ['file', 'media_type', 'bytes', 'sha256', 'text_from'] as const;
const FIELD_COLUMNS = DIRECTIVE_FIELDS.filter((f) => f !== 'cited').flatMap((f) => (f === 'original' ? ORIGINAL_PARTS.map((p) => `original_${p}`) : [f]));
const SITE = 'https://luu-tru.example';
const URL = (id: string): string => `${SITE}/van-ban/${id}/`;

/** The bulk files in memory. */
function memoryBulk(): { io: BulkIO; files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const io: BulkIO = {
    create(name) {
      const parts: Uint8Array[] = [];
      return { write: (bytes) => void parts.push(bytes), close: () => void files.set(name, Buffer.concat(parts)) };
    },
    database(name) {
      const db = new DatabaseSync(':memory:');
      return {
        db,
        *close() {
          const bytes = db.serialize();
          db.close();
          files.set(name, bytes);
          yield bytes;
        },
      };
    },
  };
  return { io, files };
}

function build(records: readonly Rec[]): { result: BulkResult; files: Map<string, Uint8Array> } {
  const { io, files } = memoryBulk();
  const collector = new BulkCollector(io, (path) => `${SITE}${path}`);
  for (const r of records) collector.add(r);
  return { result: collector.finish(), files };
}

const text = (bytes: Uint8Array | undefined): string => Buffer.from(bytes!).toString('utf8');
const csv = (bytes: Uint8Array | undefined): Array<Record<string, string>> => parse(text(bytes), { columns: true, bom: true, relax_column_count: false });
const openDb = (bytes: Uint8Array | undefined): DatabaseSync => {
  const db = new DatabaseSync(':memory:');
  db.deserialize(bytes!);
  return db;
};

describe('van-ban.csv', () => {
  const { files } = build(RECORDS);
  const bytes = files.get('van-ban.csv')!;
  test('starts with a UTF-8 byte order mark and ends its records with CRLF', () => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text(bytes).endsWith('\r\n')).toBe(true);
  });
  test('has every schema field a cell can hold, in order, with the permalink after the id; the cited documents are rows of dan-chieu.csv', () => {
    const header = parse(text(bytes), { bom: true, to_line: 1 })[0] as string[];
    expect(header).toEqual(['id', 'url', ...FIELD_COLUMNS.filter((f) => f !== 'id')]);
  });
  test('gives back every field of every record: lists split on "|", unknown as empty, notes as "field: text"', () => {
    const rows = csv(bytes);
    expect(rows).toHaveLength(RECORDS.length);
    rows.forEach((row, i) => {
      const r = RECORDS[i]!;
      expect(row.url).toBe(URL(r.id));
      for (const part of ORIGINAL_PARTS) expect(row[`original_${part}`], `${r.id} original_${part}`).toBe(r.original ? String(r.original[part]) : '');
      for (const field of DIRECTIVE_FIELDS.filter((f) => f !== 'original' && f !== 'cited')) {
        const value = r[field];
        const cell = row[field];
        if (value === null) expect(cell, field).toBe('');
        else if (Array.isArray(value)) {
          const items = value.map((v) => (typeof v === 'string' ? v : `${v.field}: ${'from' in v ? v.from : v.note}`));
          expect(cell === '' ? [] : cell!.split('|'), `${r.id} ${field}`).toEqual(items);
        } else expect(cell, field).toBe(String(value));
      }
    });
  });
  test('writes a date as YYYY-MM-DD and an unknown one as an empty cell', () => {
    const rows = csv(bytes);
    expect(rows.find((r) => r.id === 'kon-tum/2021-07-21-235-cv-tu')!.date_issued).toBe('2021-07-21');
    expect(rows.find((r) => r.id === 'gia-lai/khong-ro-ngay-chi-thi')!.date_issued).toBe('');
  });
});

describe('van-ban.jsonl', () => {
  test('holds one line per record, each equal to the record with its body (van-ban.json)', () => {
    const { files } = build(RECORDS);
    const lines = text(files.get('van-ban.jsonl')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((l) => JSON.parse(l))).toEqual(RECORDS);
  });
});

describe('van-ban.sqlite', () => {
  const { files, result } = build(RECORDS);
  const db = openDb(files.get('van-ban.sqlite'));
  test('has the directives with their body, lists as JSON arrays and unknown as NULL', () => {
    const rows = db.prepare('SELECT * FROM van_ban ORDER BY seq').all() as Array<Record<string, unknown>>;
    expect(rows.map((r) => r.id)).toEqual(RECORDS.map((r) => r.id));
    rows.forEach((row, i) => {
      const r = RECORDS[i]!;
      expect(row.body).toBe(r.body);
      expect(row.url).toBe(URL(r.id));
      for (const part of ORIGINAL_PARTS) expect(row[`original_${part}`], `original_${part}`).toBe(r.original ? r.original[part] : null);
      for (const field of DIRECTIVE_FIELDS.filter((f) => f !== 'original')) {
        const value = r[field];
        expect(Array.isArray(value) ? JSON.parse(row[field] as string) : row[field], field).toEqual(value);
      }
    });
  });
  test('reads a list with json_each', () => {
    const principles = db.prepare("SELECT j.value AS p FROM van_ban, json_each(van_ban.principles) j WHERE van_ban.id = 'kon-tum/2021-07-21-235-cv-tu'").all();
    expect(principles.map((r) => r.p)).toEqual(SEEDS.find((s) => s.id === 'kon-tum/2021-07-21-235-cv-tu')!.principles);
  });
  test('finds a phrase typed without tone marks in the full-text table', () => {
    expect(result.fullText).toBe(true);
    const ids = db.prepare(`SELECT v.id FROM van_ban_fts f JOIN van_ban v ON v.seq = f.rowid WHERE van_ban_fts MATCH '"gian cach xa hoi"' ORDER BY v.id`).all().map((r) => r.id);
    const expected = RECORDS.filter((r) => /gi[ãả]n cách xã hội/i.test(r.body.normalize('NFC'))).map((r) => r.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(ids).toEqual(expected);
  });
  test('holds the cited documents in dan_chieu, joinable to the citing directive, and as a JSON array in van_ban', () => {
    const rows = db
      .prepare("SELECT d.number, d.date, d.scope, d.province, d.slug, d.url, v.province AS citing_province FROM dan_chieu d JOIN van_ban v ON v.id = d.citing_id WHERE d.citing_id = 'thai-binh/kien-xuong/2021-05-07-114-cv-hu' ORDER BY d.position")
      .all();
    expect(rows.map((r) => ({ ...r }))).toEqual([
      { number: '135-TB/TU', date: '2021-05-06', scope: 'tỉnh', province: 'Thái Bình', slug: '135-tb-tu-thai-binh', url: `${SITE}/dan-chieu/135-tb-tu-thai-binh/`, citing_province: 'Thái Bình' },
      { number: '05/CĐ-UBND', date: '2021-05-05', scope: 'tỉnh', province: 'Thái Bình', slug: '05-cd-ubnd-thai-binh', url: `${SITE}/dan-chieu/05-cd-ubnd-thai-binh/`, citing_province: 'Thái Bình' },
      { number: '15/CT-TTg', date: null, scope: 'trung ương', province: null, slug: '15-ct-ttg', url: `${SITE}/dan-chieu/15-ct-ttg/`, citing_province: 'Thái Bình' },
    ]);
    const resolved = db.prepare("SELECT resolved_id FROM dan_chieu WHERE citing_id = ? AND number = '235-CV/TU'").get(QUOTING.id);
    expect(resolved?.resolved_id).toBe('kon-tum/2021-07-21-235-cv-tu');
    const numbers = db.prepare("SELECT json_extract(j.value, '$.number') AS n FROM van_ban, json_each(van_ban.cited) j WHERE van_ban.id = ?").all(QUOTING.id);
    expect(numbers.map((r) => r.n)).toEqual(['15/CT-TTg', '235-CV/TU', '99-TB/TU']);
  });
  test('has dan_chieu, tinh and a codebook describing every column of every table', () => {
    expect(db.prepare('SELECT count(*) AS n FROM dan_chieu').get()!.n).toBe(RECORDS.reduce((n, r) => n + r.cited.length, 0));
    expect(db.prepare('SELECT count(*) AS n FROM tinh').get()!.n).toBe(63);
    for (const table of ['van_ban', 'dan_chieu', 'tinh']) {
      const columns = db.prepare(`SELECT name FROM pragma_table_info('${table}') WHERE name <> 'seq'`).all().map((r) => r.name);
      const described = db.prepare('SELECT column_name FROM codebook WHERE table_name = ?').all(table).map((r) => r.column_name);
      expect(described.sort(), table).toEqual([...columns].sort());
    }
  });
});

describe('dan-chieu.csv and tinh.csv', () => {
  const { files } = build(RECORDS);
  test('dan-chieu has one row per cited document, in order, with what the text says of it and where the site links it', () => {
    const rows = csv(files.get('dan-chieu.csv'));
    const row = (c: (typeof QUOTING.cited)[number]) => ({
      citing_id: QUOTING.id,
      number_as_cited: c.number_as_written,
      number: c.number,
      type: c.type ?? '',
      date: c.date ?? '',
      issuer_as_written: c.issuer_as_written ?? '',
      scope: c.scope ?? '',
      province: c.province ?? '',
      district: '',
      text: c.text,
    });
    const [ct, cv, tb] = QUOTING.cited;
    expect(rows.filter((r) => r.citing_id === QUOTING.id)).toEqual([
      { ...row(ct!), position: '1', slug: '15-ct-ttg', matches: '0', resolved_id: '', url: `${SITE}/dan-chieu/15-ct-ttg/` },
      // The real Kon Tum seed 235-CV/TU (2021-07-21) is not dated after the synthetic 2021-08-05 directive: it resolves.
      { ...row(cv!), position: '2', slug: '235-cv-tu-kon-tum', matches: '1', resolved_id: 'kon-tum/2021-07-21-235-cv-tu', url: `${SITE}/van-ban/kon-tum/2021-07-21-235-cv-tu/` },
      { ...row(tb!), position: '3', slug: '99-tb-tu-kon-tum', matches: '0', resolved_id: '', url: `${SITE}/dan-chieu/99-tb-tu-kon-tum/` },
    ]);
  });
  test('dan-chieu gives the real Kiến Xương seed\'s three cited documents as its text does: Thái Bình\'s notice and dispatch, the Prime Minister\'s directive', () => {
    const rows = csv(files.get('dan-chieu.csv')).filter((r) => r.citing_id === 'thai-binh/kien-xuong/2021-05-07-114-cv-hu');
    expect(rows.map((r) => [r.number, r.type, r.date, r.issuer_as_written, r.scope, r.province, r.slug, r.resolved_id, r.url])).toEqual([
      ['135-TB/TU', 'Thông báo', '2021-05-06', 'Ban Thường vụ Tỉnh ủy', 'tỉnh', 'Thái Bình', '135-tb-tu-thai-binh', '', `${SITE}/dan-chieu/135-tb-tu-thai-binh/`],
      ['05/CĐ-UBND', 'Công điện', '2021-05-05', 'Ủy ban nhân dân Tỉnh', 'tỉnh', 'Thái Bình', '05-cd-ubnd-thai-binh', '', `${SITE}/dan-chieu/05-cd-ubnd-thai-binh/`],
      ['15/CT-TTg', 'Chỉ thị', '', 'Thủ tướng Chính phủ', 'trung ương', '', '15-ct-ttg', '', `${SITE}/dan-chieu/15-ct-ttg/`],
    ]);
  });
  test('tinh has the 63 provinces with their 2025 unit and their count of directives', () => {
    const rows = csv(files.get('tinh.csv'));
    expect(rows.map((r) => r.slug)).toEqual(PROVINCES.map((p) => p.slug));
    const kontum = rows.find((r) => r.slug === 'kon-tum')!;
    expect(kontum).toEqual({ code: '62', slug: 'kon-tum', name: 'Kon Tum', kind: 'tỉnh', name_2025: 'Quảng Ngãi', slug_2025: 'quang-ngai', directives: String(RECORDS.filter((r) => r.province === 'Kon Tum').length) });
    expect(rows.reduce((n, r) => n + Number(r.directives), 0)).toBe(RECORDS.filter((r) => r.province !== null).length);
  });
});

describe('the files as a whole', () => {
  test('two builds from the same records give the same bytes, the SQLite file included', () => {
    const a = build(RECORDS).files;
    const b = build(RECORDS).files;
    expect([...a.keys()].sort()).toEqual(['dan-chieu.csv', 'tinh.csv', 'van-ban.csv', 'van-ban.jsonl', 'van-ban.sqlite']);
    for (const [name, bytes] of a) expect(Buffer.compare(Buffer.from(bytes), Buffer.from(b.get(name)!)), name).toBe(0);
  });
  test('each file\'s size and SHA-256 are those of its bytes', () => {
    const { result, files } = build(RECORDS);
    expect(result.directives).toBe(RECORDS.length);
    expect(result.files.map((f) => f.name)).toEqual(['van-ban.csv', 'van-ban.jsonl', 'dan-chieu.csv', 'tinh.csv', 'van-ban.sqlite']);
    for (const f of result.files) {
      const bytes = files.get(f.name)!;
      expect(f.bytes, f.name).toBe(bytes.length);
      expect(f.sha256, f.name).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
  test('a list value containing "|" is a problem naming the source, the permalink and the field, and the rest is still written', () => {
    const bad = synthetic('gia-lai/2021-08-01-1-cv-tu', '2021-08-01', 'Gia Lai', { cc: ['Như trên', 'Lưu | VT (synthetic)'] });
    const { result, files } = build([...RECORDS, bad]);
    expect(result.problems).toEqual([
      'gia-lai/2021-08-01-1-cv-tu.txt (/van-ban/gia-lai/2021-08-01-1-cv-tu/) → cc[1]: contains "|", which joins list items in the bulk CSV: "Lưu | VT (synthetic)"; set the field without it in content/curation/gia-lai/2021-08-01-1-cv-tu.yml (docs/curating.md)',
    ]);
    expect(csv(files.get('van-ban.csv'))).toHaveLength(RECORDS.length + 1);
    expect(build(RECORDS).result.problems).toEqual([]);
  });
});
