/**
 * When a curator corrects a published directive, ingest records the day and the fields in the
 * registry's `corrected` (the feeds announce it). Sources here are SYNTHETIC, built in memory.
 */
import { describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { memoryIO, OPTIONS, text } from '../helpers/memory-io.ts';

const ID = 'kon-tum/2021-08-05-12-cv-tu';
const SOURCE = 'content/sources/a.txt';
const CURATION = 'content/curation/a.yml';

/** A small synthetic directive (not a real document). */
const synthetic = [
  'TỈNH ỦY KON TUM',
  '*',
  'Số 12-CV/TU',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Kon Tum, ngày 05 tháng 8 năm 2021',
  'V/v văn bản thử nghiệm tổng hợp (synthetic)',
  'Kính gửi: - Các huyện ủy, thành ủy.',
  'Đây là văn bản tổng hợp dùng cho kiểm thử, không phải văn bản thật.',
  'T/M BAN THƯỜNG VỤ',
  'BÍ THƯ',
  'Nguyễn Văn An',
].join('\n');

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const corrected = (io: ReturnType<typeof memoryIO>): Record<string, { date: string; fields: string[]; facts: Record<string, string> }> =>
  JSON.parse(text(io, OPTIONS.registryFile)).corrected;
const DATE = 'date_issued:\n  value: "2021-08-06"\n  note: "Bản lưu ghi ngày 6/8/2021 (synthetic)"\n';
const SIGNER = 'signer_name:\n  value: "Nguyễn Văn Bình"\n  note: "Chữ ký trên bản lưu (synthetic)"\n';

async function published(): Promise<ReturnType<typeof memoryIO>> {
  const io = memoryIO({ [SOURCE]: synthetic });
  await ingest(OPTIONS, io);
  return io;
}

describe('corrections in the registry', () => {
  test('a published directive without curation has no correction', async () => {
    const io = await published();
    expect(corrected(io)).toEqual({});
  });

  test('correcting a published directive records the day and the field', async () => {
    const io = await published();
    io.files.set(CURATION, bytes(DATE));
    await ingest({ ...OPTIONS, today: '2026-12-01' }, io);
    expect(corrected(io)[ID]).toMatchObject({ date: '2026-12-01', fields: ['date_issued'] });
    expect(Object.keys(corrected(io)[ID]!.facts)).toEqual(['date_issued']);
  });

  test('a later run with the same curation keeps the day of the correction', async () => {
    const io = await published();
    io.files.set(CURATION, bytes(DATE));
    await ingest({ ...OPTIONS, today: '2026-12-01' }, io);
    const result = await ingest({ ...OPTIONS, today: '2026-12-09', check: true }, io);
    expect(result.stale).toEqual([]);
    expect(corrected(io)[ID]!.date).toBe('2026-12-01');
  });

  test('a second correction records its own day and only the field it changed', async () => {
    const io = await published();
    io.files.set(CURATION, bytes(DATE));
    await ingest({ ...OPTIONS, today: '2026-12-01' }, io);
    io.files.set(CURATION, bytes(DATE + SIGNER));
    await ingest({ ...OPTIONS, today: '2026-12-05' }, io);
    expect(corrected(io)[ID]).toMatchObject({ date: '2026-12-05', fields: ['signer_name'] });
    expect(Object.keys(corrected(io)[ID]!.facts)).toEqual(['date_issued', 'signer_name']);
  });

  test('changing only the note of a correction is a correction of that field', async () => {
    const io = await published();
    io.files.set(CURATION, bytes(DATE));
    await ingest({ ...OPTIONS, today: '2026-12-01' }, io);
    io.files.set(CURATION, bytes(DATE.replace('Bản lưu', 'Sổ công văn đi')));
    await ingest({ ...OPTIONS, today: '2026-12-03' }, io);
    expect(corrected(io)[ID]).toMatchObject({ date: '2026-12-03', fields: ['date_issued'] });
  });

  test('removing the curation file records the fields it had set', async () => {
    const io = await published();
    io.files.set(CURATION, bytes(DATE));
    await ingest({ ...OPTIONS, today: '2026-12-01' }, io);
    io.files.delete(CURATION);
    await ingest({ ...OPTIONS, today: '2026-12-04' }, io);
    expect(corrected(io)[ID]).toEqual({ date: '2026-12-04', fields: ['date_issued'], facts: {} });
  });

  test('a directive curated from its first run has its correction dated the day it was added', async () => {
    const io = memoryIO({ [SOURCE]: synthetic, [CURATION]: SIGNER });
    await ingest(OPTIONS, io);
    expect(corrected(io)[ID]).toMatchObject({ date: OPTIONS.today, fields: ['signer_name'] });
    expect(JSON.parse(text(io, OPTIONS.registryFile)).added[ID]).toBe(OPTIONS.today);
  });

  test('a curator-issued new id takes the correction with it', async () => {
    const io = await published();
    io.files.set(CURATION, bytes(`${DATE}id:\n  value: "kon-tum/2021-08-06-12-cv-tu"\n  note: "Sửa ngày (synthetic)"\n`));
    await ingest({ ...OPTIONS, today: '2026-12-01' }, io);
    expect(Object.keys(corrected(io))).toEqual(['kon-tum/2021-08-06-12-cv-tu']);
    expect(corrected(io)['kon-tum/2021-08-06-12-cv-tu']).toMatchObject({ date: '2026-12-01', fields: ['date_issued', 'id'] });
  });

  test('withdrawing a corrected directive drops its correction', async () => {
    const io = await published();
    io.files.set(CURATION, bytes(DATE));
    await ingest({ ...OPTIONS, today: '2026-12-01' }, io);
    io.files.delete(SOURCE);
    io.files.set(CURATION, bytes('withdrawn:\n  value: "Rút để kiểm thử (synthetic)"\n  note: "Quyết định của nhóm biên tập (synthetic)"\n'));
    const result = await ingest({ ...OPTIONS, today: '2026-12-02' }, io);
    expect(result.exitCode).toBe(0);
    expect(corrected(io)).toEqual({});
  });
});
