/**
 * Pagefind is pinned to the version whose internals the project reads. A new version can change
 * any of them without notice, so moving the pin is a decision: this test names what to re-check.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

const ROOT = new URL('../../../', import.meta.url);
const json = (path: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(path, ROOT), 'utf8')) as Record<string, unknown>;

/** What the project reads of Pagefind that Pagefind does not promise to keep. */
const INTERNALS = [
  'src/search/build/index-step.ts: pagefindBinary() imports the module-internal lib/resolveBinary.js (resolveBinaryPath) to find the binary',
  'src/search/build/index-step.ts: runPagefind() runs the binary with --site --glob --output-path --force-language and reads "Indexed N pages" from its output',
  'src/search/build/index-step.ts: PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE (unstable setting) and _RJEM_MALLOC_CONF (the jemalloc built into the binary)',
  'src/search/build/index-step.ts: fragmentFilters() reads fragment/*.pf_fragment (gzip, "pagefind_dcd" signature, JSON with url and filters)',
  'src/search/build/index-step.ts: removeUnusedFiles() deletes pagefind-*ui.*, pagefind.js, pagefind-worker.js, pagefind-highlight.js and wasm.* by name',
  'src/search/browser/startup.ts, worker.ts: the runtime file names pagefind-entry.json, pagefind.<hash>.pf_meta, wasm.<language>.pagefind, pagefind.js and the entry file\'s fields',
];

const pinned = (json('package.json').dependencies as Record<string, string>).pagefind;
const installed = String(json('node_modules/pagefind/package.json').version);
const recheck = `Before changing the version, re-check what the project reads of Pagefind's internals:\n${INTERNALS.map((i) => `  - ${i}`).join('\n')}\nthen run npm run bench (the index format and sizes) and the search tests (tests/e2e/search.spec.ts).`;

describe('the pagefind dependency', () => {
  test('is pinned to one exact version in package.json (no ^ or ~)', () => {
    expect(pinned, `package.json pins pagefind "${pinned}": pin the exact version instead.\n${recheck}`).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test('is installed at the pinned version', () => {
    expect(installed, `node_modules has pagefind ${installed}, package.json pins ${pinned}: run npm install, or move the pin deliberately.\n${recheck}`).toBe(pinned);
  });

  test("has its platform binary at the same version (Pagefind's optional dependency for this machine)", () => {
    const binary = new URL(`node_modules/@pagefind/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}/package.json`, ROOT);
    expect(existsSync(binary), `no Pagefind binary package for ${process.platform}-${process.arch}`).toBe(true);
    const version = String((JSON.parse(readFileSync(binary, 'utf8')) as { version: string }).version);
    expect(version, `the Pagefind binary is ${version}, pagefind ${installed}.\n${recheck}`).toBe(pinned);
  });
});
