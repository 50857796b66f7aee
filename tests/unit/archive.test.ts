import { describe, expect, test } from 'vitest';
import { archiveStats, byDate, groupByMonth, groupByProvince, monthsBetween } from '../../src/lib/archive.ts';
import { citationEn, citationVi, issuerEnglish } from '../../src/lib/citation.ts';
import { longDate, memoized, monthTitle, shortDate } from '../../src/lib/format.ts';
import type { Directive } from '../../src/lib/schema.ts';

/** A minimal synthetic directive for view tests (not a real document). */
const d = (id: string, date: string | null, province: string | null, extra: Partial<Directive> = {}): Directive => ({
  id,
  title: `Văn bản thử ${id}`,
  doc_number: null,
  doc_number_raw: null,
  doc_type: 'Công văn',
  issuer: null,
  parent_issuer: null,
  issuer_level: 'tỉnh',
  province,
  province_2025: null,
  district: null,
  place: null,
  date_issued: date,
  subject: null,
  recipients: [],
  cc: [],
  signing_authority: null,
  signer_title: null,
  signer_name: null,
  references: [],
  principles: [],
  source_file: `${id}.txt`,
  source_sha256: '0'.repeat(64),
  duplicate_sources: [],
  inferred: [],
  warnings: [],
  curated: [],
  ...extra,
});

describe('byDate', () => {
  test('puts dated directives in order and undated ones last, in both directions', () => {
    const list = [d('b', null, null), d('c', '2021-07-21', null), d('a', '2020-03-01', null)];
    expect(byDate(list).map((x) => x.id)).toEqual(['a', 'c', 'b']);
    expect(byDate(list, 'desc').map((x) => x.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('groupByMonth', () => {
  test('has all 36 months of 2020–2022, counts each, and keeps undated and out-of-period directives', () => {
    const { months, outside, undated } = groupByMonth([d('a', '2021-07-21', null), d('b', '2021-07-01', null), d('c', null, null), d('d', '2023-01-05', null)]);
    expect([...months.keys()].filter((m) => m <= '2022-12')).toHaveLength(36);
    expect(months.get('2021-07')!.map((x) => x.id)).toEqual(['b', 'a']);
    expect(months.get('2020-01')).toEqual([]);
    expect(outside).toEqual(['2023-01']);
    expect(undated.map((x) => x.id)).toEqual(['c']);
  });
  test('monthsBetween crosses years', () => {
    expect(monthsBetween('2020-11', '2021-02')).toEqual(['2020-11', '2020-12', '2021-01', '2021-02']);
  });
});

describe('groupByProvince', () => {
  test('lists all 63 provinces, zero included, and sets apart directives without a province', () => {
    const { provinces, unknown } = groupByProvince([d('a', null, 'Kon Tum'), d('b', null, null), d('c', null, 'Hoà Bình')]);
    expect(provinces).toHaveLength(63);
    expect(provinces.find((p) => p.province.slug === 'kon-tum')!.directives.map((x) => x.id)).toEqual(['a']);
    expect(provinces.find((p) => p.province.slug === 'hoa-binh')!.directives.map((x) => x.id)).toEqual(['c']);
    expect(provinces.find((p) => p.province.slug === 'ha-noi')!.directives).toEqual([]);
    expect(unknown.map((x) => x.id)).toEqual(['b']);
  });
  test('archiveStats counts provinces, the date range and the undated', () => {
    expect(archiveStats([d('a', '2021-07-21', 'Kon Tum'), d('b', '2021-02-09', 'Sóc Trăng'), d('c', null, 'Kon Tum')])).toEqual({
      directives: 3,
      provinces: 2,
      first: '2021-02-09',
      last: '2021-07-21',
      undated: 1,
    });
  });
});

describe('dates in Vietnamese', () => {
  test('formats 2021-07-21 as "21/07/2021" and "ngày 21 tháng 7 năm 2021"', () => {
    expect(shortDate('2021-07-21')).toBe('21/07/2021');
    expect(longDate('2021-07-21')).toBe('ngày 21 tháng 7 năm 2021');
    expect(monthTitle('2021-07')).toBe('Tháng 7 năm 2021');
  });

  test('each distinct date is formatted once, and a second call gives the same text', () => {
    expect(shortDate('2020-02-03')).toBe('03/02/2020');
    expect(shortDate('2020-02-03')).toBe('03/02/2020');
    expect(longDate('2020-02-03')).toBe('ngày 3 tháng 2 năm 2020');
    const calls: string[] = [];
    const upper = memoized((s) => (calls.push(s), s.toUpperCase()));
    expect([upper('a'), upper('b'), upper('a'), upper('a')]).toEqual(['A', 'B', 'A', 'A']);
    expect(calls).toEqual(['a', 'b']);
  });
});

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
