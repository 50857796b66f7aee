/**
 * Extraction in worker threads (scripts/ingest/parallel.ts) says how far it is, for ingest's
 * progress line: 450 SYNTHETIC sources (scripts/bench/generate.ts) in a temporary folder.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { parallelExtract } from '../../scripts/ingest/parallel.ts';

const dir = mkdtempSync(join(tmpdir(), 'archive-synthetic-progress-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parallelExtract', () => {
  // One core: extraction runs in this thread, with no workers to report.
  test.runIf(availableParallelism() >= 2)('reports a growing count of sources extracted, ending at all of them, and returns every source in order', async () => {
    await generateArchive({ count: 450, seed: 3, outDir: dir });
    const files = readdirSync(dir)
      .sort()
      .map((source) => ({ source, bytes: new Uint8Array(readFileSync(join(dir, source))) }));
    const counts: number[] = [];
    const results = await parallelExtract(files, readFileSync('content/principles.yml', 'utf8'), 'content/principles.yml', (done) => counts.push(done));
    expect(results.map((r) => r.source)).toEqual(files.map((f) => f.source));
    expect(counts.length).toBeGreaterThan(1);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBe(450);
  });
});
