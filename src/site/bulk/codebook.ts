/**
 * The codebook of the bulk data, for the data page (/du-lieu/) and the SQLite file's own `codebook`
 * table: every column of every table, with its meaning in Vietnamese and English, its type, an
 * example and how an unknown value is written. Built from the columns (columns.ts), whose
 * directive fields are described in the schema itself (src/shared/schema.ts).
 */
import { BULK_FILES, type BulkFileName } from '../routes.ts';
import { DIRECTIVE_TABLE_COLUMNS, PROVINCE_COLUMNS, REFERENCE_COLUMNS, type Column } from './columns.ts';
import { LIST_SEPARATOR } from './csv.ts';

export interface CodebookEntry {
  column: string;
  label: string;
  vi: string;
  en: string;
  typeVi: string;
  typeEn: string;
  example: string;
  unknownVi: string;
  unknownEn: string;
}

export interface CodebookTable {
  /** The SQLite table. */
  table: string;
  /** The CSV (or, for van_ban's body, the JSON Lines) file that holds the same rows. */
  file: BulkFileName;
  entries: CodebookEntry[];
}

const TYPES: Record<Column<never>['kind'], [vi: string, en: string]> = {
  text: ['văn bản', 'text'],
  date: ['ngày, YYYY-MM-DD', 'date, YYYY-MM-DD'],
  enum: ['một trong các giá trị', 'one of'],
  list: [`danh sách: trong CSV các mục nối bằng “${LIST_SEPARATOR}”, trong SQLite là mảng JSON`, `list: in the CSV, items joined by "${LIST_SEPARATOR}"; in SQLite, a JSON array`],
  notes: [
    `danh sách “trường: ghi chú”: trong CSV nối bằng “${LIST_SEPARATOR}”, trong SQLite là mảng JSON các đối tượng`,
    `list of "field: note": in the CSV joined by "${LIST_SEPARATOR}"; in SQLite, a JSON array of objects`,
  ],
  records: [
    'danh sách đối tượng: trong SQLite và JSON là mảng JSON; trong CSV mỗi đối tượng là một dòng của dan-chieu.csv, không có cột này',
    'list of objects: in SQLite and JSON, a JSON array; in CSV, each object is a row of dan-chieu.csv, and this column is left out',
  ],
  integer: ['số nguyên', 'integer'],
  url: ['địa chỉ URL', 'URL'],
};

function unknownOf(c: Column<never>): [vi: string, en: string] {
  if (c.nullable) return ['ô trống (CSV), NULL (SQLite), null (JSON)', 'empty (CSV), NULL (SQLite), null (JSON)'];
  if (c.kind === 'list' || c.kind === 'notes' || c.kind === 'records') return ['ô trống (CSV), [] (SQLite, JSON): không có mục nào', 'empty (CSV), [] (SQLite, JSON): no items'];
  return ['luôn có giá trị', 'always present'];
}

export function codebookEntry(c: Column<never>): CodebookEntry {
  const [typeVi, typeEn] = TYPES[c.kind];
  const values = c.values ? `: ${c.values.join('; ')}` : '';
  const [unknownVi, unknownEn] = unknownOf(c);
  return { column: c.name, label: c.doc.label, vi: c.doc.vi, en: c.doc.en, typeVi: typeVi + values, typeEn: typeEn + values, example: c.doc.example, unknownVi, unknownEn };
}

const entries = <Row>(columns: ReadonlyArray<Column<Row>>): CodebookEntry[] => columns.map((c) => codebookEntry(c as unknown as Column<never>));

export const CODEBOOK: readonly CodebookTable[] = [
  { table: 'van_ban', file: BULK_FILES.directivesCsv, entries: entries(DIRECTIVE_TABLE_COLUMNS) },
  { table: 'dan_chieu', file: BULK_FILES.referencesCsv, entries: entries(REFERENCE_COLUMNS) },
  { table: 'tinh', file: BULK_FILES.provincesCsv, entries: entries(PROVINCE_COLUMNS) },
];
