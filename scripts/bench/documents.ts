/**
 * SYNTHETIC test documents made from a text: a .docx written with the `docx` library, a text PDF
 * written with pdfkit in DejaVu (Debian's fonts-dejavu-core, which covers Vietnamese), and a PDF
 * whose two-column header is drawn column by column, as many issuers' PDFs are. Each is a real file
 * a curator could have received; none is ever written into content/. Used by the tests
 * (tests/ingest/originals-*.test.ts, tests/scale/originals.test.ts) and the ingest benchmark.
 */
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, BorderStyle } from 'docx';
import PDFDocument from 'pdfkit';

export const FONT_DIR = '/usr/share/fonts/truetype/dejavu';
/** DejaVu Sans: every precomposed Vietnamese letter (DejaVu Sans Mono lacks some, such as "ỉ"). */
const FONT = `${FONT_DIR}/DejaVuSans.ttf`;

/** A line's text and emphasis, from the Markdown-ish marks the seeds carry (`**`, `*`, `\*`, `# `). */
export interface Span {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** The seed's lines as spans; emphasis may run across lines (seed 003's bold two-line issuer). */
export function markedLines(text: string): Span[][] {
  let bold = false;
  let italic = false;
  return text.split(/\r?\n/).map((raw) => {
    const heading = /^\s*#{1,6}\s+/.exec(raw);
    const line = heading ? raw.slice(heading[0].length) : raw;
    const spans: Span[] = [];
    let buf = '';
    const flush = (): void => {
      if (buf !== '') spans.push({ text: buf, bold: bold || heading !== null, italic });
      buf = '';
    };
    for (let i = 0; i < line.length; i++) {
      if (line[i] === '\\' && line[i + 1] === '*') {
        buf += '*';
        i++;
      } else if (line.startsWith('**', i)) {
        flush();
        bold = !bold;
        i++;
      } else if (line[i] === '*' && line.trim() !== '*') {
        flush();
        italic = !italic;
      } else buf += line[i];
    }
    flush();
    return spans;
  });
}

const plain = (spans: Span[]): string => spans.map((s) => s.text).join('');

/** A .docx: each non-blank line of the text one paragraph, its emphasis kept as bold and italic runs. */
export async function makeDocx(text: string): Promise<Uint8Array> {
  const paragraphs = markedLines(text)
    .filter((spans) => plain(spans).trim() !== '')
    .map((spans) => new Paragraph({ children: spans.map((s) => new TextRun({ text: s.text, bold: s.bold, italics: s.italic })) }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] })));
}

const NO_BORDERS = { top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, bottom: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }, right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } };

/**
 * A .docx as Word directives are set: the header in a borderless two-column table (issuer, number
 * and subject on the left; the motto and the date on the right), the recipients in a table
 * ("Kính gửi:" beside the list), then the body paragraphs.
 */
export async function makeTableDocx(parts: { left: string[]; right: string[]; recipientsLabel: string; recipients: string[]; body: string }): Promise<Uint8Array> {
  const cell = (lines: string[]): TableCell =>
    new TableCell({ borders: NO_BORDERS, width: { size: 50, type: WidthType.PERCENTAGE }, children: lines.map((l) => new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(l)] })) });
  const header = new Table({ rows: [new TableRow({ children: [cell(parts.left), cell(parts.right)] })] });
  const recipients = new Table({ rows: [new TableRow({ children: [cell([parts.recipientsLabel]), cell(parts.recipients)] })] });
  const body = parts.body
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => new Paragraph({ children: [new TextRun(l)] }));
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children: [header, new Paragraph(''), recipients, ...body] }] })));
}

/** Page geometry of the text PDFs: A4, DejaVu Sans at 8 pt, about 100 characters a line. */
const PAGE = { width: 595, height: 842, margin: 40, size: 8 };
/** The width given to one character of a column's offset (DejaVu Sans averages 0.55 em). */
const CHAR = PAGE.size * 0.6;
const LINE = PAGE.size * 1.3;
const WRAP = 100;

/** Word-wraps a line at WRAP characters, as a PDF's lines are hard-wrapped. */
export function wrap(line: string, width = WRAP): string[] {
  const out: string[] = [];
  let current = '';
  for (const word of line.trim().split(/\s+/)) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  return [...out, current];
}

/** One printed line: its pieces at their character columns (columns: a run of 3+ spaces apart). */
type Printed = Array<{ column: number; text: string }> | null;

function printedLines(text: string): Printed[] {
  return markedLines(text).flatMap((spans): Printed[] => {
    const line = plain(spans).replace(/\s+$/, '');
    if (line.trim() === '') return [null];
    if (/\S\s{3,}\S/.test(line)) {
      const pieces: Array<{ column: number; text: string }> = [];
      for (const m of line.matchAll(/\S+(?:\s{1,2}\S+)*/g)) pieces.push({ column: m.index!, text: m[0] });
      return [pieces];
    }
    const indent = line.length - line.trimStart().length;
    return wrap(line).map((l, i) => [{ column: i === 0 ? Math.min(indent, 10) : 0, text: l }]);
  });
}

/**
 * A text PDF of the text: its lines hard-wrapped, columns kept at their places, a blank line as a
 * gap, pages numbered "- n -" at the foot from page 2 on, as issuers number them.
 */
export function makeTextPdf(text: string): Promise<Uint8Array> {
  return renderPdf((doc) => drawLines(doc, printedLines(text), PAGE.margin));
}

/** Lines from `y` down, a new page (numbered at its foot) whenever one is full. */
function drawLines(doc: PDFKit.PDFDocument, lines: Printed[], top: number): void {
  let y = top;
  let page = 1;
  for (const line of lines) {
    if (y > PAGE.height - PAGE.margin - 2 * LINE) {
      doc.addPage();
      page++;
      doc.text(`- ${page} -`, PAGE.width / 2 - 3 * CHAR, PAGE.height - PAGE.margin, { lineBreak: false });
      y = PAGE.margin;
    }
    for (const piece of line ?? []) doc.text(piece.text, PAGE.margin + piece.column * CHAR, y, { lineBreak: false });
    y += LINE;
  }
}

/**
 * A PDF whose header's two columns are drawn one after the other (the left column's lines, then
 * the right column's, on the same baselines), then the rest of the text line by line: in stream
 * order its text reads column by column.
 */
export function makeColumnsPdf(left: string[], right: string[], rest: string): Promise<Uint8Array> {
  return renderPdf((doc) => {
    left.forEach((l, i) => doc.text(l, PAGE.margin, PAGE.margin + i * LINE, { lineBreak: false }));
    right.forEach((l, i) => doc.text(l, PAGE.margin + 55 * CHAR, PAGE.margin + i * LINE, { lineBreak: false }));
    drawLines(doc, printedLines(rest), PAGE.margin + (Math.max(left.length, right.length) + 1) * LINE);
  });
}

function renderPdf(draw: (doc: PDFKit.PDFDocument) => void, options: PDFKit.PDFDocumentOptions = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: PAGE.margin, autoFirstPage: true, ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) => doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))));
  doc.font(FONT).fontSize(PAGE.size);
  draw(doc);
  doc.end();
  return done;
}

/** A PDF of one blank page with the user password given: opening it needs the password. */
export const makeEncryptedPdf = (): Promise<Uint8Array> => renderPdf((doc) => doc.text('Mật', 40, 40), { userPassword: 'secret', ownerPassword: 'owner' } as PDFKit.PDFDocumentOptions);

/**
 * A scanned PDF: each page of `pdf` rasterised (Poppler's pdftoppm, as a scanner would make an
 * image of it) and placed as the whole page of a new PDF, with no text layer.
 */
export async function makeScannedPdf(pdf: Uint8Array, dpi = 200): Promise<Uint8Array> {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'archive-synthetic-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-png', join(dir, 'in.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.png')).sort();
    return await renderPdf((doc) => {
      pages.forEach((p, i) => {
        if (i > 0) doc.addPage();
        doc.image(readFileSync(join(dir, p)), 0, 0, { width: PAGE.width, height: PAGE.height });
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
