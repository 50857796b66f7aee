/**
 * The first sign that a reader is about to search, on any page with a search box: the box focused
 * or a key pressed in it. It fetches Pagefind's start-up files into the browser's cache while the
 * reader types, so that the search page, once the reader presses Enter, finds them there (its
 * worker, src/search/browser/worker.ts, asks for the same URLs the same way). A page the reader
 * only reads fetches nothing more (docs/decisions/0029-search-intent-prefetch.md).
 *
 * It is an inline script (src/components/SearchForm.astro), not a file: a file would be one more
 * request on every page load. The Content-Security-Policy allows it by its hash
 * (`INTENT_SCRIPT_HASH` in src/site/security.ts; tests/unit/search/intent.test.ts checks the two
 * agree). It binds to the form it sits in; the start-up files are fetched once per page, however
 * many boxes the page has. The search page starts Pagefind itself on the same signs (page.ts).
 *
 * What it fetches, and how, mirrors the worker: the list of bundles, each bundle's entry file
 * (revalidated, `cache: 'no-cache'`, as the worker asks for it), its metadata file and the
 * primary's WebAssembly as `startupFiles` (./startup.ts) names them, Pagefind's runtime and the
 * facets table. Bodies are read to the end so that each response is cached whole. Failures are
 * ignored: the search page fetches again whatever is missing.
 */
import { BUNDLES_FILE, PRIMARY_BUNDLE } from '../shared/constants.ts';
import { FACETS_FILE } from '../shared/facets.ts';

/** The search page's path, which starts Pagefind itself. */
const SEARCH_PAGE = '/tim-kiem/';

export const INTENT_SCRIPT = `(() => {
  const form = document.currentScript && document.currentScript.parentElement;
  if (!form || location.pathname === ${JSON.stringify(SEARCH_PAGE)}) return;
  const root = ${JSON.stringify(PRIMARY_BUNDLE)};
  const get = (path, init) => fetch(path, init).then((r) => (r.ok ? r : Promise.reject(new Error(path))));
  const whole = (path, init) => get(path, init).then((r) => r.arrayBuffer()).catch(() => null);
  const start = () => {
    form.removeEventListener('focusin', start);
    form.removeEventListener('keydown', start);
    if (window.__pagefindStarted) return;
    window.__pagefindStarted = true;
    whole(root + 'pagefind.js');
    whole(root + ${JSON.stringify(FACETS_FILE)});
    get(root + ${JSON.stringify(BUNDLES_FILE)})
      .then((r) => r.json())
      .then((list) => {
        for (const { path } of list.bundles)
          get(path + 'pagefind-entry.json', { cache: 'no-cache' })
            .then((r) => r.json())
            .then((entry) => {
              const languages = Object.values(entry.languages || {});
              if (languages.length !== 1 || !languages[0].hash) return;
              whole(path + 'pagefind.' + languages[0].hash + '.pf_meta');
              if (path === root) whole(path + 'wasm.' + (languages[0].wasm || 'unknown') + '.pagefind');
            })
            .catch(() => null);
      })
      .catch(() => null);
  };
  form.addEventListener('focusin', start);
  form.addEventListener('keydown', start);
})();`;
