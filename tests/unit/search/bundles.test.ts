/**
 * How the search index is cut into bundles (src/search/build/index-step.ts): by year, a big year by
 * runs of whole months, the folders without a date in their id in the first bundle.
 */
import { describe, expect, test } from 'vitest';
import { BUNDLE_PAGES, bundlePages, monthOfId, notIndexed, planBundles } from '../../../src/search/build/index-step.ts';

/** `n` page folders issued in `month` ("2021-07"), in several provinces. */
const pages = (month: string, n: number): string[] =>
  Array.from({ length: n }, (_, i) => `van-ban/${['kon-tum', 'ha-noi', 'thai-binh/kien-xuong'][i % 3]}/${month}-${String((i % 28) + 1).padStart(2, '0')}-${i}-cv-tu`);

const monthsOf = (parts: string[]): string[] => parts.flatMap((p) => /^van-ban\/\*\*\/(\d{4}-\d{2})-\*$/.exec(p)?.[1] ?? []);

describe('monthOfId', () => {
  test('reads the year and month of a dated id, and nothing from an undated or freely named one', () => {
    expect(monthOfId('van-ban/kon-tum/2021-07-21-235-cv-tu')).toBe('2021-07');
    expect(monthOfId('/van-ban/thai-binh/kien-xuong/2021-05-07-114-cv-hu/')).toBe('2021-05');
    expect(monthOfId('van-ban/gia-lai/khong-ro-ngay-chi-thi')).toBeNull();
    expect(monthOfId('van-ban/kon-tum/chi-thi-ve-phong-dich')).toBeNull();
    expect(monthOfId('van-ban/kon-tum/2021-chi-thi')).toBeNull();
  });
});

describe('planBundles', () => {
  test('a small archive: one bundle per year, the undated and freely named folders in the first', () => {
    const undated = ['van-ban/gia-lai/khong-ro-ngay-chi-thi', 'van-ban/kon-tum/chi-thi-ve-phong-dich'];
    const plans = planBundles([...pages('2021-03', 5), ...undated, ...pages('2020-02', 4), ...pages('2021-11', 2)], 2000);
    expect(plans.map((p) => [p.key, p.path, p.pages])).toEqual([
      ['2020', '/pagefind/', 6],
      ['2021', '/pagefind/2021/', 7],
    ]);
    expect(plans[0]!.parts).toEqual(['van-ban/**/2020-*', ...undated, '_tu-vung/2020']);
    expect(plans[1]!.parts).toEqual(['van-ban/**/2021-*', '_tu-vung/2021']);
  });

  test('a year over the cap is cut into runs of whole months of about equal size, in order', () => {
    const months = Array.from({ length: 12 }, (_, i) => `2021-${String(i + 1).padStart(2, '0')}`);
    const plans = planBundles([...pages('2020-06', 30), ...months.flatMap((m) => pages(m, 10))], 50);
    expect(plans.map((p) => [p.key, p.pages])).toEqual([
      ['2020', 30],
      ['2021-01', 40],
      ['2021-05', 40],
      ['2021-09', 40],
    ]);
    // Every month of 2021 in exactly one bundle, in order.
    expect(plans.slice(1).flatMap((p) => monthsOf(p.parts))).toEqual(months);
    expect(plans.every((p) => p.parts.at(-1) === `_tu-vung/${p.key}`)).toBe(true);
  });

  test('uneven months: runs stay near an equal share, and every page is in one bundle', () => {
    const counts = [700, 20, 20, 900, 300, 40, 1200, 10, 10, 500, 60, 340];
    const dirs = counts.flatMap((n, i) => pages(`2022-${String(i + 1).padStart(2, '0')}`, n));
    const plans = planBundles(dirs, 2000);
    expect(plans).toHaveLength(3); // 4,100 pages, at most 2,000 each
    expect(plans.reduce((n, p) => n + p.pages, 0)).toBe(dirs.length);
    expect(plans.flatMap((p) => monthsOf(p.parts))).toHaveLength(12);
    for (const p of plans) expect(p.pages).toBeLessThanOrEqual(2000);
  });

  test('a month that would take a run over the cap starts the next run', () => {
    // 13 pages, cap 8: equal shares would close the first run at 10.
    const plans = planBundles([...pages('2021-01', 5), ...pages('2021-02', 5), ...pages('2021-03', 3)], 8);
    expect(plans.map((p) => [p.key, p.pages])).toEqual([
      ['2021-01', 5],
      ['2021-02', 8],
    ]);
  });

  test('a single month over the cap stays one bundle (months are not cut)', () => {
    const plans = planBundles([...pages('2021-08', 120), ...pages('2021-09', 10)], 50);
    expect(plans.map((p) => [p.key, p.pages])).toEqual([
      ['2021-08', 120],
      ['2021-09', 10],
    ]);
  });

  test('an archive with no dated id is one bundle at /pagefind/', () => {
    expect(planBundles(['van-ban/gia-lai/khong-ro-ngay-chi-thi'])).toEqual([
      { key: null, path: '/pagefind/', parts: ['van-ban/gia-lai/khong-ro-ngay-chi-thi', '_tu-vung/tat-ca'], pages: 1 },
    ]);
  });
});

describe('bundlePages', () => {
  test('is BUNDLE_PAGES unless ARCHIVE_BUNDLE_PAGES says otherwise, and refuses what is not a count', () => {
    expect(bundlePages({})).toBe(BUNDLE_PAGES);
    expect(bundlePages({ ARCHIVE_BUNDLE_PAGES: '' })).toBe(BUNDLE_PAGES);
    expect(bundlePages({ ARCHIVE_BUNDLE_PAGES: '500' })).toBe(500);
    for (const bad of ['0', '-3', '1.5', 'many']) expect(() => bundlePages({ ARCHIVE_BUNDLE_PAGES: bad })).toThrow(`ARCHIVE_BUNDLE_PAGES must be a whole number of directives, at least 1; got "${bad}"`);
  });
});

describe('notIndexed', () => {
  test('names the written pages that no bundle indexed, and nothing when every page is there', () => {
    const written = ['/van-ban/a/2021-01-02-1/', '/van-ban/b/khong-ro-ngay-2/', '/van-ban/c/2022-03-04-3/'];
    expect(notIndexed(written, written.map((url) => ({ url })))).toEqual([]);
    expect(notIndexed(written, [{ url: '/van-ban/a/2021-01-02-1/' }])).toEqual(['/van-ban/b/khong-ro-ngay-2/', '/van-ban/c/2022-03-04-3/']);
  });
});
