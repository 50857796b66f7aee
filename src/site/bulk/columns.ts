/**
 * The columns of the bulk data's tables (van-ban, dan-chieu, tinh), each with its description for
 * the codebook, its kind, and how CSV and SQLite write its value. The directive table's columns are
 * the schema's fields (src/shared/schema.ts, where each is described) plus the permalink and, in
 * the SQLite file and the JSON Lines, the body.
 */
import type { z } from 'astro/zod';
import { CITED_DOC_TYPES, CITED_SCOPES, DIRECTIVE_FIELDS, directiveSchema, fieldDoc, isoDate, TEXT_SOURCES, type CitedDocument, type Directive, type FieldDoc } from '../../shared/schema.ts';
import { LIST_SEPARATOR } from './csv.ts';

/**
 * text and date: a string; enum: one of `values`; list: strings (CSV joins them with
 * LIST_SEPARATOR, SQLite keeps a JSON array); notes: `{ field, from | note }` objects (CSV writes
 * each as "field: text"); records: objects with fields of their own (`cited`), a JSON array in
 * SQLite and JSON, and in CSV one row each of a table of their own; integer; url.
 */
export type ColumnKind = 'text' | 'date' | 'enum' | 'list' | 'notes' | 'records' | 'integer' | 'url';

export interface Column<Row> {
  name: string;
  doc: FieldDoc;
  kind: ColumnKind;
  /** Whether the value can be unknown (null). */
  nullable: boolean;
  /** The allowed values of an enum. */
  values?: readonly string[];
  get: (row: Row) => unknown;
}

type Note = { field: string; from?: string; note?: string };

/** A note of `inferred` or `curated` as one CSV item: "province: tên các huyện …". */
export const noteText = (n: Note): string => `${n.field}: ${n.from ?? n.note ?? ''}`;

/** Fields whose items are records of their own (the cited documents), rather than notes. */
const RECORD_FIELDS: ReadonlySet<string> = new Set(['cited']);

/** The kind of a schema field, read from its zod definition. */
export function kindOf(schema: z.ZodType): Pick<Column<unknown>, 'kind' | 'nullable' | 'values'> {
  const def = schema._zod.def as { type: string; innerType?: z.ZodType; element?: z.ZodType; entries?: Record<string, string> };
  if (def.type === 'nullable') return { ...kindOf(def.innerType!), nullable: true };
  if (def.type === 'enum') return { kind: 'enum', nullable: false, values: Object.values(def.entries!) };
  if (def.type === 'array') return { kind: (def.element!._zod.def as { type: string }).type === 'object' ? 'notes' : 'list', nullable: false };
  return { kind: schema === isoDate ? 'date' : 'text', nullable: false };
}

/** A directive's record as the build reads it: its frontmatter, its body and its permalink. */
export type DirectiveRow = Directive & { body: string; url: string };

const URL_DOC: FieldDoc = {
  en: 'The permalink: the address of the directive\'s page, for citing and for joining with other data.',
  label: 'đường dẫn cố định',
  vi: 'Đường dẫn cố định tới trang văn bản, để trích dẫn và để nối với dữ liệu khác.',
  example: 'https://…/van-ban/kon-tum/2021-07-21-235-cv-tu/',
};

const BODY_DOC: FieldDoc = {
  en: 'The body (between the header and the signature block) as Markdown whose only markup is emphasis; in the SQLite file and the JSON Lines only (a spreadsheet cell holds at most 32,767 characters).',
  label: 'nội dung',
  vi: 'Nội dung văn bản (giữa phần đầu và phần chữ ký), dạng Markdown chỉ có chữ nghiêng/đậm; chỉ có trong tệp SQLite và JSON Lines (một ô bảng tính chứa tối đa 32.767 ký tự).',
  example: 'Hiện nay, dịch COVID-19 đang diễn biến rất phức tạp, …',
};

const fieldColumn = (key: (typeof DIRECTIVE_FIELDS)[number]): Column<DirectiveRow> => ({
  name: key,
  doc: fieldDoc(key),
  ...kindOf(directiveSchema.shape[key]),
  ...(RECORD_FIELDS.has(key) && { kind: 'records' as const }),
  get: (row) => row[key],
});

const urlColumn: Column<DirectiveRow> = { name: 'url', doc: URL_DOC, kind: 'url', nullable: false, get: (row) => row.url };

type Original = NonNullable<Directive['original']>;

/** One part of `original` as a column of its own: a table cell holds one value, and most sources (.txt) have no original. */
const originalColumn = (part: keyof Original, kind: ColumnKind, doc: Omit<FieldDoc, 'label'> & { label: string }, values?: readonly string[]): Column<DirectiveRow> => ({
  name: `original_${part}`,
  doc,
  kind,
  nullable: true,
  ...(values && { values }),
  get: (row) => row.original?.[part] ?? null,
});

/** The original PDF or Word file (schema field `original`), one column per part; empty for a .txt source. */
export const ORIGINAL_COLUMNS: ReadonlyArray<Column<DirectiveRow>> = [
  originalColumn('file', 'text', {
    en: 'File name of the original PDF or Word file (the source); empty for a .txt source.',
    label: 'tệp bản gốc',
    vi: 'Tên tệp bản gốc PDF hoặc Word (tệp nguồn); trống khi nguồn là tệp .txt.',
    example: '012_chi-thi.pdf',
  }),
  originalColumn('media_type', 'text', {
    en: 'Media type of the original: application/pdf, application/vnd.openxmlformats-officedocument.wordprocessingml.document (.docx) or application/msword (.doc).',
    label: 'kiểu tệp bản gốc',
    vi: 'Kiểu tệp của bản gốc (PDF, .docx hoặc .doc).',
    example: 'application/pdf',
  }),
  originalColumn('bytes', 'integer', {
    en: 'Size of the original in bytes.',
    label: 'dung lượng bản gốc',
    vi: 'Dung lượng bản gốc, tính bằng byte.',
    example: '182334',
  }),
  originalColumn('sha256', 'text', {
    en: 'SHA-256 of the original\'s bytes, lowercase hex (the same as source_sha256).',
    label: 'SHA-256 của bản gốc',
    vi: 'Mã SHA-256 của bản gốc, chữ thường, hệ 16 (trùng source_sha256).',
    example: '9a14c2910c039bc1de26f4ff92bff6e16d4dda806fba19aef39ee7f32f2d6872',
  }),
  originalColumn(
    'text_from',
    'enum',
    {
      en: 'How the text was made from the original: text-layer (the PDF\'s own text), word (the Word file\'s text), ocr (a scan read by Tesseract).',
      label: 'cách lấy văn bản',
      vi: 'Cách lấy văn bản từ bản gốc: text-layer (lớp chữ của PDF), word (chữ của tệp Word), ocr (bản quét đọc bằng Tesseract).',
      example: 'text-layer',
    },
    TEXT_SOURCES,
  ),
];

/** Every field of the schema, in its order, with the permalink after the id and `original` cut into its parts. */
const FIELD_COLUMNS: ReadonlyArray<Column<DirectiveRow>> = DIRECTIVE_FIELDS.flatMap((key) =>
  key === 'id' ? [fieldColumn(key), urlColumn] : key === 'original' ? ORIGINAL_COLUMNS : [fieldColumn(key)],
);

/** van-ban.csv: the fields a cell can hold; the cited documents are rows of dan-chieu.csv instead. */
export const DIRECTIVE_COLUMNS: ReadonlyArray<Column<DirectiveRow>> = FIELD_COLUMNS.filter((c) => c.kind !== 'records');

/** The SQLite table van_ban: every field (the cited documents as a JSON array) and the body. */
export const DIRECTIVE_TABLE_COLUMNS: ReadonlyArray<Column<DirectiveRow>> = [
  ...FIELD_COLUMNS,
  { name: 'body', doc: BODY_DOC, kind: 'text', nullable: false, get: (row) => row.body },
];

/** One document a directive cites, as its text gives it, and where the site sends a reader (dan-chieu.csv). */
export interface ReferenceRow {
  citing_id: string;
  position: number;
  number_as_cited: string;
  number: string;
  type: CitedDocument['type'];
  date: string | null;
  issuer_as_written: string | null;
  scope: CitedDocument['scope'];
  province: string | null;
  district: string | null;
  text: string;
  slug: string;
  matches: number;
  resolved_id: string | null;
  url: string;
}

const col = <Row>(name: keyof Row & string, kind: ColumnKind, nullable: boolean, doc: FieldDoc, values?: readonly string[]): Column<Row> => ({
  name,
  kind,
  nullable,
  doc,
  ...(values && { values }),
  get: (row) => row[name],
});

export const REFERENCE_COLUMNS: ReadonlyArray<Column<ReferenceRow>> = [
  col('citing_id', 'text', false, {
    en: 'Id of the citing directive (its row in van-ban).',
    label: 'mã văn bản dẫn chiếu',
    vi: 'Mã của văn bản có câu dẫn chiếu (một dòng của van-ban).',
    example: 'kon-tum/2021-07-21-235-cv-tu',
  }),
  col('position', 'integer', false, {
    en: 'Order of the cited document in the directive\'s cited list, from 1; with citing_id, the key of the row.',
    label: 'thứ tự',
    vi: 'Thứ tự của văn bản được dẫn chiếu trong danh sách cited của văn bản, từ 1; cùng citing_id là khóa của dòng.',
    example: '1',
  }),
  col('number_as_cited', 'text', false, {
    en: 'The number as the citing text writes it.',
    label: 'số hiệu như trong văn bản',
    vi: 'Số hiệu đúng như văn bản dẫn chiếu viết.',
    example: '135 - TB/TU',
  }),
  col('number', 'text', false, {
    en: 'The cited document\'s canonical number (one of the directive\'s references).',
    label: 'số hiệu',
    vi: 'Số hiệu (đã chuẩn hóa) của văn bản được dẫn chiếu (một mục của references).',
    example: '135-TB/TU',
  }),
  col(
    'type',
    'enum',
    true,
    {
      en: 'Kind of the cited document, from the words before its number ("Thông báo kết luận số" → Thông báo) or else from its code.',
      label: 'loại văn bản',
      vi: 'Loại văn bản được dẫn chiếu, theo chữ đứng trước số hiệu (“Thông báo kết luận số” → Thông báo), nếu không có thì theo ký hiệu.',
      example: 'Thông báo',
    },
    CITED_DOC_TYPES,
  ),
  col('date', 'date', true, {
    en: 'Date of the cited document as the citing text gives it.',
    label: 'ngày ban hành (theo văn bản dẫn chiếu)',
    vi: 'Ngày ban hành của văn bản được dẫn chiếu, theo văn bản dẫn chiếu ghi.',
    example: '2021-05-06',
  }),
  col('issuer_as_written', 'text', true, {
    en: 'Issuer after "của", as the citing text writes it.',
    label: 'cơ quan ban hành (như văn bản ghi)',
    vi: 'Cơ quan ban hành sau chữ “của”, đúng như văn bản dẫn chiếu viết.',
    example: 'Ban Thường vụ Tỉnh ủy',
  }),
  col(
    'scope',
    'enum',
    true,
    {
      en: 'Whose the cited document is: a national body\'s (by its code, e.g. /CT-TTg, -KL/TW, or its issuer\'s words), a province\'s or a district\'s; empty when neither code nor words tell.',
      label: 'phạm vi',
      vi: 'Văn bản được dẫn chiếu thuộc cấp nào: trung ương (theo ký hiệu như /CT-TTg, -KL/TW, hoặc tên cơ quan), tỉnh hay huyện; trống khi ký hiệu và tên cơ quan đều không cho biết.',
      example: 'tỉnh',
    },
    CITED_SCOPES,
  ),
  col('province', 'text', true, {
    en: 'Province of a provincial or district document: the one the citing words name, else the citing directive\'s own; empty for a national one.',
    label: 'tỉnh',
    vi: 'Tỉnh của văn bản cấp tỉnh hoặc cấp huyện: tỉnh mà câu dẫn chiếu nêu, nếu không thì tỉnh của văn bản dẫn chiếu; trống với văn bản trung ương.',
    example: 'Thái Bình',
  }),
  col('district', 'text', true, {
    en: 'District of a district document, as for province; empty otherwise.',
    label: 'huyện',
    vi: 'Huyện của văn bản cấp huyện, xác định như tỉnh; trống với văn bản khác.',
    example: 'Kiến Xương',
  }),
  col('text', 'text', false, {
    en: 'The citing words, from the kind to the issuer.',
    label: 'câu dẫn chiếu',
    vi: 'Câu dẫn chiếu, từ loại văn bản tới cơ quan ban hành.',
    example: 'Thông báo kết luận số 135-TB/TU ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy',
  }),
  col('slug', 'text', false, {
    en: 'Which document it is: rows with the same slug cite the same document (same number and body, and year when the number recurs; docs/architecture.md, "Cited documents"). Its page is /dan-chieu/<slug>/ unless every citation names a directive of the archive.',
    label: 'mã văn bản được dẫn chiếu',
    vi: 'Văn bản nào: các dòng cùng slug dẫn chiếu cùng một văn bản (cùng số hiệu và cơ quan, và năm khi số hiệu lặp lại). Trang của nó là /dan-chieu/<slug>/, trừ khi mọi dẫn chiếu đều chỉ tới một văn bản trong kho.',
    example: '135-tb-tu-thai-binh',
  }),
  col('matches', 'integer', false, {
    en: 'Directives of the archive that fit the citation: same number and body, same date when it gives one, not the citing directive and not dated after it.',
    label: 'số văn bản khớp',
    vi: 'Số văn bản trong kho khớp với dẫn chiếu: cùng số hiệu và cơ quan, cùng ngày nếu có ghi, không phải chính văn bản dẫn chiếu và không ban hành sau nó.',
    example: '1',
  }),
  col('resolved_id', 'text', true, {
    en: 'Id of the cited directive when exactly one fits; empty when none or several do.',
    label: 'mã văn bản được dẫn chiếu trong kho',
    vi: 'Mã của văn bản được dẫn chiếu khi có đúng một văn bản khớp; trống khi không có hoặc có nhiều.',
    example: 'thai-binh/2021-05-06-135-tb-tu',
  }),
  col('url', 'url', false, {
    en: 'Where the site\'s link goes: the permalink of the resolved directive, else the cited document\'s page /dan-chieu/<slug>/.',
    label: 'đường dẫn',
    vi: 'Nơi liên kết trên trang dẫn tới: đường dẫn cố định của văn bản trong kho khi có, nếu không thì trang /dan-chieu/<slug>/ của văn bản được dẫn chiếu.',
    example: 'https://…/dan-chieu/135-tb-tu-thai-binh/',
  }),
];

/** One province of 2020–2022 (tinh.csv). */
export interface ProvinceRow {
  code: string;
  slug: string;
  name: string;
  kind: string;
  name_2025: string;
  slug_2025: string;
  directives: number;
}

export const PROVINCE_COLUMNS: ReadonlyArray<Column<ProvinceRow>> = [
  col('code', 'text', false, { en: 'GSO code of the province, for joining with other data.', label: 'mã tỉnh', vi: 'Mã tỉnh của Tổng cục Thống kê, để nối với dữ liệu khác.', example: '62' }),
  col('slug', 'text', false, { en: 'The province\'s part of the site\'s addresses (/tinh/<slug>/).', label: 'mã địa chỉ', vi: 'Phần địa chỉ của tỉnh trên trang (/tinh/<slug>/).', example: 'kon-tum' }),
  col('name', 'text', false, { en: 'Name in 2020–2022, as the province field of van-ban writes it.', label: 'tên tỉnh', vi: 'Tên giai đoạn 2020–2022, như trường province của van-ban.', example: 'Kon Tum' }),
  col('kind', 'enum', false, { en: 'Province (tỉnh) or centrally governed city (thành phố).', label: 'loại', vi: 'Tỉnh hay thành phố trực thuộc trung ương.', example: 'tỉnh' }, ['tỉnh', 'thành phố']),
  col('name_2025', 'text', false, { en: 'The provincial unit it belongs to since 1 July 2025.', label: 'tỉnh, thành phố từ 1/7/2025', vi: 'Đơn vị cấp tỉnh mà tỉnh này thuộc về từ ngày 1/7/2025.', example: 'Quảng Ngãi' }),
  col('slug_2025', 'text', false, { en: 'Slug of name_2025.', label: 'mã địa chỉ từ 1/7/2025', vi: 'Mã địa chỉ của name_2025.', example: 'quang-ngai' }),
  col('directives', 'integer', false, { en: 'Directives of the archive whose province it is.', label: 'số văn bản', vi: 'Số văn bản trong kho thuộc tỉnh này.', example: '1' }),
];

/** A value as a CSV cell: unknown is empty; list items joined by LIST_SEPARATOR. */
export function csvCell(column: Column<never>, value: unknown): string {
  if (value === null || value === undefined) return '';
  if (column.kind === 'list') return (value as string[]).join(LIST_SEPARATOR);
  if (column.kind === 'notes') return (value as Note[]).map(noteText).join(LIST_SEPARATOR);
  if (column.kind === 'records') return JSON.stringify(value);
  return String(value);
}

/** A value as SQLite stores it: unknown is NULL; lists and notes are JSON arrays. */
export function sqlValue(column: Column<never>, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'list' || column.kind === 'notes' || column.kind === 'records') return JSON.stringify(value);
  if (column.kind === 'integer') return value as number;
  return String(value);
}

export const csvCells = <Row>(columns: ReadonlyArray<Column<Row>>, row: Row): string[] => columns.map((c) => csvCell(c as Column<never>, c.get(row)));
export const sqlValues = <Row>(columns: ReadonlyArray<Column<Row>>, row: Row): Array<string | number | null> => columns.map((c) => sqlValue(c as Column<never>, c.get(row)));

/**
 * Every list item of a directive that contains LIST_SEPARATOR, one line each, naming the source, the
 * permalink, the field and the item, with the fix. A split on the separator would cut such a value
 * in two, so the build refuses it rather than write a CSV that lies.
 */
export function listSeparatorProblems(row: Directive): string[] {
  const out: string[] = [];
  for (const column of DIRECTIVE_COLUMNS) {
    if (column.kind !== 'list' && column.kind !== 'notes') continue;
    const items = column.get(row as DirectiveRow) as Array<string | Note>;
    items.forEach((item, i) => {
      const text = typeof item === 'string' ? item : noteText(item);
      if (text.includes(LIST_SEPARATOR)) {
        out.push(
          `${row.source_file} (/van-ban/${row.id}/) → ${column.name}[${i}]: contains "${LIST_SEPARATOR}", which joins list items in the bulk CSV: ${JSON.stringify(text)}; ` +
            `set the field without it in content/curation/${row.source_file.replace(/\.txt$/, '')}.yml (docs/curating.md)`,
        );
      }
    });
  }
  return out;
}
