import { describe, expect, test } from 'vitest';
import { contentTypeOf, headersFor, NOT_FOUND_PAGE, parseHeadersFile, pathPattern } from '../../../src/site/security.ts';

const cacheControl = (path: string): string | undefined => headersFor(path).find(([name]) => name === 'Cache-Control')?.[1];
const IMMUTABLE = 'public, max-age=31536000, immutable';

describe('pathPattern: the _headers path syntax of Netlify and Cloudflare Pages', () => {
  test('a splat matches anything, slashes included', () => {
    expect(pathPattern('/van-ban/*/nguon.txt').test('/van-ban/kon-tum/2021-07-21-235-cv-tu/nguon.txt')).toBe(true);
    expect(pathPattern('/van-ban/*/nguon.txt').test('/van-ban/kon-tum/van-ban.md')).toBe(false);
  });
  test('a placeholder matches one path segment, and dots are literal', () => {
    const p = pathPattern('/pagefind/:bundle/index/*');
    expect(p.test('/pagefind/2021-07/index/vi_4ce7f1b.pf_index')).toBe(true);
    expect(p.test('/pagefind/a/b/index/vi_4ce7f1b.pf_index')).toBe(false);
    expect(pathPattern('/pagefind/*.pf_meta').test('/pagefind/pagefind.vi_2d5xpf_meta')).toBe(false);
  });
  test('parseHeadersFile keeps each path with its own indented headers', () => {
    const rules = parseHeadersFile('/*\n  X-A: 1\n\n# note\n/b/*\n  X-B: two: words\n');
    expect(rules.map((r) => r.headers)).toEqual([[['X-A', '1']], [['X-B', 'two: words']]]);
  });
});

describe('headersFor: what a host reading dist/_headers sends', () => {
  test('every path gets the security headers', () => {
    for (const path of ['/tim-kiem/index.html', '/pagefind/index/vi_29d1eb5.pf_index', '/_astro/Base.Cl6NbGHB.css']) {
      const names = headersFor(path).map(([name]) => name);
      expect(names, path).toEqual(expect.arrayContaining(['Content-Security-Policy', 'X-Content-Type-Options', 'X-Frame-Options']));
    }
  });
  test('files named by their content are cached for a year, in the primary bundle and in bundles by date', () => {
    for (const path of [
      '/_astro/Base.Cl6NbGHB.css',
      '/_astro/index.astro_astro_type_script_index_0_lang.yAeslZoz.js.br',
      '/pagefind/index/vi_29d1eb5.pf_index',
      '/pagefind/2021/index/vi_4ce7f1b.pf_index',
      '/pagefind/2021-07/fragment/vi_73e1675.pf_fragment',
      '/pagefind/filter/vi_f92f461.pf_filter',
      '/pagefind/pagefind.vi_2d594970fd.pf_meta',
      '/pagefind/2022/pagefind.vi_2ee1b16d89.pf_meta',
    ])
      expect(cacheControl(path), path).toBe(IMMUTABLE);
  });
  test('files that keep their name from one build to the next are not: pages, Pagefind runtime and entry, the bundle list', () => {
    for (const path of [
      '/tim-kiem/index.html',
      '/van-ban/kon-tum/2021-07-21-235-cv-tu/index.html',
      '/van-ban/kon-tum/2021-07-21-235-cv-tu/nguon.txt',
      '/pagefind/pagefind.js',
      '/pagefind/pagefind-worker.js',
      '/pagefind/wasm.unknown.pagefind',
      '/pagefind/pagefind-entry.json',
      '/pagefind/2021/pagefind-entry.json',
      '/pagefind/bundles.json',
      '/favicon.svg',
    ])
      expect(cacheControl(path), path).toBeUndefined();
  });
});

describe('contentTypeOf: the type of every kind of file the build writes', () => {
  test('Pagefind\'s index files and WebAssembly are binary, sent as application/octet-stream', () => {
    for (const path of [
      '/pagefind/pagefind.vi_2d594970fd.pf_meta',
      '/pagefind/index/vi_29d1eb5.pf_index',
      '/pagefind/2021-07/fragment/vi_73e1675.pf_fragment',
      '/pagefind/filter/vi_f92f461.pf_filter',
      '/pagefind/wasm.unknown.pagefind',
    ])
      expect(contentTypeOf(path), path).toBe('application/octet-stream');
  });
  test('text says its charset; scripts are text/javascript, a raw WebAssembly module application/wasm', () => {
    expect(contentTypeOf('/tim-kiem/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('/pagefind/pagefind.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('/van-ban/kon-tum/2021-07-21-235-cv-tu/nguon.txt')).toBe('text/plain; charset=utf-8');
    expect(contentTypeOf('/van-ban/kon-tum/2021-07-21-235-cv-tu/van-ban.md')).toBe('text/markdown; charset=utf-8');
    expect(contentTypeOf('/van-ban/kon-tum/2021-07-21-235-cv-tu/nguon-goc.bin')).toBe('application/octet-stream');
    expect(contentTypeOf('/sitemap-index.xml')).toBe('application/xml; charset=utf-8');
    expect(contentTypeOf('/favicon.svg')).toBe('image/svg+xml');
    expect(contentTypeOf('/x/module.wasm')).toBe('application/wasm');
  });
  test('a .br or .gz copy has the type of the file it encodes', () => {
    expect(contentTypeOf('/_astro/Base.Cl6NbGHB.css.br')).toBe('text/css; charset=utf-8');
    expect(contentTypeOf('/pagefind/wasm.unknown.pagefind.gz')).toBe('application/octet-stream');
  });
  test('_headers itself is plain text, and a kind the table does not know has no type', () => {
    expect(contentTypeOf('/_headers')).toBe('text/plain; charset=utf-8');
    expect(contentTypeOf('/photo.heic')).toBeNull();
    expect(contentTypeOf('/van-ban/kon-tum/')).toBeNull();
  });
});

describe('_headers: types a host would not know, and the 404', () => {
  const contentTypes = (path: string): string[] => headersFor(path).filter(([name]) => name === 'Content-Type').map(([, value]) => value);
  test('names the type of Pagefind\'s files, in the primary bundle and in bundles by date, as the table does', () => {
    for (const path of ['/pagefind/pagefind.vi_2d594970fd.pf_meta', '/pagefind/2021/index/vi_4ce7f1b.pf_index', '/pagefind/fragment/vi_73e1675.pf_fragment', '/pagefind/2022-01/filter/vi_f.pf_filter', '/pagefind/wasm.unknown.pagefind'])
      expect(contentTypes(path), path).toEqual([contentTypeOf(path)]);
  });
  test('names the charset of the sources and the Markdown files, and sends the raw file of a converted source as bytes', () => {
    expect(contentTypes('/van-ban/kon-tum/2021-07-21-235-cv-tu/nguon.txt')).toEqual(['text/plain; charset=utf-8']);
    expect(contentTypes('/van-ban/kon-tum/2021-07-21-235-cv-tu/nguon-goc.bin')).toEqual(['application/octet-stream']);
    expect(contentTypes('/van-ban/kon-tum/2021-07-21-235-cv-tu/van-ban.md')).toEqual(['text/markdown; charset=utf-8']);
  });
  test('names one type for each bulk file, citation file, feed and the OpenSearch description', () => {
    const expected: Record<string, string> = {
      '/du-lieu/van-ban.csv': 'text/csv; charset=utf-8; header=present',
      '/du-lieu/dan-chieu.csv': 'text/csv; charset=utf-8; header=present',
      '/du-lieu/van-ban.jsonl': 'application/jsonl; charset=utf-8',
      '/du-lieu/van-ban.sqlite': 'application/vnd.sqlite3',
      '/van-ban/kon-tum/2021-07-21-235-cv-tu/trich-dan.ris': 'application/x-research-info-systems; charset=utf-8',
      '/van-ban/kon-tum/2021-07-21-235-cv-tu/trich-dan.bib': 'application/x-bibtex; charset=utf-8',
      '/van-ban/kon-tum/2021-07-21-235-cv-tu/trich-dan.csl.json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
      '/feed.xml': 'application/atom+xml; charset=utf-8',
      '/tinh/kon-tum/feed.xml': 'application/atom+xml; charset=utf-8',
      '/opensearch.xml': 'application/opensearchdescription+xml; charset=utf-8',
    };
    for (const [path, type] of Object.entries(expected)) {
      expect(contentTypeOf(path), path).toBe(type);
      expect(contentTypes(path), path).toEqual([type]);
    }
  });
  test('leaves the types every host knows to the host', () => {
    for (const path of ['/tim-kiem/index.html', '/pagefind/pagefind.js', '/_astro/Base.Cl6NbGHB.css', '/pagefind/bundles.json', '/sitemap-index.xml', '/van-ban/kon-tum/2021-07-21-235-cv-tu/van-ban.json'])
      expect(contentTypes(path), path).toEqual([]);
  });
  test('the 404 page gets the security headers and no year-long caching', () => {
    const names = headersFor(NOT_FOUND_PAGE).map(([name]) => name);
    expect(names).toEqual(expect.arrayContaining(['Content-Security-Policy', 'X-Content-Type-Options', 'X-Frame-Options', 'Referrer-Policy']));
    expect(names).not.toContain('Cache-Control');
  });
});
