import { describe, expect, test } from 'vitest';
import type { CitedDocument } from '../../../../src/shared/schema.ts';
import { referenceRows, type CitingEntry } from '../../../../src/site/bulk/references.ts';

/** A cited document as ingest writes it: a province's unless told (synthetic). */
const cite = (number: string, province: string | null, extra: Partial<CitedDocument> = {}): CitedDocument => ({
  number,
  number_as_written: number,
  type: null,
  date: null,
  issuer_as_written: null,
  scope: province === null ? 'trung ương' : 'tỉnh',
  province,
  district: null,
  place_from_text: false,
  text: `Văn bản số ${number}`,
  ...extra,
});
/** Synthetic entries (not real documents), provincial issuers. */
const entry = (id: string, province: string | null, date: string | null, number: string | null, cited: CitedDocument[] = []): CitingEntry => ({
  id,
  province,
  district: null,
  issuer_level: 'tỉnh',
  date_issued: date,
  doc_number: number,
  cited,
});
const SITE = 'https://luu-tru.example';
const rowsOf = (entries: CitingEntry[]) => referenceRows(entries, (path) => `${SITE}${path}`);

describe('referenceRows', () => {
  test('resolves a provincial number within its own province only, and links the row to that directive', () => {
    const rows = rowsOf([
      entry('kon-tum/a', 'Kon Tum', '2021-08-01', '135-TB/TU'),
      entry('gia-lai/b', 'Gia Lai', '2021-08-01', '135-TB/TU'),
      entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, [cite('135-TB/TU', 'Kon Tum')]),
    ]);
    expect(rows).toEqual([
      {
        citing_id: 'kon-tum/c',
        position: 1,
        number_as_cited: '135-TB/TU',
        number: '135-TB/TU',
        type: null,
        date: null,
        issuer_as_written: null,
        scope: 'tỉnh',
        province: 'Kon Tum',
        district: null,
        text: 'Văn bản số 135-TB/TU',
        slug: '135-tb-tu-kon-tum',
        matches: 1,
        resolved_id: 'kon-tum/a',
        url: `${SITE}/van-ban/kon-tum/a/`,
      },
    ]);
  });
  test('gives two provinces\' 135-TB/TU two slugs, each row its own page', () => {
    const rows = rowsOf([entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, [cite('135-TB/TU', 'Kon Tum')]), entry('gia-lai/d', 'Gia Lai', '2021-08-10', null, [cite('135-TB/TU', 'Gia Lai')])]);
    expect(rows.map((r) => [r.slug, r.url])).toEqual([
      ['135-tb-tu-kon-tum', `${SITE}/dan-chieu/135-tb-tu-kon-tum/`],
      ['135-tb-tu-gia-lai', `${SITE}/dan-chieu/135-tb-tu-gia-lai/`],
    ]);
  });
  test('resolves a national number anywhere in the archive', () => {
    const ttg = { ...entry('trung-uong/ttg', null, '2020-03-31', '16/CT-TTg'), issuer_level: 'trung ương' as const };
    const rows = rowsOf([ttg, entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, [cite('16/CT-TTg', null)])]);
    expect(rows[0]).toMatchObject({ scope: 'trung ương', province: null, slug: '16-ct-ttg', matches: 1, resolved_id: 'trung-uong/ttg', url: `${SITE}/van-ban/trung-uong/ttg/` });
  });
  test('leaves a number unresolved when two directives fit, saying how many, and links its cited document\'s page', () => {
    const rows = rowsOf([entry('kon-tum/a', 'Kon Tum', '2020-05-01', '12-CV/TU'), entry('kon-tum/b', 'Kon Tum', '2021-05-01', '12-CV/TU'), entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, [cite('12-CV/TU', 'Kon Tum')])]);
    expect(rows[0]).toMatchObject({ matches: 2, resolved_id: null, url: `${SITE}/dan-chieu/12-cv-tu-kon-tum/` });
  });
  test('a date the citation gives picks the one directive of that date', () => {
    const rows = rowsOf([
      entry('kon-tum/a', 'Kon Tum', '2020-05-01', '12-CV/TU'),
      entry('kon-tum/b', 'Kon Tum', '2021-05-01', '12-CV/TU'),
      entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, [cite('12-CV/TU', 'Kon Tum', { date: '2021-05-01' })]),
    ]);
    expect(rows[0]).toMatchObject({ date: '2021-05-01', matches: 1, resolved_id: 'kon-tum/b' });
  });
  test('never resolves to a directive dated after the citing one', () => {
    const rows = rowsOf([entry('kon-tum/a', 'Kon Tum', '2020-05-01', '12-CV/TU'), entry('kon-tum/b', 'Kon Tum', '2021-09-01', '12-CV/TU'), entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, [cite('12-CV/TU', 'Kon Tum')])]);
    expect(rows[0]).toMatchObject({ matches: 1, resolved_id: 'kon-tum/a' });
  });
  test('does not resolve a provincial number whose province is unknown', () => {
    const rows = rowsOf([entry('kon-tum/a', 'Kon Tum', '2020-05-01', '12-CV/TU'), entry('khong-ro-tinh/c', null, '2021-08-10', null, [cite('12-CV/TU', null, { scope: 'tỉnh' })])]);
    expect(rows[0]).toMatchObject({ slug: '12-cv-tu-tinh-khong-ro', matches: 0, resolved_id: null });
  });
  test('gives every cited document its position, in the directive\'s order, with what the text says of it', () => {
    const rows = rowsOf([
      entry('kon-tum/c', 'Kon Tum', '2021-08-10', null, [
        cite('15/CT-TTg', null, { number_as_written: '15/CT-TTg', type: 'Chỉ thị', date: '2020-03-27', issuer_as_written: 'Thủ tướng Chính phủ' }),
        cite('135-TB/TU', 'Kon Tum', { number_as_written: '135 - TB/TU', type: 'Thông báo', issuer_as_written: 'Ban Thường vụ Tỉnh ủy' }),
      ]),
    ]);
    expect(rows.map((r) => [r.position, r.number, r.number_as_cited, r.type, r.date, r.issuer_as_written])).toEqual([
      [1, '15/CT-TTg', '15/CT-TTg', 'Chỉ thị', '2020-03-27', 'Thủ tướng Chính phủ'],
      [2, '135-TB/TU', '135 - TB/TU', 'Thông báo', null, 'Ban Thường vụ Tỉnh ủy'],
    ]);
  });
});
