/**
 * Published permalinks keep answering across a re-ingest and rebuild. A SYNTHETIC archive of 30
 * sources (scripts/bench/generate.ts, syn_*.txt) is ingested and built; every /van-ban/<id>/ URL
 * is recorded. Then 10 new sources arrive, a curation file corrects one directive's date and
 * another gives a second directive a new id; the same --out and registry are ingested again and
 * the site rebuilt. Every old URL must still answer: directly with the same directive, or (the
 * re-identified one only) through the redirect page Astro generates to its new id.
 */
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { numberToken } from '../../src/search/shared/query.ts';
import { startServer } from '../../scripts/serve.ts';
import { archiveDirs, buildSite, ingestCli, launchChromium, pageIds, redirectPages, remove, syntheticTemp, type ArchiveDirs, type Run } from './support.ts';

interface Registry {
  ids: Record<string, string>;
  redirects: Record<string, string>;
  added: Record<string, string>;
}

/** Most directives per index bundle in the second build (ARCHIVE_BUNDLE_PAGES). */
const SMALL_BUNDLES = 8;
let tmp: string;
let dirs: ArchiveDirs;
let firstIngest: Run;
let secondIngest: Run;
let before: { registry: Registry; pages: Map<string, string> };
let after: { registry: Registry; pages: string[]; redirects: Map<string, string> };
let server: { url: string; close: () => void };
/** The directive whose date a curator corrects (its id must not change). */
let dated: { source: string; id: string; date: string; newDate: string };
/** The directive a curator gives a new id (its old id must redirect). */
let renamed: { source: string; id: string; newId: string };
let newSources: string[];

const frontmatter = (source: string): Record<string, unknown> => matter(readFileSync(join(dirs.directives, source.replace(/\.txt$/, '.md')), 'utf8')).data;
const registry = (): Registry => JSON.parse(readFileSync(join(dirs.directives, 'permalinks.json'), 'utf8')) as Registry;
const h1 = (html: string): string | null => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/\s+/g, ' ').trim() ?? null;
const refreshTarget = (html: string): string | null => /<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"/i.exec(html)?.[1] ?? null;
const longDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${d} tháng ${m} năm ${y}`;
};

beforeAll(async () => {
  tmp = syntheticTemp('permalinks');
  dirs = archiveDirs(tmp);
  const staging = join(tmp, 'generated');
  // Document i does not depend on count: the first 30 of 40 are the first batch, the rest arrive later.
  const { files } = await generateArchive({ count: 40, seed: 4242, outDir: staging });
  const names = files.map((f) => f.slice(staging.length + 1)).sort();
  for (const name of names.slice(0, 30)) copyFileSync(join(staging, name), join(dirs.sources, name));
  newSources = names.slice(30);

  firstIngest = await ingestCli(dirs);
  await buildSite(dirs.directives, join(tmp, 'dist-1'), tmp);
  const dist1 = join(tmp, 'dist-1');
  before = {
    registry: registry(),
    pages: new Map(pageIds(dist1).map((id) => [id, h1(readFileSync(join(dist1, 'van-ban', id, 'index.html'), 'utf8'))!])),
  };

  // Two published, dated directives for the curator.
  const written = readdirSync(dirs.directives)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => f.replace(/\.md$/, '.txt'))
    .filter((s) => frontmatter(s).date_issued !== null);
  const a = written[3]!;
  const b = written[7]!;
  const aDate = frontmatter(a).date_issued as string;
  dated = { source: a, id: frontmatter(a).id as string, date: aDate, newDate: aDate === '2021-02-04' ? '2021-02-05' : '2021-02-04' };
  const bId = frontmatter(b).id as string;
  renamed = { source: b, id: bId, newId: `${bId.split('/')[0]}/tong-hop-synthetic-id-moi` };
  writeFileSync(
    join(dirs.curation, a.replace(/\.txt$/, '.yml')),
    `# SYNTHETIC curation for a synthetic directive (test data)\ndate_issued:\n  value: "${dated.newDate}"\n  note: "Ngày ghi trên bản lưu tổng hợp (synthetic) dùng để kiểm thử"\n`,
  );
  writeFileSync(
    join(dirs.curation, b.replace(/\.txt$/, '.yml')),
    `# SYNTHETIC curation for a synthetic directive (test data)\nid:\n  value: "${renamed.newId}"\n  note: "Đường dẫn mới cho văn bản tổng hợp (synthetic) dùng để kiểm thử"\n`,
  );
  for (const name of newSources) copyFileSync(join(staging, name), join(dirs.sources, name));

  secondIngest = await ingestCli(dirs);
  const dist2 = join(tmp, 'dist-2');
  // Bundles of at most 8 directives: each year is cut into runs of months, as a big archive's are
  // (src/search/build/index-step.ts), so the search tests below also hold across a cut year.
  await buildSite(dirs.directives, dist2, tmp, { ARCHIVE_BUNDLE_PAGES: String(SMALL_BUNDLES) });
  after = { registry: registry(), pages: pageIds(dist2), redirects: redirectPages(dist2) };
  server = await startServer(dist2, 0);
}, 300_000);

afterAll(() => {
  server?.close();
  if (tmp) remove(tmp);
});

describe('permalinks across a re-ingest with new sources and curation', () => {
  test('both ingest runs succeed: 30 sources, then 40', () => {
    expect(firstIngest.status, firstIngest.stdout + firstIngest.stderr).toBe(0);
    expect(firstIngest.stdout).toMatch(/\b30 files: \d+ written, \d+ duplicates?, 0 rejected\b/m);
    expect(secondIngest.status, secondIngest.stdout + secondIngest.stderr).toBe(0);
    expect(secondIngest.stdout).toMatch(/\b40 files: \d+ written, \d+ duplicates?, 0 rejected\b/m);
    expect(before.pages.size).toBeGreaterThanOrEqual(28);
  });

  test('the registry keeps every published id, retires only the renamed one, and records its redirect', () => {
    for (const [source, id] of Object.entries(before.registry.ids)) {
      expect(after.registry.ids[source], source).toBe(source === renamed.source ? renamed.newId : id);
    }
    expect(after.registry.redirects).toEqual({ [renamed.id]: renamed.newId });
    // A new id is not a new addition: it keeps the day it was first published.
    expect(after.registry.added[renamed.newId]).toBe(before.registry.added[renamed.id]);
    expect(Object.keys(after.registry.ids)).toHaveLength(Object.keys(before.registry.ids).length + newSources.length - countDuplicatesAmongNew());
  });

  test('every previously published URL still answers 200 with the same directive, directly or via a redirect to its new id', async () => {
    const problems: string[] = [];
    for (const [id, title] of before.pages) {
      const response = await fetch(`${server.url}/van-ban/${id}/`);
      if (response.status !== 200) {
        problems.push(`${id}: HTTP ${response.status}`);
        continue;
      }
      const html = await response.text();
      const target = refreshTarget(html);
      if (id === renamed.id) {
        if (target !== `/van-ban/${renamed.newId}/`) problems.push(`${id}: redirects to ${target}, expected /van-ban/${renamed.newId}/`);
        const next = await fetch(`${server.url}${target}`);
        if (next.status !== 200) problems.push(`${id} → ${target}: HTTP ${next.status}`);
        else if (h1(await next.text()) !== title) problems.push(`${id} → ${target}: another directive`);
      } else {
        if (target !== null) problems.push(`${id}: unexpectedly redirects to ${target}`);
        else if (h1(html) !== title) problems.push(`${id}: now shows "${h1(html)}", was "${title}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('the corrected directive keeps its URL and shows the curated date with its note', async () => {
    expect(frontmatter(dated.source).id).toBe(dated.id);
    expect(after.pages).toContain(dated.id);
    const html = await (await fetch(`${server.url}/van-ban/${dated.id}/`)).text();
    expect(refreshTarget(html)).toBeNull();
    expect(html).toContain(longDate(dated.newDate));
    expect(html).not.toContain(longDate(dated.date));
    expect(html).toContain('Ngày ghi trên bản lưu tổng hợp (synthetic) dùng để kiểm thử');
    const record = (await (await fetch(`${server.url}/van-ban/${dated.id}/van-ban.json`)).json()) as { id: string; date_issued: string };
    expect(record).toMatchObject({ id: dated.id, date_issued: dated.newDate });
  });

  test('the renamed directive has its page at the new id, and a browser following the old URL lands there', async () => {
    expect(after.pages).toContain(renamed.newId);
    expect(after.pages).not.toContain(renamed.id);
    // The only redirect page the build made is the retired id's.
    expect(Object.fromEntries(after.redirects)).toEqual({ [renamed.id]: `/van-ban/${renamed.newId}/` });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/van-ban/${renamed.id}/`);
      await page.waitForURL(`${server.url}/van-ban/${renamed.newId}/`, { timeout: 10_000 });
      expect(h1(await page.content())).toBe(before.pages.get(renamed.id));
    } finally {
      await browser.close();
    }
  });

  test('the search index holds every directive once, the freely named one included, and no redirect page', async () => {
    const list = JSON.parse(readFileSync(join(tmp, 'dist-2', 'pagefind', 'bundles.json'), 'utf8')) as { bundles: Array<{ path: string; pages: number }> };
    expect(list.bundles.reduce((n, b) => n + b.pages, 0)).toBe(after.pages.length);
    // The curator's id has no year in it, so the first bundle names its folder in its glob.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/tim-kiem/?q=${encodeURIComponent('synthetic')}`);
      await expect.poll(() => page.locator('#danh-sach-ket-qua a.result-title').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const total = Number(/^(\d+)/.exec((await page.locator('#trang-thai').textContent()) ?? '')?.[1]);
      expect(total).toBe(after.pages.length);
    } finally {
      await browser.close();
    }
  });

  test('the second build cut every year into runs of months, each bundle within its cap', () => {
    const list = JSON.parse(readFileSync(join(tmp, 'dist-2', 'pagefind', 'bundles.json'), 'utf8')) as { bundles: Array<{ path: string; pages: number }> };
    const runs = list.bundles.filter((b) => /^\/pagefind\/\d{4}-\d{2}\/$/.test(b.path));
    expect(runs.length).toBeGreaterThan(1);
    // The first bundle may also hold the directives without a date in their id.
    for (const b of list.bundles.slice(1)) expect(b.pages).toBeLessThanOrEqual(SMALL_BUNDLES);
  });

  test('a word in one year only does not widen the other years\' results (every bundle holds the vocabulary)', async () => {
    // Pagefind drops a word an index lacks; without the vocabulary pages, the years without this
    // number would have answered with every directive that says "synthetic".
    const byNumber = new Map<string, string[]>();
    for (const file of readdirSync(dirs.directives).filter((f) => f.endsWith('.md'))) {
      const fm = frontmatter(file.replace(/\.md$/, '.txt'));
      if (typeof fm.doc_number === 'string') byNumber.set(numberToken(fm.doc_number), [...(byNumber.get(numberToken(fm.doc_number)) ?? []), fm.id as string]);
    }
    const [number, ids] = [...byNumber].find(([, found]) => found.length === 1)!;
    const list = JSON.parse(readFileSync(join(tmp, 'dist-2', 'pagefind', 'bundles.json'), 'utf8')) as { bundles: unknown[] };
    expect(list.bundles.length).toBeGreaterThan(1);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/tim-kiem/?q=${encodeURIComponent(`${number} synthetic`)}`);
      await expect.poll(() => page.locator('#trang-thai').textContent(), { timeout: 15_000 }).toMatch(/văn bản/);
      expect(await page.locator('#danh-sach-ket-qua a.result-title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual([
        `/van-ban/${ids[0]}/`,
      ]);
    } finally {
      await browser.close();
    }
  });

  test('a cold search downloads each bundle\'s entry and metadata, and the WebAssembly, once, though the worker asks for them ahead of Pagefind', async () => {
    // src/search/browser/startup.ts: the worker fetches these up front and Pagefind gets copies; a
    // race between the two would download them twice.
    const list = JSON.parse(readFileSync(join(tmp, 'dist-2', 'pagefind', 'bundles.json'), 'utf8')) as { bundles: Array<{ path: string }> };
    expect(list.bundles.length).toBeGreaterThan(1);
    const browser = await launchChromium();
    try {
      const context = await browser.newContext();
      const fetched: string[] = [];
      // At the context level: the worker's requests are counted too.
      context.on('request', (req) => {
        const path = new URL(req.url()).pathname;
        if (/\/(pagefind-entry\.json|[^/]+\.pf_meta|wasm\.[^/]+\.pagefind)$/.test(path)) fetched.push(path);
      });
      const page = await context.newPage();
      await page.goto(`${server.url}/tim-kiem/?q=synthetic`);
      await expect.poll(() => page.locator('#trang-thai').textContent(), { timeout: 15_000 }).toMatch(/văn bản/);
      const expected = list.bundles.flatMap(({ path }) => {
        const meta = readdirSync(join(tmp, 'dist-2', path)).find((f) => f.endsWith('.pf_meta'))!;
        return [`${path}pagefind-entry.json`, `${path}${meta}`];
      });
      expect(sortedCopy(fetched)).toEqual(sortedCopy([...expected, '/pagefind/wasm.unknown.pagefind']));
    } finally {
      await browser.close();
    }
  });

  test('a date sort over the cut bundles lists every directive newest first, the undated ones last, and the counts add up', async () => {
    const dateOf = new Map<string, string | null>();
    for (const file of readdirSync(dirs.directives).filter((f) => f.endsWith('.md'))) {
      const fm = frontmatter(file.replace(/\.md$/, '.txt'));
      dateOf.set(fm.id as string, (fm.date_issued as string | null) ?? null);
    }
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/tim-kiem/?q=synthetic&sap-xep=moi-nhat`);
      await expect.poll(() => page.locator('#trang-thai').textContent(), { timeout: 15_000 }).toMatch(/văn bản/);
      while (await page.locator('#xem-them').isVisible()) {
        const shown = await page.locator('#danh-sach-ket-qua li').count();
        await page.locator('#xem-them').click();
        await expect.poll(() => page.locator('#danh-sach-ket-qua li').count()).toBeGreaterThan(shown);
      }
      const ids = (await page.locator('#danh-sach-ket-qua a.result-title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).map((p) =>
        p.replace(/^\/van-ban\//, '').replace(/\/$/, ''),
      );
      expect(sortedCopy(ids)).toEqual(sortedCopy(after.pages));
      const dates = ids.map((id) => dateOf.get(id) ?? null);
      const firstUndated = dates.indexOf(null);
      expect(firstUndated, 'this archive has undated directives').toBeGreaterThan(0);
      expect(dates.slice(firstUndated).every((d) => d === null), 'undated ones last').toBe(true);
      const dated = dates.slice(0, firstUndated) as string[];
      expect(dated).toEqual([...dated].sort().reverse());
      // The year counts of the filters cover every result once.
      const yearCounts = await page.locator('#bo-loc input[name="nam"]').evaluateAll((boxes) =>
        boxes.map((b) => Number(/\((\d+)\)/.exec(b.parentElement?.textContent ?? '')?.[1])),
      );
      expect(yearCounts.reduce((a, b) => a + b, 0)).toBe(ids.length);
    } finally {
      await browser.close();
    }
  });

  test('every bundle is cut into small index chunks, so looking up a rare word downloads a few kB', () => {
    // INDEX_CHUNK_SIZE (src/search/build/index-step.ts) is 2,000 word positions, about 3 kB; with
    // Pagefind's default of 20,000 each of these bundles would be one chunk of 15 kB or more.
    const list = JSON.parse(readFileSync(join(tmp, 'dist-2', 'pagefind', 'bundles.json'), 'utf8')) as { bundles: Array<{ path: string }> };
    for (const { path } of list.bundles) {
      const folder = join(tmp, 'dist-2', path, 'index');
      const sizes = readdirSync(folder).filter((f) => f.endsWith('.pf_index')).map((f) => statSync(join(folder, f)).size);
      expect(sizes.length, path).toBeGreaterThan(1);
      expect(Math.max(...sizes), path).toBeLessThan(8_000);
    }
  });

  test('the ten new sources are published without taking any old id', () => {
    const newIds = newSources.map((s) => after.registry.ids[s]).filter((id): id is string => id !== undefined);
    expect(newIds.length).toBe(newSources.length - countDuplicatesAmongNew());
    for (const id of newIds) {
      expect(before.pages.has(id), `${id} reuses a published id`).toBe(false);
      expect(id).not.toBe(renamed.id);
      expect(after.pages).toContain(id);
    }
  });
});

/** New sources the generator made as byte copies of earlier ones (its "duplicate" quirk): they get no id. */
function countDuplicatesAmongNew(): number {
  return newSources.filter((s) => secondIngest.stdout.includes(`${s} | duplicate of `)).length;
}

const sortedCopy = (list: string[]): string[] => [...list].sort();
