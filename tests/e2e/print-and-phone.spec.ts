/**
 * A directive read on a 360 px phone needs no sideways scrolling, and printed it keeps its text
 * and permalink without the site's navigation.
 */
import { expect, test, type Page } from '@playwright/test';
import { citedPath, directivePath, monthPath, provincePath, ROUTES } from '../../src/site/routes.ts';
import { SEEDS, KON_TUM_ID } from './support/archive.ts';

const PHONE = { width: 360, height: 740 };

/** Horizontal overflow, with the elements that stick out, for the failure message. */
const overflow = (page: Page) =>
  page.evaluate((width) => {
    const scrollWidth = document.scrollingElement!.scrollWidth;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)})`);
    return { scrollWidth, culprits };
  }, PHONE.width);

test.describe('on a 360×740 phone', () => {
  test.use({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  for (const d of SEEDS) {
    test(`the directive ${d.id} has no horizontal scroll`, async ({ page }) => {
      await page.goto(directivePath(d.id));
      const { scrollWidth, culprits } = await overflow(page);
      expect(scrollWidth, `page is ${scrollWidth}px wide; sticking out: ${culprits.join(', ')}`).toBeLessThanOrEqual(PHONE.width);
    });
  }

  test('the browse pages have no horizontal scroll either', async ({ page }) => {
    const wrong: string[] = [];
    for (const path of [ROUTES.home, ROUTES.provinces, provincePath('thai-binh'), ROUTES.timeline, monthPath('2021-07'), ROUTES.compare, '/so-sanh/loai/cong-van/', ROUTES.principles, '/phuong-cham/4-tai-cho/', ROUTES.search, ROUTES.cited, citedPath('15-ct-ttg'), citedPath('05-cd-ubnd-thai-binh'), '/khong-co-trang-nay/']) {
      await page.goto(path);
      const { scrollWidth, culprits } = await overflow(page);
      if (scrollWidth > PHONE.width) wrong.push(`${path} is ${scrollWidth}px wide; sticking out: ${culprits.join(', ')}`);
    }
    expect(wrong, wrong.join('\n')).toEqual([]);
  });

  test('the comparison table scrolls sideways in its own box, the province names staying in view', async ({ page }) => {
    await page.goto(ROUTES.compare);
    const box = page.locator('.compare-scroll');
    const { clientWidth, scrollWidth } = await box.evaluate((el) => ({ clientWidth: el.clientWidth, scrollWidth: el.scrollWidth }));
    expect(clientWidth).toBeLessThanOrEqual(PHONE.width);
    expect(scrollWidth, 'the 36 months do not fit a phone: the box scrolls').toBeGreaterThan(clientWidth);
    await box.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
    const name = page.locator('table.compare th[scope="row"] a[href="/tinh/kon-tum/"]');
    const nameBox = (await name.boundingBox())!;
    expect(nameBox.x, 'the province column sticks to the left edge').toBeLessThan(PHONE.width / 2);
    expect(nameBox.x).toBeGreaterThanOrEqual(0);
  });
});

test('printed, a directive drops the site header but keeps its text and shows the permalink', async ({ page }) => {
  await page.goto(directivePath(KON_TUM_ID));
  const permalink = (await page.locator('head link[rel="canonical"]').getAttribute('href'))!;
  expect(permalink).toMatch(new RegExp(`/van-ban/${KON_TUM_ID}/$`));
  const header = page.locator('body > header').first();
  await expect(header, 'the site header is there on screen').toBeVisible();

  await page.emulateMedia({ media: 'print' });
  await expect(header).toBeHidden();
  await expect(page.locator('main h1')).toBeVisible();
  await expect(page.locator('#doan-1')).toBeVisible();
  await expect(page.getByText(permalink).filter({ visible: true }).first()).toBeVisible();
  await expect(page.locator('button[data-copy-target]').filter({ visible: true })).toHaveCount(0);

  await page.emulateMedia({ media: 'screen' });
  await expect(header).toBeVisible();
});
