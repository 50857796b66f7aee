/**
 * What the built site sends, file by file: every file the build wrote (dist/, walked) has a known
 * Content-Type (src/site/security.ts), and every response of the served site, the pages, each
 * file and a 404 among them, carries that type and the security headers.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test } from '@playwright/test';
import { DIST_DIR } from './support/archive.ts';
import { contentTypeOf } from '../../src/site/security.ts';

const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy'];

/** Every file of the build, as the URL path it is served at. */
const builtFiles = (): string[] =>
  readdirSync(DIST_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(DIST_DIR, join(entry.parentPath, entry.name)).split(sep).join('/')}`);

test('every file the build writes has a Content-Type in the table, whatever its extension', () => {
  const files = builtFiles();
  // The kinds the build writes today: a new kind must be added to the table, not served untyped.
  expect(files.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
  expect(files.some((f) => f.endsWith('.pagefind'))).toBe(true);
  expect(files.filter((f) => contentTypeOf(f) === null)).toEqual([]);
});

test('every response of the served site has a Content-Type and the security headers, a 404 included', async ({ request }) => {
  test.setTimeout(120_000);
  const files = builtFiles();
  const paths = [...files, '/', '/tim-kiem/', '/tinh/', '/van-ban/khong-co-van-ban-nay/'];
  const problems: string[] = [];
  for (const path of paths) {
    const response = await request.get(path, { maxRedirects: 0 });
    const headers = response.headers();
    const expected = contentTypeOf(path) ?? 'text/html; charset=utf-8';
    if (headers['content-type'] !== expected) problems.push(`${path}: Content-Type ${headers['content-type'] ?? '(none)'}, expected ${expected}`);
    for (const name of SECURITY_HEADERS) if (!headers[name]) problems.push(`${path}: no ${name}`);
    if (path.startsWith('/van-ban/khong-co') && response.status() !== 404) problems.push(`${path}: status ${response.status()}, expected 404`);
  }
  expect(problems).toEqual([]);
});
