import { describe, expect, test } from 'vitest';
import { citationEn, citationVi, issuerEnglish } from '../../../src/site/citation.ts';
import { syntheticDirective as d } from '../../helpers/synthetic-directive.ts';

describe('citations', () => {
  const kt = d('kon-tum/2021-07-21-235-cv-tu', '2021-07-21', 'Kon Tum', {
    title: 'Công văn 235-CV/TU của Tỉnh ủy Kon Tum về tăng cường các biện pháp',
    doc_number: '235-CV/TU',
    issuer: 'Tỉnh ủy Kon Tum',
    subject: 'tăng cường các biện pháp',
  });
  const url = 'https://example.org/van-ban/kon-tum/2021-07-21-235-cv-tu/';
  test('cites in Vietnamese with issuer, year, number, date, subject and permalink', () => {
    expect(citationVi(kt, url)).toBe(
      `Tỉnh ủy Kon Tum (2021). Công văn số 235-CV/TU ngày 21/07/2021 về tăng cường các biện pháp. Lưu trữ văn bản chỉ đạo phòng, chống COVID-19. ${url}`,
    );
  });
  test('cites in English, APA-like, with an English gloss of the issuer', () => {
    expect(citationEn(kt, url)).toBe(
      `Tỉnh ủy Kon Tum [Kon Tum Provincial Party Committee]. (2021, July 21). Công văn 235-CV/TU của Tỉnh ủy Kon Tum về tăng cường các biện pháp [Official letter]. Archive of Vietnamese COVID-19 Directives. ${url}`,
    );
  });
  test('says "không số" and "n.d." for an unnumbered, undated directive', () => {
    const undated = d('gia-lai/khong-ro-ngay-chi-thi', null, 'Gia Lai', { doc_type: 'Chỉ thị', issuer: 'Tỉnh ủy Gia Lai' });
    expect(citationVi(undated, url)).toContain('Tỉnh ủy Gia Lai (không rõ năm). Chỉ thị không số.');
    expect(citationEn(undated, url)).toContain('(n.d.)');
  });
  test('glosses district committees and people\'s committees', () => {
    expect(issuerEnglish('Huyện ủy Kiến Xương')).toBe('Kiến Xương District Party Committee');
    expect(issuerEnglish('Ủy ban nhân dân tỉnh Bà Rịa - Vũng Tàu')).toBe("Bà Rịa - Vũng Tàu Provincial People's Committee");
  });
});
