/**
 * A cited address keeps answering, and no entry of the registry can write outside the site. Two
 * SYNTHETIC directives (their text says so) are ingested with the real CLI and built with the real
 * `astro build` in a temporary folder: a curated id "../../../pwned" is refused by ingest; a registry
 * hand-edited to redirect from "../../../pwned" stops the build before anything is written; a
 * registered id without a page stops it too; a withdrawn directive's address answers with a notice.
 */
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { syntheticSource } from '../helpers/synthetic-directive.ts';
import { archiveDirs, buildSite, ingestCli, remove, run, syntheticTemp, walk, type ArchiveDirs } from '../scale/support.ts';

const WITHDRAWN = 'syn_rut_0001.txt';
const KEPT = 'syn_giu_0002.txt';
const REASON = 'Văn bản tổng hợp (synthetic) bị rút để kiểm thử: bản nguồn trùng với văn bản khác';
const NOTE = 'Quyết định của nhóm biên tập (synthetic)';

let tmp: string;
let dirs: ArchiveDirs;
const ids: Record<string, string> = {};
const registryFile = (): string => join(dirs.directives, 'permalinks.json');
const page = (source: string): string => join(dirs.directives, source.replace(/\.txt$/, '.md'));
const curationFile = (source: string): string => join(dirs.curation, source.replace(/\.txt$/, '.yml'));

/** A copy of the archive as ingest left it (sources beside it), for a build that must fail. */
function copyArchive(label: string): ArchiveDirs {
  const root = join(tmp, label);
  cpSync(dirs.sources, join(root, 'sources'), { recursive: true });
  cpSync(dirs.directives, join(root, 'directives'), { recursive: true });
  return { sources: join(root, 'sources'), directives: join(root, 'directives'), curation: join(root, 'curation') };
}

const failure = (promise: Promise<unknown>): Promise<string> =>
  promise.then(
    () => 'the build succeeded',
    (e: Error) => e.message,
  );

beforeAll(async () => {
  tmp = syntheticTemp('permalink-safety');
  dirs = archiveDirs(tmp);
  writeFileSync(join(dirs.sources, WITHDRAWN), syntheticSource({ number: '901-CV/TU' }));
  writeFileSync(join(dirs.sources, KEPT), syntheticSource({ number: '902-CV/TU', date: 'ngày 06 tháng 8 năm 2021' }));
  const first = await ingestCli(dirs);
  if (first.status !== 0) throw new Error(`ingest exited ${first.status}:\n${first.stdout}\n${first.stderr}`);
  for (const s of [WITHDRAWN, KEPT]) ids[s] = matter(readFileSync(page(s), 'utf8')).data.id as string;
}, 60_000);

afterAll(() => {
  if (tmp) remove(tmp);
});

describe('ingest with a curated id "../../../pwned"', () => {
  test('exits 1 naming the curation file and field, and leaves the registry and the published page as they were', async () => {
    const registry = readFileSync(registryFile(), 'utf8');
    const before = readFileSync(page(KEPT), 'utf8');
    writeFileSync(curationFile(KEPT), 'id:\n  value: "../../../pwned"\n  note: "typo"\n');
    try {
      const result = await ingestCli(dirs);
      expect(result.status).toBe(1);
      expect(result.stdout).toContain(`${KEPT} | REJECTED | - | ${curationFile(KEPT)} → id: expected lowercase ASCII words joined by "-" and "/", got "../../../pwned"`);
      expect(result.stdout).toContain(`error: ${KEPT} is rejected, but it is published as /van-ban/${ids[KEPT]}/: its last good page (${page(KEPT)}) is kept`);
      expect(readFileSync(registryFile(), 'utf8')).toBe(registry);
      expect(readFileSync(page(KEPT), 'utf8')).toBe(before);
    } finally {
      rmSync(curationFile(KEPT));
    }
  });
});

describe('a build from a registry hand-edited to redirect from "../../../pwned"', () => {
  test('refuses, naming the entry, and writes nothing outside its output folder', async () => {
    const copy = copyArchive('hostile-registry');
    const registry = JSON.parse(readFileSync(join(copy.directives, 'permalinks.json'), 'utf8'));
    registry.redirects['../../../pwned'] = ids[KEPT];
    writeFileSync(join(copy.directives, 'permalinks.json'), JSON.stringify(registry, null, 2));
    const out = join(tmp, 'hostile-registry', 'out', 'dist');
    const message = await failure(buildSite(copy.directives, out, join(tmp, 'hostile-registry')));
    expect(message).toContain(`${join(copy.directives, 'permalinks.json')}:\n  redirects → key "../../../pwned": expected lowercase ASCII words joined by "-" and "/", got "../../../pwned"`);
    expect(walk(tmp).filter((f) => f.includes('pwned'))).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
});

describe('a build where a published id has no page', () => {
  test('refuses, naming the id and its source', async () => {
    const copy = copyArchive('missing-page');
    rmSync(join(copy.directives, KEPT.replace(/\.txt$/, '.md')));
    const message = await failure(buildSite(copy.directives, join(tmp, 'missing-page', 'dist'), join(tmp, 'missing-page')));
    expect(message).toContain(`1 published permalink(s) would not answer:\n  "${ids[KEPT]}" (${KEPT}): no directive in ${copy.directives} has this id`);
  });
});

describe('a withdrawn directive', () => {
  let dist: string;
  let server: { url: string; close: () => void };
  let html: string;
  let status: number;

  beforeAll(async () => {
    writeFileSync(curationFile(WITHDRAWN), `# SYNTHETIC curation (test data)\nwithdrawn:\n  value: "${REASON}"\n  note: "${NOTE}"\n`);
    renameSync(join(dirs.sources, WITHDRAWN), join(tmp, WITHDRAWN));
    const cli = ['scripts/ingest.ts', '--sources', dirs.sources, '--out', dirs.directives, '--curation', dirs.curation];
    const result = await run(cli, { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 1) / 1000) });
    if (result.status !== 0) throw new Error(`ingest exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
    expect(result.stdout).toContain(`withdrawn: /van-ban/${ids[WITHDRAWN]}/ (${WITHDRAWN}) now says "Văn bản này đã được rút khỏi lưu trữ": ${REASON}`);
    dist = join(tmp, 'dist');
    await buildSite(dirs.directives, dist, tmp);
    server = await startServer(dist, 0);
    const response = await fetch(`${server.url}/van-ban/${ids[WITHDRAWN]}/`);
    status = response.status;
    html = await response.text();
  }, 240_000);

  afterAll(() => server?.close());

  test('keeps its address answering 200 with the notice, the reason, the day and what a citation gave', () => {
    expect(status).toBe(200);
    expect(html).toContain('<h1>Văn bản này đã được rút khỏi lưu trữ</h1>');
    expect(html).toContain('ngày 1 tháng 12 năm 2026');
    expect(html).toContain(REASON);
    expect(html).toContain(NOTE);
    expect(html).toContain('Công văn 901-CV/TU của Tỉnh ủy Kon Tum');
    expect(html).toContain(`/van-ban/${ids[WITHDRAWN]}/`);
    expect(html).toMatch(/<a href="\/">trang chủ<\/a>/);
  });

  test('is kept out of search engines, the search index, the sitemap and the lists', () => {
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).not.toContain('data-pagefind-body');
    const bundles = JSON.parse(readFileSync(join(dist, 'pagefind', 'bundles.json'), 'utf8')) as { bundles: Array<{ pages: number }> };
    expect(bundles.bundles.reduce((n, b) => n + b.pages, 0)).toBe(1);
    const sitemap = readFileSync(join(dist, 'sitemap-0.xml'), 'utf8');
    expect(sitemap).toContain(`/van-ban/${ids[KEPT]}/`);
    expect(sitemap).not.toContain(`/van-ban/${ids[WITHDRAWN]}/`);
    for (const list of ['index.html', 'tinh/kon-tum/index.html', 'thoi-gian/2021-08/index.html']) {
      const text = readFileSync(join(dist, list), 'utf8');
      expect(text, list).toContain(`/van-ban/${ids[KEPT]}/`);
      expect(text, list).not.toContain(`/van-ban/${ids[WITHDRAWN]}/`);
    }
  });
});
