/**
 * Step 0.5: a source that is a document (PDF, Word) → its text, read by a well-kept library
 * (unpdf/PDF.js, mammoth, word-extractor; docs/decisions/0033-original-files.md), plus what the
 * record says of the original. The text then goes through the same pipeline as a `.txt`. A file
 * that cannot be read is rejected with the reason; reading is bounded by size and time.
 */
import { sha256 } from '../extract.ts';
import { formatOf, isDocument, MAX_OCR_PAGES, READ_TIMEOUT_MS, type SourceFormat, type TextFrom } from './formats.ts';
import { hasUsableTextLayer, readPdfText } from './pdf.ts';
import { wordDocText, wordHtmlToText } from './word-html.ts';
import { looksLegacy, repairLegacyTextLayer } from './legacy-text-layer.ts';
import type { OcrResult } from './ocr.ts';

/** What the record keeps of an original file (schema.ts, `original`). */
export interface OriginalInfo {
  file: string;
  media_type: string;
  bytes: number;
  sha256: string;
  text_from: TextFrom;
}

/** Low-confidence OCR lines quoted on the page, at most: past that, the count says the rest. */
const MAX_FLAGGED_LINES = 20;

export type DocumentText =
  /** `warnings`: notes for the page (OCR, converted font), in Vietnamese. */
  | { ok: true; text: string; original: OriginalInfo; warnings: string[] }
  | { ok: false; reason: string };

/** Reads a scanned PDF's pages by OCR; null when no OCR engine is installed. */
export type OcrReader = ((bytes: Uint8Array, pages: number) => Promise<OcrResult>) | null;

export interface ReadDeps {
  ocr: OcrReader;
  /** Longest time per file (tests shorten it). */
  timeoutMs?: number;
}

/** The text of one document source, or why not. `name` decides the format. */
export async function readDocument(name: string, bytes: Uint8Array, deps: ReadDeps): Promise<DocumentText> {
  const format = formatOf(name);
  if (!format || !isDocument(format)) return { ok: false, reason: `not a document format: ${name}` };
  if (bytes.length === 0) return { ok: false, reason: `empty file (0 bytes), not a ${format.label} document` };
  if (bytes.length > format.maxBytes) {
    return { ok: false, reason: `file is ${bytes.length} bytes, over the ${format.maxBytes}-byte limit for a ${format.extension} source (one directive); split it or reduce its images` };
  }
  const original = (text_from: TextFrom): OriginalInfo => ({ file: name, media_type: format.mediaType, bytes: bytes.length, sha256: sha256(bytes), text_from });
  const timeout = deps.timeoutMs ?? READ_TIMEOUT_MS;
  switch (format.extension) {
    case '.docx':
      return withTimeout(readDocx(bytes, original), timeout, format);
    case '.doc':
      return withTimeout(readDoc(bytes, original), timeout, format);
    default:
      return readPdf(bytes, deps, original, timeout);
  }
}

async function readDocx(bytes: Uint8Array, original: (t: TextFrom) => OriginalInfo): Promise<DocumentText> {
  let html: string;
  try {
    // Loaded when a Word file is read: a batch of .txt sources (and every extract worker) never pays for it.
    const { default: mammoth } = await import('mammoth');
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    return { ok: false, reason: `not a readable Word (.docx) file (${(e as Error).message}); open it in Word or LibreOffice and save it again as .docx` };
  }
  return withText(wordHtmlToText(html), original('word'), []);
}

async function readDoc(bytes: Uint8Array, original: (t: TextFrom) => OriginalInfo): Promise<DocumentText> {
  let body: string;
  try {
    const { default: WordExtractor } = await import('word-extractor');
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    const boxes = doc.getTextboxes({ includeHeadersAndFooters: false, includeBody: true }).trim();
    body = boxes === '' ? doc.getBody() : `${doc.getBody()}\n${boxes}`;
  } catch (e) {
    return { ok: false, reason: `not a readable Word 97–2003 (.doc) file (${(e as Error).message}); open it in Word or LibreOffice and save it again as .docx` };
  }
  return withText(wordDocText(body), original('word'), []);
}

/** The text layer is read within the time limit; OCR, when needed, is limited per page (ocr.ts). */
async function readPdf(bytes: Uint8Array, deps: ReadDeps, original: (t: TextFrom) => OriginalInfo, timeout: number): Promise<DocumentText> {
  const layer = await withTimeout(readPdfText(bytes), timeout, formatOf('.pdf')!);
  if (!layer.ok) return layer;
  const repaired = repairLegacyTextLayer(layer.pages.join('\n\f\n'));
  if (repaired.ok && hasUsableTextLayer(layer.pages)) {
    const warnings = repaired.convertedFrom ? [`Lớp chữ của bản PDF dùng phông ${repaired.convertedFrom}; văn bản đã được chuyển sang Unicode`] : [];
    return withText(repaired.text, original('text-layer'), warnings);
  }
  // No usable text layer (a scan), or one in a legacy font that cannot be converted: read the pages.
  const why = repaired.ok ? 'has no text layer (a scan)' : `has a text layer in a legacy font (${repaired.reason})`;
  if (!deps.ocr) {
    return { ok: false, reason: `PDF ${why}: reading it needs OCR; install Tesseract with its Vietnamese model (Debian: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils) and run ingest again` };
  }
  if (layer.pages.length > MAX_OCR_PAGES) return { ok: false, reason: `PDF ${why} and has ${layer.pages.length} pages, over the ${MAX_OCR_PAGES}-page limit for OCR of one directive` };
  const ocr = await deps.ocr(bytes, layer.pages.length);
  if (!ocr.ok) return { ok: false, reason: `PDF ${why}; OCR failed: ${ocr.reason}` };
  // A page drawn in a legacy font's glyphs for the wrong characters reads as garbage by OCR too.
  if (looksLegacy(ocr.text)) return { ok: false, reason: `PDF ${why}, and OCR of its pages reads no Vietnamese text either; ask the issuer for a copy in a Unicode font, or a scan` };
  const warnings = ['Văn bản được đọc bằng nhận dạng ký tự (OCR) từ bản quét; có thể có lỗi, hãy đối chiếu với bản gốc'];
  if (ocr.lowConfidence.length > 0) {
    const shown = ocr.lowConfidence.slice(0, MAX_FLAGGED_LINES).map((l) => `“${l}”`).join('; ');
    const more = ocr.lowConfidence.length > MAX_FLAGGED_LINES ? ` và ${ocr.lowConfidence.length - MAX_FLAGGED_LINES} dòng khác` : '';
    warnings.push(`OCR không chắc chắn ở ${ocr.lowConfidence.length} dòng: ${shown}${more}`);
  }
  return withText(ocr.text, original('ocr'), warnings);
}

function withText(text: string, original: OriginalInfo, warnings: string[]): DocumentText {
  if (!/[\p{L}\p{N}]/u.test(text)) return { ok: false, reason: `${original.media_type === 'application/pdf' ? 'PDF' : 'Word file'} holds no text` };
  return { ok: true, text, original, warnings };
}

/** The read, or a rejection once it has run longer than the limit. */
export async function withTimeout<T>(read: Promise<T | { ok: false; reason: string }>, ms: number, format: SourceFormat): Promise<T | { ok: false; reason: string }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ ok: false; reason: string }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, reason: `reading the ${format.label} file took over ${Math.round(ms / 1000)} s and was stopped; open it and save it again, or split it` }), ms);
  });
  try {
    return await Promise.race([read, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** A read source (pipeline.ts SourceFile), with its document's text once read. */
export interface ReadSource {
  source: string;
  bytes: Uint8Array | null;
  document?: DocumentText;
}

/** Reads the documents of a batch, a few at a time (OCR runs a process per page); `.txt` sources pass through. */
export async function readDocuments<T extends ReadSource>(files: T[], deps: ReadDeps, concurrency = 2): Promise<T[]> {
  const out = [...files];
  const todo = files.flatMap((f, i) => {
    const format = formatOf(f.source);
    return f.bytes && format && isDocument(format) ? [i] : [];
  });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length) {
      const i = todo[next++]!;
      out[i] = { ...files[i]!, document: await readDocument(files[i]!.source, files[i]!.bytes!, deps) };
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
  return out;
}
