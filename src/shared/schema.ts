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

export const directiveSchema = z
  .object({
    /** Permalink id, stable forever once published (see content/permalinks.json). */
    id: permalinkId,
    /** Display title built from what is known (type, number, issuer, subject). */
    title: text,
    /** Canonical number (số hiệu), e.g. "235-CV/TU", "05/CĐ-UBND"; null when unnumbered. */
    doc_number: maybe,
    /** The number exactly as printed, e.g. "SỐ 62 -CV/TU". */
    doc_number_raw: maybe,
    /** Kind of document (loại văn bản), from the number's code or the title line. */
    doc_type: z.enum(DOC_TYPES).nullable(),
    /** Issuing body (cơ quan ban hành), modern tone placement: "Tỉnh ủy Kon Tum". */
    issuer: maybe,
    /** Parent body printed above the issuer, e.g. "Đảng bộ tỉnh Thái Bình". */
    parent_issuer: maybe,
    /** Level of the issuer (cấp). */
    issuer_level: z.enum(ISSUER_LEVELS).nullable(),
    /** Province as named in 2020–2022, without "Tỉnh"/"Thành phố": "Thừa Thiên Huế", "Hà Nội". */
    province: maybe,
    /** Provincial unit since the 1 July 2025 merger (one of 34). */
    province_2025: maybe,
    /** District (huyện) for district-level issuers, without "Huyện"/"Quận"/…: "Kiến Xương". */
    district: maybe,
    /** Place name of the date line (địa danh), e.g. "Kon Tum". */
    place: maybe,
    /** Date of issue (ngày ban hành), YYYY-MM-DD. */
    date_issued: isoDate.nullable(),
    /** Subject (trích yếu) without "V/v" / "Về việc". */
    subject: maybe,
    /** Addressees (Kính gửi). */
    recipients: z.array(text),
    /** Copy list (Nơi nhận). */
    cc: z.array(text),
    /** Signing authority (thẩm quyền ký): "T/M Ban Thường vụ", "K/T Chủ tịch", … */
    signing_authority: maybe,
    /** Signer's title (chức vụ), e.g. "Phó Bí thư Thường trực". */
    signer_title: maybe,
    /** Signer's name (người ký). */
    signer_name: maybe,
    /** Canonical numbers of documents the text cites (văn bản dẫn chiếu), never its own. */
    references: z.array(text),
    /** Named principles and slogans it invokes (phương châm), canonical names from content/principles.yml. */
    principles: z.array(text),
    /** Source file name in content/sources/. */
    source_file: text,
    /** SHA-256 of the source file's bytes, lowercase hex. */
    source_sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lowercase hex digits'),
    /** The original PDF or Word file, when the source is one; absent for a `.txt` source. */
    original: originalFile.optional(),
    /** Other source files of the same directive (same issuer, number and date). */
    duplicate_sources: z.array(text),
    /** Fields inferred rather than read, and from what. */
    inferred: z.array(inferredNote),
    /** Notes for readers, in Vietnamese ("Văn bản gốc bị cắt cụt"). */
    warnings: z.array(text),
    /** Fields set by a curator, with the curator's source. */
    curated: z.array(curatedNote),
  })
  .strict();

export type Directive = z.infer<typeof directiveSchema>;
export type DirectiveField = keyof Directive;
export const DIRECTIVE_FIELDS = Object.keys(directiveSchema.shape) as DirectiveField[];

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
