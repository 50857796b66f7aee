import { describe, expect, test } from 'vitest';
import { capitalLines, convertedFrom, convertedWarning, convertLegacy, guessLegacyEncoding } from '../../../src/shared/legacy-encoding.ts';
import { cp1258 } from '../../fixtures/cp1258.mjs';
import { tcvn3 } from '../../fixtures/tcvn3.mjs';
import { vni } from '../../fixtures/vni.mjs';

/** Every Vietnamese letter, lower case, then the capitals TCVN3 (ABC) has codes for. */
const LOWER = 'aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ';
const TCVN3_CAPITALS = 'ĂÂÊÔƠƯĐ';
const SAMPLE = 'Ban Thường vụ Tỉnh ủy đề nghị các đồng chí để ý, đã rõ.\n';

describe('convertLegacy', () => {
  test('reads every letter the fixtures encode in TCVN3 (the .VnTime fonts, ABC) as that letter', () => {
    const letters = LOWER + TCVN3_CAPITALS;
    const converted = convertLegacy(tcvn3(letters), 'TCVN3 (ABC)');
    expect(converted).toEqual({ ok: true, text: letters });
  });
  test('reads every letter in Windows-1258, precomposed or as a base letter and a combining tone byte', () => {
    const letters = LOWER + LOWER.toUpperCase();
    expect(convertLegacy(cp1258(letters), 'Windows-1258')).toEqual({ ok: true, text: letters });
  });
  test('keeps CRLF line endings: the text is converted, not normalised', () => {
    expect(convertLegacy(cp1258('Số 1\r\nđã rõ\r\n'), 'Windows-1258')).toEqual({ ok: true, text: 'Số 1\r\nđã rõ\r\n' });
  });
});

describe('capitalLines', () => {
  test('writes in capitals a line whose Latin letters are capitals, as the capitals font printed it', () => {
    expect(capitalLines('TỉNH ủY BếN TRE\nT/M BAN THƯờNG Vụ')).toBe('TỈNH ỦY BẾN TRE\nT/M BAN THƯỜNG VỤ');
  });
  test('leaves a line with a lower-case Latin letter, or with one capital only, as it is', () => {
    expect(capitalLines('Từ ngày 14/02/2022, các trường học\nTừ\nủy')).toBe('Từ ngày 14/02/2022, các trường học\nTừ\nủy');
  });
});

describe('guessLegacyEncoding', () => {
  test('names TCVN3, VNI and Windows-1258 from their bytes for "đ"', () => {
    expect(guessLegacyEncoding(tcvn3(SAMPLE))).toBe('TCVN3 (ABC)');
    expect(guessLegacyEncoding(vni(SAMPLE))).toBe('VNI');
    expect(guessLegacyEncoding(cp1258(SAMPLE))).toBe('Windows-1258');
  });
  test('names nothing for a text with one word starting with "đ", or for UTF-8', () => {
    expect(guessLegacyEncoding(tcvn3('Ban Thường vụ Tỉnh ủy đề nghị.'))).toBeNull();
    expect(guessLegacyEncoding(new TextEncoder().encode(SAMPLE))).toBeNull();
  });
});

describe('convertedFrom', () => {
  test('reads back the encoding from the warning ingest writes for a converted source', () => {
    expect(convertedFrom(['Văn bản không ghi số', convertedWarning('TCVN3 (ABC)')])).toBe('TCVN3 (ABC)');
    expect(convertedFrom([convertedWarning('Windows-1258')])).toBe('Windows-1258');
  });
  test('is null for a source that came as UTF-8', () => {
    expect(convertedFrom(['Văn bản không ghi số'])).toBeNull();
  });
});
