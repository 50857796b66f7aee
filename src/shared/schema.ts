/**
 * The one schema of a directive's frontmatter (văn bản chỉ đạo).
 * `scripts/ingest` validates what it writes against it and `src/content.config.ts`
 * validates what the site reads, so the two can never disagree.
 * Unknown facts are `null` (or `[]`), never guessed.
 */
import { z } from 'astro/zod';

/** A non-empty, trimmed line of text. */
const text = z.string().trim().min(1);
/** Text, or null when the directive does not say it. */
const maybe = text.nullable();
/** A calendar date as YYYY-MM-DD, checked to exist (no 2021-02-30). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'expected YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

/**
 * Permalink id: lowercase ASCII words joined by "-", segments joined by "/", e.g.
 * `kon-tum/2021-07-21-235-cv-tu`. The one rule for an id wherever it is written or read (a
 * directive, a curator's `id:`, every entry of content/permalinks.json, the site's redirects): with
 * no ".", "..", leading "/", scheme or other character, /van-ban/<id>/ always stays inside the site;
 * at most PERMALINK_ID_MAX characters, so every folder of its page fits a file name (255 bytes).
 */
const PERMALINK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;
export const PERMALINK_ID_MAX = 200;
const PERMALINK_ID_EXPECTED = 'expected lowercase ASCII words joined by "-" and "/"';
const PERMALINK_ID_TOO_LONG = `expected at most ${PERMALINK_ID_MAX} characters`;
export const permalinkId = z.string().max(PERMALINK_ID_MAX, PERMALINK_ID_TOO_LONG).regex(PERMALINK_ID, PERMALINK_ID_EXPECTED);

/** The same rule outside a schema: null for a permalink id, else what is wrong, with the value. */
export function permalinkIdProblem(value: unknown): string | null {
  if (typeof value === 'string' && value.length > PERMALINK_ID_MAX) return `${PERMALINK_ID_TOO_LONG}, got ${value.length}`;
  if (typeof value === 'string' && PERMALINK_ID.test(value)) return null;
  return `${PERMALINK_ID_EXPECTED}, got ${JSON.stringify(value) ?? String(value)}`;
}

/** Kinds of document (loại văn bản). */
export const DOC_TYPES = [
  'Công văn',
  'Chỉ thị',
  'Thông báo',
  'Kết luận',
  'Công điện',
  'Nghị quyết',
  'Quyết định',
  'Kế hoạch',
  'Hướng dẫn',
  'Báo cáo',
  'Tờ trình',
  'Quy định',
] as const;

/** Level of the issuing body (cấp ban hành). */
export const ISSUER_LEVELS = ['trung ương', 'tỉnh', 'huyện', 'xã', 'khối'] as const;

/**
 * Kinds of document a directive may cite: its own kinds and the legal documents above them
 * (Nghị định 30/2020/NĐ-CP, Thông tư 25/2020/TT-BYT, Luật Phòng, chống bệnh truyền nhiễm).
 */
export const CITED_DOC_TYPES = [...DOC_TYPES, 'Nghị định', 'Thông tư', 'Luật', 'Pháp lệnh'] as const;

/** Whose a cited document is (phạm vi): a national body, a province's, or a district's. */
export const CITED_SCOPES = ['trung ương', 'tỉnh', 'huyện'] as const;

/**
 * One document the text cites (văn bản dẫn chiếu): what the citing words say, and the body the
 * number resolves to. What the words do not say stays null; rules in docs/architecture.md ("Cited documents").
 */
export const citedDocument = z
  .object({
    /** Canonical number, as in `references`: "16/CT-TTg", "135-TB/TU", "05/CĐ-UBND". */
    number: text,
    /** The number as the citing text writes it: "135 - TB/TU". */
    number_as_written: text,
    /** Kind, from the words before the number ("Thông báo kết luận" → Thông báo) or else from its code; null when neither tells. */
    type: z.enum(CITED_DOC_TYPES).nullable(),
    /** Date of the cited document as the citing text gives it ("ngày 31-3-2020" → 2020-03-31); null when it gives none. */
    date: isoDate.nullable(),
    /** Issuer after "của", as written: "Thủ tướng Chính phủ", "Ban Thường vụ Tỉnh ủy", "Ủy ban nhân dân Tỉnh"; null when not written. */
    issuer_as_written: maybe,
    /** Level of the cited document's issuer, from its number's code and the issuer's words; null when neither tells. */
    scope: z.enum(CITED_SCOPES).nullable(),
    /** Province of a provincial or district issuer: the one the citing words name, else the citing directive's own; null for a national one or when unknown. */
    province: maybe,
    /** District of a district issuer: the one the citing words name, else the citing directive's own; null otherwise or when unknown. */
    district: maybe,
    /** True when the citing words name the province or district ("của Tỉnh ủy Gia Lai"); false when they are the citing directive's own, or for a national document. */
    place_from_text: z.boolean(),
    /** The citing words, from the kind to the issuer: "Chỉ thị số 16/CT-TTg, ngày 31-3-2020 của Thủ tướng Chính phủ". */
    text: text,
  })
  .strict();

export type CitedDocument = z.infer<typeof citedDocument>;

/** Fields a provenance note (inferred / curated) may name. */
const fieldName = text;

/** A field that was inferred rather than read, and from what (in Vietnamese, for readers). */
const inferredNote = z.object({
  /** The frontmatter key. */
  field: fieldName,
  /** What it was inferred from, e.g. "tên các huyện trong văn bản: Ayun Pa, Ia Pa". */
  from: text,
});

/** A field set by a curator in `content/curation/<source>.yml`, and the curator's source for it. */
const curatedNote = z.object({
  /** The frontmatter key. */
  field: fieldName,
  /** Where the fact comes from, in the curator's words. */
  note: text,
});

/** How a source's text was made (scripts/ingest/originals/formats.ts, TEXT_FROM). */
export const TEXT_SOURCES = ['text', 'text-layer', 'word', 'ocr'] as const;

/**
 * The original file a directive's text was read from, when it is a PDF or Word document (bản gốc):
 * kept byte for byte and served beside the transcription. A `.txt` source has none: the text is
 * the source itself (`source_file`, `source_sha256`).
 */
const originalFile = z
  .object({
    /** Its file name in content/sources/ (the same as `source_file`). */
    file: text,
    /** Its media type: "application/pdf", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" (.docx), "application/msword" (.doc). */
    media_type: text,
    /** Its size in bytes. */
    bytes: z.number().int().positive(),
    /** SHA-256 of its bytes, lowercase hex (the same as `source_sha256`). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
    /** How the text was read from it: "text-layer" (the PDF's own text), "word" (the Word file's text), "ocr" (a scan read by Tesseract), "text". */
    text_from: z.enum(TEXT_SOURCES),
  })
  .strict();

/**
 * How a field is described to people, kept on the field itself (zod metadata) so this schema stays
 * the one place a field is documented: the bulk data's codebook on /du-lieu/
 * (src/site/bulk/codebook.ts) and the feeds' "what changed" read it from here.
 */
export interface FieldDoc {
  /** Meaning in English; also the field's documentation for developers. */
  en: string;
  /** Short Vietnamese name, as a reader would say it: "ngày ban hành". */
  label: string;
  /** Meaning in Vietnamese. */
  vi: string;
  /** An example value, as the CSV writes it (lists joined by "|"). */
  example: string;
}

const field = <T extends z.ZodType>(schema: T, doc: FieldDoc): T => schema.meta({ description: doc.en, codebook: doc });

export const directiveSchema = z
  .object({
    id: field(permalinkId, {
      en: 'Permalink id, stable forever once published (see content/permalinks.json).',
      label: 'mã đường dẫn',
      vi: 'Mã đường dẫn cố định của văn bản, không bao giờ đổi sau khi công bố: /van-ban/<mã>/.',
      example: 'kon-tum/2021-07-21-235-cv-tu',
    }),
    title: field(text, {
      en: 'Display title built from what is known (type, number, issuer, subject).',
      label: 'tiêu đề',
      vi: 'Tiêu đề hiển thị, ghép từ những gì đã biết (loại, số hiệu, cơ quan ban hành, trích yếu).',
      example: 'Công văn 235-CV/TU của Tỉnh ủy Kon Tum về tăng cường các biện pháp cấp bách phòng, chống dịch COVID-19',
    }),
    doc_number: field(maybe, {
      en: 'Canonical number (số hiệu), e.g. "235-CV/TU", "05/CĐ-UBND"; null when unnumbered.',
      label: 'số hiệu',
      vi: 'Số hiệu đã chuẩn hóa; trống khi văn bản không ghi số.',
      example: '235-CV/TU',
    }),
    doc_number_raw: field(maybe, {
      en: 'The number exactly as printed, e.g. "SỐ 62 -CV/TU".',
      label: 'số hiệu như in',
      vi: 'Số hiệu đúng như in trên văn bản, sau chữ “Số”.',
      example: '114 -CV/HU',
    }),
    doc_type: field(z.enum(DOC_TYPES).nullable(), {
      en: 'Kind of document (loại văn bản), from the number\'s code or the title line.',
      label: 'loại văn bản',
      vi: 'Loại văn bản, theo ký hiệu trong số hiệu hoặc dòng tên loại.',
      example: 'Công văn',
    }),
    issuer: field(maybe, {
      en: 'Issuing body (cơ quan ban hành), modern tone placement: "Tỉnh ủy Kon Tum".',
      label: 'cơ quan ban hành',
      vi: 'Cơ quan ban hành, viết theo cách đặt dấu thanh hiện hành.',
      example: 'Tỉnh ủy Kon Tum',
    }),
    parent_issuer: field(maybe, {
      en: 'Parent body printed above the issuer, e.g. "Đảng bộ tỉnh Thái Bình".',
      label: 'cơ quan cấp trên',
      vi: 'Cơ quan cấp trên in phía trên tên cơ quan ban hành.',
      example: 'Đảng bộ tỉnh Thái Bình',
    }),
    issuer_level: field(z.enum(ISSUER_LEVELS).nullable(), {
      en: 'Level of the issuer (cấp).',
      label: 'cấp ban hành',
      vi: 'Cấp của cơ quan ban hành.',
      example: 'tỉnh',
    }),
    province: field(maybe, {
      en: 'Province as named in 2020–2022, without "Tỉnh"/"Thành phố": "Thừa Thiên Huế", "Hà Nội".',
      label: 'tỉnh, thành phố',
      vi: 'Tỉnh, thành phố theo địa giới 2020–2022, không kèm chữ “Tỉnh”/“Thành phố”.',
      example: 'Kon Tum',
    }),
    province_2025: field(maybe, {
      en: 'Provincial unit since the 1 July 2025 merger (one of 34).',
      label: 'tỉnh, thành phố từ 1/7/2025',
      vi: 'Đơn vị cấp tỉnh từ ngày 1/7/2025, sau sắp xếp (một trong 34).',
      example: 'Quảng Ngãi',
    }),
    district: field(maybe, {
      en: 'District (huyện) for district-level issuers, without "Huyện"/"Quận"/…: "Kiến Xương".',
      label: 'huyện',
      vi: 'Huyện, quận, thị xã của cơ quan cấp huyện, không kèm chữ “Huyện”/“Quận”/…',
      example: 'Kiến Xương',
    }),
    place: field(maybe, {
      en: 'Place name of the date line (địa danh), e.g. "Kon Tum".',
      label: 'địa danh',
      vi: 'Địa danh ghi ở dòng ngày tháng.',
      example: 'Kon Tum',
    }),
    date_issued: field(isoDate.nullable(), {
      en: 'Date of issue (ngày ban hành), YYYY-MM-DD.',
      label: 'ngày ban hành',
      vi: 'Ngày ban hành, dạng YYYY-MM-DD.',
      example: '2021-07-21',
    }),
    subject: field(maybe, {
      en: 'Subject (trích yếu) without "V/v" / "Về việc".',
      label: 'trích yếu',
      vi: 'Trích yếu nội dung, bỏ “V/v”, “Về việc”.',
      example: 'tăng cường các biện pháp cấp bách phòng, chống dịch COVID-19',
    }),
    recipients: field(z.array(text), {
      en: 'Addressees (Kính gửi).',
      label: 'nơi gửi',
      vi: 'Danh sách nơi gửi (Kính gửi).',
      example: 'Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh|Các sở, ban, ngành, đoàn thể tỉnh',
    }),
    cc: field(z.array(text), {
      en: 'Copy list (Nơi nhận).',
      label: 'nơi nhận',
      vi: 'Danh sách nơi nhận.',
      example: 'Như trên|Lưu Văn phòng Tỉnh ủy',
    }),
    signing_authority: field(maybe, {
      en: 'Signing authority (thẩm quyền ký): "T/M Ban Thường vụ", "K/T Chủ tịch", …',
      label: 'thẩm quyền ký',
      vi: 'Thẩm quyền ký: “T/M Ban Thường vụ”, “K/T Chủ tịch”, …',
      example: 'T/L Ban Thường vụ',
    }),
    signer_title: field(maybe, {
      en: 'Signer\'s title (chức vụ), e.g. "Phó Bí thư Thường trực".',
      label: 'chức vụ người ký',
      vi: 'Chức vụ của người ký.',
      example: 'Chánh Văn phòng',
    }),
    signer_name: field(maybe, {
      en: 'Signer\'s name (người ký).',
      label: 'người ký',
      vi: 'Họ tên người ký.',
      example: 'Thái Văn Tưởng',
    }),
    references: field(z.array(text), {
      en: 'Canonical numbers of documents the text cites (văn bản dẫn chiếu), never its own.',
      label: 'văn bản dẫn chiếu',
      vi: 'Số hiệu (đã chuẩn hóa) của các văn bản được dẫn chiếu trong nội dung, không gồm số của chính văn bản.',
      example: '15/CT-TTg|135-TB/TU',
    }),
    cited: field(z.array(citedDocument), {
      en: 'Each cited document as the text gives it: number (canonical and as written), type, date, issuer as written, the citing words, and whose it is (scope: trung ương, tỉnh, huyện; province; district); `references` lists the same numbers. One row each in dan-chieu.',
      label: 'văn bản dẫn chiếu (chi tiết)',
      vi: 'Từng văn bản được dẫn chiếu như văn bản ghi: số hiệu (chuẩn hóa và như trong văn bản), loại, ngày, cơ quan ban hành như văn bản ghi, câu dẫn chiếu, và thuộc về đâu (phạm vi: trung ương, tỉnh, huyện; tỉnh; huyện); references là danh sách số hiệu của chúng. Mỗi văn bản là một dòng của dan-chieu.',
      example: '[{"number":"15/CT-TTg","type":"Chỉ thị","date":"2020-03-27",…}]',
    }),
    principles: field(z.array(text), {
      en: 'Named principles and slogans it invokes (phương châm), canonical names from content/principles.yml.',
      label: 'phương châm',
      vi: 'Các phương châm, khẩu hiệu được nêu, theo tên chuẩn trong content/principles.yml.',
      example: '4 tại chỗ|chống dịch như chống giặc',
    }),
    source_file: field(text, {
      en: 'Source file name in content/sources/.',
      label: 'tệp nguồn',
      vi: 'Tên tệp nguồn trong content/sources/.',
      example: '000_4711a643476f2105.txt',
    }),
    source_sha256: field(z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'), {
      en: 'SHA-256 of the source file\'s bytes, lowercase hex.',
      label: 'mã SHA-256 của tệp nguồn',
      vi: 'Mã SHA-256 của các byte tệp nguồn, chữ thường, hệ 16.',
      example: '9a14c2910c039bc1de26f4ff92bff6e16d4dda806fba19aef39ee7f32f2d6872',
    }),
    original: field(originalFile.optional(), {
      en: 'The original PDF or Word file the text was read from (file, media type, bytes, SHA-256, how the text was made); absent for a .txt source.',
      label: 'bản gốc',
      vi: 'Tệp gốc PDF hoặc Word mà văn bản được đọc ra (tên tệp, kiểu tệp, dung lượng, SHA-256, cách lấy văn bản); không có khi nguồn là tệp .txt.',
      example: 'application/pdf',
    }),
    duplicate_sources: field(z.array(text), {
      en: 'Other source files of the same directive (same issuer, number and date).',
      label: 'bản nguồn trùng',
      vi: 'Các tệp nguồn khác của cùng văn bản (cùng cơ quan, số hiệu và ngày).',
      example: '001_67b6119d1876043e.txt',
    }),
    inferred: field(z.array(inferredNote), {
      en: 'Fields inferred rather than read, and from what.',
      label: 'thông tin suy luận',
      vi: 'Các trường được suy luận chứ không đọc trực tiếp, và căn cứ suy luận.',
      example: 'province: tên các huyện, thị xã nhắc trong văn bản: Ayun Pa, Ia Pa, Krông Pa, Phú Thiện',
    }),
    warnings: field(z.array(text), {
      en: 'Notes for readers, in Vietnamese ("Văn bản gốc bị cắt cụt").',
      label: 'lưu ý',
      vi: 'Lưu ý cho người đọc.',
      example: 'Văn bản không ghi số và ngày ban hành',
    }),
    curated: field(z.array(curatedNote), {
      en: 'Fields set by a curator, with the curator\'s source.',
      label: 'biên tập bổ sung',
      vi: 'Các trường do biên tập viên sửa hoặc bổ sung, kèm ghi chú nguồn.',
      example: 'date_issued: Ngày ghi trên bản lưu tại Văn phòng Tỉnh ủy Gia Lai',
    }),
  })
  .strict();

export type Directive = z.infer<typeof directiveSchema>;
export type DirectiveField = keyof Directive;
export const DIRECTIVE_FIELDS = Object.keys(directiveSchema.shape) as DirectiveField[];

/** A field's description (FieldDoc), from the schema. */
export const fieldDoc = (key: DirectiveField): FieldDoc => directiveSchema.shape[key].meta()!.codebook as FieldDoc;

/**
 * One line per problem, naming where the value came from and the field:
 * `source 002_….txt → date_issued: expected YYYY-MM-DD, got "21/13/2021"`, or, for a field a
 * curator set, the curation file (`whereOf` says which fields came from where).
 */
export function formatSchemaError(source: string, error: z.ZodError, data: unknown, whereOf: (field: string) => string = () => `source ${source}`): string[] {
  return error.issues.map((issue) => {
    const path = issue.path.join('.') || '(frontmatter)';
    const got = valueAt(data, issue.path);
    const shown = got === undefined ? '' : `, got ${JSON.stringify(got)}`;
    return `${whereOf(String(issue.path[0] ?? ''))} → ${path}: ${issue.message}${shown}`;
  });
}

function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let at: unknown = data;
  for (const key of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[key];
  }
  return at;
}
