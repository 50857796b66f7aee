/**
 * The built site as a crawler and a reader see it: every internal link answers, no page asks
 * another origin for anything (the archive loads nothing from third parties), and no words run
 * together in the text.
 */
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { directivePath } from '../../src/site/routes.ts';
import { SEEDS, DIST_DIR, KON_TUM_ID, bodyParagraphs, escapeRe, norm } from './support/archive.ts';

/** URL path of every page in the build: dist/a/b/index.html → /a/b/, dist/404.html → /404.html. */
function builtPages(dir = DIST_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => {
      const rel = relative(DIST_DIR, join(e.parentPath, e.name)).split(sep).join('/');
      return `/${rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel}`;
    })
    .sort();
}

test('every internal link of the built site resolves, and no page loads anything from another origin', async ({ page, context, baseURL, request }) => {
  test.setTimeout(180_000);
  const origin = new URL(baseURL!).origin;
  // Absolute links written with the configured site URL (SITE_URL) point into this same site.
  await page.goto('/');
  const siteOrigin = new URL((await page.locator('head link[rel="canonical"]').getAttribute('href'))!).origin;

  const foreignRequests: string[] = [];
  let current = '/';
  context.on('request', (req) => {
    const url = new URL(req.url());
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'ws:' && url.protocol !== 'wss:') return; // data:, blob:
    if (url.origin !== origin) foreignRequests.push(`${current} → ${req.url()}`);
  });

  /** Same-site path of an href (no fragment), or null for another site or a non-HTTP scheme. */
  const internal = (href: string, from: string): string | null => {
    const url = new URL(href, new URL(from, origin));
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.origin !== origin && url.origin !== siteOrigin) return null;
    return `${url.pathname}${url.search}`;
  };

  const seen = new Map<string, string>(); // target → first page linking to it
  const queue: string[] = [];
  const enqueue = (path: string, from: string): void => {
    if (!seen.has(path)) {
      seen.set(path, from);
      queue.push(path);
    }
  };
  enqueue('/', '(start)');
  for (const path of builtPages()) enqueue(path, '(dist/)');

  const broken: string[] = [];
  let pagesVisited = 0;
  while (queue.length > 0) {
    const path = queue.shift()!;
    const from = seen.get(path)!;
    // Ask first without a browser: a link may be a download (.md, .json) or plain text.
    const head = await fetchFollowing(request, path);
    if (head.status >= 400) {
      broken.push(`${path} (linked from ${from}) answers ${head.status}`);
      continue;
    }
    if (!head.html) continue;

    current = path;
    const response = await page.goto(path, { waitUntil: 'load' });
    pagesVisited++;
    if (!response || response.status() >= 400) {
      broken.push(`${path} (linked from ${from}) answers ${response?.status()} in the browser`);
      continue;
    }
    const hrefs = await page.locator('a[href], link[rel="alternate"][href]').evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''));
    for (const href of hrefs) {
      if (href === '' || href.startsWith('#')) continue;
      const target = internal(href, path);
      if (target !== null) enqueue(target, path);
    }
  }

  expect.soft(pagesVisited, 'the crawl reached every page of the build').toBeGreaterThanOrEqual(builtPages().length);
  expect.soft(broken, `broken internal links:\n${broken.join('\n')}`).toEqual([]);
  expect.soft(foreignRequests, `requests to another origin:\n${foreignRequests.join('\n')}`).toEqual([]);
});

/** Status after redirects (HTTP or a static meta refresh), and whether the answer is an HTML page. */
async function fetchFollowing(request: APIRequestContext, path: string): Promise<{ status: number; html: boolean }> {
  const response = await request.get(path, { maxRedirects: 10 });
  const html = /^text\/html/.test(response.headers()['content-type'] ?? '');
  if (html && response.status() < 400) {
    const refresh = /<meta[^>]+http-equiv=["']?refresh["']?[^>]*content=["']?\d+;\s*url=([^"'>]+)/i.exec(await response.text());
    if (refresh && refresh[1] && refresh[1] !== path) return fetchFollowing(request, new URL(refresh[1], new URL(path, 'http://x')).pathname);
  }
  return { status: response.status(), html };
}

test('pages that load scripts (search, a directive) request nothing from another origin once idle', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const foreign: string[] = [];
  context.on('request', (req) => {
    const url = new URL(req.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin !== origin) foreign.push(req.url());
  });
  for (const path of ['/', directivePath(KON_TUM_ID), '/tim-kiem/', '/tim-kiem/?q=4+t%E1%BA%A1i+ch%E1%BB%97', '/thoi-gian/']) {
    await page.goto(path, { waitUntil: 'networkidle' });
  }
  expect(foreign, foreign.join('\n')).toEqual([]);
});

for (const d of SEEDS) {
  test(`no words run together on the page of ${d.id}`, async ({ page }) => {
    await page.goto(directivePath(d.id));
    const text = norm(await page.locator('main').innerText());
    const lower = text.toLocaleLowerCase('vi');

    const problems: string[] = [];
    const around = (re: RegExp, haystack: string): string[] =>
      [...haystack.matchAll(new RegExp(re.source, `${re.flags.replace('g', '')}g`))].map((m) => `…${haystack.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20)}…`);

    // The number stands apart from the issuer and the motto around it ("Số 235-CV/TU", never "235-CV/TUĐẢNG").
    if (d.doc_number_raw) {
      if (!text.includes(`Số ${d.doc_number_raw}`)) problems.push(`"Số ${d.doc_number_raw}" is not on the page`);
      for (const hit of around(new RegExp(`${escapeRe(d.doc_number_raw)}[\\p{L}\\p{N}]|[\\p{L}\\p{N}]Số ${escapeRe(d.doc_number_raw)}`, 'u'), text)) problems.push(`number run together: ${hit}`);
    }
    if (d.doc_number) for (const hit of around(new RegExp(`(?<![\\p{L}\\p{N}/-])${escapeRe(d.doc_number)}\\p{L}`, 'u'), text)) problems.push(`number run together: ${hit}`);
    // The issuer, however the header styles its case, is a word group of its own.
    if (d.issuer) {
      const issuer = d.issuer.toLocaleLowerCase('vi');
      if (!lower.includes(issuer)) problems.push(`the issuer "${d.issuer}" is not on the page`);
      for (const hit of around(new RegExp(`\\p{L}${escapeRe(issuer)}|${escapeRe(issuer)}\\p{L}`, 'u'), lower)) problems.push(`issuer run together: ${hit}`);
    }
    // Every word of every body paragraph is a word of the archived text: two words glued
    // ("COVID-19tỉnh") would make a token the text does not have.
    const words = new Set(bodyParagraphs(d.body).flatMap((p) => p.split(' ')));
    const paragraphs = await page.locator('[id^="doan-"]').evaluateAll((els) =>
      els.map((el) => {
        const copy = el.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('.para-link').forEach((a) => a.remove());
        return copy.textContent ?? '';
      }),
    );
    if (paragraphs.length === 0) problems.push('the body has no #doan-N paragraphs');
    paragraphs.forEach((p, i) => {
      for (const w of norm(p).split(' ')) if (w !== '' && !words.has(w)) problems.push(`#doan-${i + 1}: "${w}" is not a word of the archived text (run together?)`);
      // The plain pattern a reader would spot, whatever the archived text says.
      for (const m of norm(p).match(/COVID-19\p{L}/giu) ?? []) problems.push(`#doan-${i + 1}: "${m}"`);
    });
    const unique = [...new Set(problems)];
    expect(unique, unique.join('\n')).toEqual([]);
  });
}
