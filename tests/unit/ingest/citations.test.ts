import { describe, expect, test } from 'vitest';
import { findCited, issuerCode, issuerWords, kindFromNumber, resolveCited, resolveAgain, type CitingDirective } from '../../../scripts/ingest/citations.ts';
import { findReferences } from '../../../scripts/ingest/fields.ts';
import type { CitedDocument } from '../../../src/shared/schema.ts';

const THAI_BINH_PROVINCE: CitingDirective = { province: 'Thái Bình', district: null, level: 'tỉnh' };
const KIEN_XUONG: CitingDirective = { province: 'Thái Bình', district: 'Kiến Xương', level: 'huyện' };
const HA_NOI: CitingDirective = { province: 'Hà Nội', district: null, level: 'tỉnh' };
const NATIONAL = { scope: 'trung ương', province: null, district: null, place_from_text: false } as const;

/** The one document a sentence cites. */
const one = (text: string, citing: CitingDirective = THAI_BINH_PROVINCE): CitedDocument => {
  const found = findCited(text, null, citing);
  expect(found).toHaveLength(1);
  return found[0]!;
};

describe('findCited: the forms of the issue', () => {
  test('reads "Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ" whole, as a national document', () => {
    expect(one('thực hiện Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ về thực hiện các biện pháp cấp bách')).toEqual({
      number: '16/CT-TTg',
      number_as_written: '16/CT-TTg',
      type: 'Chỉ thị',
      date: '2020-03-31',
      issuer_as_written: 'Thủ tướng Chính phủ',
      ...NATIONAL,
      text: 'Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ',
    });
  });
  test('reads "Thông báo kết luận số 135-TB/TU ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy" as a notice of the citing province', () => {
    expect(one('theo Thông báo kết luận số 135-TB/TU ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy và', KIEN_XUONG)).toEqual({
      number: '135-TB/TU',
      number_as_written: '135-TB/TU',
      type: 'Thông báo',
      date: '2021-05-06',
      issuer_as_written: 'Ban Thường vụ Tỉnh ủy',
      scope: 'tỉnh',
      province: 'Thái Bình',
      district: null,
      place_from_text: false,
      text: 'Thông báo kết luận số 135-TB/TU ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy',
    });
  });
  test('reads "Công điện khẩn số 05/CĐ-UBND, ngày 05/5/2021 của Ủy ban nhân dân Tỉnh" (comma before the date) as the province\'s', () => {
    const c = one('và Công điện khẩn số 05/CĐ-UBND, ngày 05/5/2021 của Ủy ban nhân dân Tỉnh; để kịp thời', KIEN_XUONG);
    expect([c.type, c.date, c.issuer_as_written, c.scope, c.province, c.district]).toEqual(['Công điện', '2021-05-05', 'Ủy ban nhân dân Tỉnh', 'tỉnh', 'Thái Bình', null]);
    expect(c.text).toBe('Công điện khẩn số 05/CĐ-UBND, ngày 05/5/2021 của Ủy ban nhân dân Tỉnh');
  });
});

describe('findCited: what the words around the number say', () => {
  test('reads a number without "số", "ngày" or "của": the kind from the word, nothing else', () => {
    const c = one('giãn cách xã hội theo Chỉ thị 16/CT-TTg trên toàn tỉnh');
    expect([c.type, c.date, c.issuer_as_written, c.text]).toEqual(['Chỉ thị', null, null, 'Chỉ thị 16/CT-TTg']);
  });
  test('takes the kind from the code when no word names it: 16/CT-TTg is a chỉ thị, 2987/UBND-KGVX a công văn, 30/2020/NĐ-CP a nghị định', () => {
    expect(one('theo 16/CT-TTg').type).toBe('Chỉ thị');
    expect(one('theo văn bản số 2987/UBND-KGVX').type).toBe('Công văn');
    expect(kindFromNumber('30/2020/NĐ-CP')).toBe('Nghị định');
    expect(kindFromNumber('25/2020/TT-BYT')).toBe('Thông tư');
  });
  test('reads the date written in words: "ngày 31 tháng 3 năm 2020"', () => {
    expect(one('Chỉ thị số 16/CT-TTg ngày 31 tháng 3 năm 2020 của Thủ tướng Chính phủ').date).toBe('2020-03-31');
  });
  test('reads the date in brackets and with dashes: "(ngày 27-3-2020)"', () => {
    expect(one('Chỉ thị số 15/CT-TTg (ngày 27-3-2020) của Thủ tướng Chính phủ').date).toBe('2020-03-27');
  });
  test('gives no date for a day that does not exist ("ngày 31/02/2020")', () => {
    expect(one('Chỉ thị số 16/CT-TTg ngày 31/02/2020 của Thủ tướng Chính phủ').date).toBeNull();
  });
  test('takes no date that is not right after the number ("… trên phạm vi toàn huyện từ 12 giờ ngày 06/5/2021")', () => {
    const c = one('theo Chỉ thị số 15/CT-TTg của Thủ tướng Chính phủ trên phạm vi toàn huyện từ 12 giờ ngày 06/5/2021', KIEN_XUONG);
    expect([c.date, c.issuer_as_written]).toEqual([null, 'Thủ tướng Chính phủ']);
  });
  test('ends the issuer at a quotation, a semicolon or a new clause', () => {
    expect(issuerWords('Thủ tướng Chính phủ “về quyết liệt thực hiện”')).toBe('Thủ tướng Chính phủ');
    expect(issuerWords('Ủy ban nhân dân Tỉnh; để kịp thời ngăn chặn')).toBe('Ủy ban nhân dân Tỉnh');
    expect(issuerWords('Ban Thường vụ Tỉnh ủy và Công điện khẩn')).toBe('Ban Thường vụ Tỉnh ủy');
    expect(issuerWords('UBND tỉnh ban hành ngày')).toBe('UBND tỉnh');
  });
  test('keeps the comma inside "Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh"', () => {
    expect(issuerWords('Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh về việc')).toBe('Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh');
  });
  test('reads "Đ" in the number ("Công điện số 1068/CĐ-TTg", "Quyết định 2686/QĐ-BCĐQG") and both are national', () => {
    const [a, b] = findCited('Công điện số 1068/CĐ-TTg ngày 02/8/2021 của Thủ tướng và Quyết định 2686/QĐ-BCĐQG của Ban Chỉ đạo Quốc gia', null, THAI_BINH_PROVINCE);
    expect([a!.number, a!.type, a!.date, a!.scope]).toEqual(['1068/CĐ-TTg', 'Công điện', '2021-08-02', 'trung ương']);
    expect([b!.number, b!.type, b!.issuer_as_written, b!.scope]).toEqual(['2686/QĐ-BCĐQG', 'Quyết định', 'Ban Chỉ đạo Quốc gia', 'trung ương']);
  });
  test('keeps the number as written ("135 - TB/TU") beside its canonical form', () => {
    const c = one('Thông báo số 135 - TB/TU của Tỉnh ủy');
    expect([c.number, c.number_as_written]).toEqual(['135-TB/TU', '135 - TB/TU']);
  });
  test('reads old tone placement in the words ("Tỉnh uỷ Hoà Bình") and keeps them as written', () => {
    const c = one('Kết luận số 12-KL/TU của Ban Thường vụ Tỉnh uỷ Hoà Bình');
    expect([c.issuer_as_written, c.province, c.place_from_text]).toEqual(['Ban Thường vụ Tỉnh uỷ Hoà Bình', 'Hòa Bình', true]);
  });
});

describe('findCited: lists', () => {
  test('gives each number of "Chỉ thị số 15/CT-TTg, 16/CT-TTg của Thủ tướng Chính phủ" the kind and the issuer', () => {
    const found = findCited('thực hiện Chỉ thị số 15/CT-TTg, 16/CT-TTg của Thủ tướng Chính phủ', null, THAI_BINH_PROVINCE);
    expect(found.map((c) => [c.number, c.type, c.issuer_as_written, c.scope])).toEqual([
      ['15/CT-TTg', 'Chỉ thị', 'Thủ tướng Chính phủ', 'trung ương'],
      ['16/CT-TTg', 'Chỉ thị', 'Thủ tướng Chính phủ', 'trung ương'],
    ]);
    expect(found.map((c) => c.text)).toEqual(['Chỉ thị số 15/CT-TTg, 16/CT-TTg của Thủ tướng Chính phủ', 'Chỉ thị số 15/CT-TTg, 16/CT-TTg của Thủ tướng Chính phủ']);
  });
  test('keeps each number\'s own date in "số 135-TB/TU ngày 06/5/2021 và số 140-TB/TU ngày 10/5/2021 của Ban Thường vụ Tỉnh ủy"', () => {
    const found = findCited('Thông báo số 135-TB/TU ngày 06/5/2021 và số 140-TB/TU ngày 10/5/2021 của Ban Thường vụ Tỉnh ủy', null, THAI_BINH_PROVINCE);
    expect(found.map((c) => [c.number, c.type, c.date, c.issuer_as_written, c.province])).toEqual([
      ['135-TB/TU', 'Thông báo', '2021-05-06', 'Ban Thường vụ Tỉnh ủy', 'Thái Bình'],
      ['140-TB/TU', 'Thông báo', '2021-05-10', 'Ban Thường vụ Tỉnh ủy', 'Thái Bình'],
    ]);
  });
  test('does not give a chỉ thị\'s kind to a công điện listed after it ("Chỉ thị số 15/CT-TTg và 05/CĐ-UBND")', () => {
    const found = findCited('theo Chỉ thị số 15/CT-TTg và 05/CĐ-UBND', null, THAI_BINH_PROVINCE);
    expect(found.map((c) => [c.number, c.type, c.scope])).toEqual([
      ['15/CT-TTg', 'Chỉ thị', 'trung ương'],
      ['05/CĐ-UBND', 'Công điện', 'tỉnh'],
    ]);
  });
  test('gives every number of a list longer than the words it may repeat its own words', () => {
    const numbers = Array.from({ length: 60 }, (_, i) => `${i + 1}/CT-TTg`);
    const found = findCited(`Chỉ thị số ${numbers.join(', ')} của Thủ tướng Chính phủ`, null, THAI_BINH_PROVINCE);
    expect(found).toHaveLength(60);
    expect(found[0]!.text).toBe('Chỉ thị số 1/CT-TTg');
    expect(found[59]!.text).toBe('60/CT-TTg của Thủ tướng Chính phủ');
    expect(new Set(found.map((c) => c.issuer_as_written))).toEqual(new Set(['Thủ tướng Chính phủ']));
  });
});

describe('findCited: whose the document is', () => {
  test('national codes are national: -CT/TW, -KL/TW, /NQ-CP, /QĐ-BYT, /QĐ-TTg', () => {
    const found = findCited('Chỉ thị số 05-CT/TW, Kết luận số 07-KL/TW, Nghị quyết số 128/NQ-CP, Quyết định số 4800/QĐ-BYT, Quyết định 23/2021/QĐ-TTg', null, THAI_BINH_PROVINCE);
    expect(found.map((c) => [c.number, c.scope, c.province])).toEqual([
      ['05-CT/TW', 'trung ương', null],
      ['07-KL/TW', 'trung ương', null],
      ['128/NQ-CP', 'trung ương', null],
      ['4800/QĐ-BYT', 'trung ương', null],
      ['23/2021/QĐ-TTg', 'trung ương', null],
    ]);
  });
  test('a provincial number belongs to the province the citing words name ("của Tỉnh ủy Gia Lai")', () => {
    const c = one('Thông báo số 135-TB/TU ngày 06/5/2021 của Tỉnh ủy Gia Lai', KIEN_XUONG);
    expect([c.scope, c.province, c.district, c.place_from_text]).toEqual(['tỉnh', 'Gia Lai', null, true]);
  });
  test('a district number cited by a district directive is its own district\'s; cited by a provincial one, of no known district', () => {
    const own = one('Công văn số 25-CV/HU ngày 02/5/2021', KIEN_XUONG);
    expect([own.scope, own.province, own.district, own.place_from_text]).toEqual(['huyện', 'Thái Bình', 'Kiến Xương', false]);
    const unnamed = one('Công văn số 25-CV/HU ngày 02/5/2021', THAI_BINH_PROVINCE);
    expect([unnamed.scope, unnamed.province, unnamed.district]).toEqual(['huyện', 'Thái Bình', null]);
  });
  test('a district the words name is that district ("của Huyện ủy Vũ Thư")', () => {
    const c = one('Công văn số 25-CV/HU của Huyện ủy Vũ Thư', KIEN_XUONG);
    expect([c.scope, c.province, c.district, c.place_from_text]).toEqual(['huyện', 'Thái Bình', 'Vũ Thư', true]);
  });
  test('a UBND number without words is the province\'s when a province cites it, and of unknown level when a district does', () => {
    expect(one('Kế hoạch số 45/KH-UBND', THAI_BINH_PROVINCE).scope).toBe('tỉnh');
    const c = one('Kế hoạch số 45/KH-UBND', KIEN_XUONG);
    expect([c.scope, c.province, c.district]).toEqual([null, 'Thái Bình', null]);
  });
  test('a UBND number whose words say "huyện" is the citing district\'s', () => {
    const c = one('Quyết định số 301/QĐ-UBND của Ủy ban nhân dân huyện', KIEN_XUONG);
    expect([c.scope, c.district]).toEqual(['huyện', 'Kiến Xương']);
  });
  test('a Thành ủy number (-CV/ThU) is provincial in Hà Nội and a district\'s elsewhere', () => {
    expect(one('Công văn số 356-CV/ThU', HA_NOI).scope).toBe('tỉnh');
    expect(one('Công văn số 356-CV/ThU', THAI_BINH_PROVINCE).scope).toBe('huyện');
  });
  test('a directive with no known province leaves the cited province unknown', () => {
    const c = one('Thông báo số 135-TB/TU', { province: null, district: null, level: null });
    expect([c.scope, c.province]).toEqual(['tỉnh', null]);
  });
  test('reads the issuer codes: TTg of 16/CT-TTg, TU of 135-TB/TU, UBND of 2987/UBND-KGVX and of 05/CĐ-UBND', () => {
    expect(['16/CT-TTg', '135-TB/TU', '2987/UBND-KGVX', '05/CĐ-UBND', '09/2021/NQ-HĐND'].map(issuerCode)).toEqual(['TTg', 'TU', 'UBND', 'UBND', 'HĐND']);
  });
});

describe('findCited: one entry per cited document', () => {
  test('leaves out the directive\'s own number', () => {
    expect(findCited('Công văn số 114-CV/HU này và Chỉ thị 16/CT-TTg', '114-CV/HU', KIEN_XUONG).map((c) => c.number)).toEqual(['16/CT-TTg']);
  });
  test('gives a document mentioned twice by its fullest mention, in the place of the first', () => {
    const found = findCited('theo Chỉ thị 16/CT-TTg; Quyết định số 4800/QĐ-BYT; nhắc lại Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ', null, THAI_BINH_PROVINCE);
    expect(found.map((c) => [c.number, c.date, c.issuer_as_written])).toEqual([
      ['16/CT-TTg', '2020-03-31', 'Thủ tướng Chính phủ'],
      ['4800/QĐ-BYT', null, null],
    ]);
  });
  test('keeps two mentions that give different dates as two documents (05/CT-TTg of 2020 and of 2021)', () => {
    const found = findCited('Chỉ thị số 05/CT-TTg ngày 28/02/2020 và Chỉ thị số 05/CT-TTg ngày 10/3/2021, lại Chỉ thị 05/CT-TTg', null, THAI_BINH_PROVINCE);
    expect(found.map((c) => [c.number, c.date])).toEqual([
      ['05/CT-TTg', '2020-02-28'],
      ['05/CT-TTg', '2021-03-10'],
    ]);
  });
  test('keeps the same number of two provinces apart', () => {
    const found = findCited('Thông báo số 135-TB/TU của Tỉnh ủy và Thông báo số 135-TB/TU của Tỉnh ủy Gia Lai', null, THAI_BINH_PROVINCE);
    expect(found.map((c) => [c.number, c.province])).toEqual([
      ['135-TB/TU', 'Thái Bình'],
      ['135-TB/TU', 'Gia Lai'],
    ]);
  });
  test('cites exactly the numbers `references` lists', () => {
    const text = 'thực hiện Thông báo kết luận số 135-TB/TU ngày 06/5/2021 và Công điện khẩn số 05/CĐ-UBND, theo Chỉ thị số 15/CT-TTg, Chỉ thị 16/CT-TTg và lại 15/CT-TTg; Công văn 114-CV/HU này';
    expect([...new Set(findCited(text, '114-CV/HU', KIEN_XUONG).map((c) => c.number))]).toEqual(findReferences(text, '114-CV/HU'));
  });
});

describe('resolveAgain', () => {
  test('moves a cited document that was the citing province\'s to the corrected province, and leaves named and national ones', () => {
    const cited = findCited('Thông báo số 135-TB/TU; Thông báo số 12-TB/TU của Tỉnh ủy Gia Lai; Chỉ thị 16/CT-TTg', null, THAI_BINH_PROVINCE);
    expect(resolveAgain(cited, { province: 'Nam Định', district: null, level: 'tỉnh' }).map((c) => [c.number, c.province])).toEqual([
      ['135-TB/TU', 'Nam Định'],
      ['12-TB/TU', 'Gia Lai'],
      ['16/CT-TTg', null],
    ]);
  });
  test('resolves from the number and the issuer\'s words alone', () => {
    expect(resolveCited('135-TB/TU', 'Ban Thường vụ Tỉnh ủy', THAI_BINH_PROVINCE)).toEqual({ scope: 'tỉnh', province: 'Thái Bình', district: null, place_from_text: false });
  });
});
