/**
 * Extraction runs in linear time: a SYNTHETIC 1.9 MB source made of pathological whitespace and
 * punctuation (scripts/bench/pathological.ts) goes through the real ingest CLI in a temporary
 * folder. With a pattern that backtracks it takes hours; the child is killed after LIMIT_MS so the
 * test fails instead of hanging. How fast it runs is the benchmark's business (npm run bench:ingest).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PATHOLOGICAL_BYTES, pathologicalSource } from '../../scripts/bench/pathological.ts';

/** Generous: the source takes well under 2 s once every pattern is linear, and hours when one is not. */
const LIMIT_MS = 20_000;
const tmp = mkdtempSync(join(tmpdir(), 'archive-synthetic-linear-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('a 1.9 MB source of pathological whitespace', () => {
  test('is near the 2 MiB limit and holds the shapes it is made of', () => {
    const text = pathologicalSource();
    expect(Buffer.byteLength(text)).toBe(PATHOLOGICAL_BYTES);
    expect(text).toContain(`\n${' '.repeat(150_000)}\n`);
    expect(text).toContain('.'.repeat(100_000));
    expect(text).toContain('-'.repeat(100_000));
    expect(text.split('\n').length).toBeGreaterThan(100_000);
  });

  test(
    'is ingested by the CLI in under 20 s and written',
    () => {
      const sources = join(tmp, 'sources');
      mkdirSync(sources);
      writeFileSync(join(sources, 'syn_pathological.txt'), pathologicalSource());
      const run = spawnSync(process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', join(tmp, 'out'), '--curation', join(tmp, 'curation')], {
        encoding: 'utf8',
        timeout: LIMIT_MS,
        killSignal: 'SIGKILL',
      });
      expect(run.signal, `ingest did not finish in ${LIMIT_MS} ms`).toBeNull();
      expect(run.stderr).toBe('');
      expect(run.stdout).toMatch(/^ingest: 1 file: 1 written, 0 duplicates, 0 rejected · /m);
      const md = readFileSync(join(tmp, 'out', 'syn_pathological.md'), 'utf8');
      expect(md).toContain('source_file: "syn_pathological.txt"');
    },
    LIMIT_MS + 10_000,
  );
});
