/**
 * Taking the archive away, on the built site: the data page (/du-lieu/) and its files, the
 * citation files of each directive, the Atom feeds and the OpenSearch description, and the links
 * that lead to them. Files are read back with real parsers (csv-parse, feedsmith, fast-xml-parser),
 * and compared with the archive's own files (content/), not with the site's code.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse as parseCsv } from 'csv-parse/sync';
import { parseAtomFeed } from 'feedsmith';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { directivePath, provincePath, ROUTES } from '../../src/site/routes.ts';
import { DIRECTIVES, KON_TUM_ID, ROOT, SEEDS, shortDate } from './support/archive.ts';

const DATA = '/du-lieu/';
const FILES = ['van-ban.csv', 'van-ban.jsonl', 'dan-chieu.csv', 'tinh.csv', 'van-ban.sqlite'];
const REGISTRY = JSON.parse(readFileSync(join(ROOT, 'content/permalinks.json'), 'utf8')) as {
  added: Record<string, string>;
  corrected?: Record<string, { date: string }>;
  withdrawn: Record<string, { date: string }>;
};
const EDITION = [...Object.values(REGISTRY.added), ...Object.values(REGISTRY.corrected ?? {}).map((c) => c.date), ...Object.values(REGISTRY.withdrawn).map((w) => w.date)].sort().at(-1)!;
const SAMPLE_PAGES = [ROUTES.home, directivePath(KON_TUM_ID), provincePath('kon-tum'), ROUTES.provinces, ROUTES.timeline, ROUTES.search, DATA, '/khong-co-trang-nay/'];

test('every page links the data page in its footer, the archive feed and the OpenSearch description in its head', async ({ page }) => {
  for (const path of SAMPLE_PAGES) {
    await page.goto(path);
    await expect(page.locator(`footer a[href="${DATA}"]`), path).toHaveCount(1);
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][href="/feed.xml"]'), path).toHaveCount(1);
    await expect(page.locator('head link[rel="search"][type="application/opensearchdescription+xml"][href="/opensearch.xml"]'), path).toHaveCount(1);
  }
});

test('the home page links the data page and the feed from its content', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator(`main a[href="${DATA}"]`).first()).toBeVisible();
  await expect(page.locator('main a[href="/feed.xml"]')).toHaveCount(1);
});

test.describe('the data page, without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('gives the number of directives and the edition\'s day from the registry', async ({ page }) => {
    await page.goto(DATA);
    await expect(page.locator('#an-ban')).toContainText(`Ấn bản ngày ${shortDate(EDITION)}: ${DIRECTIVES.length} văn bản`);
  });

  test('lists each file with the size and SHA-256 of the file the site serves', async ({ page, request }) => {
    await page.goto(DATA);
    for (const name of FILES) {
      const row = page.locator(`tr[data-file="${name}"]`);
      const href = await row.locator('a').getAttribute('href');
      expect(href).toBe(`${DATA}${name}`);
      const response = await request.get(href!);
      expect(response.status(), name).toBe(200);
      const body = await response.body();
      expect(await row.locator('[data-bytes]').getAttribute('data-bytes'), name).toBe(String(body.length));
      expect(await row.locator('[data-sha256]').innerText(), name).toBe(createHash('sha256').update(body).digest('hex'));
    }
  });

  test('has a codebook row for every column of van-ban.csv and for the two the table van_ban adds (cited, body), and three ways to load the data', async ({ page, request }) => {
    await page.goto(DATA);
    const header = (parseCsv(await (await request.get(`${DATA}van-ban.csv`)).text(), { bom: true, to_line: 1 }) as string[][])[0]!;
    const described = await page.locator('#codebook-van_ban + table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-column')));
    // The cited documents are rows of dan-chieu.csv, not a cell of van-ban.csv; the body is too long for a cell.
    const sqliteOnly = ['cited', 'body'];
    expect(described.filter((c) => !sqliteOnly.includes(c!))).toEqual(header);
    expect(described.filter((c) => sqliteOnly.includes(c!))).toEqual(sqliteOnly);
    for (const heading of ['Python (pandas)', 'R (readr)', 'Bảng tính (Excel, LibreOffice Calc, Google Sheets)']) await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  });

  test('says the licence of the data and what is known of the texts\', and how to cite the data set in both languages', async ({ page }) => {
    await page.goto(DATA);
    await expect(page.locator('a[rel="license"]')).toHaveText('CC BY 4.0');
    await expect(page.locator('#giay-phep ~ p').first()).toContainText('CC BY 4.0');
    await expect(page.locator('main')).toContainText('Điều 15 Luật Sở hữu trí tuệ');
    await expect(page.locator('main')).toContainText('thì chưa rõ');
    await expect(page.locator('#trich-dan-du-lieu-vi')).toContainText(`ấn bản ngày ${shortDate(EDITION)}`);
    await expect(page.locator('#trich-dan-du-lieu-en')).toContainText(`edition of ${EDITION}`);
  });

  test('describes the data set in JSON-LD, with each file\'s address, size and SHA-256', async ({ page, request }) => {
    await page.goto(DATA);
    const dataset = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(dataset['@type']).toBe('Dataset');
    expect(dataset.license).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(dataset.dateModified).toBe(EDITION);
    expect(dataset.distribution.map((d: { name: string }) => d.name)).toEqual(FILES);
    for (const d of dataset.distribution as Array<{ contentUrl: string; contentSize: string; sha256: string }>) {
      const body = await (await request.get(new URL(d.contentUrl).pathname)).body();
      expect(d.contentSize).toBe(`${body.length} B`);
      expect(d.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    }
  });
});

test('van-ban.csv has one row per directive with its fields, and each van-ban.jsonl line is that directive\'s van-ban.json', async ({ request }) => {
  const rows = parseCsv(await (await request.get(`${DATA}van-ban.csv`)).text(), { bom: true, columns: true }) as Array<Record<string, string>>;
  expect(rows.map((r) => r.id).sort()).toEqual(DIRECTIVES.map((d) => d.id).sort());
  for (const d of SEEDS) {
    const row = rows.find((r) => r.id === d.id)!;
    expect(row.doc_number).toBe(d.doc_number ?? '');
    expect(row.date_issued).toBe(d.date_issued ?? '');
    expect(row.issuer).toBe(d.issuer ?? '');
    expect(new URL(row.url!).pathname).toBe(directivePath(d.id));
  }
  const lines = (await (await request.get(`${DATA}van-ban.jsonl`)).text()).trim().split('\n');
  expect(lines).toHaveLength(DIRECTIVES.length);
  for (const line of lines) {
    const record = JSON.parse(line);
    expect(record).toEqual(await (await request.get(`${directivePath(record.id)}van-ban.json`)).json());
  }
});

test('a directive links its JSON and Markdown with their media types, and its citation files from the citation panel', async ({ page, request }) => {
  await page.goto(directivePath(KON_TUM_ID));
  for (const [type, file] of [['application/json', 'van-ban.json'], ['text/markdown', 'van-ban.md']]) {
    const href = `${directivePath(KON_TUM_ID)}${file}`;
    await expect(page.locator(`head link[rel="alternate"][type="${type}"][href="${href}"]`)).toHaveCount(1);
    expect((await request.get(href)).headers()['content-type']).toContain(type);
  }
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][href="/tinh/kon-tum/feed.xml"]')).toHaveCount(1);
  const panel = page.locator('section[aria-labelledby="trich-dan"]');
  for (const [file, type, mark] of [
    ['trich-dan.ris', 'application/x-research-info-systems', 'TY  - GOVDOC'],
    ['trich-dan.bib', 'application/x-bibtex', `@misc{${KON_TUM_ID},`],
    ['trich-dan.csl.json', 'application/vnd.citationstyles.csl+json', `"id": "${KON_TUM_ID}"`],
  ]) {
    const link = panel.locator(`a[href="${directivePath(KON_TUM_ID)}${file}"]`);
    await expect(link, file).toBeVisible();
    const response = await request.get((await link.getAttribute('href'))!);
    expect(response.headers()['content-type'], file).toContain(type);
    expect(await response.text(), file).toContain(mark!);
  }
});

test('the feeds are valid Atom, linked from the pages they cover, each entry linking a permalink that answers', async ({ page, request }) => {
  for (const [feed, covered] of [['/feed.xml', ROUTES.home], ['/tinh/kon-tum/feed.xml', provincePath('kon-tum')]] as const) {
    await page.goto(covered);
    await expect(page.locator(`head link[rel="alternate"][type="application/atom+xml"][href="${feed}"]`), covered).toHaveCount(1);
    const response = await request.get(feed);
    expect(response.headers()['content-type']).toBe('application/atom+xml; charset=utf-8');
    const xml = await response.text();
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = parseAtomFeed(xml);
    expect(parsed.id).toBe(new URL(feed, parsed.id).href);
    const entries = parsed.entries ?? [];
    expect(entries.length, feed).toBeGreaterThan(0);
    for (const entry of entries) {
      const link = new URL(entry.links![0]!.href!);
      expect(link.pathname).toMatch(/^\/van-ban\/.+\/$/);
      expect((await request.get(link.pathname)).status(), link.pathname).toBe(200);
      expect(entry.summary?.value).toBeTruthy();
    }
  }
  const kontum = parseAtomFeed(await (await request.get('/tinh/kon-tum/feed.xml')).text());
  expect(kontum.entries!.map((e) => new URL(e.links![0]!.href!).pathname)).toEqual(DIRECTIVES.filter((d) => d.province === 'Kon Tum').map((d) => directivePath(d.id)));
});

test('the OpenSearch description searches the search page, and the search page answers its template', async ({ request }) => {
  const response = await request.get('/opensearch.xml');
  expect(response.headers()['content-type']).toBe('application/opensearchdescription+xml; charset=utf-8');
  const xml = await response.text();
  expect(XMLValidator.validate(xml)).toBe(true);
  const description = new XMLParser({ ignoreAttributes: false }).parse(xml).OpenSearchDescription;
  expect(description.ShortName.length).toBeLessThanOrEqual(16);
  const html = [description.Url].flat().find((u: Record<string, string>) => u['@_type'] === 'text/html');
  const template = new URL(html['@_template']);
  expect(`${template.pathname}${decodeURIComponent(template.search)}`).toBe('/tim-kiem/?q={searchTerms}');
  expect((await request.get(`/tim-kiem/?q=${encodeURIComponent('giãn cách')}`)).status()).toBe(200);
});
