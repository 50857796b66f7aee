/**
 * Hostile text in a source must reach every page as visible text and never as markup or script.
 * One SYNTHETIC directive (file syn_hostile_*.txt, its body says it is synthetic) carries script,
 * event-handler, javascript: link, Markdown link, iframe and style payloads in its body, and an
 * attribute-breaking quote in its subject line. It is ingested with the real CLI, built with the
 * real `astro build` into a temporary folder, served, and opened in Chromium: the directive page,
 * search for "alert", the province page and the home page. Any dialog, any call of alert/confirm/
 * prompt, any payload global and any injected element fails.
 *
 * The Content-Security-Policy tests describe what the lead is adding: a CSP <meta> allowing only
 * the site itself (plus 'wasm-unsafe-eval' for Pagefind) and dist/_headers with the same policy
 * and the usual security headers.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { INTENT_SCRIPT } from '../../src/search/browser/intent.ts';
import { archiveDirs, buildSite, ingestCli, launchChromium, remove, syntheticTemp, type ArchiveDirs } from '../scale/support.ts';

/** The payloads, exactly as they must show on the page. */
const PAYLOADS = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(2)>',
  anchor: '<a href="javascript:alert(3)">bấm</a>',
  markdownLink: '[bấm vào](javascript:alert(4))',
  iframe: '<iframe src="https://example.com"></iframe>',
  style: '<style>body{display:none}</style>',
  svg: '<svg onload=alert(6)>',
  details: '<details open ontoggle=alert(7)>',
  binding: '<img src=y onerror=__hostileBinding(8)>',
} as const;
/** Breaks out of an attribute if the subject is ever written into one unescaped. */
const SUBJECT_BREAKER = '" onmouseover="alert(5)';
const SUBJECT = `văn bản tổng hợp (synthetic) kiểm thử an toàn ${SUBJECT_BREAKER}`;

const SOURCE_NAME = 'syn_hostile_0001.txt';
const SOURCE = [
  'TỈNH ỦY KON TUM',
  '*',
  'Số 901-CV/TU',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Kon Tum, ngày 12 tháng 8 năm 2021',
  `V/v ${SUBJECT}`,
  'Kính gửi: - Các huyện ủy, thành ủy trực thuộc.',
  'Văn bản tổng hợp (synthetic) dùng để kiểm thử an toàn, không phải văn bản thật.',
  PAYLOADS.script,
  PAYLOADS.img,
  `Xem thêm tại ${PAYLOADS.anchor} để biết chi tiết.`,
  `Hoặc ${PAYLOADS.markdownLink} để xem hướng dẫn.`,
  PAYLOADS.iframe,
  PAYLOADS.style,
  `Biểu tượng ${PAYLOADS.svg} và ${PAYLOADS.details} thử nghiệm.`,
  `Ảnh thử ${PAYLOADS.binding} cuối cùng.`,
  'Các cấp ủy thực hiện nghiêm túc nội dung trên.',
  'Nơi nhận:',
  '- Như trên,',
  '- Lưu Văn phòng Tỉnh ủy.',
  'T/M BAN THƯỜNG VỤ',
  'BÍ THƯ',
  'Nguyễn Văn Tổng Hợp',
  '',
].join('\n');

/** A harmless synthetic neighbour, so the province and home pages list more than one directive. */
const NEIGHBOUR_NAME = 'syn_hostile_0002_binh-thuong.txt';
const NEIGHBOUR = [
  'TỈNH ỦY KON TUM',
  '*',
  'Số 902-CV/TU',
  'ĐẢNG CỘNG SẢN VIỆT NAM',
  'Kon Tum, ngày 13 tháng 8 năm 2021',
  'V/v văn bản tổng hợp (synthetic) bình thường',
  'Kính gửi: - Các huyện ủy, thành ủy trực thuộc.',
  'Văn bản tổng hợp (synthetic) dùng để kiểm thử, không phải văn bản thật.',
  'Các cấp ủy thực hiện nghiêm túc nội dung trên.',
  'Nơi nhận:',
  '- Như trên,',
  'T/M BAN THƯỜNG VỤ',
  'BÍ THƯ',
  'Trần Thị Tổng Hợp',
  '',
].join('\n');

/** Installed before any page script: records every way a payload could announce itself. */
const INIT_SCRIPT = `
  window.__hostileCalls = [];
  window.__cspViolations = [];
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    const original = window[name];
    window[name] = function (...args) {
      window.__hostileCalls.push(name + '(' + args.map(String).join(',') + ')');
      try { window.__hostileBinding && window.__hostileBinding(name + ':' + args.map(String).join(',')); } catch {}
      return original.apply(this, args);
    };
  }
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
  }, true);
`;

let tmp: string;
let dirs: ArchiveDirs;
let dist: string;
let server: { url: string; close: () => void };
let browser: Browser;
let context: BrowserContext;
let id: string;
/** Everything a payload managed to do, from any page. */
const dialogs: string[] = [];
const bindingCalls: string[] = [];
const consoleCsp: string[] = [];

beforeAll(async () => {
  tmp = syntheticTemp('hostile');
  dirs = archiveDirs(tmp);
  writeFileSync(join(dirs.sources, SOURCE_NAME), SOURCE);
  writeFileSync(join(dirs.sources, NEIGHBOUR_NAME), NEIGHBOUR);
  const ingest = await ingestCli(dirs);
  if (ingest.status !== 0) throw new Error(`ingest exited ${ingest.status}:\n${ingest.stdout}\n${ingest.stderr}`);
  id = matter(readFileSync(join(dirs.directives, SOURCE_NAME.replace(/\.txt$/, '.md')), 'utf8')).data.id as string;
  dist = join(tmp, 'dist');
  await buildSite(dirs.directives, dist, tmp);
  server = await startServer(dist, 0);
  browser = await launchChromium();
  context = await browser.newContext();
  await context.addInitScript(INIT_SCRIPT);
  await context.exposeBinding('__hostileBinding', ({ page }, what: unknown) => {
    bindingCalls.push(`${page.url()}: ${String(what)}`);
  });
}, 180_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  server?.close();
  if (tmp) remove(tmp);
});

const norm = (s: string | null): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** Opens a page with dialog and console listeners attached; leaves it open for the test. */
async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(`${path}: ${d.type()} ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (/Content.Security.Policy/i.test(m.text())) consoleCsp.push(`${path}: ${m.text()}`);
  });
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status(), path).toBe(200);
  await page.waitForLoadState('load');
  return page;
}

/** Nothing ran: no dialog, no wrapped call, no binding call, no payload global, no injected element. */
async function expectInert(page: Page, where: string): Promise<void> {
  // Give late handlers (onerror of a failed image, ontoggle, onload) time to fire.
  await page.waitForTimeout(300);
  const state = await page.evaluate((ownScript) => {
    const w = window as unknown as { __hostileCalls: string[] };
    const jsLinks = [...document.querySelectorAll('a[href], area[href]')]
      .map((a) => a.getAttribute('href') ?? '')
      .filter((h) => /^\s*javascript:/i.test(h));
    const handlerAttrs = [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName.toLowerCase()}[${a.name}]`),
    );
    const main = document.querySelector('main')!;
    return {
      calls: w.__hostileCalls,
      jsLinks,
      handlerAttrs,
      iframes: document.querySelectorAll('iframe, frame, object, embed').length,
      // The site's own module scripts (/_astro/…) and the search box's inline script, word for word
      // (src/search/browser/intent.ts), may sit in <main>; nothing else that runs or styles may.
      injectedInMain: [...main.querySelectorAll('script:not([type="module"][src^="/_astro/"]), style, iframe, img[src="x"], img[src="y"], svg[onload], details[ontoggle]')]
        .filter((e) => !(e.tagName === 'SCRIPT' && !e.hasAttribute('src') && e.textContent === ownScript))
        .map((e) => e.outerHTML.slice(0, 80)),
      bodyDisplay: getComputedStyle(document.body).display,
      bodyVisible: document.body.getBoundingClientRect().height > 0,
    };
  }, INTENT_SCRIPT);
  expect(state.calls, `${where}: alert/confirm/prompt called`).toEqual([]);
  expect(dialogs, `${where}: dialogs opened`).toEqual([]);
  expect(bindingCalls, `${where}: payload called the binding`).toEqual([]);
  expect(state.jsLinks, `${where}: javascript: links`).toEqual([]);
  expect(state.handlerAttrs, `${where}: event-handler attributes`).toEqual([]);
  expect(state.iframes, `${where}: frames`).toBe(0);
  expect(state.injectedInMain, `${where}: payload elements in <main>`).toEqual([]);
  expect(state.bodyDisplay, `${where}: <style> payload hid the page`).not.toBe('none');
  expect(state.bodyVisible).toBe(true);
}

describe('hostile text in a source', () => {
  test('the detectors work: an alert called on the page is seen as a dialog, a wrapped call and a binding call', async () => {
    const page = await open('/');
    await page.evaluate(() => alert('synthetic self-check'));
    expect(await page.evaluate(() => (window as unknown as { __hostileCalls: string[] }).__hostileCalls)).toEqual(['alert(synthetic self-check)']);
    expect(dialogs).toEqual(['/: alert synthetic self-check']);
    await expect.poll(() => bindingCalls.length).toBe(1);
    dialogs.length = 0;
    bindingCalls.length = 0;
    await page.close();
  });

  test('ingest escapes every payload in the Markdown body and keeps the subject as text', () => {
    const md = readFileSync(join(dirs.directives, SOURCE_NAME.replace(/\.txt$/, '.md')), 'utf8');
    const { data, content } = matter(md);
    expect(data.subject).toBe(SUBJECT);
    expect(id).toBe('kon-tum/2021-08-12-901-cv-tu');
    // No raw "<" or "[" reaches Markdown unescaped.
    expect(content).not.toMatch(/(?<!\\)</);
    expect(content).not.toMatch(/(?<!\\)\[/);
  });

  test('the directive page shows every payload as visible text and runs none of them', async () => {
    const page = await open(`/van-ban/${id}/`);
    const body = page.locator('.doc-body');
    const hidden: string[] = [];
    for (const [name, payload] of Object.entries(PAYLOADS)) if (!(await body.getByText(payload).first().isVisible())) hidden.push(name);
    expect(hidden, 'payloads not visible as text').toEqual([]);
    expect(await page.locator('h1').textContent()).toContain(SUBJECT_BREAKER);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(norm(await page.locator('.doc-head__subject').textContent())).toBe(`V/v ${SUBJECT}`);
    // The text layer is exactly what the source says, character for character.
    const text = await body.innerText();
    for (const payload of Object.values(PAYLOADS)) expect(text).toContain(payload);
    // Hover and click everything a payload could have attached to.
    await page.locator('h1').hover();
    await page.locator('.doc-head__subject').hover();
    for (const payload of [PAYLOADS.anchor, PAYLOADS.markdownLink]) await body.getByText(payload).first().click();
    expect(page.url()).toBe(`${server.url}/van-ban/${id}/`);
    // Head: the subject is in title, meta and JSON-LD, never breaking out of an attribute.
    // The tab title is the short one (type, number, issuer); the full title with the subject is the h1.
    expect(await page.title()).toContain('Công văn 901-CV/TU');
    expect(await page.locator('h1').textContent()).toContain(SUBJECT_BREAKER);
    expect(await page.locator('meta[name="citation_title"]').getAttribute('content')).toContain(SUBJECT_BREAKER);
    expect(await page.locator('meta[property="og:title"]').getAttribute('content')).toContain(SUBJECT_BREAKER);
    expect(await page.locator('head [onmouseover], head [onerror]').count()).toBe(0);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}') as { abstract?: string };
    expect(jsonLd.abstract).toBe(SUBJECT);
    await expectInert(page, 'directive page');
    await page.close();
  });

  test('a search result for "alert" links to the directive with its matched words, and the page highlights them without running anything', async () => {
    const search = await open('/tim-kiem/?q=alert');
    const link = search.locator('#danh-sach-ket-qua a.result-title').first();
    await link.waitFor({ state: 'visible', timeout: 15_000 });
    const href = new URL((await link.getAttribute('href'))!, server.url);
    expect(href.pathname).toBe(`/van-ban/${id}/`);
    // The words to highlight are the text the reader saw in the excerpt: no HTML entities, no gutted punctuation.
    const words = href.searchParams.getAll('pagefind-highlight');
    expect(words.length).toBeGreaterThan(0);
    expect.soft(words.filter((w) => /&(lt|gt|amp|quot)/.test(w)), `entity-encoded highlight words: ${words.join(' | ')}`).toEqual([]);
    expect.soft(words.some((w) => w.includes('alert(')), `highlight words: ${words.join(' | ')}`).toBe(true);
    await link.click();
    await search.waitForURL((u) => u.pathname === `/van-ban/${id}/`);
    await search.waitForLoadState('load');
    await search.waitForTimeout(1_000);
    const marks = await search.locator('.doc-body mark').allTextContents();
    expect(marks.some((m) => m.includes('alert(')), `marks on the page: ${JSON.stringify(marks)}`).toBe(true);
    expect(await search.locator('.doc-body').getByText(PAYLOADS.script).first().isVisible()).toBe(true);
    await expectInert(search, 'directive page opened from a search result');
    await search.close();
  });

  test('searching for "alert" finds the directive and its excerpt shows the payloads as text only', async () => {
    const page = await open('/tim-kiem/?q=alert');
    await expect.poll(() => page.locator('#trang-thai').textContent(), { timeout: 15_000 }).toMatch(/văn bản|Không tìm thấy/);
    const results = page.locator('#danh-sach-ket-qua > li');
    expect(await results.count()).toBe(1);
    expect(new URL((await results.locator('a.result-title').getAttribute('href'))!, server.url).pathname).toBe(`/van-ban/${id}/`);
    expect(await results.locator('a.result-title').textContent()).toContain(SUBJECT_BREAKER);
    const excerpt = results.locator('.result-excerpt');
    // Only <mark> elements inside the excerpt: nothing the text says became an element.
    expect(await excerpt.evaluate((p) => [...p.querySelectorAll('*')].filter((e) => e.tagName !== 'MARK').length)).toBe(0);
    expect(await excerpt.locator('mark').count()).toBeGreaterThan(0);
    const text = (await excerpt.textContent()) ?? '';
    expect(text).toMatch(/alert\(\d\)/);
    // Whichever payloads the excerpt window holds, they are there in full, tags as visible text.
    const shown = Object.values(PAYLOADS).filter((p) => text.includes(p));
    expect(shown.length, `excerpt: ${text}`).toBeGreaterThan(0);
    expect(text).toMatch(/<\w+[^>]*>/);
    await expectInert(page, 'search page');
    await page.close();
  });

  test('the province page lists the directive with its subject as text and runs no payload', async () => {
    const page = await open('/tinh/kon-tum/');
    expect(await page.locator('main').getByText(SUBJECT_BREAKER).first().isVisible()).toBe(true);
    await page.locator('main').getByText(SUBJECT_BREAKER).first().hover();
    await expectInert(page, 'province page');
    await page.close();
  });

  test('the home page lists the directive among the latest additions and runs no payload', async () => {
    const page = await open('/');
    expect(await page.locator('main').getByText(SUBJECT_BREAKER).first().isVisible()).toBe(true);
    await page.locator('main').getByText(SUBJECT_BREAKER).first().hover();
    await expectInert(page, 'home page');
    await page.close();
  });

  test('the raw source and the JSON record are served as text, not as HTML', async () => {
    const raw = await fetch(`${server.url}/van-ban/${id}/nguon.txt`);
    expect(raw.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await raw.text()).toBe(SOURCE);
    const json = await fetch(`${server.url}/van-ban/${id}/van-ban.json`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await json.json()) as { subject: string }).subject).toBe(SUBJECT);
    for (const file of ['nguon.txt', 'van-ban.json']) {
      const page = await open(`/van-ban/${id}/${file}`);
      expect(await page.locator('body').innerText()).toContain(file === 'nguon.txt' ? PAYLOADS.script : 'onmouseover');
      expect(await page.locator('body *').evaluateAll((els) => els.filter((e) => !['PRE', 'DIV', 'BUTTON', 'SPAN', 'INPUT', 'LABEL'].includes(e.tagName)).map((e) => e.tagName))).toEqual([]);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => (window as unknown as { __hostileCalls: string[] }).__hostileCalls)).toEqual([]);
      expect(dialogs).toEqual([]);
      await page.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy: the policy the lead is adding.

const PAGES = () => [`/van-ban/${id}/`, '/tim-kiem/?q=alert', '/tinh/kon-tum/', '/'];

type Policy = Map<string, string[]>;

function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (!name) continue;
    if (policy.has(name.toLowerCase())) throw new Error(`directive ${name} appears twice in "${text}"`);
    policy.set(name.toLowerCase(), values);
  }
  return policy;
}

/** Fetch directives: a source list each; one not given falls back to default-src. */
const FETCH_DIRECTIVES = [
  'default-src',
  'script-src',
  'script-src-elem',
  'script-src-attr',
  'style-src',
  'style-src-elem',
  'style-src-attr',
  'img-src',
  'font-src',
  'connect-src',
  'media-src',
  'object-src',
  'frame-src',
  'child-src',
  'worker-src',
  'manifest-src',
  'base-uri',
  'form-action',
  'frame-ancestors',
];
const HASH = /^'sha(256|384|512)-[A-Za-z0-9+/=_-]+'$/;

/** The site itself only: 'self', 'none', hashes; 'wasm-unsafe-eval' only where scripts are governed. */
function expectSiteOnly(policy: Policy, where: string): void {
  const defaultSrc = policy.get('default-src');
  expect(defaultSrc, `${where}: default-src`).toBeDefined();
  expect(defaultSrc!.every((t) => t === "'self'" || t === "'none'"), `${where}: default-src ${defaultSrc!.join(' ')}`).toBe(true);
  const beyondSite: string[] = [];
  for (const [name, values] of policy) {
    if (!FETCH_DIRECTIVES.includes(name)) continue;
    for (const token of values) {
      const ok = token === "'self'" || token === "'none'" || HASH.test(token) || (token === "'wasm-unsafe-eval'" && /^(script-src|default-src)$/.test(name));
      if (!ok) beyondSite.push(`${name} ${token}`);
    }
  }
  // Soft, so the remaining checks still report.
  expect.soft(beyondSite, `${where}: sources other than the site itself`).toEqual([]);
  const scriptSrc = policy.get('script-src') ?? defaultSrc!;
  expect(scriptSrc, `${where}: script-src`).toContain("'self'");
  expect(scriptSrc, `${where}: Pagefind needs 'wasm-unsafe-eval'`).toContain("'wasm-unsafe-eval'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
}

async function metaPolicy(page: Page): Promise<{ policies: string[]; before: string[] }> {
  return page.evaluate(() => {
    const metas = [...document.querySelectorAll('meta')].filter((m) => m.httpEquiv.toLowerCase() === 'content-security-policy');
    // A <meta> CSP governs only what comes after it: nothing that loads may precede it.
    const first = metas[0];
    const before: string[] = [];
    if (first) {
      const governed = 'script:not([type="application/ld+json"]), style, link[rel~="stylesheet"], link[rel~="preload"], link[rel~="modulepreload"], link[rel~="icon"]';
      for (const el of document.querySelectorAll(governed)) {
        if (el.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING) before.push(el.outerHTML.slice(0, 80));
      }
    }
    return { policies: metas.map((m) => m.content), before };
  });
}

describe('Content-Security-Policy', () => {
  test('every page carries one CSP <meta>, before anything it governs, allowing only the site itself and wasm for Pagefind', async () => {
    const seen = new Set<string>();
    for (const path of PAGES()) {
      const page = await open(path);
      const { policies, before } = await metaPolicy(page);
      expect(policies, `${path}: CSP <meta> elements`).toHaveLength(1);
      expect(before, `${path}: elements before the CSP <meta>`).toEqual([]);
      expectSiteOnly(parsePolicy(policies[0]!), path);
      seen.add(policies[0]!);
      await page.close();
    }
    expect(seen.size, 'the same policy on every page').toBe(1);
  });

  test('under the policy the site works with no violation: search returns results, the highlighter and copy buttons load', async () => {
    const violations: string[] = [];
    for (const path of PAGES()) {
      const page = await open(path);
      if (path.startsWith('/tim-kiem/')) {
        await expect.poll(() => page.locator('#danh-sach-ket-qua > li').count(), { timeout: 15_000 }).toBe(1);
        // Through to the directive: the highlighter (pagefind-highlight.js) loads under the policy too.
        await page.locator('#danh-sach-ket-qua a.result-title').first().click();
        await page.waitForURL((u) => u.searchParams.has('pagefind-highlight'));
        await page.waitForLoadState('load');
        await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.includes('pagefind-highlight')))).toBe(true);
        await page.waitForTimeout(500);
      }
      await page.waitForTimeout(300);
      violations.push(...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).map((v) => `${path}: ${v}`));
      await page.close();
    }
    expect(violations).toEqual([]);
    expect(consoleCsp).toEqual([]);
  });

  test('the policy is enforced: an inline script added to the page does not run', async () => {
    const page = await open(`/van-ban/${id}/`);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true;';
      document.body.append(s);
      return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
    });
    expect(ran, 'inline <script> ran: no CSP in force').toBe(false);
    await page.close();
  });

  test('dist/_headers sends the same policy and the usual security headers for every path', () => {
    const file = join(dist, '_headers');
    expect(existsSync(file), 'dist/_headers exists').toBe(true);
    // Netlify / Cloudflare Pages format: a path line, then indented "Name: value" lines.
    const rules = new Map<string, Map<string, string>>();
    let current: Map<string, string> | null = null;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      if (!/^\s/.test(line)) {
        current = new Map();
        rules.set(line.trim(), current);
      } else {
        const at = line.indexOf(':');
        expect(current, `header line outside a path block: ${line}`).not.toBeNull();
        current!.set(line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim());
      }
    }
    const all = rules.get('/*');
    expect(all, 'a /* block').toBeDefined();
    const csp = all!.get('content-security-policy');
    expect(csp).toBeDefined();
    const headerPolicy = parsePolicy(csp!);
    expectSiteOnly(headerPolicy, '_headers');
    // Same policy as the pages' <meta>; the header may add what a <meta> cannot carry.
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/i.exec(html);
    expect(meta, 'CSP <meta> in index.html').not.toBeNull();
    const metaPolicyMap = parsePolicy(meta![1]!.replaceAll('&#39;', "'").replaceAll('&quot;', '"'));
    for (const [name, values] of metaPolicyMap) expect(headerPolicy.get(name), `_headers ${name}`).toEqual(values);
    const extra = [...headerPolicy.keys()].filter((k) => !metaPolicyMap.has(k));
    expect(extra.every((k) => ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'].includes(k)), `_headers adds ${extra.join(', ')}`).toBe(true);

    expect(all!.get('x-content-type-options')?.toLowerCase()).toBe('nosniff');
    expect(all!.get('referrer-policy')?.toLowerCase()).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    const frameAncestors = headerPolicy.get('frame-ancestors');
    const xfo = all!.get('x-frame-options')?.toUpperCase();
    expect(
      (frameAncestors !== undefined && frameAncestors.every((t) => t === "'none'" || t === "'self'")) || xfo === 'DENY' || xfo === 'SAMEORIGIN',
      'framing is refused: frame-ancestors or X-Frame-Options',
    ).toBe(true);
    const permissions = all!.get('permissions-policy');
    expect(permissions, 'Permissions-Policy').toBeDefined();
    expect(permissions).toMatch(/\w+=\(\)/);
  });

  test('the local server (scripts/serve.ts) sends the _headers policy and security headers with pages and raw sources', async () => {
    for (const path of [...PAGES(), `/van-ban/${id}/nguon.txt`]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy');
      expect(csp, `${path}: Content-Security-Policy header`).not.toBeNull();
      expectSiteOnly(parsePolicy(csp!), `${path} header`);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('cache-control'), `${path}: a page is revalidated`).not.toMatch(/immutable/);
    }
    // Files named by their content are kept for a year, as dist/_headers asks of the host.
    const chunk = readdirSync(join(dist, 'pagefind', 'index'))[0];
    const style = readdirSync(join(dist, '_astro')).find((n) => n.endsWith('.css'));
    for (const path of [`/pagefind/index/${chunk}`, `/_astro/${style}`]) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('public, max-age=31536000, immutable');
    }
  });
});
