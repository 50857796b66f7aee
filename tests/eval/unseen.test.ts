/**
 * Held-out evaluation: runs the real ingest CLI on the SYNTHETIC directives of each held-out set,
 * tests/fixtures/<set>/sources (formats the pipeline was not tuned on), and scores the frontmatter
 * it writes against the hand-written tests/fixtures/<set>/expected/*.json. Each set is reported and
 * gated on its own: `unseen` to `unseen-3` have guided fixes, `unseen-4` is fresh (issue 19).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  criticalErrors,
  formatMismatches,
  formatTable,
  scoreDocument,
  summarize,
  type FieldResult,
} from './score.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Issue 19: every held-out set must get this share of expected fields right. */
const MIN_ACCURACY = 0.97;

interface HeldOutSet {
  name: string;
  /**
   * Gates the blind first run of a fresh set failed (recorded in its README). They are declared
   * `test.fails`: they pass while the pipeline still fails them and fail once it passes them, which
   * is the signal to delete this entry and hold the set to its gates like the others.
   */
  blindBaseline?: { accuracy: boolean; critical: boolean };
}

const HELD_OUT_SETS: HeldOutSet[] = [
  { name: 'unseen' },
  { name: 'unseen-2' },
  { name: 'unseen-3' },
  { name: 'unseen-4' },
];

function runIngest(sourcesDir: string, out: string): string {
  try {
    return execFileSync(process.execPath, ['scripts/ingest.ts', '--sources', sourcesDir, '--out', out], {
      cwd: root,
      encoding: 'utf8',
      stdio: 'pipe',
      timeout: 170_000,
    });
  } catch (error) {
    // The CLI exits non-zero when it rejected a source; what it did write is still scored.
    const e = error as { status?: number | null; stdout?: string; stderr?: string; message: string };
    return `ingest exited with status ${e.status ?? '?'}\n${e.stdout ?? ''}${e.stderr ?? e.message}`;
  }
}

function readFrontmatter(path: string): Record<string, unknown> | null {
  if (!existsSync(path)) return null;
  return matter(readFileSync(path, 'utf8')).data as Record<string, unknown>;
}

describe.each(HELD_OUT_SETS)('held-out synthetic directives (tests/fixtures/$name)', ({ name: set, blindBaseline }) => {
  const sourcesDir = `tests/fixtures/${set}/sources`;
  const expectedDir = join(root, `tests/fixtures/${set}/expected`);
  let outDir = '';
  let cliLog = '';
  let results: FieldResult[] = [];

  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), `${set}-ingest-`));
    cliLog = runIngest(sourcesDir, outDir);
    const names = readdirSync(expectedDir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.slice(0, -'.json'.length))
      .sort();
    results = names.flatMap((name) => {
      const expected = JSON.parse(readFileSync(join(expectedDir, `${name}.json`), 'utf8')) as Record<string, unknown>;
      return scoreDocument(`${name}.txt`, expected, readFrontmatter(join(outDir, `${name}.md`)));
    });
  }, 180_000);

  afterAll(() => {
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  test('prints per-field accuracy and every mismatch', () => {
    const mismatches = formatMismatches(results);
    console.log(
      [
        `===== ${set} =====`,
        '— ingest output —',
        cliLog.trim().split('\n').slice(-40).join('\n') || '(nothing)',
        '— accuracy per field —',
        formatTable(summarize(results)),
        '— mismatches (file → field [verdict]) —',
        mismatches || '(none)',
      ].join('\n'),
    );
    expect(results.length).toBeGreaterThan(0);
  });

  const accuracyGate = blindBaseline?.accuracy ? test.fails : test;
  accuracyGate(`gets at least ${MIN_ACCURACY * 100}% of expected fields right`, () => {
    expect(summarize(results).overall.accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });

  const criticalGate = blindBaseline?.critical ? test.fails : test;
  criticalGate('never writes a wrong doc_number, date_issued or province (null is a miss, not wrong)', () => {
    const wrong = criticalErrors(results).map(
      (r) => `${r.file} → ${r.field}: expected ${JSON.stringify(r.expected)}, got ${JSON.stringify(r.got)}`,
    );
    expect(wrong).toEqual([]);
  });
});
