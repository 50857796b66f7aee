/**
 * A build that would publish the wrong thing says so: sources missing where the build looks for
 * them stop it at the start, naming the files and ARCHIVE_SOURCES, with no stack trace; a build
 * without SITE_URL warns, at its start and at its end, that its links point at the local server.
 * The real `astro build` on 12 SYNTHETIC directives (scripts/bench/generate.ts) in a temporary folder.
 */
import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { archiveDirs, astroBuild, ingestCli, remove, syntheticTemp, type ArchiveDirs, type Run } from './support.ts';

let tmp: string;
let dirs: ArchiveDirs;
let elsewhere: string;

beforeAll(async () => {
  tmp = syntheticTemp('deploy');
  dirs = archiveDirs(tmp);
  await generateArchive({ count: 12, seed: 7, outDir: dirs.sources });
  const ingest = await ingestCli(dirs, ['--quiet']);
  if (ingest.status !== 0) throw new Error(`ingest failed:\n${ingest.stdout}\n${ingest.stderr}`);
  // The sources move away from <tmp>/sources, where the build looks for them beside <tmp>/directives.
  elsewhere = join(tmp, 'elsewhere');
  renameSync(dirs.sources, elsewhere);
});

afterAll(() => remove(tmp));

const output = (r: Run): string => `${r.stdout}\n${r.stderr}`;

describe('a build whose sources are not beside the archive', () => {
  let build: Run;
  beforeAll(async () => {
    build = await astroBuild(dirs.directives, join(tmp, 'dist-missing'), tmp, { SITE_URL: 'https://archive.example.org' });
  });

  test('fails', () => {
    expect(build.status).not.toBe(0);
  });

  test('names a missing source file and says to set ARCHIVE_SOURCES', () => {
    expect(output(build)).toMatch(new RegExp(`${join(tmp, 'sources').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/syn_\\d+_\\w+\\.txt`));
    expect(output(build)).toContain('ARCHIVE_SOURCES=');
  });

  test('prints no stack trace', () => {
    expect(output(build)).not.toMatch(/^\s+at /m);
    expect(output(build)).not.toMatch(/ENOENT/);
  });

  test('stops before rendering any page', () => {
    expect(output(build)).not.toContain('generating static routes');
  });
});

describe('a build told where the sources are, without SITE_URL', () => {
  let build: Run;
  beforeAll(async () => {
    build = await astroBuild(dirs.directives, join(tmp, 'dist'), tmp, { ARCHIVE_SOURCES: elsewhere, SITE_URL: undefined });
  });

  test('succeeds', () => {
    expect(build.status, output(build)).toBe(0);
  });

  test('warns before rendering and again after the index that links point at http://127.0.0.1:4321, saying how to set SITE_URL', () => {
    const out = output(build);
    const warnings = [...out.matchAll(/SITE_URL is not set: permalinks, citations and the sitemap point at the local address http:\/\/127\.0\.0\.1:4321\..*SITE_URL=https:/g)];
    expect(warnings.map((m) => m.index)).toHaveLength(2);
    expect(warnings[0]!.index).toBeLessThan(out.indexOf('generating static routes'));
    expect(warnings[1]!.index).toBeGreaterThan(out.indexOf('[archive-pagefind] indexed'));
  });

  test('warns, not fails: the line is a warning', () => {
    expect(build.stdout).toMatch(/\[WARN\] \[archive-site-url\] SITE_URL is not set/);
  });
});
