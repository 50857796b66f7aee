/**
 * The files Pagefind's start-up fetches, so the search worker (src/search/browser/worker.ts) can ask
 * for all of them at once.
 *
 * Why: Pagefind starts a bundle in steps, each waiting for the one before: its entry file, then its
 * metadata (and, for the primary bundle, its WebAssembly); and a merged bundle starts only once the
 * primary's WebAssembly is running, so each step's wait lies on the way to every first search.
 * Fetched up front, each step finds its file already there (docs/decisions/0022-search-startup-prefetch.md).
 */

/** Pagefind's entry file of a bundle (`pagefind-entry.json`), the part this needs. */
export interface PagefindEntry {
  languages: Record<string, { hash: string; wasm?: string | null }>;
}

/**
 * The metadata file of a bundle and, for the primary, its WebAssembly, as Pagefind names them
 * (pagefind.js: `pagefind.${hash}.pf_meta`, `wasm.${wasm ?? "unknown"}.pagefind`). Pagefind picks
 * the language of the page, which a worker does not have: with more than one language in the
 * index, nothing is guessed.
 */
export function startupFiles(bundlePath: string, entry: PagefindEntry, primary: boolean): string[] {
  const languages = Object.values(entry.languages ?? {});
  if (languages.length !== 1) return [];
  const [language] = languages;
  if (!language?.hash) return [];
  const meta = `${bundlePath}pagefind.${language.hash}.pf_meta`;
  return primary ? [meta, `${bundlePath}wasm.${language.wasm ?? 'unknown'}.pagefind`] : [meta];
}

/**
 * The key of a URL if it is one of Pagefind's start-up files on this origin (an entry file, a
 * metadata file, the WebAssembly), else null: its path, and for an entry file without Pagefind's
 * cache-busting query (`?ts=…`, which changes on every start).
 */
export function startupKey(url: string, origin: string): string | null {
  const path = url.startsWith(`${origin}/`) ? url.slice(origin.length) : url;
  const match = /^(\/pagefind\/(?:[^?#]*\/)?)(pagefind-entry\.json|pagefind\.[^/?#]+\.pf_meta|wasm\.[^/?#]+\.pagefind)(\?[^#]*)?$/.exec(path);
  if (!match) return null;
  const [, folder, file, query] = match;
  // Only the entry file's query is Pagefind's cache-busting; any other query names another file.
  if (query && file !== 'pagefind-entry.json') return null;
  return `${folder}${file}`;
}
