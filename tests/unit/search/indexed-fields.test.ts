import { describe, expect, test } from 'vitest';
import { filterValues, indexedTexts, searchableExtras } from '../../../src/search/build/indexed-fields.ts';
import type { Directive } from '../../../src/shared/schema.ts';

describe('what the index records', () => {
  const undated = {
    doc_number: null,
    date_issued: null,
    province: 'Gia Lai',
    doc_type: 'Chỉ thị',
    issuer_level: 'tỉnh',
    principles: ['4 tại chỗ'],
    signer_name: null,
  } as unknown as Directive;
  test('gives the vocabulary the texts the page indexes, not ids, file names or hashes', () => {
    const d = { ...undated, id: 'gia-lai/khong-ro-ngay-chi-thi', subject: 'giãn cách xã hội', doc_number: '05/CĐ-UBND', source_file: 'x_1.txt', source_sha256: 'ab12', body: 'Thân văn bản' };
    const texts = indexedTexts(d).flat();
    expect(texts).toEqual(expect.arrayContaining(['giãn cách xã hội', 'Thân văn bản', 'Gia Lai']));
    expect(texts.some((t) => typeof t === 'string' && t.includes('05cdubnd'))).toBe(true);
    expect(texts).not.toContain('x_1.txt');
    expect(texts).not.toContain('ab12');
    expect(texts).not.toContain('gia-lai/khong-ro-ngay-chi-thi');
  });
  test('leaves out the Nơi nhận list, which the page shows but does not index', () => {
    const d = { ...undated, recipients: ['Các huyện ủy'], cc: ['Lưu Văn phòng Tỉnh ủy'], body: 'Thân văn bản' } as unknown as Directive & { body: string };
    const texts = indexedTexts(d).flat();
    expect(texts).toContain('Các huyện ủy');
    expect(texts).not.toContain('Lưu Văn phòng Tỉnh ủy');
  });
  test('files an undated directive under the year "Không rõ ngày"', () => {
    expect(filterValues(undated).nam).toEqual(['Không rõ ngày']);
  });
  test('indexes a number in its printed, spaced and compact forms', () => {
    expect(searchableExtras({ ...undated, doc_number: '235-CV/TU', date_issued: '2021-07-21' })).toBe(
      'Số hiệu 235-CV/TU. 235 CV TU. 235cvtu. Ngày 21/07/2021. Tỉnh Gia Lai. Phương châm: 4 tại chỗ',
    );
  });
});
