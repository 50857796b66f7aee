/**
 * Originals offered beside the transcription: three real seeds as .txt and two made into SYNTHETIC
 * originals (seed 000 as a text PDF, seed 001 as a .docx) in a temporary folder, ingested by the
 * CLI, built by the real `astro build`, served and opened in Chromium.
 */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { makeDocx, makeTextPdf } from '../../scripts/bench/documents.ts';
import { TEXT_FROM_LABELS, TRANSCRIPTION_NOTE } from '../../src/site/originals.ts';
import { archiveDirs, buildSite, ingestCli, launchChromium, remove, syntheticTemp, type ArchiveDirs, type Run } from './support.ts';

const SOURCES = new URL('../../content/sources/', import.meta.url);
const SEEDS = readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort();
const PDF_ID = 'kon-tum/2021-07-21-235-cv-tu';
const DOCX_ID = 'kien-giang/2021-07-13-203-cv-tu';
const TXT_ID = 'thai-binh/kien-xuong/2021-05-07-114-cv-hu';

let tmp: string;
let dirs: ArchiveDirs;
let ingest: Run;
let server: { url: string; close: () => void };
let browser: Browser;
let pdf: Uint8Array;

beforeAll(async () => {
  tmp = syntheticTemp('originals');
  dirs = archiveDirs(tmp);
  const seedText = (i: number): string => readFileSync(new URL(SEEDS[i]!, SOURCES), 'utf8');
  pdf = await makeTextPdf(seedText(0));
  writeFileSync(join(dirs.sources, SEEDS[0]!.replace('.txt', '.pdf')), pdf);
  writeFileSync(join(dirs.sources, SEEDS[1]!.replace('.txt', '.docx')), await makeDocx(seedText(1)));
  for (const seed of SEEDS.slice(2)) copyFileSync(new URL(seed, SOURCES), join(dirs.sources, seed));
  ingest = await ingestCli(dirs);
  if (ingest.status !== 0) throw new Error(`ingest failed:\n${ingest.stdout}\n${ingest.stderr}`);
  await buildSite(dirs.directives, join(tmp, 'dist'), tmp);
  server = await startServer(join(tmp, 'dist'), 0);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  server?.close();
  remove(tmp);
});

const get = (path: string): Promise<Response> => fetch(`${server.url}${path}`);

describe('ingest of a folder of .txt, PDF and Word sources', () => {
  test('counts the files by format on its summary line', () => {
    expect(ingest.stdout).toMatch(/^ingest: 5 files: 5 written, .* · by format: 3 \.txt, 1 \.pdf, 1 \.docx$/m);
  });
});

describe('the page of a directive read from a PDF', () => {
  test('offers "Bản gốc (PDF)" with its size and SHA-256, says how the text was made and whose each file is', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/van-ban/${PDF_ID}/`);
    const panel = page.locator('section[aria-labelledby="nguon-goc"]');
    await expect(panel.locator('dt', { hasText: 'Bản gốc (PDF)' }).count()).resolves.toBe(1);
    expect(await panel.locator('.original-file a').getAttribute('href')).toBe(`/van-ban/${PDF_ID}/ban-goc.pdf`);
    const text = await panel.innerText();
    expect(text).toContain(`${SEEDS[0]!.replace('.txt', '.pdf')} (${Math.round(pdf.length / 1024)} KB`);
    expect(text).toContain(JSON.parse(await (await get(`/van-ban/${PDF_ID}/van-ban.json`)).text()).original.sha256);
    expect(text).toContain(TEXT_FROM_LABELS['text-layer']);
    expect(text).toContain(TRANSCRIPTION_NOTE);
    await page.close();
  });
  test('serves the original byte for byte as application/pdf', async () => {
    const response = await get(`/van-ban/${PDF_ID}/ban-goc.pdf`);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(pdf))).toBe(true);
  });
  test('serves the text read from it as nguon.txt', async () => {
    const expected = readFileSync(join(dirs.directives, SEEDS[0]!.replace('.txt', '.nguon.txt')), 'utf8');
    expect(await (await get(`/van-ban/${PDF_ID}/nguon.txt`)).text()).toBe(expected);
    expect(expected).toContain('TỈNH ỦY KON TUM');
  });
  test('carries the original’s file name, media type, size and hash in its JSON and Markdown downloads', async () => {
    const original = { file: SEEDS[0]!.replace('.txt', '.pdf'), media_type: 'application/pdf', bytes: pdf.length, text_from: 'text-layer' };
    expect(JSON.parse(await (await get(`/van-ban/${PDF_ID}/van-ban.json`)).text()).original).toMatchObject(original);
    expect(await (await get(`/van-ban/${PDF_ID}/van-ban.md`)).text()).toContain(`original:\n  file: "${original.file}"\n  media_type: "application/pdf"\n  bytes: ${pdf.length}\n  sha256: "`);
  });
});

describe('the page of a directive read from a Word file', () => {
  test('offers "Bản gốc (Word)" at ban-goc.docx, served with the Word media type', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/van-ban/${DOCX_ID}/`);
    const panel = page.locator('section[aria-labelledby="nguon-goc"]');
    expect(await panel.innerText()).toContain('Bản gốc (Word)');
    expect(await panel.locator('.original-file a').getAttribute('href')).toBe(`/van-ban/${DOCX_ID}/ban-goc.docx`);
    expect(await panel.locator('.text-from').innerText()).toBe(TEXT_FROM_LABELS.word);
    await page.close();
    expect((await get(`/van-ban/${DOCX_ID}/ban-goc.docx`)).headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
  });
});

describe('the page of a directive from a .txt source', () => {
  test('offers the source as before and no original file', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/van-ban/${TXT_ID}/`);
    const text = await page.locator('section[aria-labelledby="nguon-goc"]').innerText();
    expect(text).toContain('Tệp nguồn');
    expect(text).not.toContain('Bản gốc (');
    await page.close();
    expect((await get(`/van-ban/${TXT_ID}/ban-goc.pdf`)).status).toBe(404);
  });
});
