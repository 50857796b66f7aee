/**
 * A PDF's text layer, read with PDF.js (through unpdf, which packages it for Node without a
 * canvas), page by page, lines rebuilt from the items' positions (pdf-lines.ts).
 */
import { extractTextItems, getDocumentProxy } from 'unpdf';
import { dropPageFurniture, pageText, type TextItem } from './pdf-lines.ts';

export type PdfText =
  | { ok: true; pages: string[] }
  | { ok: false; reason: string };

/**
 * Fewer letters than this per page on average: the text layer is missing or a stray caption (a
 * scan with a page number), not the document's text, which runs to 1,500 letters a page.
 */
export const MIN_LETTERS_PER_PAGE = 40;

/** The pages' text, or why the PDF cannot be read: encrypted, corrupt, no pages. */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  let pdf;
  try {
    // PDF.js takes the buffer over (it is detached afterwards): it gets a copy.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0 });
  } catch (e) {
    return { ok: false, reason: pdfOpenReason(e) };
  }
  try {
    if (pdf.numPages === 0) return { ok: false, reason: 'PDF has no pages' };
    const { items } = await extractTextItems(pdf);
    return { ok: true, pages: dropPageFurniture(items.map((page) => pageText(page as TextItem[]))) };
  } catch (e) {
    return { ok: false, reason: `PDF could not be read (${(e as Error).message}); open it, save it again as PDF and retry` };
  } finally {
    await pdf.destroy();
  }
}

/** Why PDF.js refused to open a file, in a curator's words. */
export function pdfOpenReason(e: unknown): string {
  const name = (e as { name?: string }).name;
  const message = (e as Error).message ?? String(e);
  if (name === 'PasswordException') return 'PDF is encrypted with a password: ask the issuer for an open copy, or print it to PDF without the password';
  if (name === 'InvalidPDFException') return `not a readable PDF (corrupt or truncated: ${message}); download it again`;
  return `PDF could not be opened (${message}); download it again`;
}

/** True when the pages carry the document's text, not a scan with at most a stray caption. */
export function hasUsableTextLayer(pages: string[]): boolean {
  const letters = pages.join('').match(/\p{L}/gu)?.length ?? 0;
  return pages.length > 0 && letters >= MIN_LETTERS_PER_PAGE * pages.length;
}
