/**
 * The Atom feeds, read back by feedsmith (a real feed parser, which refuses what is not Atom) after
 * fast-xml-parser's strict XML check, with RFC 4287's required elements checked on what it read.
 * Directives here are SYNTHETIC (not real documents).
 */
import { parseAtomFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, test } from 'vitest';
import { emptyRegistry, type Registry } from '../../../src/shared/registry.ts';
import { atomFeed, feedEntries, FEED_ENTRIES, type FeedEntry } from '../../../src/site/feeds.ts';
import { editionDate } from '../../../src/site/registry.ts';
import { syntheticDirective } from '../../helpers/synthetic-directive.ts';

const A = syntheticDirective('kon-tum/2021-08-05-12-cv-tu', '2021-08-06', 'Kon Tum', {
  title: 'Công văn 12-CV/TU của Tỉnh ủy Kon Tum về thử <nghiệm> & "tổng hợp" (synthetic)',
  curated: [{ field: 'date_issued', note: 'Bản lưu ghi ngày 6/8/2021 (synthetic)' }],
});
const B = syntheticDirective('gia-lai/2021-08-01-3-cv-tu', '2021-08-01', 'Gia Lai', { curated: [{ field: 'signer_name', note: 'Chữ ký trên bản lưu (synthetic)' }] });
const C = syntheticDirective('khong-ro-tinh/khong-ro-ngay-cong-van', null, null);
const REGISTRY: Registry = {
  ...emptyRegistry(),
  ids: { 'a.txt': A.id, 'b.txt': B.id, 'c.txt': C.id },
  added: { [A.id]: '2026-11-25', [B.id]: '2026-12-02', [C.id]: '2026-11-25' },
  corrected: {
    [A.id]: { date: '2026-12-01', fields: ['date_issued'], facts: { date_issued: '0123456789abcdef' } },
    [B.id]: { date: '2026-12-02', fields: ['signer_name'], facts: { signer_name: 'fedcba9876543210' } },
  },
  withdrawn: {
    'kon-tum/2021-07-01-1-cv-tu': {
      date: '2026-12-03', reason: 'Trùng với văn bản khác (synthetic)', note: 'kiểm thử', source: 'd.txt', published: '2026-11-25',
      title: 'Công văn 1-CV/TU của Tỉnh ủy Kon Tum (synthetic)', doc_number: '1-CV/TU', issuer: 'Tỉnh ủy Kon Tum', date_issued: '2021-07-01',
    },
  },
};
const SITE = 'https://luu-tru.example';
const permalink = (id: string): string => `${SITE}/van-ban/${id}/`;
const ENTRIES = feedEntries([A, B, C], REGISTRY, permalink);
const feed = (entries: readonly FeedEntry[], updated: string | null = '2026-12-03'): string =>
  atomFeed({ self: `${SITE}/feed.xml`, page: `${SITE}/`, home: `${SITE}/`, title: 'Thử (synthetic)', subtitle: 'Thử', updated, entries });

/** The feed read by feedsmith, with RFC 4287's requirements checked on what it read. */
function readAtom(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = parseAtomFeed(xml);
  const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
  expect(parsed.id).toBeTruthy();
  expect(parsed.title?.value).toBeTruthy();
  expect(parsed.updated).toMatch(rfc3339);
  expect(parsed.authors?.[0]?.name).toBeTruthy();
  expect(parsed.links?.find((l) => l.rel === 'self')?.href).toBe(`${SITE}/feed.xml`);
  const entries = parsed.entries ?? [];
  for (const e of entries) {
    expect(e.id).toBeTruthy();
    expect(e.title?.value).toBeTruthy();
    expect(e.updated).toMatch(rfc3339);
    expect(e.links?.find((l) => (l.rel ?? 'alternate') === 'alternate')?.href).toBeTruthy();
  }
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  return parsed;
}

describe('feedEntries', () => {
  test('lists additions, corrections and withdrawals, newest first, each dated from the registry', () => {
    expect(ENTRIES.map((e) => [e.date, e.kind, e.link])).toEqual([
      ['2026-12-03', 'withdrawn', permalink('kon-tum/2021-07-01-1-cv-tu')],
      ['2026-12-02', 'added', permalink(B.id)],
      ['2026-12-01', 'corrected', permalink(A.id)],
      ['2026-11-25', 'added', permalink(C.id)],
      ['2026-11-25', 'added', permalink(A.id)],
    ]);
  });
  test('says what a correction changed, with the field\'s name and the curator\'s note', () => {
    expect(ENTRIES.find((e) => e.kind === 'corrected')!.summary).toBe('Sửa ngày 01/12/2026: ngày ban hành (Bản lưu ghi ngày 6/8/2021 (synthetic)).');
  });
  test('folds a correction made the day a directive was added into its addition', () => {
    expect(ENTRIES.filter((e) => e.link === permalink(B.id)).map((e) => e.kind)).toEqual(['added']);
    expect(ENTRIES.find((e) => e.link === permalink(B.id))!.summary).toBe('Thêm mới vào lưu trữ ngày 02/12/2026. Có thông tin do biên tập viên bổ sung: người ký (Chữ ký trên bản lưu (synthetic)).');
  });
  test('says a withdrawal\'s reason and places it in the province its id names', () => {
    const w = ENTRIES.find((e) => e.kind === 'withdrawn')!;
    expect(w.summary).toBe('Rút khỏi lưu trữ ngày 03/12/2026: Trùng với văn bản khác (synthetic)');
    expect(w.province).toBe('kon-tum');
  });
  test('gives each entry the province of its directive, or none', () => {
    expect(ENTRIES.map((e) => e.province)).toEqual(['kon-tum', 'gia-lai', 'kon-tum', null, 'kon-tum']);
  });
  test('gives every change an id of its own, stable across builds', () => {
    expect(ENTRIES.map((e) => e.id)).toEqual([
      `${permalink('kon-tum/2021-07-01-1-cv-tu')}#rut-2026-12-03`,
      `${permalink(B.id)}#them-moi`,
      `${permalink(A.id)}#sua-2026-12-01`,
      `${permalink(C.id)}#them-moi`,
      `${permalink(A.id)}#them-moi`,
    ]);
  });
});

describe('atomFeed', () => {
  test('is valid Atom whose entries link to the permalinks and say what changed', () => {
    const parsed = readAtom(feed(ENTRIES));
    expect(parsed.updated).toBe('2026-12-03T00:00:00Z');
    expect(parsed.entries!.map((e) => [e.title!.value, e.links![0]!.href, e.summary!.value])).toEqual(
      ENTRIES.map((e) => [`${{ added: 'Thêm mới', corrected: 'Sửa', withdrawn: 'Rút khỏi lưu trữ' }[e.kind]}: ${e.title}`, e.link, e.summary]),
    );
  });
  test('escapes markup in titles, so a title is text', () => {
    const parsed = readAtom(feed(ENTRIES));
    expect(parsed.entries!.some((e) => e.title!.value === `Thêm mới: ${A.title}`)).toBe(true);
  });
  test('is valid with no entries, dated by the edition', () => {
    const parsed = readAtom(feed([], '2026-11-25'));
    expect(parsed.entries ?? []).toEqual([]);
    expect(parsed.updated).toBe('2026-11-25T00:00:00Z');
  });
  test(`keeps the newest ${FEED_ENTRIES} entries`, () => {
    const many = Array.from({ length: FEED_ENTRIES + 5 }, (_, i) => ({ ...ENTRIES[4]!, id: `${ENTRIES[4]!.id}-${i}` }));
    expect(readAtom(feed(many)).entries).toHaveLength(FEED_ENTRIES);
  });
});

describe('editionDate', () => {
  test('is the newest day the registry records: an addition, a correction or a withdrawal', () => {
    expect(editionDate(REGISTRY)).toBe('2026-12-03');
    expect(editionDate({ ...REGISTRY, withdrawn: {} })).toBe('2026-12-02');
    expect(editionDate({ ...REGISTRY, withdrawn: {}, added: { [A.id]: '2026-11-25' }, corrected: { [A.id]: REGISTRY.corrected[A.id]! } })).toBe('2026-12-01');
  });
  test('is null for a registry that records no day', () => {
    expect(editionDate(emptyRegistry())).toBeNull();
  });
});
