import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { INTENT_SCRIPT } from '../../../src/search/browser/intent.ts';
import { startupFiles } from '../../../src/search/browser/startup.ts';
import { CSP_META, HEADERS_FILE, INTENT_SCRIPT_HASH } from '../../../src/site/security.ts';

/** Runs the inline script in a page at `pathname`, inside a form; returns the form's listeners and the fetches made. */
function load(pathname = '/', files: Record<string, unknown> = {}) {
  const listeners = new Map<string, () => void>();
  const fetched: Array<{ url: string; cache?: string }> = [];
  const form = {
    addEventListener: (type: string, fn: () => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
  };
  const body = (url: string) => ({ ok: url in files, json: async () => files[url], arrayBuffer: async () => new ArrayBuffer(1) });
  const fetch = async (url: string, init?: { cache?: string }) => {
    fetched.push({ url, ...(init?.cache && { cache: init.cache }) });
    return body(url);
  };
  const window: Record<string, unknown> = {};
  new Function('document', 'location', 'window', 'fetch', INTENT_SCRIPT)({ currentScript: { parentElement: form } }, { pathname }, window, fetch);
  return { listeners, fetched, window };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
const ENTRY = { languages: { vi: { hash: 'vi_abc', wasm: 'vi' } } };
const FILES = {
  '/pagefind/bundles.json': { bundles: [{ path: '/pagefind/' }, { path: '/pagefind/2021/' }] },
  '/pagefind/pagefind-entry.json': ENTRY,
  '/pagefind/2021/pagefind-entry.json': { languages: { vi: { hash: 'vi_def' } } },
};

describe('the search box\'s intent script', () => {
  test('fetches nothing while the reader only reads the page', async () => {
    const { fetched, listeners } = load('/', FILES);
    await settle();
    expect(fetched).toEqual([]);
    expect([...listeners.keys()].sort()).toEqual(['focusin', 'keydown']);
  });

  test('on focus, fetches Pagefind\'s runtime, the facets table and every bundle\'s start-up files, as the worker names them', async () => {
    const { fetched, listeners } = load('/', FILES);
    listeners.get('focusin')!();
    for (let i = 0; i < 5; i++) await settle();
    expect(fetched.map((f) => f.url).sort()).toEqual(
      [
        '/pagefind/pagefind.js',
        '/pagefind/facets.json',
        '/pagefind/bundles.json',
        '/pagefind/pagefind-entry.json',
        '/pagefind/2021/pagefind-entry.json',
        ...startupFiles('/pagefind/', ENTRY, true),
        ...startupFiles('/pagefind/2021/', { languages: { vi: { hash: 'vi_def' } } }, false),
      ].sort(),
    );
    // Entry files name the current build's index: revalidated, as the worker asks for them.
    expect(fetched.filter((f) => f.url.endsWith('pagefind-entry.json')).every((f) => f.cache === 'no-cache')).toBe(true);
    expect([...listeners.keys()]).toEqual([]);
  });

  test('fetches once per page, however many boxes it has', async () => {
    const first = load('/', FILES);
    first.listeners.get('keydown')!();
    const window = first.window;
    expect(window.__pagefindStarted).toBe(true);
    const fetched: string[] = [];
    new Function('document', 'location', 'window', 'fetch', INTENT_SCRIPT)(
      { currentScript: { parentElement: { addEventListener: (_: string, fn: () => void) => fn(), removeEventListener: () => undefined } } },
      { pathname: '/' },
      window,
      async (url: string) => void fetched.push(url),
    );
    await settle();
    expect(fetched).toEqual([]);
  });

  test('does nothing on the search page, which starts Pagefind itself', () => {
    expect(load('/tim-kiem/', FILES).listeners.size).toBe(0);
  });

  test('is allowed by the Content-Security-Policy, by its hash, in the page and in _headers', () => {
    const hash = `sha256-${createHash('sha256').update(INTENT_SCRIPT, 'utf8').digest('base64')}`;
    expect(INTENT_SCRIPT_HASH, 'set INTENT_SCRIPT_HASH in src/site/security.ts to this').toBe(hash);
    expect(CSP_META).toContain(`'${hash}'`);
    expect(HEADERS_FILE).toContain(`'${hash}'`);
  });
});
