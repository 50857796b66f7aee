/**
 * Without JavaScript every browse page still shows its heading and its content (the site is
 * static HTML; scripts only enhance), and the copy buttons, which need a script, stay hidden.
 */
import { expect, test, type Page } from '@playwright/test';
import { citedPath, directivePath, monthPath, provincePath, ROUTES } from '../../src/site/routes.ts';
import { KON_TUM_ID, byId } from './support/archive.ts';

test.use({ javaScriptEnabled: false });

const konTum = byId(KON_TUM_ID);

interface BrowsePage {
  name: string;
  path: string;
  status: number;
  heading: RegExp | string;
  /** What the page is for, checked once the heading is there. */
  content: (page: Page) => Promise<void>;
}

const PAGES: BrowsePage[] = [
  {
    name: 'the home page',
    path: ROUTES.home,
    status: 200,
    heading: /Lưu trữ văn bản chỉ đạo/,
    content: async (page) => {
      await expect(page.locator(`main a[href="${ROUTES.provinces}"]`).filter({ visible: true }).first()).toBeVisible();
      await expect(page.locator(`main a[href="${ROUTES.timeline}"]`).filter({ visible: true }).first()).toBeVisible();
      await expect(page.locator(`main a[href="${directivePath(KON_TUM_ID)}"]`)).toBeVisible();
    },
  },
  {
    name: 'a directive',
    path: directivePath(KON_TUM_ID),
    status: 200,
    heading: konTum.title,
    content: async (page) => {
      await expect(page.locator('#doan-1')).toBeVisible();
      await expect(page.locator('main')).toContainText('235-CV/TU');
      await expect(page.locator('#duong-dan')).toContainText(`/van-ban/${KON_TUM_ID}/`);
    },
  },
  {
    name: 'the province index',
    path: ROUTES.provinces,
    status: 200,
    heading: /tỉnh/i,
    content: async (page) => {
      await expect(page.locator('main tbody tr')).toHaveCount(63);
      await expect(page.locator('main table a[href="/tinh/kon-tum/"]')).toBeVisible();
    },
  },
  {
    name: 'a province',
    path: provincePath('kon-tum'),
    status: 200,
    heading: /Kon Tum/,
    content: async (page) => {
      await expect(page.locator(`main a[href="${directivePath(KON_TUM_ID)}"]`)).toBeVisible();
    },
  },
  {
    name: 'the timeline',
    path: ROUTES.timeline,
    status: 200,
    heading: /thời gian/i,
    content: async (page) => {
      await expect(page.locator('main svg')).toBeVisible();
      await expect(page.locator(`main li a[href="${monthPath('2021-07')}"]`)).toBeVisible();
    },
  },
  {
    name: 'a month',
    path: monthPath('2021-07'),
    status: 200,
    heading: /Tháng 7.*2021/,
    content: async (page) => {
      await expect(page.locator(`main a[href="${directivePath(KON_TUM_ID)}"]`)).toBeVisible();
    },
  },
  {
    name: 'the cited documents index',
    path: ROUTES.cited,
    status: 200,
    heading: 'Văn bản được dẫn chiếu',
    content: async (page) => {
      await expect(page.locator(`main a[href="${citedPath('15-ct-ttg')}"]`)).toBeVisible();
    },
  },
  {
    name: 'a cited document',
    path: citedPath('15-ct-ttg'),
    status: 200,
    heading: 'Chỉ thị 15/CT-TTg',
    content: async (page) => {
      await expect(page.locator('main svg')).toBeVisible();
      await expect(page.locator('main ol[data-citing] a').first()).toBeVisible();
    },
  },
  {
    name: 'the comparison table',
    path: ROUTES.compare,
    status: 200,
    heading: /So sánh/,
    content: async (page) => {
      await expect(page.locator('main table.compare tbody tr[data-province]')).toHaveCount(63);
      await expect(page.locator('main table.compare a[href="/tinh/kon-tum/#2021-07"]')).toBeVisible();
    },
  },
  {
    name: 'a principle',
    path: '/phuong-cham/4-tai-cho/',
    status: 200,
    heading: /4 tại chỗ/,
    content: async (page) => {
      await expect(page.locator('main svg.chart')).toBeVisible();
      await expect(page.locator(`main a[href="${directivePath(KON_TUM_ID)}"]`).first()).toBeVisible();
    },
  },
  {
    name: 'the province map',
    path: ROUTES.provinces,
    status: 200,
    heading: /tỉnh/i,
    content: async (page) => {
      await expect(page.locator('main figure.province-map svg a[href="/tinh/kon-tum/"]')).toBeVisible();
    },
  },
  {
    name: 'the search page',
    path: ROUTES.search,
    status: 200,
    heading: /Tìm kiếm/,
    content: async (page) => {
      // The form still submits (GET ?q=), and the page says what works without a script.
      await expect(page.locator('main form[action="/tim-kiem/"] input[name="q"]')).toBeVisible();
      await expect(page.locator(`main a[href="${ROUTES.provinces}"]`).filter({ visible: true }).first()).toBeVisible();
    },
  },
  {
    name: 'the 404 page',
    path: '/khong-co-trang-nay/',
    status: 404,
    heading: /Không tìm thấy/,
    content: async (page) => {
      await expect(page.locator(`main a[href="${ROUTES.home}"]`).filter({ visible: true }).first()).toBeVisible();
    },
  },
];

for (const p of PAGES) {
  test(`without JavaScript, ${p.name} (${p.path}) shows its heading and content`, async ({ page }) => {
    const response = await page.goto(p.path);
    expect(response?.status()).toBe(p.status);
    const h1 = page.locator('main h1');
    await expect(h1).toHaveCount(1);
    await expect(h1).toBeVisible();
    await expect(h1).toHaveText(p.heading);
    await p.content(page);
  });
}

test('without JavaScript, the copy buttons stay hidden and the citation text is still there to select', async ({ page }) => {
  await page.goto(directivePath(KON_TUM_ID));
  const buttons = page.locator('button[data-copy-target]');
  await expect(buttons).toHaveCount(3);
  for (const button of await buttons.all()) await expect(button).toBeHidden();
  for (const id of ['duong-dan', 'trich-dan-vi', 'trich-dan-en']) await expect(page.locator(`#${id}`)).toBeVisible();
});

test('with JavaScript, the same copy buttons appear', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: true });
  const page = await context.newPage();
  await page.goto(directivePath(KON_TUM_ID));
  for (const button of await page.locator('button[data-copy-target]').all()) await expect(button).toBeVisible();
  await context.close();
});

test('without JavaScript, the search controls that need a script (sort, exact accents, filters) are not shown', async ({ page }) => {
  await page.goto(ROUTES.search);
  await expect(page.locator('#tu-khoa')).toBeVisible();
  for (const id of ['sap-xep', 'dau-chinh-xac', 'bo-loc']) await expect(page.locator(`#${id}`)).toBeHidden();
});
