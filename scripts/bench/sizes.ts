/**
 * Sizes of a built site, for `npm run bench`: the whole of dist/, the Pagefind index, and what one
 * directive page (`van-ban/<id>/index.html`) costs a reader: its HTML, the CSS and JS it references
 * (stylesheets, scripts, module scripts and their static imports), raw and gzip-compressed.
 *
 * Gzip sizes are computed here with zlib level 6 (the usual server default): scripts/serve.ts
 * sends files uncompressed, a real host compresses them.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export const GZIP_LEVEL = 6;
export const gzipSize = (bytes: Uint8Array): number => gzipSync(bytes, { level: GZIP_LEVEL }).length;

export interface FolderSize {
  bytes: number;
  files: number;
}

export interface Stats {
  median: number;
  max: number;
  min: number;
}

export interface AssetSize {
  /** URL path, e.g. /_astro/Base.B2YeqhXb.css. */
  url: string;
  kind: 'css' | 'js';
  /** How the page gets it: a stylesheet link, a script tag, a module preload, or a static import of another module. */
  via: 'stylesheet' | 'script' | 'module-script' | 'modulepreload' | 'static-import';
  raw: number;
  gzip: number;
  /** Document pages that load it (directly or through imports). */
  pages: number;
  /** Files the asset itself refers to but that load only on demand (dynamic import(), CSS url()). */
  onDemand: string[];
}

/** One kind of browse page (the province pages, the comparison tables, …): how many and how heavy. */
export interface BrowseSection {
  /** "/tinh/<slug>/" */
  section: string;
  pages: number;
  htmlRaw: Stats;
  htmlGzip: Stats;
  /** HTML + the CSS it references, gzip: what a reader downloads to see the page (no page needs JS). */
  htmlCssGzip: Stats;
  largestPage: string;
}

export interface SiteSizes {
  dist: FolderSize;
  /** The browse pages, section by section (BROWSE_SECTIONS). */
  browse: BrowseSection[];
  /** The bulk data in /du-lieu/, file by file (bytes). */
  bulk: Array<{ name: string; bytes: number }>;
  /** Every directive's citation files (trich-dan.ris, .bib, .csl.json) together. */
  citationFiles: FolderSize;
  pagefind: FolderSize;
  /** Pagefind's index and fragment chunks alone (the part that grows with the archive). */
  pagefindChunks: { index: FolderSize; fragment: FolderSize; filter: FolderSize };
  documentPages: {
    count: number;
    /** Redirect stubs for retired permalinks, left out of the figures below. */
    redirectStubs: number;
    htmlRaw: Stats;
    htmlGzip: Stats;
    cssRaw: Stats;
    cssGzip: Stats;
    /** HTML + referenced CSS, gzip: the page's cost without JavaScript. */
    htmlCssGzip: Stats;
    /** Pages that load any JavaScript at all (external, module or inline; JSON-LD is data, not script). */
    pagesWithJs: number;
    jsRaw: Stats;
    jsGzip: Stats;
    /** Inline executable <script> bytes per page (JSON-LD excluded). */
    inlineJsRaw: Stats;
    /** The largest page, to look at. */
    largestPage: string;
    assets: AssetSize[];
  };
}

/** The browse pages measured, as URL patterns: each section's pages are told apart by their path. */
export const BROWSE_SECTIONS: ReadonlyArray<[section: string, test: RegExp]> = [
  ['/tinh/ (the map)', /^\/tinh\/$/],
  ['/tinh/<slug>/', /^\/tinh\/[^/]+\/$/],
  ['/so-sanh/ and its variants', /^\/so-sanh\//],
  ['/phuong-cham/ and each principle', /^\/phuong-cham\//],
  ['/thoi-gian/ and each month', /^\/thoi-gian\//],
];

async function walk(dir: string): Promise<Array<{ path: string; size: number }>> {
  const out: Array<{ path: string; size: number }> = [];
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  // stat in batches: tens of thousands of files at once would exhaust file handles on some machines.
  for (let i = 0; i < files.length; i += 256) {
    const batch = files.slice(i, i + 256);
    const sizes = await Promise.all(batch.map((f) => stat(f).then((s) => s.size)));
    batch.forEach((f, k) => out.push({ path: f, size: sizes[k]! }));
  }
  return out;
}

const sum = (files: Array<{ size: number }>): FolderSize => ({ bytes: files.reduce((a, f) => a + f.size, 0), files: files.length });

export function stats(values: number[]): Stats {
  if (values.length === 0) return { median: 0, max: 0, min: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, max: sorted[sorted.length - 1]!, min: sorted[0]! };
}

const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
};

interface PageRefs {
  css: string[];
  js: Array<{ url: string; via: AssetSize['via'] }>;
  inlineJs: number;
  redirect: boolean;
}

/** The stylesheets and scripts an HTML page references (same-site URLs only). */
export function pageReferences(html: string, pageUrl: string): PageRefs {
  const refs: PageRefs = { css: [], js: [], inlineJs: 0, redirect: /<meta\s+http-equiv=["']?refresh/i.test(html) };
  const resolve = (href: string): string | null => {
    const u = new URL(href, `http://site${pageUrl}`);
    return u.host === 'site' ? u.pathname : null;
  };
  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(m[0], 'rel') ?? '').toLowerCase().split(/\s+/);
    const href = attr(m[0], 'href');
    if (!href) continue;
    const url = resolve(href);
    if (!url) continue;
    if (rel.includes('stylesheet')) refs.css.push(url);
    else if (rel.includes('modulepreload')) refs.js.push({ url, via: 'modulepreload' });
  }
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const tag = `<script${m[1]}>`;
    const type = (attr(tag, 'type') ?? '').toLowerCase();
    const src = attr(tag, 'src');
    if (src) {
      const url = resolve(src);
      if (url) refs.js.push({ url, via: type === 'module' ? 'module-script' : 'script' });
    } else if (type === '' || type === 'module' || type.includes('javascript')) {
      refs.inlineJs += Buffer.byteLength(m[2] ?? '');
    }
  }
  return refs;
}

/** Static imports of an ES module (import … from "x", import "x", export … from "x"); not import(). */
export function staticImports(code: string): string[] {
  const out: string[] = [];
  for (const m of code.matchAll(/(?:^|[;}\s])(?:import|export)\s*(?:[\w*${}\s,]*?\s*from\s*)?["']([^"']+)["']/g)) out.push(m[1]!);
  return out;
}

const dynamicImports = (code: string): string[] => [...code.matchAll(/\bimport\(\s*[`"']([^`"']+)[`"']\s*\)/g)].map((m) => m[1]!);
const cssUrls = (css: string): string[] => [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((m) => m[1]!).filter((u) => !u.startsWith('data:'));

export async function measureSizes(distDir: string): Promise<SiteSizes> {
  const all = await walk(distDir);
  const rel = (p: string): string => relative(distDir, p).split(sep).join('/');
  const under = (prefix: string): Array<{ path: string; size: number }> => all.filter((f) => rel(f.path).startsWith(prefix));
  const pages = all.filter((f) => /^van-ban\/.+\/index\.html$/.test(rel(f.path))).sort((a, b) => a.path.localeCompare(b.path));

  const assetCache = new Map<string, { raw: number; gzip: number; imports: string[]; onDemand: string[] }>();
  async function asset(url: string, kind: 'css' | 'js'): Promise<{ raw: number; gzip: number; imports: string[]; onDemand: string[] }> {
    const cached = assetCache.get(url);
    if (cached) return cached;
    let bytes: Buffer;
    try {
      bytes = await readFile(join(distDir, decodeURIComponent(url)));
    } catch {
      throw new Error(`a document page references ${url}, which is not in ${distDir}`);
    }
    const text = bytes.toString('utf8');
    const dir = posix.dirname(url);
    const norm = (u: string): string => (u.startsWith('/') ? u : posix.normalize(posix.join(dir, u)));
    const entry =
      kind === 'js'
        ? { raw: bytes.length, gzip: gzipSize(bytes), imports: staticImports(text).map(norm), onDemand: dynamicImports(text).map(norm) }
        : { raw: bytes.length, gzip: gzipSize(bytes), imports: [], onDemand: cssUrls(text).map(norm) };
    assetCache.set(url, entry);
    return entry;
  }

  const assets = new Map<string, AssetSize>();
  const series = { htmlRaw: [] as number[], htmlGzip: [] as number[], cssRaw: [] as number[], cssGzip: [] as number[], htmlCss: [] as number[], jsRaw: [] as number[], jsGzip: [] as number[], inline: [] as number[] };
  let redirectStubs = 0;
  let pagesWithJs = 0;
  let largest = { page: '', size: -1 };

  for (const page of pages) {
    const bytes = await readFile(page.path);
    const url = `/${rel(page.path).replace(/index\.html$/, '')}`;
    const refs = pageReferences(bytes.toString('utf8'), url);
    if (refs.redirect) {
      redirectStubs++;
      continue;
    }
    const htmlGzip = gzipSize(bytes);
    let cssRaw = 0;
    let cssGzip = 0;
    for (const css of new Set(refs.css)) {
      const a = await asset(css, 'css');
      cssRaw += a.raw;
      cssGzip += a.gzip;
      const row = assets.get(css) ?? { url: css, kind: 'css' as const, via: 'stylesheet' as const, raw: a.raw, gzip: a.gzip, pages: 0, onDemand: a.onDemand };
      row.pages++;
      assets.set(css, row);
    }
    // JavaScript the page loads eagerly: its scripts and, transitively, their static imports.
    const seen = new Map<string, AssetSize['via']>();
    const queue = [...refs.js];
    while (queue.length > 0) {
      const { url: js, via } = queue.shift()!;
      if (seen.has(js)) continue;
      seen.set(js, via);
      const a = await asset(js, 'js');
      for (const imp of a.imports) queue.push({ url: imp, via: 'static-import' });
    }
    let jsRaw = 0;
    let jsGzip = 0;
    for (const [js, via] of seen) {
      const a = assetCache.get(js)!;
      jsRaw += a.raw;
      jsGzip += a.gzip;
      const row = assets.get(js) ?? { url: js, kind: 'js' as const, via, raw: a.raw, gzip: a.gzip, pages: 0, onDemand: a.onDemand };
      row.pages++;
      assets.set(js, row);
    }
    if (seen.size > 0 || refs.inlineJs > 0) pagesWithJs++;
    series.htmlRaw.push(bytes.length);
    series.htmlGzip.push(htmlGzip);
    series.cssRaw.push(cssRaw);
    series.cssGzip.push(cssGzip);
    series.htmlCss.push(htmlGzip + cssGzip);
    series.jsRaw.push(jsRaw);
    series.jsGzip.push(jsGzip);
    series.inline.push(refs.inlineJs);
    if (bytes.length > largest.size) largest = { page: url, size: bytes.length };
  }

  const browse: BrowseSection[] = [];
  for (const [section, test] of BROWSE_SECTIONS) {
    const files = all.filter((f) => rel(f.path).endsWith('index.html') && test.test(`/${rel(f.path).replace(/index\.html$/, '')}`));
    const raw: number[] = [];
    const gz: number[] = [];
    const withCss: number[] = [];
    let largest = { page: '', size: -1 };
    for (const f of files) {
      const bytes = await readFile(f.path);
      const url = `/${rel(f.path).replace(/index\.html$/, '')}`;
      const refs = pageReferences(bytes.toString('utf8'), url);
      let css = 0;
      for (const href of new Set(refs.css)) css += (await asset(href, 'css')).gzip;
      const g = gzipSize(bytes);
      raw.push(bytes.length);
      gz.push(g);
      withCss.push(g + css);
      if (g > largest.size) largest = { page: url, size: g };
    }
    browse.push({ section, pages: files.length, htmlRaw: stats(raw), htmlGzip: stats(gz), htmlCssGzip: stats(withCss), largestPage: largest.page });
  }

  return {
    dist: sum(all),
    browse,
    bulk: under('du-lieu/')
      .filter((f) => !f.path.endsWith('.html'))
      .map((f) => ({ name: rel(f.path).slice('du-lieu/'.length), bytes: f.size }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    citationFiles: sum(all.filter((f) => /\/trich-dan\.[^/]+$/.test(rel(f.path)))),
    pagefind: sum(under('pagefind/')),
    pagefindChunks: { index: sum(under('pagefind/index/')), fragment: sum(under('pagefind/fragment/')), filter: sum(under('pagefind/filter/')) },
    documentPages: {
      count: series.htmlRaw.length,
      redirectStubs,
      htmlRaw: stats(series.htmlRaw),
      htmlGzip: stats(series.htmlGzip),
      cssRaw: stats(series.cssRaw),
      cssGzip: stats(series.cssGzip),
      htmlCssGzip: stats(series.htmlCss),
      pagesWithJs,
      jsRaw: stats(series.jsRaw),
      jsGzip: stats(series.jsGzip),
      inlineJsRaw: stats(series.inline),
      largestPage: largest.page,
      assets: [...assets.values()].sort((a, b) => a.kind.localeCompare(b.kind) || b.pages - a.pages || a.url.localeCompare(b.url)),
    },
  };
}
