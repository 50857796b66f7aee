/**
 * Cited documents on the built seed site: each reference on a directive's page is a link, each
 * cited document has a page listing exactly the directives that cite it, and /dan-chieu/ lists
 * them all with their counts, national ones first. The expected values are the real seeds'
 * references, written down by reading content/sources (as tests/ingest/seeds.test.ts does),
 * checked here against the archive files so that a change of the seeds shows.
 * Static pages: they work, and are tested, without JavaScript.
 */
import { expect, test, type Page } from '@playwright/test';
import { citedPath, directivePath, ROUTES } from '../../src/site/routes.ts';
import { DIRECTIVES, SEED_IDS, directiveIdsOf } from './support/archive.ts';

test.use({ javaScriptEnabled: false });

const KIEN_GIANG = 'kien-giang/2021-07-13-203-cv-tu';
const KIEN_XUONG = 'thai-binh/kien-xuong/2021-05-07-114-cv-hu';

/** Each seed's references as its page must link them, in the text's order. */
const REFERENCE_LINKS: Record<(typeof SEED_IDS)[number], Array<[text: string, href: string]>> = {
  'kon-tum/2021-07-21-235-cv-tu': [],
  [KIEN_GIANG]: [
    ['Chỉ thị 15/CT-TTg', citedPath('15-ct-ttg')],
    ['Chỉ thị 16/CT-TTg', citedPath('16-ct-ttg')],
  ],
  'gia-lai/khong-ro-ngay-chi-thi': [],
  [KIEN_XUONG]: [
    ['Thông báo 135-TB/TU', citedPath('135-tb-tu-thai-binh')],
    ['Công điện 05/CĐ-UBND', citedPath('05-cd-ubnd-thai-binh')],
    ['Chỉ thị 15/CT-TTg', citedPath('15-ct-ttg')],
  ],
  'soc-trang/2021-02-09-62-cv-tu': [],
};

/** Every cited document of the seeds, as /dan-chieu/ must list it: national first, then by count. */
const INDEX: Array<{ section: string; slug: string; name: string; count: number; citing: string[] }> = [
  { section: 'trung-uong', slug: '15-ct-ttg', name: 'Chỉ thị 15/CT-TTg', count: 2, citing: [KIEN_XUONG, KIEN_GIANG] },
  { section: 'trung-uong', slug: '16-ct-ttg', name: 'Chỉ thị 16/CT-TTg', count: 1, citing: [KIEN_GIANG] },
  { section: 'dia-phuong', slug: '05-cd-ubnd-thai-binh', name: 'Công điện 05/CĐ-UBND', count: 1, citing: [KIEN_XUONG] },
  { section: 'dia-phuong', slug: '135-tb-tu-thai-binh', name: 'Thông báo 135-TB/TU', count: 1, citing: [KIEN_XUONG] },
];

test('the seeds\' archive files cite what these tests expect', () => {
  const cited = Object.fromEntries(DIRECTIVES.filter((d) => (SEED_IDS as readonly string[]).includes(d.id)).map((d) => [d.id, (d as unknown as { cited: Array<{ type: string; number: string }> }).cited.map((c) => `${c.type} ${c.number}`)]));
  expect(cited).toEqual(Object.fromEntries(Object.entries(REFERENCE_LINKS).map(([id, links]) => [id, links.map(([text]) => text)])));
});

const referenceLinks = (page: Page) =>
  page.locator('dt:text-is("Văn bản được dẫn chiếu") + dd a').evaluateAll((as) => as.map((a) => [(a.textContent ?? '').trim(), a.getAttribute('href') ?? '']));
const citedByIds = async (page: Page): Promise<string[]> =>
  directiveIdsOf(await page.locator('dt:text-is("Được dẫn chiếu bởi") + dd a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? '')));

for (const [id, links] of Object.entries(REFERENCE_LINKS)) {
  test(`the page of ${id} links each of its references (${links.length}) and lists no directive citing it`, async ({ page }) => {
    await page.goto(directivePath(id));
    expect(await referenceLinks(page)).toEqual(links);
    // No seed cites another seed: the list is empty, and says so.
    expect(await citedByIds(page)).toEqual([]);
    await expect(page.locator('dt:text-is("Được dẫn chiếu bởi") + dd')).toContainText('Chưa có văn bản nào trong kho dẫn chiếu văn bản này');
  });
}

test('/dan-chieu/ lists every cited document with its count, national ones first, each linked to its page', async ({ page }) => {
  await page.goto(ROUTES.cited);
  const rows = await page.locator('main table[data-cited-index] tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      section: tr.closest('table')!.getAttribute('data-cited-index'),
      name: (tr.querySelector('th a')?.textContent ?? '').trim(),
      href: tr.querySelector('th a')?.getAttribute('href'),
      count: Number((tr.querySelector('td.num')?.textContent ?? '').trim()),
    })),
  );
  expect(rows).toEqual(INDEX.map(({ section, slug, name, count }) => ({ section, name, href: citedPath(slug), count })));
  await expect(page.locator('main h2#trung-uong')).toHaveText('Văn bản của Trung ương (2)');
  await expect(page.locator('main h2#dia-phuong')).toHaveText('Văn bản của địa phương (2)');
});

for (const doc of INDEX) {
  test(`/dan-chieu/${doc.slug}/ lists exactly the directives citing it, by date`, async ({ page }) => {
    const response = await page.goto(citedPath(doc.slug));
    expect(response?.status()).toBe(200);
    await expect(page.locator('main h1')).toHaveText(doc.name);
    const listed = await page.locator('main ol[data-citing] > li > a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
    expect(listed).toEqual(doc.citing.map(directivePath));
    await expect(page.locator('main #dan-chieu-boi')).toHaveText(`Được dẫn chiếu bởi (${doc.count})`);
    // The chart: 36 months of 2020–2022, its bars adding up to the dated citing directives.
    const bars = await page.locator('main svg a').evaluateAll((as) => as.map((a) => Number(/: (\d+) văn bản$/.exec(a.getAttribute('aria-label') ?? '')?.[1])));
    expect(bars).toHaveLength(36);
    expect(bars.reduce((a, b) => a + b, 0)).toBe(doc.count);
  });
}

test('/dan-chieu/15-ct-ttg/ says what the citing texts give: type, issuer, the one date given and that one text gives none', async ({ page }) => {
  await page.goto(citedPath('15-ct-ttg'));
  await expect(page.locator('dd[data-fact="Loại văn bản"]')).toHaveText('Chỉ thị');
  await expect(page.locator('dd[data-fact="Cơ quan ban hành"]')).toHaveText('Thủ tướng Chính phủ');
  await expect(page.locator('dd[data-fact="Ngày ban hành"]')).toHaveText('27/03/2020 (1 văn bản không ghi)');
  await expect(page.locator('dt:text-is("Thuộc") + dd')).toHaveText('Trung ương');
  await expect(page.locator('main ol[data-citing]')).toContainText('ghi: “Chỉ thị số 15/CT-TTg, ngày 27-3-2020 của Thủ tướng Chính phủ”');
});

test('/dan-chieu/135-tb-tu-thai-binh/ is Thái Bình\'s notice, dated and issued as the Kiến Xương text says', async ({ page }) => {
  await page.goto(citedPath('135-tb-tu-thai-binh'));
  await expect(page.locator('dt:text-is("Thuộc") + dd')).toHaveText('Thái Bình');
  await expect(page.locator('dd[data-fact="Loại văn bản"]')).toHaveText('Thông báo');
  await expect(page.locator('dd[data-fact="Cơ quan ban hành"]')).toHaveText('Ban Thường vụ Tỉnh ủy');
  await expect(page.locator('dd[data-fact="Ngày ban hành"]')).toHaveText('06/05/2021');
});

test('the cited documents\' pages need no script: none in their content (the site header\'s search box has its own)', async ({ page }) => {
  for (const path of [ROUTES.cited, ...INDEX.map((d) => citedPath(d.slug))]) {
    await page.goto(path);
    expect(await page.locator('main script:not([type="application/ld+json"])').count(), path).toBe(0);
  }
});

// axe, the phone width and the no-JS pass over these pages live with the other pages' in
// a11y.spec.ts, print-and-phone.spec.ts and no-js.spec.ts; links.spec.ts crawls them all.
