/**
 * The downloads step as the build runs it, on the real archive into temporary folders: the bulk
 * files on disk (a SQLite file, not a serialized one) are byte-identical from one run to the next,
 * and every directive gets its three citation files.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writeDownloads } from '../../../../src/site/integrations/downloads.ts';
import { BULK_FILES, CITATION_FILES, directivePath, ROUTES } from '../../../../src/site/routes.ts';

const base = mkdtempSync(join(tmpdir(), 'archive-bulk-files-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const run = (name: string) => {
  const out = join(base, name);
  return { out, result: writeDownloads(out, 'content/directives', 'content/sources', undefined, 'https://luu-tru.example') };
};
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('writeDownloads', () => {
  const a = run('a');
  const b = run('b');
  test('writes the same bytes in every bulk file on two runs, and says so in its summary', () => {
    for (const name of Object.values(BULK_FILES)) {
      const [fa, fb] = [join(a.out, ROUTES.data, name), join(b.out, ROUTES.data, name)];
      expect(sha(fa), name).toBe(sha(fb));
      const summary = a.result.bulk.files.find((f) => f.name === name)!;
      expect(summary, name).toEqual({ name, bytes: readFileSync(fa).length, sha256: sha(fa) });
    }
  });
  test('writes RIS, BibTeX and CSL-JSON beside every directive', () => {
    const ids = readFileSync(join(a.out, ROUTES.data, BULK_FILES.directivesJsonl), 'utf8').trim().split('\n').map((l) => JSON.parse(l).id as string);
    expect(ids).toHaveLength(readdirSync('content/directives').filter((f) => f.endsWith('.md')).length);
    for (const id of ids) {
      const files = readdirSync(join(a.out, directivePath(id)));
      expect(files, id).toEqual(expect.arrayContaining(Object.values(CITATION_FILES)));
    }
  });
});
