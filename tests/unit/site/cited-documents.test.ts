import { describe, expect, test } from 'vitest';
import { CITED_LIST_LIMIT, citationsByMonth, citedMonthPages, citedSlug, indexCitations, mostCitedDocuments, ownerLabel } from '../../../src/site/cited-documents.ts';
import { UNDATED_ANCHOR } from '../../../src/site/routes.ts';
import type { CitedDocument, Directive } from '../../../src/shared/schema.ts';
import { syntheticDirective } from '../../helpers/synthetic-directive.ts';

/** A cited document as ingest writes it; national unless told. */
const cite = (number: string, extra: Partial<CitedDocument> = {}): CitedDocument => ({
  number,
  number_as_written: number,
  type: null,
  date: null,
  issuer_as_written: null,
  scope: 'trung ương',
  province: null,
  district: null,
  place_from_text: false,
  text: number,
  ...extra,
});
const local = (number: string, province: string, extra: Partial<CitedDocument> = {}): CitedDocument => cite(number, { scope: 'tỉnh', province, ...extra });
/** A synthetic directive citing `cited`. */
const citing = (id: string, date: string | null, province: string | null, cited: CitedDocument[], extra: Partial<Directive> = {}): Directive =>
  syntheticDirective(id, date, province, { cited, references: [...new Set(cited.map((c) => c.number))], ...extra });

describe('citedSlug', () => {
  test('a national number is its own slug: 16/CT-TTg → 16-ct-ttg, 23/2021/QĐ-TTg → 23-2021-qd-ttg', () => {
    expect(citedSlug(cite('16/CT-TTg'))).toBe('16-ct-ttg');
    expect(citedSlug(cite('23/2021/QĐ-TTg'))).toBe('23-2021-qd-ttg');
  });
  test('a provincial number carries its province: 135-TB/TU of Thái Bình → 135-tb-tu-thai-binh', () => {
    expect(citedSlug(local('135-TB/TU', 'Thái Bình'))).toBe('135-tb-tu-thai-binh');
    expect(citedSlug(local('05/CĐ-UBND', 'Thừa Thiên Huế'))).toBe('05-cd-ubnd-thua-thien-hue');
  });
  test('a district number carries its province and district, or says the district is unknown', () => {
    expect(citedSlug(cite('25-CV/HU', { scope: 'huyện', province: 'Thái Bình', district: 'Vũ Thư' }))).toBe('25-cv-hu-thai-binh-vu-thu');
    expect(citedSlug(cite('25-CV/HU', { scope: 'huyện', province: 'Thái Bình', district: null }))).toBe('25-cv-hu-thai-binh-huyen-khong-ro');
  });
  test('an unknown level or province says so', () => {
    expect(citedSlug(cite('45/KH-UBND', { scope: null, province: 'Thái Bình' }))).toBe('45-kh-ubnd-thai-binh-cap-khong-ro');
    expect(citedSlug(local('135-TB/TU', null as unknown as string))).toBe('135-tb-tu-tinh-khong-ro');
  });
});

describe('indexCitations: which citations are one document', () => {
  test('two provinces\' 135-TB/TU stay two documents, each with its own citing directive', () => {
    const a = citing('thai-binh/a', '2021-05-07', 'Thái Bình', [local('135-TB/TU', 'Thái Bình')]);
    const b = citing('gia-lai/b', '2021-06-01', 'Gia Lai', [local('135-TB/TU', 'Gia Lai')]);
    const { documents } = indexCitations([a, b]);
    expect(documents.map((d) => [d.slug, d.citing.map((c) => c.directive.id)])).toEqual([
      ['135-tb-tu-gia-lai', ['gia-lai/b']],
      ['135-tb-tu-thai-binh', ['thai-binh/a']],
    ]);
  });
  test('one number cited in two years is two documents at <slug>-<year>, and the undated citation stays at <slug>, which lists them', () => {
    const docs = indexCitations([
      citing('a', '2020-03-01', 'Kon Tum', [cite('05/CT-TTg', { date: '2020-02-28' })]),
      citing('b', '2021-04-01', 'Kon Tum', [cite('05/CT-TTg', { date: '2021-03-10' })]),
      citing('c', '2021-05-01', 'Kon Tum', [cite('05/CT-TTg')]),
    ]).documents;
    expect(docs.map((d) => [d.slug, d.year, d.citing.map((c) => c.directive.id)])).toEqual([
      ['05-ct-ttg', null, ['c']],
      ['05-ct-ttg-2020', '2020', ['a']],
      ['05-ct-ttg-2021', '2021', ['b']],
    ]);
    expect(docs[0]!.sameNumber.map((d) => d.slug)).toEqual(['05-ct-ttg-2020', '05-ct-ttg-2021']);
  });
  test('one year and an undated citation are one document at the number\'s slug', () => {
    const docs = indexCitations([citing('a', '2021-07-13', 'Kiên Giang', [cite('15/CT-TTg', { date: '2020-03-27' })]), citing('b', '2021-05-07', 'Thái Bình', [cite('15/CT-TTg')])]).documents;
    expect(docs.map((d) => [d.slug, d.citing.map((c) => c.directive.id)])).toEqual([['15-ct-ttg', ['b', 'a']]]);
  });
  test('"05/CĐ-UBND" and "05/CD-UBND" of one province are one document, both spellings kept', () => {
    const docs = indexCitations([citing('a', '2021-05-07', 'Thái Bình', [local('05/CĐ-UBND', 'Thái Bình')]), citing('b', '2021-05-08', 'Thái Bình', [local('05/CD-UBND', 'Thái Bình')])]).documents;
    expect(docs.map((d) => [d.slug, d.numbers])).toEqual([['05-cd-ubnd-thai-binh', ['05/CĐ-UBND', '05/CD-UBND']]]);
  });
  test('lists national documents first, then by how many directives cite them, a directive citing twice counted once', () => {
    const docs = indexCitations([
      citing('a', '2021-01-01', 'Thái Bình', [local('1-TB/TU', 'Thái Bình'), local('2-TB/TU', 'Thái Bình')]),
      citing('b', '2021-01-02', 'Thái Bình', [local('2-TB/TU', 'Thái Bình'), local('2-TB/TU', 'Thái Bình', { date: '2020-12-30' }), cite('16/CT-TTg')]),
    ]).documents;
    expect(docs.map((d) => [d.slug, d.citing.length])).toEqual([
      ['16-ct-ttg', 1],
      ['2-tb-tu-thai-binh', 2],
      ['1-tb-tu-thai-binh', 1],
    ]);
  });
});

describe('indexCitations: references to directives of the archive', () => {
  const cited = citing('thai-binh/2021-05-06-135-tb-tu', '2021-05-06', 'Thái Bình', [], { doc_number: '135-TB/TU', issuer_level: 'tỉnh' });
  test('a reference whose number, province and date match a directive of the archive links to it, and that directive lists its citer', () => {
    const citer = citing('thai-binh/kien-xuong/x', '2021-05-07', 'Thái Bình', [local('135-TB/TU', 'Thái Bình', { date: '2021-05-06' }), cite('15/CT-TTg')], { issuer_level: 'huyện' });
    const index = indexCitations([cited, citer]);
    expect(index.linksOf(citer.id).map((l) => [l.cited.number, l.href, l.directive?.id ?? null])).toEqual([
      ['135-TB/TU', '/van-ban/thai-binh/2021-05-06-135-tb-tu/', 'thai-binh/2021-05-06-135-tb-tu'],
      ['15/CT-TTg', '/dan-chieu/15-ct-ttg/', null],
    ]);
    expect(index.citedBy(cited.id).map((d) => d.id)).toEqual([citer.id]);
    expect(index.pages.map((d) => d.slug)).toEqual(['15-ct-ttg']);
    expect(index.documents.find((d) => d.slug === '135-tb-tu-thai-binh')!.inArchive?.id).toBe(cited.id);
  });
  test('a reference without a date matches the one directive of that number and province', () => {
    const citer = citing('b', '2021-05-07', 'Thái Bình', [local('135-TB/TU', 'Thái Bình')]);
    expect(indexCitations([cited, citer]).linksOf('b')[0]!.href).toBe('/van-ban/thai-binh/2021-05-06-135-tb-tu/');
  });
  test('a reference of another province, or with another date, does not link to it', () => {
    const other = citing('b', '2021-05-07', 'Gia Lai', [local('135-TB/TU', 'Gia Lai'), local('135-TB/TU', 'Thái Bình', { date: '2021-05-05' })]);
    const index = indexCitations([cited, other]);
    expect(index.linksOf('b').map((l) => l.href)).toEqual(['/dan-chieu/135-tb-tu-gia-lai/', '/dan-chieu/135-tb-tu-thai-binh/']);
    expect(index.citedBy(cited.id)).toEqual([]);
  });
  test('a reference two directives of the archive could be links to neither', () => {
    const twin = citing('thai-binh/2020-01-01-135-tb-tu', '2020-01-01', 'Thái Bình', [], { doc_number: '135-TB/TU', issuer_level: 'tỉnh' });
    const citer = citing('b', '2021-05-07', 'Thái Bình', [local('135-TB/TU', 'Thái Bình')]);
    expect(indexCitations([cited, twin, citer]).linksOf('b')[0]!.href).toBe('/dan-chieu/135-tb-tu-thai-binh/');
  });
  test('a provincial reference does not link to a district directive of the same number', () => {
    const district = citing('thai-binh/kien-xuong/d', '2021-05-06', 'Thái Bình', [], { doc_number: '135-TB/TU', issuer_level: 'huyện', district: 'Kiến Xương' });
    const citer = citing('b', '2021-05-07', 'Thái Bình', [local('135-TB/TU', 'Thái Bình')]);
    expect(indexCitations([district, citer]).linksOf('b')[0]!.directive).toBeNull();
  });
  test('a reference never names a directive dated after the citing one: a text cannot cite what was not yet issued', () => {
    const later = citing('thai-binh/2021-09-01-135-tb-tu', '2021-09-01', 'Thái Bình', [], { doc_number: '135-TB/TU', issuer_level: 'tỉnh' });
    const citer = citing('b', '2021-05-07', 'Thái Bình', [local('135-TB/TU', 'Thái Bình')]);
    const [link] = indexCitations([cited, later, citer]).linksOf('b');
    expect([link!.directive?.id, link!.matches]).toEqual([cited.id, 1]);
  });
  test('a reference never names the citing directive itself', () => {
    const self = citing('thai-binh/2021-05-08-135-tb-tu', '2021-05-08', 'Thái Bình', [local('135-TB/TU', 'Thái Bình')], { doc_number: '135-TB/TU', issuer_level: 'tỉnh' });
    const [link] = indexCitations([cited, self]).linksOf(self.id);
    expect([link!.directive?.id, link!.matches]).toEqual([cited.id, 1]);
  });
  test('each link says how many directives fit and the cited document\'s slug, whether or not it names one', () => {
    const twin = citing('thai-binh/2020-01-01-135-tb-tu', '2020-01-01', 'Thái Bình', [], { doc_number: '135-TB/TU', issuer_level: 'tỉnh' });
    const citer = citing('b', '2021-05-07', 'Thái Bình', [local('135-TB/TU', 'Thái Bình'), cite('16/CT-TTg')]);
    expect(indexCitations([cited, twin, citer]).linksOf('b').map((l) => [l.slug, l.matches, l.directive])).toEqual([
      ['135-tb-tu-thai-binh', 2, null],
      ['16-ct-ttg', 0, null],
    ]);
  });
});

describe('what the citing texts say', () => {
  test('where they disagree, each value is kept with the directives that give it', () => {
    const docs = indexCitations([
      citing('a', '2021-07-13', 'Kiên Giang', [cite('16/CT-TTg', { date: '2020-03-31', issuer_as_written: 'Thủ tướng Chính phủ' })]),
      citing('b', '2021-07-14', 'Kon Tum', [cite('16/CT-TTg', { date: '2020-03-30', issuer_as_written: 'Thủ tướng Chính phủ' })]),
      citing('c', '2021-07-15', 'Gia Lai', [cite('16/CT-TTg', { date: '2020-03-31' })]),
    ]).documents;
    expect(docs).toHaveLength(1);
    expect(docs[0]!.dates.map((v) => [v.value, v.by.map((d) => d.id)])).toEqual([
      ['2020-03-31', ['a', 'c']],
      ['2020-03-30', ['b']],
    ]);
    expect(docs[0]!.issuers.map((v) => [v.value, v.by.map((d) => d.id)])).toEqual([['Thủ tướng Chính phủ', ['a', 'b']]]);
  });
  test('counts the citing directives by month, the undated apart', () => {
    const [doc] = indexCitations([
      citing('a', '2021-07-13', 'Kiên Giang', [cite('16/CT-TTg')]),
      citing('b', '2021-07-20', 'Kon Tum', [cite('16/CT-TTg')]),
      citing('c', null, 'Gia Lai', [cite('16/CT-TTg')]),
    ]).documents;
    expect(citationsByMonth(doc!, ['2021-06', '2021-07'])).toEqual({ counts: [['2021-06', 0], ['2021-07', 2]], undated: 1 });
  });
  test('names whose the document is', () => {
    expect(ownerLabel({ scope: 'trung ương', province: null, district: null })).toBe('Trung ương');
    expect(ownerLabel({ scope: 'tỉnh', province: 'Thái Bình', district: null })).toBe('Thái Bình');
    expect(ownerLabel({ scope: 'huyện', province: 'Thái Bình', district: 'Vũ Thư' })).toBe('Vũ Thư, Thái Bình');
    expect(ownerLabel({ scope: null, province: 'Thái Bình', district: null })).toBe('Thái Bình (không rõ cấp)');
  });
});

describe('citedMonthPages', () => {
  /** `n` synthetic directives citing 16/CT-TTg, dated by `dateOf(i)`; and one citing 15/CT-TTg. */
  const archive = (n: number, dateOf: (i: number) => string | null): Directive[] => [
    ...Array.from({ length: n }, (_, i) => citing(`d${i}`, dateOf(i), 'Kon Tum', [cite('16/CT-TTg')])),
    citing('small', '2021-05-02', 'Gia Lai', [cite('15/CT-TTg')]),
  ];
  const doc = (directives: Directive[], slug: string) => indexCitations(directives).document(slug)!;

  test('a document cited at most CITED_LIST_LIMIT times has no month pages: its page lists them all', () => {
    expect(citedMonthPages(doc(archive(CITED_LIST_LIMIT, () => '2021-07-01'), '16-ct-ttg'))).toEqual([]);
    expect(citedMonthPages(doc(archive(CITED_LIST_LIMIT + 1, () => '2021-07-01'), '15-ct-ttg'))).toEqual([]);
  });
  test('a document cited more often has a page for each month with citations, in order, and one for the undated last', () => {
    // 101 directives: d0–d49 in August 2021, d50–d99 in March 2020 (out of order), d100 undated; no month between has any.
    const pages = citedMonthPages(doc(archive(CITED_LIST_LIMIT + 1, (i) => (i < 50 ? `2021-08-${String((i % 28) + 1).padStart(2, '0')}` : i < 100 ? '2020-03-15' : null)), '16-ct-ttg'));
    expect(pages.map(({ month, citing: list }) => [month, list.length])).toEqual([
      ['2020-03', 50],
      ['2021-08', 50],
      [UNDATED_ANCHOR, 1],
    ]);
    expect(pages[2]!.citing.map((c) => c.directive.id)).toEqual(['d100']);
  });
  test('each month lists its citing directives in date order, each once however often it cites', () => {
    const directives = archive(CITED_LIST_LIMIT + 1, (i) => `2021-07-${String(28 - (i % 28)).padStart(2, '0')}`);
    directives[0] = citing('d0', '2021-07-28', 'Kon Tum', [cite('16/CT-TTg'), cite('16/CT-TTg', { text: 'Chỉ thị 16 lần nữa' })]);
    const [july] = citedMonthPages(doc(directives, '16-ct-ttg'));
    const dates = july!.citing.map((c) => c.directive.date_issued!);
    expect(july!.month).toBe('2021-07');
    expect(dates).toEqual([...dates].sort());
    expect(july!.citing.filter((c) => c.directive.id === 'd0')).toHaveLength(1);
    expect(july!.citing).toHaveLength(CITED_LIST_LIMIT + 1);
  });
  test('a lower limit is honoured', () => {
    expect(citedMonthPages(doc(archive(3, () => '2021-07-01'), '16-ct-ttg'), 2).map((p) => p.month)).toEqual(['2021-07']);
  });
});

describe('mostCitedDocuments', () => {
  test('counts a province\'s directives by cited document, not by the number\'s spelling or across years, each linked where its page is', () => {
    const list = [
      citing('a', '2020-03-01', 'Kon Tum', [cite('05/CT-TTg', { type: 'Chỉ thị', date: '2020-02-28' }), local('05/CĐ-UBND', 'Kon Tum', { type: 'Công điện' })]),
      citing('b', '2021-04-01', 'Kon Tum', [cite('05/CT-TTg', { type: 'Chỉ thị', date: '2021-03-10' }), local('05/CD-UBND', 'Kon Tum', { type: 'Công điện' })]),
      citing('c', '2021-05-01', 'Kon Tum', [cite('05/CT-TTg', { type: 'Chỉ thị', date: '2021-03-10' }), local('05/CĐ-UBND', 'Kon Tum'), local('05/CĐ-UBND', 'Kon Tum', { date: '2021-04-30' })]),
      citing('g', '2021-05-01', 'Gia Lai', [local('05/CĐ-UBND', 'Gia Lai')]),
    ];
    const index = indexCitations(list);
    expect(mostCitedDocuments(index, list.slice(0, 3), 10)).toEqual([
      { slug: '05-cd-ubnd-kon-tum', name: 'Công điện 05/CĐ-UBND', href: '/dan-chieu/05-cd-ubnd-kon-tum/', owner: 'Kon Tum', directives: 3 },
      { slug: '05-ct-ttg-2021', name: 'Chỉ thị 05/CT-TTg (năm 2021)', href: '/dan-chieu/05-ct-ttg-2021/', owner: 'Trung ương', directives: 2 },
      { slug: '05-ct-ttg-2020', name: 'Chỉ thị 05/CT-TTg (năm 2020)', href: '/dan-chieu/05-ct-ttg-2020/', owner: 'Trung ương', directives: 1 },
    ]);
  });
  test('links a document every citation of which names a directive of the archive to that directive, and keeps the first `limit`', () => {
    const cited = citing('kon-tum/2021-05-06-135-tb-tu', '2021-05-06', 'Kon Tum', [], { doc_number: '135-TB/TU', issuer_level: 'tỉnh' });
    const a = citing('a', '2021-05-07', 'Kon Tum', [local('135-TB/TU', 'Kon Tum'), cite('16/CT-TTg')]);
    const b = citing('b', '2021-05-08', 'Kon Tum', [local('135-TB/TU', 'Kon Tum')]);
    const index = indexCitations([cited, a, b]);
    expect(mostCitedDocuments(index, [cited, a, b], 1)).toEqual([{ slug: '135-tb-tu-kon-tum', name: 'Văn bản 135-TB/TU', href: '/van-ban/kon-tum/2021-05-06-135-tb-tu/', owner: 'Kon Tum', directives: 2 }]);
  });
});
