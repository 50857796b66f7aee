/**
 * Writes the bulk data files from the records the build's downloads step reads anyway
 * (src/site/integrations/downloads.ts), one record at a time, so the archive is read once and no
 * file is held in memory whole: van-ban.csv, van-ban.jsonl and the SQLite file's van_ban rows as
 * each record comes; dan-chieu.csv, tinh.csv and the rest of the database at the end, from a few
 * short fields kept per directive (those the citation index reads). Each file's size and SHA-256
 * are counted as it is written.
 *
 * All I/O goes through `BulkIO`, so tests write to memory.
 */
import { createHash, type Hash } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { PROVINCES } from '../../shared/gazetteer.ts';
import type { Directive } from '../../shared/schema.ts';
import { BULK_FILES, directivePath, type BulkFileName } from '../routes.ts';
import { CODEBOOK } from './codebook.ts';
import { csvCells, DIRECTIVE_COLUMNS, listSeparatorProblems, PROVINCE_COLUMNS, REFERENCE_COLUMNS, type DirectiveRow, type ProvinceRow } from './columns.ts';
import { CSV_BOM, csvLine } from './csv.ts';
import { referenceRows, type CitingEntry } from './references.ts';
import { DatabaseWriter } from './sqlite.ts';

export interface BulkIO {
  /** A new file of the data folder, written in pieces, then closed. */
  create(name: BulkFileName): { write(bytes: Uint8Array): void; close(): void };
  /** A new, empty database at `name`, and how to close it and read its bytes back, in pieces. */
  database(name: BulkFileName): { db: DatabaseSync; close(): Iterable<Uint8Array> };
}

/** What the data page says of a file. */
export interface BulkFileSummary {
  name: BulkFileName;
  bytes: number;
  sha256: string;
}

export interface BulkResult {
  files: BulkFileSummary[];
  directives: number;
  /** Whether the SQLite file has its full-text table. */
  fullText: boolean;
  /** Values the CSV cannot hold (listSeparatorProblems): the build fails on them, after writing the rest. */
  problems: string[];
}

/** A file written in pieces, counting its bytes and hashing them on the way. */
class CountedFile {
  bytes = 0;
  readonly name: BulkFileName;
  private readonly hash: Hash = createHash('sha256');
  private readonly out: { write(bytes: Uint8Array): void; close(): void };

  constructor(io: BulkIO, name: BulkFileName) {
    this.name = name;
    this.out = io.create(name);
  }

  write(text: string): void {
    const bytes = Buffer.from(text, 'utf8');
    this.bytes += bytes.length;
    this.hash.update(bytes);
    this.out.write(bytes);
  }

  close(): BulkFileSummary {
    this.out.close();
    return { name: this.name, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }
}

function summaryOf(name: BulkFileName, pieces: Iterable<Uint8Array>): BulkFileSummary {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const piece of pieces) {
    hash.update(piece);
    bytes += piece.length;
  }
  return { name, bytes, sha256: hash.digest('hex') };
}

const header = (columns: ReadonlyArray<{ name: string }>): string => CSV_BOM + csvLine(columns.map((c) => c.name));

/** The 63 provinces in the gazetteer's order (by GSO code), with how many directives each has. */
export function provinceRows(counts: ReadonlyMap<string, number>): ProvinceRow[] {
  return PROVINCES.map((p) => ({ code: p.code, slug: p.slug, name: p.name, kind: p.kind, name_2025: p.name_2025, slug_2025: p.slug_2025, directives: counts.get(p.name) ?? 0 }));
}

export class BulkCollector {
  private readonly csv: CountedFile;
  private readonly jsonl: CountedFile;
  private readonly database: { db: DatabaseSync; close(): Iterable<Uint8Array> };
  private readonly tables: DatabaseWriter;
  private readonly entries: CitingEntry[] = [];
  private readonly problems: string[] = [];
  private readonly io: BulkIO;
  private readonly pageUrl: (path: string) => string;

  /** `pageUrl(path)`: the absolute address of a page of the site ("/van-ban/<id>/", "/dan-chieu/<slug>/"). */
  constructor(io: BulkIO, pageUrl: (path: string) => string) {
    this.io = io;
    this.pageUrl = pageUrl;
    this.csv = new CountedFile(io, BULK_FILES.directivesCsv);
    this.csv.write(header(DIRECTIVE_COLUMNS));
    this.jsonl = new CountedFile(io, BULK_FILES.directivesJsonl);
    this.database = io.database(BULK_FILES.sqlite);
    this.tables = new DatabaseWriter(this.database.db);
  }

  /** One directive's record, exactly as its van-ban.json holds it. */
  add(record: Directive & { body: string }): void {
    const row: DirectiveRow = { ...record, url: this.pageUrl(directivePath(record.id)) };
    this.problems.push(...listSeparatorProblems(record));
    this.csv.write(csvLine(csvCells(DIRECTIVE_COLUMNS, row)));
    this.jsonl.write(`${JSON.stringify(record)}\n`);
    this.tables.addDirective(row);
    const { id, doc_number, date_issued, issuer_level, province, district, cited } = record;
    this.entries.push({ id, doc_number, date_issued, issuer_level, province, district, cited });
  }

  finish(): BulkResult {
    const references = referenceRows(this.entries, this.pageUrl);
    const counts = new Map<string, number>();
    for (const e of this.entries) if (e.province !== null) counts.set(e.province, (counts.get(e.province) ?? 0) + 1);
    const provinces = provinceRows(counts);
    const refs = new CountedFile(this.io, BULK_FILES.referencesCsv);
    refs.write(header(REFERENCE_COLUMNS));
    for (const r of references) refs.write(csvLine(csvCells(REFERENCE_COLUMNS, r)));
    const tinh = new CountedFile(this.io, BULK_FILES.provincesCsv);
    tinh.write(header(PROVINCE_COLUMNS));
    for (const p of provinces) tinh.write(csvLine(csvCells(PROVINCE_COLUMNS, p)));
    const { fullText } = this.tables.finish(references, provinces, CODEBOOK);
    const files = [this.csv.close(), this.jsonl.close(), refs.close(), tinh.close(), summaryOf(BULK_FILES.sqlite, this.database.close())];
    const order = Object.values(BULK_FILES) as BulkFileName[];
    files.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
    return { files, directives: this.entries.length, fullText, problems: this.problems };
  }
}
