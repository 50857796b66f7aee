/**
 * Every directive of the archive at its permalink: number, date, issuer and signer as the archive
 * records them (or the honest "Không ghi số" / "Không ghi ngày ban hành"), the metadata citation
 * managers read, and the raw source, Markdown and JSON beside the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { directivePath, jsonPath, markdownPath, rawSourcePath, sourcePath } from '../../src/site/routes.ts';
import { DIRECTIVES, KON_TUM_ID, SEEDS, SEED_IDS, SOURCES_DIR, UNDATED_ID, byId, dateRe, escapeRe } from './support/archive.ts';

const meta = (page: Page, selector: string) => page.locator(`head ${selector}`);

test('the archive holds the five real seeds, the undated Gia Lai chỉ thị among them', () => {
  expect(DIRECTIVES.map((d) => d.id)).toEqual(expect.arrayContaining([...SEED_IDS]));
  expect(SEEDS.map((d) => d.id)).toContain(UNDATED_ID);
});

test('the Kon Tum công văn shows 235-CV/TU, 21/07/2021, Tỉnh ủy Kon Tum and its signer Thái Văn Tưởng', async ({ page }) => {
  const response = await page.goto('/van-ban/kon-tum/2021-07-21-235-cv-tu/');
  expect(response?.status()).toBe(200);
  const main = page.locator('main');
  await expect(main).toContainText('235-CV/TU', { useInnerText: true });
  await expect(main).toContainText(/21\/07\/2021|ngày 21 tháng 7 năm 2021/, { useInnerText: true });
  await expect(main).toContainText('Tỉnh ủy Kon Tum', { useInnerText: true });
  await expect(main).toContainText('Thái Văn Tưởng', { useInnerText: true });
  await expect(page.locator('h1')).toHaveText(/235-CV\/TU/);
});

for (const d of SEEDS) {
  test.describe(`${d.id}`, () => {
    test('is reachable at its permalink and shows its number, date, issuer and signer', async ({ page }) => {
      const response = await page.goto(directivePath(d.id));
      expect(response?.status()).toBe(200);
      const main = page.locator('main');
      await expect(page.locator('main h1')).toHaveText(d.title);
      if (d.doc_number) await expect(main).toContainText(d.doc_number, { useInnerText: true });
      else await expect(main).toContainText('Không ghi số', { useInnerText: true });
      if (d.date_issued) await expect(main).toContainText(dateRe(d.date_issued), { useInnerText: true });
      else await expect(main).toContainText('Không ghi ngày ban hành', { useInnerText: true });
      if (d.issuer) await expect(main).toContainText(d.issuer, { useInnerText: true });
      if (d.signer_name) await expect(main).toContainText(d.signer_name, { useInnerText: true });
    });

    test('has a canonical link, og:title, citation_title, citation_date and Legislation JSON-LD that agree with the archive', async ({ page }) => {
      await page.goto(directivePath(d.id));

      const canonical = await meta(page, 'link[rel="canonical"]').getAttribute('href');
      expect(canonical).toMatch(/^https?:\/\//);
      expect(new URL(canonical!).pathname).toBe(directivePath(d.id));

      await expect(meta(page, 'meta[property="og:title"]')).toHaveAttribute('content', d.title);
      await expect(meta(page, 'meta[name="citation_title"]')).toHaveAttribute('content', d.title);
      const citationDate = meta(page, 'meta[name="citation_date"]');
      if (d.date_issued) {
        // Highwire/Google Scholar style YYYY/MM/DD (ISO dashes accepted too).
        await expect(citationDate).toHaveAttribute('content', new RegExp(`^${d.date_issued.replace(/-/g, '[/-]')}$`));
      } else {
        await expect(citationDate, 'an undated directive must not get a made-up citation_date').toHaveCount(0);
      }

      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      const items = blocks.map((text) => JSON.parse(text) as Record<string, unknown>);
      const legislation = items.filter((item) => item['@type'] === 'Legislation');
      expect(legislation, 'exactly one JSON-LD item of @type Legislation').toHaveLength(1);
      const ld = legislation[0]!;
      expect(ld.name).toBe(d.title);
      if (d.doc_number) expect(ld.legislationIdentifier).toBe(d.doc_number);
      else expect(ld, 'no invented legislationIdentifier for an unnumbered directive').not.toHaveProperty('legislationIdentifier');
      if (d.date_issued) expect(ld.legislationDate).toBe(d.date_issued);
      else expect(ld).not.toHaveProperty('legislationDate');
      expect(new URL(String(ld.url ?? ld['@id'])).pathname).toBe(directivePath(d.id));
    });

    test('serves its raw source byte for byte, and its Markdown and JSON', async ({ request }) => {
      const raw = await request.get(sourcePath(d.id));
      expect(raw.status()).toBe(200);
      expect(raw.headers()['content-type']).toMatch(/^text\/plain/);
      expect(Buffer.compare(await raw.body(), readFileSync(join(SOURCES_DIR, d.source_file)))).toBe(0);

      const json = await request.get(jsonPath(d.id));
      expect(json.status()).toBe(200);
      const parsed = JSON.parse(await json.text()) as { id?: unknown; doc_number?: unknown };
      expect(parsed.id).toBe(d.id);
      expect(parsed.doc_number).toBe(d.doc_number);

      const md = await request.get(markdownPath(d.id));
      expect(md.status()).toBe(200);
      const text = await md.text();
      expect(text.startsWith('---')).toBe(true);
      expect(text).toMatch(new RegExp(`^id: "?${escapeRe(d.id)}"?$`, 'm'));
    });
  });
}

test('the undated, unnumbered Gia Lai chỉ thị says "Không ghi số" and "Không ghi ngày ban hành" instead of guessing', async ({ page }) => {
  await page.goto(directivePath(UNDATED_ID));
  const main = page.locator('main');
  await expect(main).toContainText('Không ghi số', { useInnerText: true });
  await expect(main).toContainText('Không ghi ngày ban hành', { useInnerText: true });
  await expect(page.locator('head meta[name="citation_technical_report_number"]')).toHaveCount(0);
});

// A source converted from TCVN3 or Windows-1258 (none is among the real seeds) is checked the same way, with its raw
// file beside it, in tests/scale/broken-batch.test.ts.
test('the raw source opens in the browser as readable Vietnamese, not mojibake, and a UTF-8 source has no second raw file', async ({ page, request }) => {
  const d = byId(KON_TUM_ID);
  expect((await request.get(rawSourcePath(d.id))).status()).toBe(404);
  await page.goto(sourcePath(d.id));
  const shown = await page.locator('body').innerText();
  const source = readFileSync(join(SOURCES_DIR, d.source_file), 'utf8');
  const vietnameseLine = source.split(/\r?\n/).map((l) => l.trim()).find((l) => /[^\x00-\x7f]/.test(l))!;
  expect(
    shown.includes(vietnameseLine),
    `the browser shows "${shown.trim().slice(0, 60)}…" where the source reads "${vietnameseLine}" (is it served as text/plain; charset=utf-8?)`,
  ).toBe(true);
});
