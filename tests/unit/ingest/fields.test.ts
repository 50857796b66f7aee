import { describe, expect, test } from 'vitest';
import {
  canonicalNumber,
  docTypeFromNumber,
  docTypeFromTitle,
  findReferences,
  normalizeAuthority,
  officeCase,
  parseDateLine,
  parseDocNumber,
  placeCase,
} from '../../../scripts/ingest/fields.ts';

describe('parseDocNumber', () => {
  test('reads "235-CV/TU" as party-style 235-CV/TU with code CV', () => {
    expect(parseDocNumber('235-CV/TU')).toEqual({ canonical: '235-CV/TU', code: 'CV', stateStyle: false });
  });
  test('reads "356 - CV/ThU" as 356-CV/ThU', () => {
    expect(parseDocNumber('356 - CV/ThU').canonical).toBe('356-CV/ThU');
  });
  test('reads "62 -CV/TU" as 62-CV/TU', () => {
    expect(parseDocNumber('62 -CV/TU').canonical).toBe('62-CV/TU');
  });
  test('reads state-style "05/CĐ-UBND" with code CĐ', () => {
    expect(parseDocNumber('05/CĐ-UBND')).toEqual({ canonical: '05/CĐ-UBND', code: 'CĐ', stateStyle: true });
  });
  test('reads "30/2020/NĐ-CP" with its year', () => {
    expect(parseDocNumber('30/2020/NĐ-CP').canonical).toBe('30/2020/NĐ-CP');
  });
  test('gives no number for a blank "   -CV/TU" but keeps the type code', () => {
    expect(parseDocNumber('   -CV/TU')).toEqual({ canonical: null, code: 'CV', stateStyle: false });
  });
  test('gives no number for garbage', () => {
    expect(parseDocNumber('abc').canonical).toBeNull();
  });
  test('compacts an en dash and spaces', () => {
    expect(canonicalNumber('12 – TB / BCĐ')).toBe('12-TB/BCĐ');
  });
});

describe('doc type', () => {
  test('CV is a công văn, CĐ a công điện, KL a kết luận', () => {
    expect(docTypeFromNumber(parseDocNumber('235-CV/TU'))).toBe('Công văn');
    expect(docTypeFromNumber(parseDocNumber('05/CĐ-UBND'))).toBe('Công điện');
    expect(docTypeFromNumber(parseDocNumber('3-KL/TU'))).toBe('Kết luận');
  });
  test('a state number coded by its issuer ("1234/UBND-VX") is a công văn', () => {
    expect(docTypeFromNumber(parseDocNumber('1234/UBND-VX'))).toBe('Công văn');
  });
  test('reads the title line "CHỈ THỊ" and "THÔNG BÁO KẾT LUẬN"', () => {
    expect(docTypeFromTitle('CHỈ THỊ')).toBe('Chỉ thị');
    expect(docTypeFromTitle('THÔNG BÁO KẾT LUẬN')).toBe('Thông báo');
    expect(docTypeFromTitle('CÔNG ĐIỆN KHẨN')).toBe('Công điện');
  });
});

describe('parseDateLine', () => {
  test('reads "Kon Tum, ngày 21 tháng 7 năm 2021"', () => {
    expect(parseDateLine('Kon Tum, ngày 21 tháng 7 năm 2021')).toEqual({ place: 'Kon Tum', date: '2021-07-21', problem: null });
  });
  test('reads "ngày 05 tháng 8 năm 2021", "ngày 5/8/2021" and "ngày 05-8-2021" alike', () => {
    for (const s of ['Hà Nội, ngày 05 tháng 8 năm 2021', 'Hà Nội, ngày 5/8/2021', 'Hà Nội, ngày 05-8-2021']) {
      expect(parseDateLine(s).date).toBe('2021-08-05');
    }
  });
  test('reads a date line without a place', () => {
    expect(parseDateLine('ngày 09 tháng 02 năm 2021')).toEqual({ place: null, date: '2021-02-09', problem: null });
  });
  test('gives no date, with the reason, for a blank day', () => {
    const d = parseDateLine('Hà Nội, ngày    tháng 7 năm 2021');
    expect(d.date).toBeNull();
    expect(d.problem).toContain('không đầy đủ');
  });
  test('gives no date for 30 February or month 13', () => {
    expect(parseDateLine('ngày 30/02/2021').date).toBeNull();
    expect(parseDateLine('ngày 21/13/2021').date).toBeNull();
  });
});

describe('findReferences', () => {
  test('finds party and state numbers in order, without the own number', () => {
    const text =
      'thực hiện Thông báo kết luận số 135-TB/TU ngày 06/5/2021 và Công điện khẩn số 05/CĐ-UBND, theo Chỉ thị số 15/CT-TTg, Chỉ thị 16/CT-TTg và lại 15/CT-TTg; Công văn 114-CV/HU này';
    expect(findReferences(text, '114-CV/HU')).toEqual(['135-TB/TU', '05/CĐ-UBND', '15/CT-TTg', '16/CT-TTg']);
  });
  test('ignores dates, COVID-19 and 5K', () => {
    expect(findReferences('ngày 06/5/2021, COVID-19, 5K, F0', null)).toEqual([]);
  });
});

describe('office names', () => {
  test('cases "PHÓ BÍ THƯ THƯỜNG TRỰC" as "Phó Bí thư Thường trực"', () => {
    expect(officeCase('PHÓ BÍ THƯ THƯỜNG TRỰC')).toBe('Phó Bí thư Thường trực');
  });
  test('cases "CHÁNH VĂN PHÒNG" as "Chánh Văn phòng"', () => {
    expect(officeCase('CHÁNH VĂN PHÒNG')).toBe('Chánh Văn phòng');
  });
  test('normalizes "T/M BAN THƯỜNG VỤ", "KT. CHỦ TỊCH", "TL. CHỦ TỊCH", "TM. UỶ BAN NHÂN DÂN"', () => {
    expect(normalizeAuthority('T/M BAN THƯỜNG VỤ')).toBe('T/M Ban Thường vụ');
    expect(normalizeAuthority('KT. CHỦ TỊCH')).toBe('K/T Chủ tịch');
    expect(normalizeAuthority('TL. CHỦ TỊCH')).toBe('T/L Chủ tịch');
    expect(normalizeAuthority('TM. UỶ BAN NHÂN DÂN')).toBe('T/M Ủy ban nhân dân');
  });
  test('cases a place "KIẾN XƯƠNG" as "Kiến Xương"', () => {
    expect(placeCase('KIẾN XƯƠNG')).toBe('Kiến Xương');
  });
});
