/**
 * The ingest CLI on a real folder of SYNTHETIC sources in a temporary folder: every entry of the
 * sources folder (hidden files, a subfolder, names that differ only in case) has a row in the report
 * and a place in the summary, and names that collide are rejected before anything is written.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syntheticSource } from '../helpers/synthetic-directive.ts';

/** A small synthetic directive (not a real document). */
const synthetic = (number: string): string =>
  syntheticSource({ number, subject: 'văn bản tổng hợp (synthetic) để kiểm thử tên tệp', body: 'Đây là văn bản tổng hợp dùng cho kiểm thử, không phải văn bản thật.' });

let tmp: string;
let sources: string;
let out: string;
let run: SpawnSyncReturns<string>;
/** False on a case-insensitive file system (macOS, Windows), where same.txt and SAME.txt are one file. */
const caseSensitive = ((): boolean => {
  const probe = mkdtempSync(join(tmpdir(), 'archive-synthetic-case-'));
  writeFileSync(join(probe, 'same.txt'), 'a');
  writeFileSync(join(probe, 'SAME.txt'), 'b');
  const both = readdirSync(probe).length === 2;
  rmSync(probe, { recursive: true, force: true });
  return both;
})();
let rows: Map<string, string[]>;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'archive-synthetic-cli-sources-'));
  sources = join(tmp, 'sources');
  out = join(tmp, 'directives');
  mkdirSync(join(sources, '2021'), { recursive: true });
  writeFileSync(join(sources, 'a.txt'), synthetic('11-CV/TU'));
  writeFileSync(join(sources, '.DS_Store'), 'not a source');
  writeFileSync(join(sources, '.hidden.txt'), synthetic('12-CV/TU'));
  writeFileSync(join(sources, '2021', 'b.txt'), synthetic('13-CV/TU'));
  symlinkSync(join(sources, '2021'), join(sources, 'link-to-2021'));
  writeFileSync(join(sources, 'same.txt'), synthetic('14-CV/TU'));
  writeFileSync(join(sources, 'SAME.txt'), synthetic('15-CV/TU'));
  run = spawnSync(process.execPath, ['scripts/ingest.ts', '--sources', sources, '--out', out, '--curation', join(tmp, 'curation')], { encoding: 'utf8' });
  rows = new Map(
    run.stdout
      .split('\n')
      .map((l) => l.split(' | '))
      .filter((cells) => cells.length === 4 && cells[0] !== 'source')
      .map((cells) => [cells[0]!, cells.slice(1)]),
  );
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('ingest CLI on a sources folder with hidden files, subfolders and colliding names', () => {
  test('reports hidden files and folders (a link to one too) as not sources, each with its reason', () => {
    expect(run.stderr).toBe('');
    expect(rows.get('.DS_Store')).toEqual(['not a source', '-', 'hidden file (the name starts with "."): not a source, not read']);
    expect(rows.get('.hidden.txt')?.[0]).toBe('not a source');
    expect(rows.get('2021/')).toEqual(['not a source', '-', 'folder: sources are read from the sources folder itself, not from its subfolders']);
    expect(rows.get('link-to-2021/')?.[0]).toBe('not a source');
  });

  test.skipIf(!caseSensitive)('rejects same.txt and SAME.txt together, writes and registers neither, and exits 1', () => {
    expect(run.status).toBe(1);
    expect(rows.get('same.txt')?.[2]).toMatch(/^name collides with SAME\.txt: names that differ only in letter case/);
    expect(rows.get('SAME.txt')?.[2]).toMatch(/^name collides with same\.txt: /);
    expect(readdirSync(out).sort()).toEqual(['a.md', 'permalinks.json']);
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'permalinks.json'), 'utf8')).ids)).toEqual(['a.txt']);
  });

  test('accounts for every entry of the folder in the summary line', () => {
    expect(rows.size).toBe(readdirSync(sources).length);
    expect(run.stdout).toMatch(
      caseSensitive
        ? /^ingest: 7 files: 1 written, 0 duplicates, 2 rejected, 4 not sources \(2 folder, 2 hidden\) · /m
        : /^ingest: 6 files: 2 written, 0 duplicates, 0 rejected, 4 not sources \(2 folder, 2 hidden\) · /m,
    );
    expect(existsSync(join(out, 'b.md'))).toBe(false);
  });
});
