/**
 * A published permalink never breaks: what ingest does to the registry and the published pages
 * when a curated id is bad, a published source is rejected or removed, or a directive is withdrawn.
 * Sources here are SYNTHETIC, built in memory for the test.
 */
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { ingest, type IngestIO } from '../../scripts/ingest/pipeline.ts';
import { memoryIO, OPTIONS, text } from '../helpers/memory-io.ts';
import { syntheticSource } from '../helpers/synthetic-directive.ts';

const ID = 'kon-tum/2021-08-05-12-cv-tu';
const SOURCE = 'content/sources/a.txt';
const PAGE = 'content/directives/a.md';
const REGISTRY = 'content/permalinks.json';
const CURATION = 'content/curation/a.yml';
const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const curation = (field: string, value: string, note = 'Ghi chú kiểm thử (synthetic)'): Uint8Array =>
  bytes(`${field}:\n  value: ${JSON.stringify(value)}\n  note: ${JSON.stringify(note)}\n`);
const WITHDRAWAL = curation('withdrawn', 'Văn bản tổng hợp (synthetic) bị rút để kiểm thử', 'Quyết định của nhóm biên tập (synthetic)');
const registry = (io: ReturnType<typeof memoryIO>): { ids: Record<string, string>; redirects: Record<string, string>; added: Record<string, string>; withdrawn: Record<string, unknown> } =>
  JSON.parse(text(io, REGISTRY));

/** An archive where a.txt is published as ID, and what its files held then. */
async function published(): Promise<{ io: ReturnType<typeof memoryIO>; page: string; registry: string }> {
  const io = memoryIO({ [SOURCE]: syntheticSource() });
  const first = await ingest(OPTIONS, io);
  expect(first.exitCode).toBe(0);
  expect(matter(text(io, PAGE)).data.id).toBe(ID);
  return { io, page: text(io, PAGE), registry: text(io, REGISTRY) };
}

describe('a curated id', () => {
  test('"../../../pwned" rejects the source naming the file and field, and leaves the registry and the published page as they were', async () => {
    const before = await published();
    before.io.files.set(CURATION, curation('id', '../../../pwned', 'typo'));
    const result = await ingest(OPTIONS, before.io);
    expect(result.exitCode).toBe(1);
    expect(result.outcomes).toEqual([
      { source: 'a.txt', status: 'rejected', reason: `${CURATION} → id: expected lowercase ASCII words joined by "-" and "/", got "../../../pwned"` },
    ]);
    expect(text(before.io, REGISTRY)).toBe(before.registry);
    expect(text(before.io, PAGE)).toBe(before.page);
    expect(result.problems).toEqual([`a.txt is rejected, but it is published as /van-ban/${ID}/: its last good page (${PAGE}) is kept until the source or its curation is fixed`]);
  });

  test('leaves no trace of a rejected value once the curator corrects it', async () => {
    const { io } = await published();
    io.files.set(CURATION, curation('id', '../../../pwned', 'typo'));
    await ingest(OPTIONS, io);
    io.files.delete(CURATION);
    expect((await ingest(OPTIONS, io)).exitCode).toBe(0);
    io.files.set(CURATION, curation('id', 'kon-tum/moi', 'Đường dẫn mới (synthetic)'));
    expect((await ingest(OPTIONS, io)).exitCode).toBe(0);
    expect(registry(io).redirects).toEqual({ [ID]: 'kon-tum/moi' });
    expect(registry(io).ids).toEqual({ 'a.txt': 'kon-tum/moi' });
  });

  test('that is bad gives a source never published no id at all', async () => {
    const io = memoryIO({ [SOURCE]: syntheticSource(), [CURATION]: curation('id', 'Kon Tum/Mới') });
    const result = await ingest(OPTIONS, io);
    expect(result.exitCode).toBe(1);
    expect(registry(io)).toEqual({ ids: {}, redirects: {}, added: {}, withdrawn: {}, corrected: {} });
    expect(io.files.has(PAGE)).toBe(false);
  });
});

describe('a published source that is rejected', () => {
  test('for a curated date of 2021-02-30 keeps its last good page and its id, says so, and exits 1', async () => {
    const before = await published();
    before.io.files.set(CURATION, curation('date_issued', '2021-02-30'));
    const result = await ingest(OPTIONS, before.io);
    expect(result.exitCode).toBe(1);
    expect(result.outcomes[0]).toEqual({ source: 'a.txt', status: 'rejected', reason: `${CURATION} → date_issued: not a calendar date, got "2021-02-30"` });
    expect(result.problems[0]).toContain(`its last good page (${PAGE}) is kept`);
    expect(text(before.io, PAGE)).toBe(before.page);
    expect(text(before.io, REGISTRY)).toBe(before.registry);
  });

  test('for a curated province that is not one of the 63 is rejected, naming the curation file, and the rest of the run goes on', async () => {
    const before = await published();
    before.io.files.set(CURATION, curation('province', 'Kon Tumm'));
    const result = await ingest(OPTIONS, before.io);
    expect(result.exitCode).toBe(1);
    expect(result.outcomes[0]).toEqual({
      source: 'a.txt',
      status: 'rejected',
      reason: `${CURATION} → province: expected one of the 63 provinces of 2020–2022 (as named in src/shared/gazetteer.json), got "Kon Tumm"`,
    });
    expect(text(before.io, PAGE)).toBe(before.page);
  });

  test('for an edit that broke its encoding keeps its last good page', async () => {
    const before = await published();
    before.io.files.set(SOURCE, new Uint8Array([0x54, 0xe9, 0x74, 0x0a]));
    const result = await ingest(OPTIONS, before.io);
    expect(result.exitCode).toBe(1);
    expect(text(before.io, PAGE)).toBe(before.page);
  });

  test('and has lost its page fails --check, naming the id that would not answer', async () => {
    const { io } = await published();
    io.files.set(CURATION, curation('date_issued', '2021-02-30'));
    io.files.delete(PAGE);
    const check = await ingest({ ...OPTIONS, check: true }, io);
    expect(check.exitCode).toBe(1);
    expect(check.problems).toContain(`${REGISTRY}: published id "${ID}" (a.txt) would not answer: ${PAGE} is missing; fix the source and run npm run ingest`);
  });
});

describe('a published source that is removed', () => {
  test('without a withdrawal keeps its page and fails, naming the id and the way to withdraw it', async () => {
    const before = await published();
    before.io.files.delete(SOURCE);
    const result = await ingest(OPTIONS, before.io);
    expect(result.exitCode).toBe(1);
    expect(result.problems).toEqual([
      `${REGISTRY}: published id "${ID}" belongs to a.txt, which is no longer in content/sources; restore the source, or withdraw the directive (docs/curating.md, "Withdrawing a directive")`,
    ]);
    expect(text(before.io, PAGE)).toBe(before.page);
    expect(text(before.io, REGISTRY)).toBe(before.registry);
    expect((await ingest({ ...OPTIONS, check: true }, before.io)).exitCode).toBe(1);
  });

  test('with "withdrawn:" in its curation retires the id with what a citation gave, removes the page, and passes', async () => {
    const { io } = await published();
    io.files.set(CURATION, WITHDRAWAL);
    io.files.delete(SOURCE);
    const result = await ingest({ ...OPTIONS, today: '2026-12-01' }, io);
    expect(result.exitCode).toBe(0);
    expect(result.notices).toEqual([`withdrawn: /van-ban/${ID}/ (a.txt) now says "Văn bản này đã được rút khỏi lưu trữ": Văn bản tổng hợp (synthetic) bị rút để kiểm thử`]);
    expect(registry(io)).toEqual({
      ids: {},
      redirects: {},
      added: {},
      withdrawn: {
        [ID]: {
          date: '2026-12-01',
          reason: 'Văn bản tổng hợp (synthetic) bị rút để kiểm thử',
          note: 'Quyết định của nhóm biên tập (synthetic)',
          source: 'a.txt',
          published: OPTIONS.today,
          title: 'Công văn 12-CV/TU của Tỉnh ủy Kon Tum về văn bản thử nghiệm tổng hợp (synthetic)',
          doc_number: '12-CV/TU',
          issuer: 'Tỉnh ủy Kon Tum',
          date_issued: '2021-08-05',
        },
      },
      corrected: {},
    });
    expect(io.files.has(PAGE)).toBe(false);
    const again = await ingest({ ...OPTIONS, today: '2026-12-02' }, io);
    expect(again.exitCode).toBe(0);
    expect((await ingest({ ...OPTIONS, check: true }, io)).exitCode).toBe(0);
  });

  test('once withdrawn, its id is never issued again, even to the same text', async () => {
    const { io } = await published();
    io.files.set(CURATION, WITHDRAWAL);
    io.files.delete(SOURCE);
    await ingest(OPTIONS, io);
    io.files.set('content/sources/b.txt', bytes(syntheticSource()));
    await ingest(OPTIONS, io);
    expect(registry(io).ids).toEqual({ 'b.txt': `${ID}-2` });
    expect(Object.keys(registry(io).withdrawn)).toEqual([ID]);
  });

  test('"withdrawn:" while the source is still there is rejected, and the page is kept', async () => {
    const before = await published();
    before.io.files.set(CURATION, WITHDRAWAL);
    const result = await ingest(OPTIONS, before.io);
    expect(result.exitCode).toBe(1);
    expect(result.outcomes[0]).toEqual({
      source: 'a.txt',
      status: 'rejected',
      reason: `${CURATION} → withdrawn: a.txt is still in content/sources; remove the source to withdraw the directive, or remove "withdrawn:" to keep it published`,
    });
    expect(text(before.io, PAGE)).toBe(before.page);
    expect(text(before.io, REGISTRY)).toBe(before.registry);
  });
});

describe('a registry that breaks the id rule', () => {
  test('stops ingest before anything is written, naming the entry', async () => {
    const before = await published();
    const hostile = JSON.parse(before.registry);
    hostile.redirects['../../../pwned'] = ID;
    before.io.files.set(REGISTRY, bytes(JSON.stringify(hostile)));
    before.io.files.set('content/sources/b.txt', bytes(syntheticSource({ number: '13-CV/TU' })));
    await expect(ingest(OPTIONS, before.io)).rejects.toThrow('redirects → key "../../../pwned": expected lowercase ASCII words joined by "-" and "/"');
    expect(before.io.files.has('content/directives/b.md')).toBe(false);
  });
});

describe('writing', () => {
  test('the registry is written last, after every directive file and every removal', async () => {
    const { io } = await published();
    const calls: string[] = [];
    const logged: IngestIO = {
      ...io,
      writeFile: async (path, data) => (calls.push(`write ${path}`), io.writeFile(path, data)),
      removeFile: async (path) => (calls.push(`remove ${path}`), io.removeFile(path)),
    };
    io.files.set(CURATION, WITHDRAWAL);
    io.files.delete(SOURCE);
    for (const n of ['b', 'c']) io.files.set(`content/sources/${n}.txt`, bytes(syntheticSource({ number: `${n === 'b' ? 13 : 14}-CV/TU` })));
    await ingest(OPTIONS, logged);
    expect(calls).toEqual(['write content/directives/b.md', 'write content/directives/c.md', `remove ${PAGE}`, `write ${REGISTRY}`]);
  });
});
