import { describe, expect, test } from 'vitest';
import { headersFor, parseHeadersFile, pathPattern } from '../../../src/site/security.ts';

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
