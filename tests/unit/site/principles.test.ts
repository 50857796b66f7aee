import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { firstByProvince, principleCounts, principleEntries, variantsAsWritten } from '../../../src/site/principles.ts';
import { PRINCIPLE_LIST } from '../../../src/site/principle-list.ts';
import { readBodyText } from '../../../src/site/archive-loader.ts';
import { parsePrinciples, type Principle } from '../../../src/shared/principles.ts';
import type { Directive } from '../../../src/shared/schema.ts';
import { syntheticDirective as d } from '../../helpers/synthetic-directive.ts';

const LIST: Principle[] = [
  { name: '4 tại chỗ', variants: ['4 tại chỗ', '04 tại chỗ', 'bốn tại chỗ'] },
  { name: '5K', variants: ['5K'] },
];

describe('principleEntries', () => {
  test('lists every principle in the list’s order, with its directives by date, then tags the list no longer has', () => {
    const entries = principleEntries(LIST, [
      d('b', '2021-07-21', 'Kon Tum', { principles: ['4 tại chỗ'] }),
      d('a', '2021-02-09', 'Sóc Trăng', { principles: ['4 tại chỗ', 'ai ở đâu thì ở đó'] }),
      d('c', null, 'Gia Lai', { principles: ['4 tại chỗ'] }),
    ]);
    expect(entries.map((e) => [e.name, e.slug, e.directives.map((x) => x.id)])).toEqual([
      ['4 tại chỗ', '4-tai-cho', ['a', 'b', 'c']],
      ['5K', '5k', []],
      ['ai ở đâu thì ở đó', 'ai-o-dau-thi-o-do', ['a']],
    ]);
    expect(entries[2]!.variants).toEqual([]);
  });
});

describe('firstByProvince', () => {
  test('gives each province its earliest directive, earliest province first, undated-only provinces last', () => {
    const rows = firstByProvince([
      d('kt-2', '2021-08-01', 'Kon Tum'),
      d('kt-1', '2021-07-21', 'Kon Tum'),
      d('kt-0', null, 'Kon Tum'),
      d('st', '2021-02-09', 'Sóc Trăng'),
      d('gl', null, 'Gia Lai'),
      d('hn', null, 'Hà Nội'),
      d('none', '2020-01-01', null),
    ]);
    expect(rows.map((r) => [r.province.name, r.first.id, r.count])).toEqual([
      ['Sóc Trăng', 'st', 1],
      ['Kon Tum', 'kt-1', 3],
      ['Hà Nội', 'hn', 1],
      ['Gia Lai', 'gl', 1],
    ]);
  });
});

describe('variantsAsWritten', () => {
  test('counts the directives writing each spelling, by ingest’s rule: case, quotes, tone placement and line breaks aside, whole words only', () => {
    const written = variantsAsWritten(LIST, [
      { principles: ['4 tại chỗ'], text: 'thực hiện phương châm “4 tại chỗ” và\n“04 TẠI CHỖ”' },
      { principles: ['4 tại chỗ'], text: 'phương châm bốn tại\nchỗ' },
      { principles: ['4 tại chỗ', '5K'], text: 'phương châm "4 tại chỗ", thông điệp 5K' },
      // Not tagged with it: its text is not searched for this principle.
      { principles: ['5K'], text: 'thông điệp 5K, 4 tại chỗ' },
      // "14 tại chỗ" is not "4 tại chỗ".
      { principles: ['4 tại chỗ'], text: '14 tại chỗ' },
    ]);
    expect(written.get('4 tại chỗ')).toEqual([
      { variant: '4 tại chỗ', directives: 2 },
      { variant: '04 tại chỗ', directives: 1 },
      { variant: 'bốn tại chỗ', directives: 1 },
    ]);
    expect(written.get('5K')).toEqual([{ variant: '5K', directives: 2 }]);
  });
  test('leaves out the spellings no text writes', () => {
    expect(variantsAsWritten(LIST, [{ principles: ['5K'], text: 'không có' }]).get('5K')).toEqual([]);
  });
});

describe('principleCounts', () => {
  test('lists the principles a set of directives invokes, most invoked first, ties in the list’s order', () => {
    const list = [d('a', null, null, { principles: ['5K', '4 tại chỗ'] }), d('b', null, null, { principles: ['5K'] })];
    expect(principleCounts(LIST, list)).toEqual([
      { name: '5K', slug: '5k', directives: 2 },
      { name: '4 tại chỗ', slug: '4-tai-cho', directives: 1 },
    ]);
    expect(principleCounts(LIST, [d('a', null, null, { principles: ['5K', '4 tại chỗ'] })]).map((p) => p.name)).toEqual(['4 tại chỗ', '5K']);
  });
});

describe('the principle list and the seeds', () => {
  const ROOT = join(import.meta.dirname, '../../..');
  test('the site reads the same list as ingest (content/principles.yml)', () => {
    expect(PRINCIPLE_LIST).toEqual(parsePrinciples(readFileSync(join(ROOT, 'content/principles.yml'), 'utf8'), 'content/principles.yml'));
  });
  test('every principle a seed is tagged with is found, in one of its spellings, in the text the site reads', () => {
    const dir = join(ROOT, 'content/directives');
    const seeds = readdirSync(dir)
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ file: f, data: matter(readFileSync(join(dir, f), 'utf8')).data as Directive }));
    const texts = seeds.map(({ file, data }) => ({ principles: data.principles, text: `${data.subject ?? ''}\n${readBodyText(file, dir)}` }));
    const written = variantsAsWritten(PRINCIPLE_LIST, texts);
    const missing = seeds.flatMap(({ data }) => data.principles.filter((name) => (written.get(name) ?? []).length === 0).map((name) => `${data.id}: ${name}`));
    expect(missing).toEqual([]);
    // Read off the sources: "4 tại chỗ" in 000, 002 and 004; "04 tại chỗ" in 002 as well.
    expect(written.get('4 tại chỗ')).toEqual([
      { variant: '4 tại chỗ', directives: 3 },
      { variant: '04 tại chỗ', directives: 1 },
    ]);
  });
});
