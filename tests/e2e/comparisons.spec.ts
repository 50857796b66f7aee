/**
 * The comparison pages show exactly what the archive holds (issue 21): the provinces-by-months
 * tables (all directives, each principle, each type of document), the principle pages, the map of
 * the province index and the province pages' months, principles and cited documents. Expectations
 * are computed from content/directives frontmatter, not from the site's code; a few are spelled out.
 */
import { expect, test, type Page } from '@playwright/test';
import { citedPath, comparePrinciplePath, compareTypePath, principlePath, provincePath, ROUTES } from '../../src/site/routes.ts';
import { citedSlug } from '../../src/site/cited-documents.ts';
import { slugify } from '../../src/shared/vietnamese.ts';
import { DIRECTIVES, MONTHS, PRINCIPLE_NAMES, PROVINCES, directiveIdsOf, norm, type Seed } from './support/archive.ts';

const inProvince = (slug: string) => (d: Seed): boolean => d.province !== null && norm(d.province) === norm(PROVINCES.find((p) => p.slug === slug)!.name);
const ids = (list: Seed[]): string[] => list.map((d) => d.id).sort();

/** What a comparison table shows, read from the page: each province row's cells and the links in them. */
async function readTable(page: Page): Promise<Array<{ slug: string; cells: Array<{ text: string; href: string | null }>; total: string }>> {
  return page.locator('table.compare tbody tr[data-province]').evaluateAll((rows) =>
    rows.map((tr) => {
      const tds = [...tr.querySelectorAll('td')];
      return {
        slug: tr.getAttribute('data-province') ?? '',
        cells: tds.slice(0, -1).map((td) => ({ text: (td.textContent ?? '').trim(), href: td.querySelector('a')?.getAttribute('href') ?? null })),
        total: (tds.at(-1)?.textContent ?? '').trim(),
      };
    }),
  );
}

/** The table a comparison page must show for `list`: per province, each month's count and the link a non-zero cell has. */
function expectedTable(list: Seed[]) {
  return PROVINCES.map((p) => {
    const mine = list.filter(inProvince(p.slug));
    const cells = MONTHS.map((m) => {
      const n = mine.filter((d) => d.date_issued?.slice(0, 7) === m).length;
      return { text: String(n), href: n === 0 ? null : `/tinh/${p.slug}/#${m}` };
    });
    return { slug: p.slug, cells, total: String(cells.reduce((a, c) => a + Number(c.text), 0)) };
  });
}

const VARIANTS: Array<[name: string, path: string, keep: (d: Seed) => boolean]> = [
  ['all directives', ROUTES.compare, () => true],
  ...PRINCIPLE_NAMES.map((name): [string, string, (d: Seed) => boolean] => [`principle “${name}”`, comparePrinciplePath(slugify(name)), (d) => d.principles.includes(name)]),
  ...[...new Set(DIRECTIVES.map((d) => d.doc_type).filter((t): t is string => t !== null))].map((type): [string, string, (d: Seed) => boolean] => [`type ${type}`, compareTypePath(slugify(type)), (d) => d.doc_type === type]),
];

for (const [name, path, keep] of VARIANTS) {
  test(`the comparison table of ${name} (${path}) gives each province and month the count the archive has`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const shown = await readTable(page);
    // Rows by 2025 unit (units in the order of their first province in the GSO list), GSO order within each.
    const units = [...new Set(PROVINCES.map((p) => p.name_2025))];
    expect(shown.map((r) => r.slug)).toEqual(units.flatMap((u) => PROVINCES.filter((p) => p.name_2025 === u).map((p) => p.slug)));
    const expected = expectedTable(DIRECTIVES.filter(keep));
    const bySlug = new Map(shown.map((r) => [r.slug, r]));
    const wrong = expected.filter((e) => JSON.stringify(bySlug.get(e.slug)) !== JSON.stringify(e)).map((e) => `${e.slug}: shows ${JSON.stringify(bySlug.get(e.slug))}, expected ${JSON.stringify(e)}`);
    expect(wrong, wrong.join('\n')).toEqual([]);
    // Months are column headers a screen reader can read out, under their year.
    await expect(page.locator('table.compare thead th[scope="col"]', { hasText: 'tháng 7/2021' })).toHaveCount(1);
    await expect(page.locator('table.compare thead th[scope="colgroup"]')).toHaveText(['2020', '2021', '2022']);
  });
}

test('the comparison table groups the provinces by their 2025 unit, Kon Tum with Quảng Ngãi', async ({ page }) => {
  await page.goto(ROUTES.compare);
  await expect(page.locator('table.compare tbody')).toHaveCount(new Set(PROVINCES.map((p) => p.name_2025)).size);
  const group = page.locator('table.compare tbody', { has: page.locator('tr[data-province="kon-tum"]') });
  await expect(group.locator('th[scope="rowgroup"]')).toHaveText(/Quảng Ngãi/);
  await expect(group.locator('tr[data-province]')).toHaveCount(2);
  // Spelled out: the seeds' four dated directives, one cell each.
  const cells = (await readTable(page)).flatMap((r) => r.cells.filter((c) => c.href !== null).map((c) => c.href));
  expect(cells.sort()).toEqual(['/tinh/kien-giang/#2021-07', '/tinh/kon-tum/#2021-07', '/tinh/soc-trang/#2021-02', '/tinh/thai-binh/#2021-05']);
  // The undated Gia Lai directive is in no cell, and the page says so.
  await expect(page.locator('main')).toContainText('1 văn bản không rõ ngày');
});

test('every cell’s link leads to the province page’s section of that month, which lists exactly that month’s directives', async ({ page }) => {
  await page.goto(ROUTES.compare);
  const links = (await readTable(page)).flatMap((r) => r.cells.map((c) => c.href).filter((h): h is string => h !== null));
  expect(links.length).toBeGreaterThan(0);
  const wrong: string[] = [];
  for (const href of links) {
    const [path, month] = href.split('#') as [string, string];
    await page.goto(href);
    const section = page.locator(`section:has(> [id="${month}"])`);
    if ((await section.count()) !== 1) {
      wrong.push(`${href}: no section with id ${month}`);
      continue;
    }
    const listed = directiveIdsOf(await section.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')));
    const slug = path.split('/')[2]!;
    const expected = ids(DIRECTIVES.filter(inProvince(slug)).filter((d) => d.date_issued?.slice(0, 7) === month));
    if (JSON.stringify(listed) !== JSON.stringify(expected)) wrong.push(`${href} lists [${listed}], expected [${expected}]`);
  }
  expect(wrong, wrong.join('\n')).toEqual([]);
});

test('the principles index gives each principle of the list its count of directives and provinces', async ({ page }) => {
  await page.goto(ROUTES.principles);
  const rows = await page.locator('main tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').trim())));
  const expected = PRINCIPLE_NAMES.map((name) => {
    const list = DIRECTIVES.filter((d) => d.principles.includes(name));
    return [name, String(list.length), String(new Set(list.map((d) => d.province)).size)];
  });
  expect(rows.map((r) => r.slice(0, 3))).toEqual(expected);
});

for (const name of PRINCIPLE_NAMES) {
  test(`the page of “${name}” gives each month its count, and each month’s page lists exactly the directives that invoke it`, async ({ page }) => {
    const path = principlePath(slugify(name));
    const response = await page.goto(path);
    expect(response?.status()).toBe(200);
    const expected = DIRECTIVES.filter((d) => d.principles.includes(name));
    const byMonth = Map.groupBy(expected, (d) => d.date_issued?.slice(0, 7) ?? 'khong-ro-ngay');
    const items = await page.locator('h2#danh-sach + ul > li').evaluateAll((lis) => lis.map((li) => ({ href: li.querySelector('a')?.getAttribute('href') ?? '', text: (li.textContent ?? '').trim() })));
    const months = [...byMonth.keys()].sort((a, b) => (a === 'khong-ro-ngay' ? 1 : b === 'khong-ro-ngay' ? -1 : a.localeCompare(b)));
    expect(items.map((i) => i.href)).toEqual(months.map((m) => `${path}${m}/`));
    const wrong: string[] = [];
    for (const [i, item] of items.entries()) {
      const n = byMonth.get(months[i]!)!.length;
      if (!item.text.endsWith(`: ${n} văn bản`)) wrong.push(`${item.href}: "${item.text}", expected ${n}`);
    }
    for (const item of items) {
      expect((await page.goto(item.href))?.status()).toBe(200);
      const listed = directiveIdsOf(await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')));
      const month = item.href.split('/').at(-2)!;
      if (JSON.stringify(listed) !== JSON.stringify(ids(byMonth.get(month)!))) wrong.push(`${item.href} lists [${listed}], expected [${ids(byMonth.get(month)!)}]`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });
}

test('the page of “4 tại chỗ” says which spellings the texts wrote, and where the principle appeared first', async ({ page }) => {
  await page.goto(principlePath('4-tai-cho'));
  // Read off the sources: "4 tại chỗ" in 000 (Kon Tum), 002 (Gia Lai) and 004 (Sóc Trăng); "04 tại chỗ" in 002.
  const spellings = page.locator('h2#cach-viet + ul > li');
  await expect(spellings).toHaveText(['“4 tại chỗ”: 3 văn bản', '“04 tại chỗ”: 1 văn bản']);
  await expect(page.locator('main')).toContainText('chưa gặp trong văn bản nào: “bốn tại chỗ”');
  const spread = await page.locator('table.spread tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].map((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim())));
  expect(spread).toEqual([
    ['Sóc Trăng', '09/02/2021', '62-CV/TU', '1'],
    ['Kon Tum', '21/07/2021', '235-CV/TU', '1'],
    ['Gia Lai', 'Không rõ ngày', 'Chỉ thị của Tỉnh ủy Gia Lai về tăng cường công tác phòng, chống dịch Covid-19 trên địa bàn tỉnh', '1'],
  ]);
  // The chart's bars link to the months that have directives.
  const bars = await page.locator('main svg.chart a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(bars).toEqual(['/phuong-cham/4-tai-cho/2021-02/', '/phuong-cham/4-tai-cho/2021-07/']);
  await page.goto('/phuong-cham/4-tai-cho/2021-07/');
  expect(directiveIdsOf(await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')))).toEqual(['kon-tum/2021-07-21-235-cv-tu']);
  await expect(page.locator('main a[rel="prev"]')).toHaveAttribute('href', '/phuong-cham/4-tai-cho/2021-02/');
});

test('the province index shows a map: each province a link named with its count, shaded when it has directives, with a legend and the shapes’ source', async ({ page }) => {
  await page.goto(ROUTES.provinces);
  const map = page.locator('figure.province-map');
  const shown = await map.locator('svg a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), label: a.getAttribute('aria-label'), zero: a.classList.contains('shade-0') })));
  const expected = PROVINCES.map((p) => {
    const n = DIRECTIVES.filter(inProvince(p.slug)).length;
    return { href: provincePath(p.slug), label: `${p.name}: ${n} văn bản`, zero: n === 0 };
  });
  const sort = <T extends { href: string | null }>(list: T[]): T[] => [...list].sort((a, b) => (a.href ?? '').localeCompare(b.href ?? ''));
  expect(sort(shown.map((s) => ({ ...s, label: norm(s.label ?? '') })))).toEqual(sort(expected.map((e) => ({ ...e, label: norm(e.label) }))));
  await expect(map.locator('a[href="/tinh/kon-tum/"]')).toHaveAttribute('aria-label', 'Kon Tum: 1 văn bản');
  await expect(map.locator('.legend li')).toHaveText(['0', '1']);
  await expect(map).toContainText('Open Development Mekong');
  await expect(map.locator('svg')).toContainText('Hoàng Sa');
  await expect(map.locator('svg')).toContainText('Trường Sa');
  // The table with the same numbers stays.
  await expect(page.locator('main table tbody tr')).toHaveCount(63);
});

test('each province page gives the principles its directives invoke and the documents they cite most, from the archive', async ({ page }) => {
  test.slow(); // 63 pages
  const wrong: string[] = [];
  for (const p of PROVINCES) {
    const mine = DIRECTIVES.filter(inProvince(p.slug));
    await page.goto(provincePath(p.slug), { waitUntil: 'domcontentloaded' });
    if (mine.length === 0) continue;
    const principles = (await page.locator('h2#phuong-cham + ul > li').allTextContents()).map(norm);
    const expectedPrinciples = PRINCIPLE_NAMES.map((name) => [name, mine.filter((d) => d.principles.includes(name)).length] as const)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1])
      .map(([name, n]) => `${name}: ${n} văn bản`);
    if (JSON.stringify(principles) !== JSON.stringify(expectedPrinciples)) wrong.push(`${p.slug} principles: [${principles}], expected [${expectedPrinciples}]`);
    // Counted by cited document (its slug: number and body), each linked to its page; no seed cites another seed.
    const cited = (await page.locator('h2#dan-chieu + ul > li').evaluateAll((lis) => lis.map((li) => `${li.querySelector('a')?.getAttribute('href')} ${/: (\d+) văn bản dẫn$/.exec(li.textContent ?? '')?.[1]}`))).sort();
    const slugs = [...new Set(mine.flatMap((d) => d.cited.map(citedSlug)))];
    const expectedCited = slugs.map((s) => `${citedPath(s)} ${mine.filter((d) => d.cited.some((c) => citedSlug(c) === s)).length}`).sort();
    if (JSON.stringify(cited) !== JSON.stringify(expectedCited.slice(0, 10))) wrong.push(`${p.slug} cited: [${cited}], expected [${expectedCited}]`);
  }
  expect(wrong, wrong.join('\n')).toEqual([]);
});

test('the Thái Bình page names the documents its directive cites, each linked to its page', async ({ page }) => {
  await page.goto(provincePath('thai-binh'));
  const cited = page.locator('h2#dan-chieu + ul > li');
  await expect(cited).toHaveText(['Chỉ thị 15/CT-TTg (Trung ương): 1 văn bản dẫn', 'Công điện 05/CĐ-UBND (Thái Bình): 1 văn bản dẫn', 'Thông báo 135-TB/TU (Thái Bình): 1 văn bản dẫn']);
  expect(await cited.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toEqual([citedPath('15-ct-ttg'), citedPath('05-cd-ubnd-thai-binh'), citedPath('135-tb-tu-thai-binh')]);
  await expect(page.locator('h2#danh-sach ~ section h3')).toHaveText(['Tháng 5 năm 2021 (1)']);
  await expect(page.locator('[id="2021-05"]')).toHaveCount(1);
  await expect(page.locator('main')).toContainText('Kiến Xương (1)');
});
