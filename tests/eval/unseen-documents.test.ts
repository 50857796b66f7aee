/**
 * Held-out evaluation on PDF and Word: the SYNTHETIC directives of the fresh held-out set
 * (tests/fixtures/unseen-4/sources) made into a text PDF (pdfkit, DejaVu) and a .docx (docx
 * library) each, in a temporary folder, ingested by the real CLI and scored against the same
 * hand-written expected values as the .txt set, with the same gates.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeDocx, makeTextPdf } from '../../scripts/bench/documents.ts';
import { decodeSource } from '../../scripts/ingest/decode.ts';
import { criticalErrors, formatMismatches, formatTable, scoreDocument, summarize, type FieldResult } from './score.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SET = 'unseen-4';
/** The same gate as the .txt sets (tests/eval/unseen.test.ts). */
const MIN_ACCURACY = 0.97;
const MAKERS = { pdf: makeTextPdf, docx: makeDocx } as const;

describe.each(Object.keys(MAKERS) as Array<keyof typeof MAKERS>)(`held-out set ${SET} as .%s files`, (format) => {
  let dir = '';
  let log = '';
  let results: FieldResult[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), `archive-synthetic-${SET}-${format}-`));
    mkdirSync(join(dir, 'sources'));
    const sources = join(root, `tests/fixtures/${SET}/sources`);
    for (const name of readdirSync(sources).filter((f) => f.endsWith('.txt'))) {
      // A document holds Unicode text: the legacy-encoded .txt of the set are decoded as ingest decodes them.
      const decoded = decodeSource(new Uint8Array(readFileSync(join(sources, name))));
      if (!decoded.ok) continue;
      writeFileSync(join(dir, 'sources', name.replace(/\.txt$/, `.${format}`)), await MAKERS[format](decoded.text));
    }
    try {
      log = execFileSync(process.execPath, ['scripts/ingest.ts', '--sources', join(dir, 'sources'), '--out', join(dir, 'out'), '--curation', join(dir, 'curation')], { cwd: root, encoding: 'utf8', stdio: 'pipe', timeout: 170_000 });
    } catch (error) {
      const e = error as { status?: number | null; stdout?: string; stderr?: string; message: string };
      log = `ingest exited with status ${e.status ?? '?'}\n${e.stdout ?? ''}${e.stderr ?? e.message}`;
    }
    const expectedDir = join(root, `tests/fixtures/${SET}/expected`);
    results = readdirSync(expectedDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
      .flatMap((f) => {
        const name = f.slice(0, -'.json'.length);
        const out = join(dir, 'out', `${name}.md`);
        const got = existsSync(out) ? (matter(readFileSync(out, 'utf8')).data as Record<string, unknown>) : null;
        // The source file is the document, not the .txt the expected values name.
        const expected = JSON.parse(readFileSync(join(expectedDir, f), 'utf8')) as Record<string, unknown>;
        if ('source_file' in expected) expected.source_file = `${name}.${format}`;
        return scoreDocument(`${name}.${format}`, expected, got);
      });
  }, 180_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('prints per-field accuracy and every mismatch', () => {
    console.log([`===== ${SET} as .${format} =====`, log.trim().split('\n').slice(-25).join('\n'), formatTable(summarize(results)), formatMismatches(results) || '(no mismatches)'].join('\n'));
    expect(results.length).toBeGreaterThan(0);
  });
  test(`gets at least ${MIN_ACCURACY * 100}% of expected fields right`, () => {
    expect(summarize(results).overall.accuracy).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });
  test('never writes a wrong doc_number, date_issued or province', () => {
    expect(criticalErrors(results)).toEqual([]);
  });
});
