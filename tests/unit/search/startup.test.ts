import { describe, expect, test } from 'vitest';
import { startupFiles, startupKey } from '../../../src/search/browser/startup.ts';

const ORIGIN = 'http://127.0.0.1:4321';

describe('startupFiles: what Pagefind fetches after a bundle’s entry file', () => {
  const entry = { languages: { vi: { hash: 'vi_7ed279376b', wasm: null } } };

  test('the primary bundle: its metadata and the WebAssembly, named as Pagefind names them', () => {
    expect(startupFiles('/pagefind/', entry, true)).toEqual(['/pagefind/pagefind.vi_7ed279376b.pf_meta', '/pagefind/wasm.unknown.pagefind']);
  });

  test('a language with WebAssembly of its own', () => {
    expect(startupFiles('/pagefind/', { languages: { vi: { hash: 'vi_1', wasm: 'vi' } } }, true)).toEqual(['/pagefind/pagefind.vi_1.pf_meta', '/pagefind/wasm.vi.pagefind']);
  });

  test('a merged bundle: its metadata only (it runs on the primary’s WebAssembly)', () => {
    expect(startupFiles('/pagefind/2021/', { languages: { vi: { hash: 'vi_e9' } } }, false)).toEqual(['/pagefind/2021/pagefind.vi_e9.pf_meta']);
  });

  test('with several languages, or none, nothing is guessed', () => {
    expect(startupFiles('/pagefind/', { languages: { vi: { hash: 'vi_1' }, en: { hash: 'en_1' } } }, true)).toEqual([]);
    expect(startupFiles('/pagefind/', { languages: {} }, true)).toEqual([]);
  });
});

describe('startupKey: which requests share one download', () => {
  test('an entry file, with or without Pagefind’s cache-busting query, absolute or not', () => {
    expect(startupKey(`${ORIGIN}/pagefind/pagefind-entry.json?ts=1796194179786`, ORIGIN)).toBe('/pagefind/pagefind-entry.json');
    expect(startupKey('/pagefind/2021/pagefind-entry.json', ORIGIN)).toBe('/pagefind/2021/pagefind-entry.json');
  });

  test('metadata and WebAssembly files', () => {
    expect(startupKey(`${ORIGIN}/pagefind/2022/pagefind.vi_97aff18ea1.pf_meta`, ORIGIN)).toBe('/pagefind/2022/pagefind.vi_97aff18ea1.pf_meta');
    expect(startupKey(`${ORIGIN}/pagefind/wasm.unknown.pagefind`, ORIGIN)).toBe('/pagefind/wasm.unknown.pagefind');
  });

  test('anything else is fetched as usual: index chunks, fragments, other folders, other origins, other queries', () => {
    for (const url of [
      `${ORIGIN}/pagefind/index/vi_29d1eb5.pf_index`,
      `${ORIGIN}/pagefind/2021/fragment/vi_73e1675.pf_fragment`,
      `${ORIGIN}/pagefind/bundles.json`,
      `${ORIGIN}/pagefind/pagefind.js`,
      `${ORIGIN}/van-ban/pagefind-entry.json`,
      'https://example.org/pagefind/pagefind-entry.json',
      `${ORIGIN}/pagefind/wasm.unknown.pagefind?v=2`,
    ])
      expect(startupKey(url, ORIGIN), url).toBeNull();
  });
});
