import { describe, expect, it } from 'vitest';
import {
  applyAllowList,
  CONTROL_HTML,
  diffTrees,
  failingAudits,
  foreignRequests,
  formatMs,
  formatTable,
  globToRegExp,
  groupPaths,
  median,
  missingCompression,
  type LhrLike,
} from '../../scripts/audit/lib.ts';

describe('median', () => {
  it('takes the middle value of an odd count, whatever the order', () => {
    expect(median([84, 99, 84])).toBe(84);
    expect(median([100])).toBe(100);
    expect(median([3, 1, 2])).toBe(2);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([90, 100])).toBe(95);
  });
  it('refuses an empty list', () => {
    expect(() => median([])).toThrow();
  });
  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('formatTable', () => {
  it('pads columns, aligns the named ones right and trims line ends', () => {
    expect(formatTable(['page', 'seo'], [['home', '100'], ['document', '95']], [1])).toBe(
      ['page     | seo', '---------|----', 'home     | 100', 'document |  95'].join('\n'),
    );
  });
});

describe('formatMs', () => {
  it('uses ms below a second and seconds above', () => {
    expect(formatMs(850.4)).toBe('850 ms');
    expect(formatMs(12_345)).toBe('12.3 s');
  });
});

describe('failingAudits', () => {
  const lhr: LhrLike = {
    categories: {
      performance: {
        title: 'Performance',
        score: 0.84,
        auditRefs: [
          { id: 'cumulative-layout-shift', weight: 25 },
          { id: 'first-contentful-paint', weight: 10 },
          { id: 'layout-shifts', weight: 0 },
          { id: 'diagnostics', weight: 0 },
          { id: 'not-here', weight: 5 },
        ],
      },
      seo: { title: 'SEO', score: 1, auditRefs: [{ id: 'broken', weight: 1 }] },
    },
    audits: {
      'cumulative-layout-shift': { id: 'cumulative-layout-shift', title: 'Cumulative Layout Shift', score: 0.34, scoreDisplayMode: 'numeric', displayValue: '0.33' },
      'first-contentful-paint': { id: 'first-contentful-paint', title: 'First Contentful Paint', score: 0.9, scoreDisplayMode: 'numeric' },
      'layout-shifts': { id: 'layout-shifts', title: 'Avoid large layout shifts', score: 0, scoreDisplayMode: 'metricSavings' },
      diagnostics: { id: 'diagnostics', title: 'Diagnostics', score: null, scoreDisplayMode: 'informative' },
      broken: { id: 'broken', title: 'Broken', score: null, scoreDisplayMode: 'error', errorMessage: 'boom' },
    },
  };
  it('lists the audits below 0.9, heaviest first, skipping passed, informative and missing ones', () => {
    expect(failingAudits(lhr, 'performance').map((a) => a.id)).toEqual(['cumulative-layout-shift', 'layout-shifts']);
    expect(failingAudits(lhr, 'performance')[0]).toMatchObject({ weight: 25, score: 0.34, displayValue: '0.33' });
  });
  it('reports an audit that errored, with its message', () => {
    expect(failingAudits(lhr, 'seo')).toEqual([{ id: 'broken', title: 'Broken (audit error: boom)', score: null, weight: 1 }]);
  });
  it('returns nothing for an unknown category', () => {
    expect(failingAudits(lhr, 'pwa')).toEqual([]);
  });
});

describe('foreignRequests', () => {
  it('keeps only URLs of other origins, once each, sorted', () => {
    const origin = 'http://127.0.0.1:4321';
    expect(
      foreignRequests(
        [
          'http://127.0.0.1:4321/',
          'http://127.0.0.1:4321/_astro/a.css',
          'data:image/svg+xml,x',
          'blob:http://127.0.0.1:4321/1',
          'https://fonts.googleapis.com/css',
          'http://127.0.0.1:9999/x',
          'https://fonts.googleapis.com/css',
          'http://localhost:4321/',
        ],
        origin,
      ),
    ).toEqual(['http://127.0.0.1:9999/x', 'http://localhost:4321/', 'https://fonts.googleapis.com/css']);
  });
});

describe('diffTrees', () => {
  it('sorts paths into identical, different and one-sided', () => {
    const a = new Map([['index.html', '1'], ['a.css', '2'], ['gone.txt', '3']]);
    const b = new Map([['index.html', '1'], ['a.css', 'x'], ['new.txt', '4']]);
    expect(diffTrees(a, b)).toEqual({ onlyInA: ['gone.txt'], onlyInB: ['new.txt'], different: ['a.css'], same: 1 });
  });
});

describe('groupPaths', () => {
  it('groups by folder and extension', () => {
    const groups = groupPaths(['pagefind/fragment/vi_2.pf_fragment', 'index.html', 'pagefind/fragment/vi_1.pf_fragment', 'pagefind/pagefind-entry.json']);
    expect([...groups]).toEqual([
      ['*.html', ['index.html']],
      ['pagefind/*.json', ['pagefind/pagefind-entry.json']],
      ['pagefind/fragment/*.pf_fragment', ['pagefind/fragment/vi_1.pf_fragment', 'pagefind/fragment/vi_2.pf_fragment']],
    ]);
  });
});

describe('globToRegExp and applyAllowList', () => {
  it('matches * within a segment and ** across segments', () => {
    expect(globToRegExp('pagefind/*.pf_meta').test('pagefind/vi_abc.pf_meta')).toBe(true);
    expect(globToRegExp('pagefind/*.pf_meta').test('pagefind/x/vi_abc.pf_meta')).toBe(false);
    expect(globToRegExp('pagefind/**/*.pf_index').test('pagefind/index/vi_1.pf_index')).toBe(true);
    expect(globToRegExp('pagefind/**/*.pf_index').test('pagefind/vi_1.pf_index')).toBe(true);
    expect(globToRegExp('a.b').test('axb')).toBe(false);
  });
  it('splits paths into allowed (with the reason) and rejected', () => {
    const { allowed, rejected } = applyAllowList(['pagefind/vi.pf_meta', 'index.html'], [{ glob: 'pagefind/*', reason: 'why' }]);
    expect(allowed).toEqual([{ path: 'pagefind/vi.pf_meta', reason: 'why' }]);
    expect(rejected).toEqual(['index.html']);
  });
});

describe('missingCompression', () => {
  const base = { categories: {} };
  it('reads the document-latency insight of Lighthouse 13', () => {
    const audit = (value: boolean) => ({
      audits: {
        'document-latency-insight': {
          id: 'document-latency-insight',
          title: 'Document request latency',
          score: 0.5,
          scoreDisplayMode: 'metricSavings',
          displayValue: 'Est savings of 5 KiB',
          details: { type: 'checklist', items: { usesCompression: { label: 'No compression applied', value } } },
        },
      },
    });
    expect(missingCompression({ ...base, ...audit(false) })).toBe('Est savings of 5 KiB');
    expect(missingCompression({ ...base, ...audit(true) })).toBeNull();
  });
  it('falls back on the older uses-text-compression audit', () => {
    const lhr = { ...base, audits: { 'uses-text-compression': { id: 'uses-text-compression', title: 'Enable text compression', score: 0.5, scoreDisplayMode: 'metricSavings', displayValue: 'Est savings of 9 KiB' } } };
    expect(missingCompression(lhr)).toBe('Est savings of 9 KiB');
    expect(missingCompression({ ...base, audits: {} })).toBeNull();
  });
});

describe('CONTROL_HTML, the Lighthouse audit\'s blank control page', () => {
  it('is plain text: no script, no stylesheet, no style, no image, and nothing fetched from anywhere', () => {
    expect(CONTROL_HTML).not.toMatch(/<script|<style|stylesheet|<img|<svg|<iframe|style=/i);
    // Its only link is the icon, inlined, so that the browser does not ask the server for one.
    expect([...CONTROL_HTML.matchAll(/(?:href|src)="([^"]*)"/g)].map((m) => m[1])).toEqual(['data:,']);
  });

  it('is a valid page that Lighthouse\'s other categories have nothing against (lang, viewport, title, description)', async () => {
    const { HtmlValidate, StaticConfigLoader } = await import('html-validate');
    const { loadConfig } = await import('../../scripts/audit/html.ts');
    const report = await new HtmlValidate(new StaticConfigLoader(loadConfig())).validateString(CONTROL_HTML);
    expect(report.results.flatMap((r) => r.messages.map((m) => m.message))).toEqual([]);
    for (const part of [/<html lang="en">/, /name="viewport"/, /<title>[^<]+<\/title>/, /name="description"/]) expect(CONTROL_HTML).toMatch(part);
  });
});
