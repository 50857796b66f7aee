import { describe, expect, test } from 'vitest';
import { emptyRegistry, type Registry } from '../../../src/shared/registry.ts';
import { assertPermalinksAnswer, redirectPaths, unansweredPermalinks, withdrawnPaths } from '../../../src/site/registry.ts';

const ID = 'kon-tum/2021-07-21-235-cv-tu';
const WITHDRAWN = 'gia-lai/khong-ro-ngay-chi-thi';
const registry: Registry = {
  ...emptyRegistry(),
  ids: { 'a.txt': ID },
  redirects: { 'kon-tum/cu': ID },
  withdrawn: {
    [WITHDRAWN]: { date: '2026-12-01', reason: 'Lý do (synthetic)', note: 'kiểm thử', source: 'b.txt', published: null, title: null, doc_number: null, issuer: null, date_issued: null },
  },
};

describe('unansweredPermalinks', () => {
  test('is empty when every published id has a page and no withdrawn id does', () => {
    expect(unansweredPermalinks(registry, new Set([ID]), 'dir')).toEqual([]);
  });
  test('names a published id no directive carries', () => {
    expect(unansweredPermalinks(registry, new Set(), 'dir')).toEqual([`"${ID}" (a.txt): no directive in dir has this id`]);
  });
  test('names a withdrawn id a directive still carries', () => {
    expect(unansweredPermalinks(registry, new Set([ID, WITHDRAWN]), 'dir')).toEqual([`"${WITHDRAWN}" (b.txt): withdrawn, yet a directive in dir still has this id`]);
  });
});

describe('assertPermalinksAnswer', () => {
  test('throws naming the registry, every id and the fix', () => {
    expect(() => assertPermalinksAnswer(registry, new Set(), 'x/permalinks.json', 'x')).toThrow(
      `x/permalinks.json: 1 published permalink(s) would not answer:\n  "${ID}" (a.txt): no directive in x has this id\nRun npm run ingest`,
    );
  });
});

describe('redirectPaths and withdrawnPaths', () => {
  test('give site paths under /van-ban/', () => {
    expect(redirectPaths(registry)).toEqual({ '/van-ban/kon-tum/cu/': `/van-ban/${ID}/` });
    expect([...withdrawnPaths(registry)]).toEqual([`/van-ban/${WITHDRAWN}/`]);
  });
});
