/**
 * A scanned PDF read by OCR (Tesseract with its Vietnamese model; Debian packages tesseract-ocr,
 * tesseract-ocr-vie, poppler-utils, installed by .ci/run). The scan is SYNTHETIC: seed 000 set as
 * a text PDF, each page rasterised and placed as an image in a new PDF with no text layer.
 */
import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { beforeAll, describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { findOcr, ocrText, parseTesseractTsv, LOW_CONFIDENCE } from '../../scripts/ingest/originals/ocr.ts';
import { makeScannedPdf, makeTextPdf } from '../../scripts/bench/documents.ts';
import { memoryIO, OPTIONS, text } from '../helpers/memory-io.ts';

const SEED_000 = readFileSync(new URL('../../content/sources/000_4711a643476f2105.txt', import.meta.url), 'utf8');

describe('a scanned PDF of seed 000', () => {
  let record: Record<string, unknown>;
  beforeAll(async () => {
    const ocr = findOcr();
    if (!ocr) throw new Error('OCR test needs Tesseract and Poppler: apt-get install tesseract-ocr tesseract-ocr-vie poppler-utils (README, "Requirements")');
    const io = memoryIO({ 'content/sources/scan.pdf': await makeScannedPdf(await makeTextPdf(SEED_000)) });
    const result = await ingest(OPTIONS, io, undefined, { ocr });
    if (result.outcomes[0]!.status !== 'written') throw new Error(JSON.stringify(result.outcomes[0]));
    record = matter(text(io, 'content/directives/scan.md'), {}).data;
  }, 300_000);

  test('is read by OCR and gives seed 000’s number, issuer, date, subject and signer', () => {
    expect(record).toMatchObject({
      id: 'kon-tum/2021-07-21-235-cv-tu',
      doc_number: '235-CV/TU',
      issuer: 'Tỉnh ủy Kon Tum',
      date_issued: '2021-07-21',
      subject: 'tăng cường các biện pháp cấp bách phòng, chống dịch COVID-19',
      signer_name: 'Thái Văn Tưởng',
    });
  });
  test('records that its text was made by OCR, and says so to readers', () => {
    expect(record.original).toMatchObject({ file: 'scan.pdf', media_type: 'application/pdf', text_from: 'ocr' });
    expect(record.warnings).toContain('Văn bản được đọc bằng nhận dạng ký tự (OCR) từ bản quét; có thể có lỗi, hãy đối chiếu với bản gốc');
  });
});

/** Tesseract's TSV columns: level page block par line word left top width height conf text. */
const row = (par: number, line: number, conf: number, word: string): string => `5\t1\t1\t${par}\t${line}\t1\t0\t0\t10\t10\t${conf}\t${word}`;
const TSV = ['level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext', row(1, 1, 96, 'TỈNH'), row(1, 1, 95, 'ỦY'), row(1, 2, 40, 'Sô'), row(1, 2, 50, '235-CV/TU'), row(2, 1, 91, 'Kính'), row(2, 1, 93, 'gửi:')].join('\n');

describe('parseTesseractTsv and ocrText', () => {
  test('rebuild lines and paragraphs from the word rows, and flag the lines whose words average under the threshold', () => {
    const read = ocrText([parseTesseractTsv(TSV)]);
    expect(read.text).toBe('TỈNH ỦY\nSô 235-CV/TU\n\nKính gửi:');
    expect(LOW_CONFIDENCE).toBeGreaterThan(45);
    expect(read.lowConfidence).toEqual(['Sô 235-CV/TU']);
  });
});
