/**
 * The search manifest (src/search/build/manifest.ts): what the build's downloads step tells the index
 * step, and the same list collected again from the records when the build left none.
 * Runs on the five real seeds, written into a temporary folder (never into content/).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeDownloads } from '../../../src/site/integrations/downloads.ts';
import { siteManifest } from '../../../src/search/build/index-step.ts';
import { ManifestCollector, parseManifest, SEARCH_MANIFEST_FILE, type DirectiveRecord } from '../../../src/search/build/manifest.ts';
import { indexWords } from '../../../src/search/build/vocabulary.ts';

const record = (id: string, date: string | null, body: string): DirectiveRecord =>
  ({ id, date_issued: date, title: 'Công văn', body, principles: [] }) as unknown as DirectiveRecord;

describe('ManifestCollector', () => {
  test('lists each page folder with its date, sorted, whatever order the records came in', () => {
    const c = new ManifestCollector();
    c.add(record('kon-tum/2021-07-21-235-cv-tu', '2021-07-21', 'Chỉ đạo'));
    c.add(record('gia-lai/khong-ro-ngay-chi-thi', null, 'Chỉ thị'));
    expect(c.manifest().pages).toEqual([
      { dir: 'van-ban/gia-lai/khong-ro-ngay-chi-thi', date: null },
      { dir: 'van-ban/kon-tum/2021-07-21-235-cv-tu', date: '2021-07-21' },
    ]);
  });

  test("holds every word Pagefind indexes of every record's body and fields, once, sorted", () => {
    const c = new ManifestCollector();
    c.add(record('a/2021-01-01-1', '2021-01-01', 'Phòng, chống dịch COVID-19'));
    c.add(record('b/2021-01-02-2', '2021-01-02', 'chống dịch'));
    const { words } = c.manifest();
    expect(words).toEqual([...words].sort());
    expect(new Set(words).size).toBe(words.length);
    for (const w of indexWords('Phòng, chống dịch COVID-19 Công văn')) expect(words).toContain(w);
  });
});

describe('parseManifest', () => {
  test('reads back what the collector wrote', () => {
    const c = new ManifestCollector();
    c.add(record('a/2021-01-01-1', '2021-01-01', 'x'));
    expect(parseManifest(JSON.stringify(c.manifest()), 'm.json')).toEqual(c.manifest());
  });
  test('names the file when it is cut short or is not a manifest', () => {
    expect(() => parseManifest('{"pages": [', 'dist/m.json')).toThrow(/^dist\/m\.json: not valid JSON/);
    expect(() => parseManifest('{"pages": [{"dir": 3, "date": null}], "words": []}', 'dist/m.json')).toThrow(/^dist\/m\.json: not a search manifest/);
    expect(() => parseManifest('{"pages": []}', 'dist/m.json')).toThrow(/not a search manifest/);
  });
});

describe('the manifest of a built site', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(join(tmpdir(), 'manifest-'));
    writeDownloads(out, 'content/directives', 'content/sources');
  });
  afterAll(() => rm(out, { recursive: true, force: true }));

  test('the downloads step leaves one for the seeds: five pages, their words', async () => {
    const { manifest, from } = await siteManifest(out);
    expect(from).toBe('build');
    expect(manifest.pages).toHaveLength(5);
    expect(manifest.pages.map((p) => p.dir)).toContain('van-ban/kon-tum/2021-07-21-235-cv-tu');
    for (const w of ['235cvtu', 'kon', 'tum', 'chỉ', 'đạo']) expect(manifest.words).toContain(w);
  });

  test('without it, the same manifest is collected from the records beside the pages', async () => {
    const file = join(out, SEARCH_MANIFEST_FILE);
    const written = await readFile(file, 'utf8');
    await rm(file);
    try {
      const { manifest, from } = await siteManifest(out);
      expect(from).toBe('records');
      expect(manifest).toEqual(parseManifest(written, file));
    } finally {
      await writeFile(file, written);
    }
  });
});
