/**
 * What a journalist does to cite: copy the permalink or a ready-made citation, and link to one
 * paragraph (#doan-N).
 */
import { expect, test, type Page } from '@playwright/test';
import { directivePath } from '../../src/site/routes.ts';
import { SEEDS, KON_TUM_ID, UNDATED_ID, bodyParagraphs, byId, norm, shortDate } from './support/archive.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** Clicks the copy button of `targetId` and returns what landed on the clipboard. */
async function copy(page: Page, targetId: string): Promise<string> {
  // Start from a known clipboard, so a button that copies nothing cannot pass on stale content.
  await page.evaluate(() => navigator.clipboard.writeText('(trống)'));
  const button = page.locator(`button[data-copy-target="${targetId}"]`);
  await expect(button).toBeVisible();
  await button.click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('(trống)');
  return page.evaluate(() => navigator.clipboard.readText());
}

for (const id of [KON_TUM_ID, UNDATED_ID]) {
  test(`the copy buttons put the permalink and both citations of ${id} on the clipboard`, async ({ page }) => {
    const d = byId(id);
    await page.goto(directivePath(id));
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute('href');

    const permalink = await copy(page, 'duong-dan');
    expect(permalink).toBe(norm(await page.locator('#duong-dan').innerText()));
    expect(permalink.endsWith(`/van-ban/${id}/`)).toBe(true);
    expect(permalink, 'the permalink is the page’s canonical URL, not the test server’s address').toBe(canonical);
    expect(() => new URL(permalink)).not.toThrow();

    const vi = await copy(page, 'trich-dan-vi');
    expect(vi).toBe(norm(await page.locator('#trich-dan-vi').innerText()));
    expect(vi).toContain(permalink);
    if (d.issuer) expect(vi).toContain(d.issuer);
    if (d.doc_number) expect(vi).toContain(d.doc_number);
    if (d.date_issued) expect(vi).toContain(shortDate(d.date_issued));

    const en = await copy(page, 'trich-dan-en');
    expect(en).toBe(norm(await page.locator('#trich-dan-en').innerText()));
    expect(en).toContain(permalink);
    if (d.doc_number) expect(en).toContain(d.doc_number);
    if (d.date_issued) expect(en).toContain(d.date_issued.slice(0, 4));
    else expect(en).toContain('n.d.');
  });
}

test('the Kon Tum citation names 235-CV/TU, 21/07/2021 and Tỉnh ủy Kon Tum', async ({ page }) => {
  await page.goto('/van-ban/kon-tum/2021-07-21-235-cv-tu/');
  const vi = await copy(page, 'trich-dan-vi');
  expect(vi).toContain('Tỉnh ủy Kon Tum');
  expect(vi).toContain('235-CV/TU');
  expect(vi).toContain('21/07/2021');
  expect(vi).toMatch(/\/van-ban\/kon-tum\/2021-07-21-235-cv-tu\/$/);
});

for (const d of SEEDS) {
  test(`#doan-N anchors of ${d.id} follow the paragraphs of its body, in order`, async ({ page }) => {
    await page.goto(directivePath(d.id));
    const expected = bodyParagraphs(d.body);
    const shown = await page.locator('[id^="doan-"]').evaluateAll((els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.para-link').forEach((a) => a.remove());
        return { id: el.id, tag: el.tagName, text: copy.textContent ?? '' };
      }),
    );
    expect(shown.map((p) => p.id)).toEqual(expected.map((_, i) => `doan-${i + 1}`));
    expect(shown.map((p) => p.tag)).toEqual(expected.map(() => 'P'));
    expect(shown.map((p) => norm(p.text))).toEqual(expected);
  });
}

test('going to #doan-3 scrolls the third paragraph of the body into view', async ({ page }) => {
  await page.goto(directivePath(KON_TUM_ID));
  const third = page.locator('#doan-3');
  // A window short enough that, without the fragment, the third paragraph starts below the fold.
  const top = await third.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await page.setViewportSize({ width: 1280, height: Math.max(200, Math.min(600, Math.floor(top) - 40)) });
  await page.goto(directivePath(KON_TUM_ID));
  await expect(third).not.toBeInViewport();

  // Arriving from a shared link.
  await page.goto('about:blank');
  await page.goto(`${directivePath(KON_TUM_ID)}#doan-3`);
  await expect(third).toBeInViewport();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);

  // It is the third paragraph of the body, with the body's third paragraph as its text.
  const isThird = await third.evaluate((el) => {
    const paragraphs = [...(el.parentElement?.children ?? [])].filter((c) => c.tagName === 'P');
    return paragraphs.indexOf(el) === 2 && paragraphs[0]?.id === 'doan-1';
  });
  expect(isThird).toBe(true);
  const text = await third.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('.para-link').forEach((a) => a.remove());
    return copy.textContent ?? '';
  });
  expect(norm(text)).toBe(bodyParagraphs(byId(KON_TUM_ID).body)[2]);
});

test('the ¶ link of a paragraph appears when it gets keyboard focus and points at that paragraph', async ({ page }) => {
  await page.goto(directivePath(KON_TUM_ID));
  const link = page.locator('a.para-link[href="#doan-3"]');
  await expect(link).toHaveCount(1);
  await expect(link).toHaveAccessibleName(/đoạn 3/);
  const opacity = () => link.evaluate((el) => getComputedStyle(el).opacity);
  expect(await opacity(), 'hidden until hover or focus on a wide screen').toBe('0');

  await link.focus();
  await expect(link).toBeFocused();
  await expect.poll(opacity).toBe('1');
  await expect(link).toBeVisible();
  await expect(link).toBeInViewport();

  await link.press('Enter');
  await expect(page).toHaveURL(/#doan-3$/);
  await expect(page.locator('#doan-3')).toBeInViewport();
});
