import { describe, expect, test } from 'vitest';
import { findHeader, splitTrailingMotto } from '../../../scripts/ingest/layout.ts';

describe('splitTrailingMotto', () => {
  test('splits the party motto from an issuer printed one or two spaces before it', () => {
    expect(splitTrailingMotto('ĐẢNG BỘ TỈNH THANH HÓA  ĐẢNG CỘNG SẢN VIỆT NAM')).toEqual(['ĐẢNG BỘ TỈNH THANH HÓA', 'ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(splitTrailingMotto('TỈNH ỦY LONG AN ĐẢNG CỘNG SẢN VIỆT NAM')).toEqual(['TỈNH ỦY LONG AN', 'ĐẢNG CỘNG SẢN VIỆT NAM']);
  });
  test('splits the state motto and its second line', () => {
    expect(splitTrailingMotto('UBND TỈNH LONG AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toEqual(['UBND TỈNH LONG AN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(splitTrailingMotto('BAN CHỈ ĐẠO PHÒNG, CHỐNG Độc lập - Tự do - Hạnh phúc')).toEqual(['BAN CHỈ ĐẠO PHÒNG, CHỐNG', 'Độc lập - Tự do - Hạnh phúc']);
  });
  test('leaves the motto alone, and the motto after markup only', () => {
    expect(splitTrailingMotto('ĐẢNG CỘNG SẢN VIỆT NAM')).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM']);
    expect(splitTrailingMotto('# ĐẢNG CỘNG SẢN VIỆT NAM')).toEqual(['# ĐẢNG CỘNG SẢN VIỆT NAM']);
  });
});

const kinds = (lines: string[]): string[] => findHeader(lines).header.map((h) => `${h.kind}: ${h.text}`);

describe('findHeader: where a subject ends', () => {
  const head = ['TỈNH ỦY LONG AN', 'Số 12-CV/TU', 'Long An, ngày 09 tháng 8 năm 2021'];
  test('goes on over lines that start with a capital, up to a blank line', () => {
    const { end, header } = findHeader([...head, 'V/v phòng, chống dịch', 'COVID-19 tại các khu công nghiệp', 'Khu kinh tế cửa khẩu', '', 'Trước tình hình dịch bệnh, Ban Thường vụ yêu cầu.']);
    expect(header.filter((h) => h.kind === 'subject').map((h) => h.text)).toEqual(['V/v phòng, chống dịch', 'COVID-19 tại các khu công nghiệp', 'Khu kinh tế cửa khẩu']);
    expect(end).toBe(7);
  });
  test('stops at a numbered point, a lead-in ending in ":" and after a line that ends a sentence', () => {
    expect(findHeader([...head, 'V/v phòng, chống dịch', '1. Các cấp ủy thực hiện nghiêm.']).end).toBe(4);
    expect(findHeader([...head, 'V/v phòng, chống dịch', 'Ban Thường vụ Tỉnh ủy yêu cầu:']).end).toBe(4);
    expect(findHeader([...head, 'V/v phòng, chống dịch COVID-19.', 'Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy']).end).toBe(4);
  });
  test('after a blank line, goes on only with a line that starts in lower case (PDF extractions with a blank after every line)', () => {
    expect(kinds([...head, 'V/v phòng, chống dịch', '', 'trong tình hình mới', '', 'Kính gửi: Các huyện ủy.'])).toContain('subject: trong tình hình mới');
    expect(findHeader([...head, 'V/v phòng, chống dịch', '', 'Trong thời gian qua, các cấp ủy']).end).toBe(5);
  });
});

describe('findHeader: a recipients column', () => {
  test('takes a line aligned under the items as part of the list, and stops at the body at the margin', () => {
    const lines = ['TỈNH ỦY LONG AN', 'V/v phòng, chống dịch', '', '        Kính gửi:', '                  - Ủy ban Mặt trận Tổ quốc', '                    Việt Nam tỉnh,', '                  - Các sở, ngành.', 'Trước tình hình dịch bệnh, Ban Thường vụ yêu cầu.'];
    const { end, header } = findHeader(lines);
    expect(header.filter((h) => h.kind === 'item').map((h) => h.text)).toEqual(['- Ủy ban Mặt trận Tổ quốc', 'Việt Nam tỉnh,', '- Các sở, ngành.']);
    expect(end).toBe(7);
  });
  test('does not take a line at the left margin after items at the left margin', () => {
    const { end } = findHeader(['TỈNH ỦY LONG AN', 'V/v phòng, chống dịch', 'Kính gửi:', '- Ủy ban Mặt trận Tổ quốc', 'Việt Nam tỉnh', 'Trước tình hình dịch bệnh.']);
    expect(end).toBe(4);
  });
});
