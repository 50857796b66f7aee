import { describe, expect, test } from 'vitest';
import { kindOf } from '../../../scripts/bench/browser.ts';

describe('kindOf: what a search request is, for the benchmark byte breakdown', () => {
  test.each([
    ['/tim-kiem/?q=gi%C3%A3n', 'site'],
    ['/_astro/Base.Cl6NbGHB.css', 'site'],
    ['/pagefind/pagefind.js', 'runtime'],
    ['/pagefind/wasm.unknown.pagefind', 'runtime'],
    ['/pagefind/2021/pagefind-entry.json?ts=1795601841677', 'runtime'],
    ['/pagefind/pagefind.vi_d497637e18.pf_meta', 'meta'],
    ['/pagefind/2022/filter/vi_252db79.pf_filter', 'filters'],
    ['/pagefind/facets.json', 'filters'],
    ['/pagefind/index/vi_14f1b78.pf_index', 'index'],
    ['http://127.0.0.1:4321/pagefind/khong-ro-ngay/index/vi_19912f4.pf_index', 'index'],
    ['/pagefind/fragment/vi_df8b835.pf_fragment', 'fragments'],
  ])('%s is %s', (url, kind) => {
    expect(kindOf(url)).toBe(kind);
  });
});
