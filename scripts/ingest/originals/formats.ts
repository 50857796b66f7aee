import type { TEXT_SOURCES } from '../../../src/shared/schema.ts';

/**
 * The formats a source may come in (văn bản gốc): its extension, media type, how its text is read,
 * and the limits that keep one bad file from stalling a batch. One table, read by the name screen
 * (names.ts), the readers (read.ts), the site's downloads and the docs.
 */

/** How a source's text was made: typed (.txt), a PDF's text layer, a Word file, or OCR of a scan. */
export { TEXT_SOURCES as TEXT_FROM } from '../../../src/shared/schema.ts';
export type TextFrom = (typeof TEXT_SOURCES)[number];

export interface SourceFormat {
  /** Lowercase extension with its dot. */
  extension: string;
  /** The media type the original is served with. */
  mediaType: string;
  /** Short name for reports and the page: "PDF", "Word". */
  label: string;
  /**
   * Largest file accepted, in bytes. A directive is a few pages: a text PDF of one is under 1 MB,
   * a scan of ten pages at 300 dpi under 20 MB; anything larger is not one directive.
   */
  maxBytes: number;
}

const MB = 1024 * 1024;

/** Every accepted format, `.txt` first (the form every other is read into). */
export const SOURCE_FORMATS: readonly SourceFormat[] = [
  { extension: '.txt', mediaType: 'text/plain; charset=utf-8', label: 'text', maxBytes: 2 * MB },
  { extension: '.pdf', mediaType: 'application/pdf', label: 'PDF', maxBytes: 30 * MB },
  { extension: '.docx', mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', label: 'Word', maxBytes: 20 * MB },
  { extension: '.doc', mediaType: 'application/msword', label: 'Word', maxBytes: 20 * MB },
];

/**
 * The format of a file name, by its extension, in lowercase as the table writes it, or null. One
 * spelling per format: "X.PDF" beside "x.pdf" would be one file on macOS and Windows.
 */
export function formatOf(name: string): SourceFormat | null {
  return SOURCE_FORMATS.find((f) => name.endsWith(f.extension) && name.length > f.extension.length) ?? null;
}

/** The extensions as a curator reads them: '".txt", ".pdf", ".docx" or ".doc"'. */
export const EXTENSION_LIST = SOURCE_FORMATS.map((f) => `"${f.extension}"`)
  .join(', ')
  .replace(/, ([^,]*)$/, ' or $1');

/** True for a format whose text is read out of a document (everything but `.txt`). */
export const isDocument = (format: SourceFormat): boolean => format.extension !== '.txt';

/**
 * Longest time reading one file may take before it is rejected: a text layer or a Word file reads
 * in well under a second, so a minute means a pathological file. OCR gets a minute per page, with
 * the page count capped by MAX_OCR_PAGES.
 */
export const READ_TIMEOUT_MS = 60_000;
export const OCR_TIMEOUT_PER_PAGE_MS = 60_000;
/** A scan longer than this many pages is not one directive (and would take many minutes to read). */
export const MAX_OCR_PAGES = 30;
