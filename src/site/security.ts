/**
 * The hash of the one inline script, the search box's (src/search/browser/intent.ts, which says
 * why it is inline); tests/unit/search/intent.test.ts fails, giving the new hash, when the script changes.
 */
export const INTENT_SCRIPT_HASH = 'sha256-2YAmCTKj0bp9AG6XLPdAWqwm2Ca/QL5Xm5LjtpU57wI=';

/**
 * The Content-Security-Policy: everything from the site itself, nothing else. Pagefind compiles
 * its WebAssembly (`'wasm-unsafe-eval'`) and runs a same-origin worker. The site's scripts and
 * styles are files (Astro emits them so), but for the search box's inline script, allowed by its hash.
 */
const DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': `'self' 'wasm-unsafe-eval' '${INTENT_SCRIPT_HASH}'`,
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'self'",
  'form-action': "'self'",
};

const serialize = (d: Record<string, string>): string =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');

/** For the `<meta http-equiv>` in every page (frame-ancestors is not allowed there). */
export const CSP_META = serialize(DIRECTIVES);

/**
 * Files whose names change whenever their content does: Astro's bundles and Pagefind's index,
 * fragment, filter and metadata files, in the primary bundle and in each bundle by date
 * (`/pagefind/<key>/`). A browser keeps them for a year without asking again, so a reader's next
 * search page loads from its cache. Pagefind's runtime, WebAssembly, entry file and bundles.json keep
 * their names across builds and are revalidated as usual.
 * Patterns use one splat (`*`) and `:placeholder` segments, which Netlify and Cloudflare Pages share.
 */
const IMMUTABLE_PATHS = [
  '/_astro/*',
  ...['index', 'fragment', 'filter'].flatMap((kind) => [`/pagefind/${kind}/*`, `/pagefind/:bundle/${kind}/*`]),
  // The metadata files sit in the bundle's folder itself; the splat covers /pagefind/<key>/ too.
  '/pagefind/*.pf_meta',
];

/**
 * The Content-Type of every kind of file the build writes, by extension. Text says its charset: the
 * archive is Vietnamese, and a browser left to guess reads Latin-1. Pagefind's index files and its
 * WebAssembly (`wasm.<language>.pagefind`) are gzip-compressed binary that Pagefind unpacks itself,
 * so they are `application/octet-stream` with no Content-Encoding, as Pagefind's own server
 * (`pagefind --serve`, actix-files) sends them; `.wasm` is here for a raw module, which the build
 * does not write today.
 */
export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  // The bulk data (RFC 4180 with its header row; JSON Lines; SQLite's registered type).
  '.csv': 'text/csv; charset=utf-8; header=present',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.sqlite': 'application/vnd.sqlite3',
  // Citation files for reference managers.
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  // The raw file of a source converted from TCVN3 or Windows-1258: bytes to download, in no charset a browser reads.
  '.bin': 'application/octet-stream',
  // The original PDF or Word file of a directive (ban-goc.*), served as its issuer made it.
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

/**
 * Files typed by their whole name: `_headers` itself, which a host reads and does not serve; the
 * Atom feeds and the OpenSearch description, XML with types of their own that feed readers and
 * browsers look for; the CSL-JSON citation file.
 */
const NAMED_TYPES: Record<string, string> = {
  _headers: 'text/plain; charset=utf-8',
  'feed.xml': 'application/atom+xml; charset=utf-8',
  'opensearch.xml': 'application/opensearchdescription+xml; charset=utf-8',
  'trich-dan.csl.json': 'application/vnd.citationstyles.csl+json; charset=utf-8',
};

/** The precompressed copies the build writes beside shared assets (src/site/integrations/precompress.ts). */
const ENCODED = /\.(?:br|gz)$/;

/**
 * The Content-Type of a file of the site, from its path; null for a kind the table does not know. A
 * `.br` or `.gz` copy is the file beside it, encoded: a server sends it in that file's place, with
 * that file's type and a Content-Encoding.
 */
export function contentTypeOf(path: string): string | null {
  const file = path.replace(ENCODED, '');
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return NAMED_TYPES[name] ?? (dot > 0 ? (CONTENT_TYPES[name.slice(dot)] ?? null) : null);
}

/**
 * Where a host would not send the right type by itself, `_headers` says it: Pagefind's extensions
 * are nobody's standard (hosts send them untyped or refuse them), the sources, Markdown files
 * and the bulk data need their charset, the raw file of a converted source must be downloaded, not read as text, and the feeds, the OpenSearch description and the citation
 * files have types no host guesses from their extension. Each pattern names one kind of file, so
 * no two Content-Type rules ever match the same file (hosts join the values of a header set twice).
 * The type is the table's for the path's file name.
 */
const TYPED_PATHS: string[] = [
  '/van-ban/*/nguon.txt',
  '/van-ban/*/nguon-goc.bin',
  ...['.pdf', '.docx', '.doc'].map((ext) => `/van-ban/*/ban-goc${ext}`),
  '/van-ban/*/van-ban.md',
  '/van-ban/*/trich-dan.ris',
  '/van-ban/*/trich-dan.bib',
  '/van-ban/*/trich-dan.csl.json',
  '/du-lieu/*.csv',
  '/du-lieu/*.jsonl',
  '/du-lieu/*.sqlite',
  '/feed.xml',
  '/tinh/*/feed.xml',
  '/opensearch.xml',
  ...['.pf_meta', '.pf_index', '.pf_fragment', '.pf_filter', '.pagefind'].map((ext) => `/pagefind/*${ext}`),
];

/** For hosts that read a `_headers` file (Netlify, Cloudflare Pages): the same policy plus the usual headers. */
export const HEADERS_FILE = `/*
  Content-Security-Policy: ${serialize({ ...DIRECTIVES, 'frame-ancestors': "'none'" })}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  X-Frame-Options: DENY
  Permissions-Policy: camera=(), microphone=(), geolocation=()
  Cross-Origin-Opener-Policy: same-origin
${TYPED_PATHS.map((path) => `\n${path}\n  Content-Type: ${contentTypeOf(path.replace('*', 'x'))}\n`).join('')}${IMMUTABLE_PATHS.map((path) => `\n${path}\n  Cache-Control: public, max-age=31536000, immutable\n`).join('')}`;

interface HeaderRule {
  pattern: RegExp;
  headers: Array<[string, string]>;
}

/** A `_headers` path pattern as a regular expression: `*` matches anything, `:name` one path segment. */
export function pathPattern(path: string): RegExp {
  const source = path
    .split(/(\*|:[A-Za-z]\w*)/)
    .map((part) => (part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

/** The rules of a `_headers` file: each path line followed by its indented `Name: value` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: pathPattern(line.trim()), headers: [] });
    else rules.at(-1)?.headers.push(line.trim().split(/:\s(.*)/s).slice(0, 2) as [string, string]);
  }
  return rules;
}

const RULES = parseHeadersFile(HEADERS_FILE);

/** The headers a host reading HEADERS_FILE sends with `path`: every matching rule's, as those hosts merge them. */
export const headersFor = (path: string): Array<[string, string]> => RULES.filter((r) => r.pattern.test(path)).flatMap((r) => r.headers);

/**
 * The path whose headers a "not found" answer carries: the 404 page's own, so it has the security
 * headers of every page and never the year-long caching of the missing file's path.
 */
export const NOT_FOUND_PAGE = '/404.html';
