/**
 * Browsing by province and by month lists exactly what the archive holds: counts and lists are
 * computed here from content/directives frontmatter and compared with the built pages.
 */
import { expect, test, type Page } from '@playwright/test';
import { directivePath, monthPath, provincePath, ROUTES } from '../../src/site/routes.ts';
import { DIRECTIVES, MONTHS, PROVINCES, UNDATED_ID, directiveIdsOf, norm } from './support/archive.ts';

/** Ids of the directives a page links to from its main content. */
async function listedIds(page: Page): Promise<string[]> {
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return directiveIdsOf(hrefs);
}

const idsWhere = (keep: (d: (typeof DIRECTIVES)[number]) => boolean): string[] => DIRECTIVES.filter(keep).map((d) => d.id).sort();

const expectedByMonth = new Map(MONTHS.map((m) => [m, idsWhere((d) => d.date_issued?.slice(0, 7) === m)]));

test('the province index lists all 63 provinces with their counts, zeros included', async ({ page }) => {
  await page.goto(ROUTES.provinces);
  const rows = page.locator('main tbody tr');
  await expect(rows).toHaveCount(63);

  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => {
      const link = tr.querySelector('a[href]');
      const cells = [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim());
      const count = cells.find((c) => /^\d+$/.test(c));
      return { name: (link?.textContent ?? '').trim(), href: link?.getAttribute('href') ?? '', count: count === undefined ? null : Number(count) };
    }),
  );
  const expected = PROVINCES.map((p) => ({
    name: p.name,
    href: provincePath(p.slug),
    count: DIRECTIVES.filter((d) => d.province !== null && norm(d.province) === norm(p.name)).length,
  }));
  expect(shown.map((r) => ({ ...r, name: norm(r.name) })).sort((a, b) => a.href.localeCompare(b.href))).toEqual(
    expected.map((r) => ({ ...r, name: norm(r.name) })).sort((a, b) => a.href.localeCompare(b.href)),
  );

  // Spelled out, so a bug in the expectation above cannot hide one on the page.
  const konTum = page.locator('main tbody tr', { has: page.locator('a[href="/tinh/kon-tum/"]') });
  await expect(konTum).toContainText('Kon Tum');
  await expect(konTum.locator('td', { hasText: /^\s*1\s*$/ })).toHaveCount(1);
  const haNoi = page.locator('main tbody tr', { has: page.locator('a[href="/tinh/ha-noi/"]') });
  await expect(haNoi).toContainText('Hà Nội');
  await expect(haNoi.locator('td', { hasText: /^\s*0\s*$/ })).toHaveCount(1);
});

test('each province page lists exactly the directives of that province', async ({ page }) => {
  test.slow(); // 63 pages
  const wrong: string[] = [];
  for (const p of PROVINCES) {
    const response = await page.goto(provincePath(p.slug), { waitUntil: 'domcontentloaded' });
    expect(response?.status(), provincePath(p.slug)).toBe(200);
    const expected = idsWhere((d) => d.province !== null && norm(d.province) === norm(p.name));
    const listed = await listedIds(page);
    if (JSON.stringify(listed) !== JSON.stringify(expected)) wrong.push(`${provincePath(p.slug)} lists [${listed.join(', ')}], expected [${expected.join(', ')}]`);
  }
  expect(wrong, wrong.join('\n')).toEqual([]);
});

test('the Kon Tum and Thái Bình pages list their directives, the district one under Kiến Xương', async ({ page }) => {
  await page.goto('/tinh/kon-tum/');
  expect(await listedIds(page)).toEqual(['kon-tum/2021-07-21-235-cv-tu']);
  await page.goto('/tinh/thai-binh/');
  expect(await listedIds(page)).toEqual(['thai-binh/kien-xuong/2021-05-07-114-cv-hu']);
  await expect(page.locator('main')).toContainText('Kiến Xương');
  await page.goto('/tinh/ha-noi/');
  expect(await listedIds(page)).toEqual([]);
});

test('the timeline chart and month list give each month of 2020–2022 the count the archive has', async ({ page }) => {
  await page.goto(ROUTES.timeline);
  const chart = page.locator('main svg');
  await expect(chart).toHaveCount(1);

  const chartCounts = await chart.locator('a').evaluateAll((as) =>
    as.map((a) => ({
      href: a.getAttribute('href') ?? a.getAttribute('xlink:href') ?? '',
      label: [a.getAttribute('aria-label'), a.querySelector('title')?.textContent, a.textContent].filter(Boolean).join(' '),
      height: Number(a.querySelector('rect')?.getAttribute('height') ?? NaN),
    })),
  );
  const chartByMonth = new Map(chartCounts.map((c) => [c.href, c]));
  const wrong: string[] = [];
  for (const m of MONTHS) {
    const n = expectedByMonth.get(m)!.length;
    const bar = chartByMonth.get(monthPath(m));
    if (!bar) {
      wrong.push(`chart: no link to ${monthPath(m)}`);
      continue;
    }
    const said = /(\d+)\s*văn bản/.exec(bar.label)?.[1];
    if (Number(said) !== n) wrong.push(`chart: ${m} says "${bar.label.trim()}", expected ${n}`);
    if (n === 0 && bar.height !== 0) wrong.push(`chart: ${m} has no directive but a bar of height ${bar.height}`);
    if (n > 0 && !(bar.height > 0)) wrong.push(`chart: ${m} has ${n} directive(s) but a bar of height ${bar.height}`);
  }
  // Bars are to scale: the same count, the same height; more, taller.
  const dated = MONTHS.map((m) => ({ n: expectedByMonth.get(m)!.length, h: chartByMonth.get(monthPath(m))?.height ?? NaN }));
  for (const a of dated) for (const b of dated) if (a.n > b.n && !(a.h > b.h)) wrong.push(`chart: a month with ${a.n} is not taller than one with ${b.n}`);

  // The same numbers as text, outside the chart.
  for (const m of MONTHS) {
    const item = page.locator('main li', { has: page.locator(`a[href="${monthPath(m)}"]`) });
    if ((await item.count()) !== 1) {
      wrong.push(`list: ${(await item.count())} items link to ${monthPath(m)}`);
      continue;
    }
    const text = norm(await item.innerText());
    const said = /(\d+)\s*văn bản/.exec(text)?.[1];
    if (Number(said) !== expectedByMonth.get(m)!.length) wrong.push(`list: ${m} says "${text}", expected ${expectedByMonth.get(m)!.length}`);
  }
  expect([...new Set(wrong)], [...new Set(wrong)].join('\n')).toEqual([]);
});

test('the timeline lists the undated directive apart, under an undated heading', async ({ page }) => {
  await page.goto(ROUTES.timeline);
  const undated = idsWhere((d) => d.date_issued === null);
  expect(undated).toContain(UNDATED_ID);
  // Dated directives are reached through their months; only the undated ones are listed here.
  expect(await listedIds(page)).toEqual(undated);
  for (const id of undated) {
    const link = page.locator(`main a[href="${directivePath(id)}"]`);
    await expect(link).toBeVisible();
    const heading = await link.evaluate((a) => {
      // The nearest heading before the link in document order.
      const all = [...document.querySelectorAll('main h1, main h2, main h3')];
      const before = all.filter((h) => h.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING);
      return before.at(-1)?.textContent ?? '';
    });
    expect(heading).toMatch(/không (rõ|ghi) ngày/i);
  }
});

test('the July 2021 page lists exactly the July 2021 directives', async ({ page }) => {
  const response = await page.goto('/thoi-gian/2021-07/');
  expect(response?.status()).toBe(200);
  expect(await listedIds(page)).toEqual(expectedByMonth.get('2021-07'));
  expect(await listedIds(page)).toEqual(['kien-giang/2021-07-13-203-cv-tu', 'kon-tum/2021-07-21-235-cv-tu']);
});

test('every month page of 2020–2022 lists exactly that month’s directives', async ({ page }) => {
  test.slow(); // 36 pages
  const wrong: string[] = [];
  for (const m of MONTHS) {
    const response = await page.goto(monthPath(m), { waitUntil: 'domcontentloaded' });
    if (response?.status() !== 200) {
      wrong.push(`${monthPath(m)} answers ${response?.status()}`);
      continue;
    }
    const listed = await listedIds(page);
    const expected = expectedByMonth.get(m)!;
    if (JSON.stringify(listed) !== JSON.stringify(expected)) wrong.push(`${monthPath(m)} lists [${listed.join(', ')}], expected [${expected.join(', ')}]`);
  }
  expect(wrong, wrong.join('\n')).toEqual([]);
});
