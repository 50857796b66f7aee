/**
 * PDF and Word sources: layout quirks of extraction and bad files. Every document here is
 * SYNTHETIC, made in memory or in a temporary folder by the helpers in tests/helpers/documents.ts.
 */
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { extractText } from 'unpdf';
import { describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { readDocument, withTimeout } from '../../scripts/ingest/originals/read.ts';
import { formatOf } from '../../scripts/ingest/originals/formats.ts';
import { repairLegacyTextLayer } from '../../scripts/ingest/originals/legacy-text-layer.ts';
import { countFormats, formatRow } from '../../scripts/ingest.ts';
import { makeColumnsPdf, makeDocx, makeEncryptedPdf, makeTableDocx, makeTextPdf } from '../../scripts/bench/documents.ts';
import { memoryIO, OPTIONS, text } from '../helpers/memory-io.ts';

const SEED_000 = readFileSync(new URL('../../content/sources/000_4711a643476f2105.txt', import.meta.url), 'utf8');
/** Seed 000 from its subject line on: the part after the two-column header. */
const SEED_000_REST = SEED_000.slice(SEED_000.indexOf('V/v'));
const LEFT = ['TỈNH ỦY KON TUM', '*', 'Số 235-CV/TU'];
const RIGHT = ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Kon Tum, ngày 21 tháng 7 năm 2021'];
const NO_OCR = { ocr: null };

async function ingestOne(name: string, bytes: Uint8Array) {
  const io = memoryIO({ [`content/sources/${name}`]: bytes });
  const result = await ingest(OPTIONS, io, undefined, NO_OCR);
  const outcome = result.outcomes[0]!;
  const record = outcome.status === 'written' ? matter(text(io, `content/directives/${name.replace(/\.[^.]+$/, '')}.md`), {}).data : null;
  return { outcome, record, io, result };
}

describe('a PDF whose two-column header is drawn column by column', () => {
  test('reads, in stream order, the left column before the right one (the quirk is real)', async () => {
    const pdf = await makeColumnsPdf(LEFT, RIGHT, SEED_000_REST);
    const { text: streamOrder } = await extractText(pdf.slice(), { mergePages: true });
    expect(streamOrder.indexOf('Số 235-CV/TU')).toBeLessThan(streamOrder.indexOf('ĐẢNG CỘNG SẢN VIỆT NAM'));
  });
  test('is read line by line, the two columns side by side, and gives seed 000’s issuer, number, date and signer', async () => {
    const { record } = await ingestOne('cot.pdf', await makeColumnsPdf(LEFT, RIGHT, SEED_000_REST));
    expect(record).toMatchObject({
      doc_number: '235-CV/TU',
      issuer: 'Tỉnh ủy Kon Tum',
      place: 'Kon Tum',
      date_issued: '2021-07-21',
      subject: 'tăng cường các biện pháp cấp bách phòng, chống dịch COVID-19',
      signer_name: 'Thái Văn Tưởng',
      id: 'kon-tum/2021-07-21-235-cv-tu',
    });
  });
  test('keeps the text read, columns on one line, in <stem>.nguon.txt beside the directive', async () => {
    const { io } = await ingestOne('cot.pdf', await makeColumnsPdf(LEFT, RIGHT, SEED_000_REST));
    expect(text(io, 'content/directives/cot.nguon.txt')).toMatch(/^TỈNH ỦY KON TUM {3,}ĐẢNG CỘNG SẢN VIỆT NAM\n\* {3,}Kon Tum, ngày 21 tháng 7 năm 2021\nSố 235-CV\/TU\n/);
  });
});

describe('a Word file set as issuers set them', () => {
  const parts = {
    left: LEFT,
    right: RIGHT,
    recipientsLabel: 'Kính gửi:',
    recipients: ['- Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh,', '- Các sở, ban, ngành, đoàn thể tỉnh,', '- Các huyện ủy, thành ủy.'],
    body: [
      'V/v tăng cường các biện pháp cấp bách phòng, chống dịch COVID-19',
      'Thực hiện phương châm "4 tại chỗ", Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện nghiêm các biện pháp.',
      'T/L BAN THƯỜNG VỤ',
      'CHÁNH VĂN PHÒNG',
      'Thái Văn Tưởng',
    ].join('\n'),
  };
  test('reads a header table as two columns and a recipients table as "Kính gửi:" beside its list', async () => {
    const { record, io } = await ingestOne('bang.docx', await makeTableDocx(parts));
    expect(text(io, 'content/directives/bang.nguon.txt')).toMatch(/^TỈNH ỦY KON TUM {3,}ĐẢNG CỘNG SẢN VIỆT NAM\n/);
    expect(record).toMatchObject({
      doc_number: '235-CV/TU',
      issuer: 'Tỉnh ủy Kon Tum',
      date_issued: '2021-07-21',
      recipients: ['Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh', 'Các sở, ban, ngành, đoàn thể tỉnh', 'Các huyện ủy, thành ủy'],
    });
  });
  test('keeps bold and italic as Markdown emphasis in the body', async () => {
    const docx = await makeDocx(`${SEED_000}\nĐề nghị **thực hiện nghiêm** phương châm *chống dịch như chống giặc*.`);
    const read = await readDocument('a.docx', docx, NO_OCR);
    expect(read.ok && read.text).toContain('Đề nghị **thực hiện nghiêm** phương châm *chống dịch như chống giặc*.');
  });
});

/** A PDF with a catalog and an empty page tree: valid, and no pages. */
const ZERO_PAGE_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n',
);

describe('bad files', () => {
  test('rejects an encrypted PDF, saying it needs a password and what to do', async () => {
    const { outcome } = await ingestOne('mat.pdf', await makeEncryptedPdf());
    expect(formatRow(outcome)).toMatch(/^mat\.pdf \| REJECTED \| - \| PDF is encrypted with a password/);
  });
  test('rejects a truncated PDF as corrupt', async () => {
    const pdf = await makeTextPdf(SEED_000);
    const { outcome } = await ingestOne('cut.pdf', pdf.slice(0, 400));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^not a readable PDF \(corrupt or truncated/) });
  });
  test('rejects a PDF with no pages', async () => {
    const read = await readDocument('empty.pdf', ZERO_PAGE_PDF, NO_OCR);
    expect(read.ok ? null : read.reason).toMatch(/^PDF has no pages|^not a readable PDF/);
  });
  test('rejects a PDF with no text layer, naming the Debian packages OCR needs, when no OCR engine is there', async () => {
    const scan = await makeTextPdf('\n\n\n');
    const { outcome } = await ingestOne('scan.pdf', scan);
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringContaining('apt-get install tesseract-ocr tesseract-ocr-vie') });
  });
  test('rejects a corrupt .docx and a corrupt .doc, saying to save them again', async () => {
    const junk = new TextEncoder().encode('PK\u0003\u0004 not really a zip archive at all');
    const docx = await readDocument('x.docx', junk, NO_OCR);
    const doc = await readDocument('x.doc', junk, NO_OCR);
    expect(docx.ok ? null : docx.reason).toMatch(/^not a readable Word \(\.docx\) file .*save it again as \.docx$/);
    expect(doc.ok ? null : doc.reason).toMatch(/^not a readable Word 97–2003 \(\.doc\) file .*save it again as \.docx$/);
  });
  test('rejects an empty file and one over its format’s size limit, giving the limit', async () => {
    const empty = await readDocument('x.pdf', new Uint8Array(0), NO_OCR);
    expect(empty.ok ? null : empty.reason).toBe('empty file (0 bytes), not a PDF document');
    const limit = formatOf('x.docx')!.maxBytes;
    const big = await readDocument('x.docx', new Uint8Array(limit + 1), NO_OCR);
    expect(big.ok ? null : big.reason).toContain(`over the ${limit}-byte limit for a .docx source`);
  });
  test('stops a read that runs over the time limit, with a reason', async () => {
    const never = new Promise<{ ok: true }>(() => {});
    expect(await withTimeout(never, 5, formatOf('x.pdf')!)).toEqual({ ok: false, reason: 'reading the PDF file took over 0 s and was stopped; open it and save it again, or split it' });
  });
});

describe('countFormats', () => {
  test('counts every entry of the sources folder by format, the rest as "other"', () => {
    const outcomes = ['a.txt', 'b.txt', 'c.pdf', 'd.docx', 'e.doc', 'f.odt'].map((source) => ({ source, status: 'rejected' as const, reason: '-' }));
    expect(countFormats([...outcomes, { source: 'sub/', status: 'skipped', kind: 'folder', reason: '-' }])).toBe('by format: 2 .txt, 1 .pdf, 1 .docx, 1 .doc, 2 other');
  });
});

/** Seed text as a legacy font's glyph codes read as Latin-1: what PDF.js gives for a .VnTime PDF. */
const asGlyphCodes = (bytes: Uint8Array): string => Array.from(bytes, (b) => String.fromCharCode(b)).join('');
/** Seed 000 with straight quotes: the legacy fonts had no curly ones. */
const SEED_000_ASCII_QUOTES = SEED_000.replace(/[“”]/g, '"');

describe('a PDF whose text layer is a legacy font’s glyph codes', () => {
  test('in TCVN3 (ABC): the layer read back is seed 000’s text, up to the case of toned capitals', async () => {
    // TCVN3 writes "Ủ" and "ủ" with one code (a capitals font drew it): only all-capital lines get their capitals back.
    const { tcvn3 } = await import('../fixtures/tcvn3.mjs');
    const repaired = repairLegacyTextLayer(asGlyphCodes(tcvn3(SEED_000_ASCII_QUOTES)));
    expect(repaired.ok && repaired.convertedFrom).toBe('TCVN3 (ABC)');
    expect(repaired.ok && repaired.text.toLowerCase()).toBe(SEED_000_ASCII_QUOTES.normalize('NFC').toLowerCase());
  });
  test('leaves a Unicode layer with a few Latin-1 letters (names, "é") as it is', () => {
    const unicode = `${SEED_000} Pasteur, Alexandre Yersin, café, Genève, Hôpital Français, Université, Médecins.`;
    expect(repairLegacyTextLayer(unicode)).toEqual({ ok: true, text: unicode, convertedFrom: null });
  });
  test('in TCVN3 (ABC), in a PDF: converts it and gives seed 000’s number, issuer, date and place, saying so on the page', async () => {
    // pdfkit cannot draw TCVN3's "ư" (0xAD, the soft hyphen in Latin-1, which fonts do not draw), so
    // fields spelt with it are checked on the layer above, not here.
    const { tcvn3 } = await import('../fixtures/tcvn3.mjs');
    const { record } = await ingestOne('vntime.pdf', await makeTextPdf(asGlyphCodes(tcvn3(SEED_000_ASCII_QUOTES))));
    expect(record).toMatchObject({ doc_number: '235-CV/TU', issuer: 'Tỉnh ủy Kon Tum', date_issued: '2021-07-21', place: 'Kon Tum', province: 'Kon Tum' });
    expect(record!.warnings).toContain('Lớp chữ của bản PDF dùng phông TCVN3 (ABC); văn bản đã được chuyển sang Unicode');
  });
  test('in VNI: never publishes it; without OCR the file is rejected, saying why and what to install', async () => {
    const { vni } = await import('../fixtures/vni.mjs');
    const { outcome } = await ingestOne('vni.pdf', await makeTextPdf(asGlyphCodes(vni(SEED_000_ASCII_QUOTES))));
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^PDF has a text layer in a legacy font \(its letters are glyph codes of a VNI font, which ingest does not convert\): reading it needs OCR; install Tesseract/) });
  });
});
