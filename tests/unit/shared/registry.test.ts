import { describe, expect, test } from 'vitest';
import { permalinkIdProblem } from '../../../src/shared/schema.ts';
import { emptyRegistry, parseRegistry, serializeRegistry, type Registry, type Withdrawal } from '../../../src/shared/registry.ts';

const FILE = 'content/permalinks.json';
const ID = 'kon-tum/2021-07-21-235-cv-tu';
const registry = (r: Partial<Registry>): Registry => ({ ...emptyRegistry(), ...r });
const json = (r: unknown): string => JSON.stringify(r);
const WITHDRAWAL: Withdrawal = {
  date: '2026-12-01',
  reason: 'Văn bản tổng hợp (synthetic) dùng để kiểm thử',
  note: 'kiểm thử',
  source: 'a.txt',
  published: '2026-11-25',
  title: null,
  doc_number: null,
  issuer: null,
  date_issued: null,
};

describe('permalinkIdProblem', () => {
  test.each([ID, 'thai-binh/kien-xuong/2021-05-07-114-cv-hu', 'gia-lai/khong-ro-ngay-chi-thi', 'a'])('accepts %s', (id) => {
    expect(permalinkIdProblem(id)).toBeNull();
  });
  test.each(['../../../pwned', 'kon-tum/../x', 'kon-tum/./x', '/kon-tum/x', 'kon-tum/x/', 'https://example.com/x', 'javascript:alert(1)', 'Kon-Tum/x', 'kon-tum//x', 'kon tum', 'kon-tum/x.html', 'kon-tum/ký', ''])(
    'refuses "%s", quoting it',
    (id) => {
      expect(permalinkIdProblem(id)).toBe(`expected lowercase ASCII words joined by "-" and "/", got ${JSON.stringify(id)}`);
    },
  );
  test('refuses an id longer than 200 characters, whose page folder could not be a file name', () => {
    const long = `kon-tum/${'a'.repeat(300)}`;
    expect(permalinkIdProblem(long)).toBe('expected at most 200 characters, got 308');
    expect(permalinkIdProblem(`kon-tum/${'a'.repeat(192)}`)).toBeNull();
  });
  test('refuses a value that is not text', () => {
    expect(permalinkIdProblem(42)).toBe('expected lowercase ASCII words joined by "-" and "/", got 42');
    expect(permalinkIdProblem(undefined)).toBe('expected lowercase ASCII words joined by "-" and "/", got undefined');
  });
});

describe('parseRegistry', () => {
  test('reads a registry written before withdrawals existed as one with none', () => {
    expect(parseRegistry(json({ ids: { 'a.txt': ID }, redirects: {}, added: { [ID]: '2026-11-25' } }), FILE)).toEqual(
      registry({ ids: { 'a.txt': ID }, added: { [ID]: '2026-11-25' } }),
    );
  });
  test('refuses a redirect from "../../../pwned", naming the entry', () => {
    expect(() => parseRegistry(json(registry({ ids: { 'a.txt': ID }, redirects: { '../../../pwned': ID } })), FILE)).toThrow(
      `${FILE}:\n  redirects → key "../../../pwned": expected lowercase ASCII words joined by "-" and "/", got "../../../pwned"\n`,
    );
  });
  test('refuses an unsafe id in every section, one line each', () => {
    const bad = registry({ ids: { 'a.txt': '../a' }, redirects: { [ID]: '/etc' }, added: { 'x/../y': '2026-11-25' }, withdrawn: { 'http://x': WITHDRAWAL } });
    const message = (() => {
      try {
        parseRegistry(json(bad), FILE);
        return '';
      } catch (e) {
        return (e as Error).message;
      }
    })();
    expect(message.split('\n').filter((l) => l.startsWith('  '))).toEqual([
      '  ids → "a.txt": expected lowercase ASCII words joined by "-" and "/", got "../a"',
      `  redirects → "${ID}": expected lowercase ASCII words joined by "-" and "/", got "/etc"`,
      '  added → key "x/../y": expected lowercase ASCII words joined by "-" and "/", got "x/../y"',
      '  withdrawn → key "http://x": expected lowercase ASCII words joined by "-" and "/", got "http://x"',
    ]);
  });
  test('refuses a redirect that ends nowhere, and an id that is both a page and a redirect', () => {
    expect(() => parseRegistry(json(registry({ redirects: { 'kon-tum/cu': ID } })), FILE)).toThrow(`redirects → "kon-tum/cu": "${ID}" is neither published nor withdrawn`);
    expect(() => parseRegistry(json(registry({ ids: { 'a.txt': ID, 'b.txt': 'kon-tum/b' }, redirects: { [ID]: 'kon-tum/b' } })), FILE)).toThrow(
      `redirects → "${ID}": the id also has a page of its own`,
    );
  });
  test('refuses one id given to two sources, and a withdrawn id still published', () => {
    expect(() => parseRegistry(json(registry({ ids: { 'a.txt': ID, 'b.txt': ID } })), FILE)).toThrow(`ids → "b.txt": id "${ID}" is also "a.txt"'s`);
    expect(() => parseRegistry(json(registry({ ids: { 'a.txt': ID }, withdrawn: { [ID]: WITHDRAWAL } })), FILE)).toThrow(`withdrawn → "${ID}": the id is still published for "a.txt"`);
  });
  test('refuses a withdrawal without its reason or with a bad date', () => {
    const w = { ...WITHDRAWAL, reason: ' ', date: '01/12/2026' };
    expect(() => parseRegistry(json(registry({ withdrawn: { [ID]: w } })), FILE)).toThrow(`withdrawn → "${ID}": date: expected YYYY-MM-DD, got "01/12/2026"\n  withdrawn → "${ID}": reason: expected text, got " "`);
  });
  test('reads a registry written before corrections were recorded as one with none', () => {
    expect(parseRegistry(json({ ids: { 'a.txt': ID }, redirects: {}, added: {}, withdrawn: {} }), FILE).corrected).toEqual({});
  });
  test('reads a correction of a published id', () => {
    const correction = { date: '2026-12-01', fields: ['date_issued'], facts: { date_issued: '0123456789abcdef' } };
    expect(parseRegistry(json(registry({ ids: { 'a.txt': ID }, corrected: { [ID]: correction } })), FILE).corrected).toEqual({ [ID]: correction });
  });
  test('refuses a correction of an id that is not published, or with a bad date, fields or fingerprint', () => {
    const good = { date: '2026-12-01', fields: ['date_issued'], facts: { date_issued: '0123456789abcdef' } };
    expect(() => parseRegistry(json(registry({ corrected: { [ID]: good } })), FILE)).toThrow(`corrected → "${ID}": the id is not published`);
    const bad = { date: '1/12/2026', fields: [], facts: { date_issued: 'xyz' } };
    expect(() => parseRegistry(json(registry({ ids: { 'a.txt': ID }, corrected: { [ID]: bad } })), FILE)).toThrow(
      `corrected → "${ID}": date: expected YYYY-MM-DD, got "1/12/2026"\n  corrected → "${ID}": fields: expected a list of field names, got []\n  corrected → "${ID}": facts: expected { field: 16 hex digits }, got {"date_issued":"xyz"}`,
    );
  });
  test('refuses a file that is not the registry\'s shape, with the expected shape', () => {
    expect(() => parseRegistry('[]', FILE)).toThrow(`${FILE}: expected { "ids": {source: id}`);
    expect(() => parseRegistry('{', FILE)).toThrow(`${FILE}: not valid JSON`);
  });
});

describe('serializeRegistry', () => {
  test('writes sorted sections and withdrawals in one field order, and reads back the same', () => {
    const shuffled = { ...WITHDRAWAL, source: 'a.txt', date: '2026-12-01' };
    const r = registry({ ids: { 'b.txt': 'kon-tum/b', 'a.txt': 'kon-tum/a' }, withdrawn: { [ID]: shuffled } });
    const text = serializeRegistry(r, FILE);
    expect(Object.keys(JSON.parse(text).ids)).toEqual(['a.txt', 'b.txt']);
    expect(Object.keys(JSON.parse(text).withdrawn[ID])).toEqual(['date', 'reason', 'note', 'source', 'published', 'title', 'doc_number', 'issuer', 'date_issued']);
    expect(serializeRegistry(parseRegistry(text, FILE), FILE)).toBe(text);
  });
  test('refuses to write a registry it would refuse to read', () => {
    expect(() => serializeRegistry(registry({ ids: { 'a.txt': '../../../pwned' } }), FILE)).toThrow(`${FILE}: refusing to write an invalid registry:\n  ids → "a.txt": expected`);
  });
});
