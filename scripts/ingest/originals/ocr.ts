/**
 * A scanned PDF read by OCR: each page rasterised by Poppler's pdftoppm, read by Tesseract with its
 * Vietnamese model (Debian: tesseract-ocr, tesseract-ocr-vie, poppler-utils), whose TSV output
 * gives each word's confidence. The PDF goes in on standard input and each page comes out on
 * standard output, so nothing is written to disk. Lines whose words Tesseract is unsure of are
 * listed for the page.
 */
import { execFile, spawnSync } from 'node:child_process';
import { OCR_TIMEOUT_PER_PAGE_MS } from './formats.ts';

export type OcrResult = { ok: true; text: string; lowConfidence: string[] } | { ok: false; reason: string };

/** Resolution pages are rasterised at: Tesseract reads printed text best at 300 dpi. */
const OCR_DPI = 300;
/** A line whose words average under this confidence (0–100) is flagged on the page. */
export const LOW_CONFIDENCE = 70;
/** Tesseract's language: its Vietnamese model. */
const OCR_LANGUAGE = 'vie';

/** Runs a program with input bytes; its standard output, or throws with its message. */
function run(command: string, args: string[], input: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = execFile(command, args, { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, timeout: OCR_TIMEOUT_PER_PAGE_MS }, (error, stdout, stderr) => {
      if (error) reject(new Error(error.killed ? `${command} took over ${OCR_TIMEOUT_PER_PAGE_MS / 1000} s on a page` : `${command}: ${String(stderr).trim() || error.message}`));
      else resolve(stdout);
    });
    child.stdin!.on('error', () => {}); // a program that exits early closes its input: its error says why
    child.stdin!.end(input);
  });
}

/** One page: rasterised, then read; its lines and their confidences. */
async function readPage(pdf: Uint8Array, page: number): Promise<OcrLine[][]> {
  const image = await run('pdftoppm', ['-f', String(page), '-l', String(page), '-r', String(OCR_DPI), '-gray', '-png', '-singlefile'], pdf);
  const tsv = await run('tesseract', ['stdin', 'stdout', '-l', OCR_LANGUAGE, 'tsv'], image);
  return parseTesseractTsv(tsv.toString('utf8'));
}

export interface OcrLine {
  text: string;
  /** Mean confidence of its words, 0–100. */
  confidence: number;
}

/** Tesseract's TSV → paragraphs of lines (word rows, level 5, grouped by block, paragraph, line). */
export function parseTesseractTsv(tsv: string): OcrLine[][] {
  const paragraphs = new Map<string, Map<string, Array<{ text: string; conf: number }>>>();
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells[0] !== '5' || cells.length < 12) continue;
    const word = cells[11]!.trim();
    if (word === '') continue;
    const para = `${cells[2]}.${cells[3]}`;
    const line = cells[4]!;
    if (!paragraphs.has(para)) paragraphs.set(para, new Map());
    const lines = paragraphs.get(para)!;
    if (!lines.has(line)) lines.set(line, []);
    lines.get(line)!.push({ text: word, conf: Number(cells[10]) });
  }
  return [...paragraphs.values()].map((lines) =>
    [...lines.values()].map((words) => ({ text: words.map((w) => w.text).join(' '), confidence: words.reduce((a, w) => a + w.conf, 0) / words.length })),
  );
}

/** Pages of paragraphs → the text (a blank line between paragraphs) and the lines to flag. */
export function ocrText(pages: OcrLine[][][]): { text: string; lowConfidence: string[] } {
  const paragraphs = pages.flat();
  return {
    text: paragraphs.map((p) => p.map((l) => l.text).join('\n')).join('\n\n'),
    lowConfidence: paragraphs.flat().filter((l) => l.confidence < LOW_CONFIDENCE && /\p{L}/u.test(l.text)).map((l) => l.text),
  };
}

/** Reads every page of a PDF by OCR. */
export async function ocrPdf(pdf: Uint8Array, pages: number): Promise<OcrResult> {
  try {
    const read: OcrLine[][][] = [];
    for (let page = 1; page <= pages; page++) read.push(await readPage(pdf, page));
    return { ok: true, ...ocrText(read) };
  } catch (e) {
    return { ok: false, reason: (e as Error).message };
  }
}

let found: typeof ocrPdf | null | undefined;

/** The OCR reader when pdftoppm and Tesseract with its Vietnamese model are installed, else null. */
export function findOcr(): typeof ocrPdf | null {
  if (found === undefined) {
    const langs = spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' });
    const poppler = spawnSync('pdftoppm', ['-v'], { encoding: 'utf8' });
    const hasVie = langs.status === 0 && langs.stdout.split('\n').some((l) => l.trim() === OCR_LANGUAGE);
    found = hasVie && poppler.status === 0 ? ocrPdf : null;
  }
  return found;
}
