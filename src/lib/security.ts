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
`;
