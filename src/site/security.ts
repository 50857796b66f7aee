/**
 * The Content-Security-Policy: everything from the site itself, nothing else. Pagefind compiles
 * its WebAssembly (`'wasm-unsafe-eval'`) and runs a same-origin worker. The site has no inline
 * scripts or styles (Astro emits them as files), so no hashes are needed.
 */
const DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self' 'wasm-unsafe-eval'",
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

/** For hosts that read a `_headers` file (Netlify, Cloudflare Pages): the same policy plus the usual headers. */
export const HEADERS_FILE = `/*
  Content-Security-Policy: ${serialize({ ...DIRECTIVES, 'frame-ancestors': "'none'" })}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin
  X-Frame-Options: DENY
  Permissions-Policy: camera=(), microphone=(), geolocation=()
  Cross-Origin-Opener-Policy: same-origin

/van-ban/*/nguon.txt
  Content-Type: text/plain; charset=utf-8

/van-ban/*/van-ban.md
  Content-Type: text/markdown; charset=utf-8
${IMMUTABLE_PATHS.map((path) => `\n${path}\n  Cache-Control: public, max-age=31536000, immutable\n`).join('')}`;

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
