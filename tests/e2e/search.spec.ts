/**
 * Search on the built site, in Chromium: each test asserts the exact set or order of directives a
 * query returns over the five real seeds (expected sets written down by reading the texts).
 */
import { expect, test, type Page } from '@playwright/test';
import { KON_TUM_ID, UNDATED_ID } from './support/archive.ts';
import { foldDiacritics } from '../../src/shared/vietnamese.ts';

const KIEN_GIANG = 'kien-giang/2021-07-13-203-cv-tu';
const THAI_BINH = 'thai-binh/kien-xuong/2021-05-07-114-cv-hu';
const SOC_TRANG = 'soc-trang/2021-02-09-62-cv-tu';
const ALL = [KON_TUM_ID, KIEN_GIANG, UNDATED_ID, THAI_BINH, SOC_TRANG];

/** Opens /tim-kiem/ with these parameters and returns the ids of the results, in order. */
async function search(page: Page, params: Record<string, string>): Promise<string[]> {
  await page.goto(`/tim-kiem/?${new URLSearchParams(params)}`);
  await expect(page.locator('#trang-thai')).toHaveText(/văn bản|Không tìm thấy/, { timeout: 15_000 });
  return ids(page);
}

const ids = async (page: Page): Promise<string[]> =>
  (await page.locator('#danh-sach-ket-qua a.result-title').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).map((p) =>
    p.replace(/^\/van-ban\//, '').replace(/\/$/, ''),
  );

const sorted = (list: string[]): string[] => [...list].sort();

test('the quoted phrase "4 tại chỗ" finds exactly the three directives that invoke it', async ({ page }) => {
  expect(sorted(await search(page, { q: '"4 tại chỗ"' }))).toEqual(sorted([KON_TUM_ID, UNDATED_ID, SOC_TRANG]));
});

test('unquoted 4 tại chỗ ranks those three directives first', async ({ page }) => {
  const found = await search(page, { q: '4 tại chỗ' });
  expect(sorted(found.slice(0, 3))).toEqual(sorted([KON_TUM_ID, UNDATED_ID, SOC_TRANG]));
});

test('tai cho without tone marks finds "tại chỗ", its three directives first', async ({ page }) => {
  const found = await search(page, { q: 'tai cho' });
  expect(sorted(found.slice(0, 3))).toEqual(sorted([KON_TUM_ID, UNDATED_ID, SOC_TRANG]));
  await expect(page.locator('#danh-sach-ket-qua mark').first()).toHaveText(/tại|chỗ/);
});

test('"dieu tri" (d for đ, no tone marks) finds the two directives that say "điều trị"', async ({ page }) => {
  expect(sorted(await search(page, { q: '"dieu tri"' }))).toEqual(sorted([KON_TUM_ID, SOC_TRANG]));
  // The excerpt shows the real text, not the folded query.
  await expect(page.locator('#danh-sach-ket-qua').getByText('điều trị').first()).toBeVisible();
});

test('chi dao finds "chỉ đạo" in every directive', async ({ page }) => {
  expect(sorted(await search(page, { q: 'chi dao' }))).toEqual(sorted(ALL));
});

test('Tỉnh uỷ in old tone placement finds every directive that says "Tỉnh ủy"', async ({ page }) => {
  expect(sorted(await search(page, { q: 'Tỉnh uỷ' }))).toEqual(sorted(ALL));
});

for (const q of ['235-CV/TU', '235-cv/tu', '235 CV/TU', '235']) {
  test(`the number typed as "${q}" finds the Kon Tum công văn first`, async ({ page }) => {
    expect((await search(page, { q }))[0]).toBe(KON_TUM_ID);
  });
}

test('the province filter keeps only that province', async ({ page }) => {
  expect(await search(page, { q: 'covid', tinh: 'kon-tum' })).toEqual([KON_TUM_ID]);
  await expect(page.locator('#bo-loc input[name="tinh"][value="kon-tum"]')).toBeChecked();
});

test('the year filter keeps the 2021 directives and leaves out the undated one', async ({ page }) => {
  expect(sorted(await search(page, { q: 'covid', nam: '2021' }))).toEqual(sorted([KON_TUM_ID, KIEN_GIANG, THAI_BINH, SOC_TRANG]));
});

test('the principle filter keeps the directives tagged with it', async ({ page }) => {
  expect(sorted(await search(page, { q: 'covid', 'phuong-cham': 'muc-tieu-kep' }))).toEqual(sorted([KIEN_GIANG, UNDATED_ID]));
});

test('the filters count the results by year, province and principle, and count again within a filter', async ({ page }) => {
  await search(page, { q: 'covid' });
  const count = (name: string, value: string) => page.locator(`#bo-loc label:has(input[name="${name}"][value="${value}"]) .count`);
  await expect(count('nam', '2021')).toHaveText('(4)');
  await expect(count('nam', 'khong-ro-ngay')).toHaveText('(1)');
  await expect(count('tinh', 'kon-tum')).toHaveText('(1)');
  await expect(count('phuong-cham', 'muc-tieu-kep')).toHaveText('(2)');
  await search(page, { q: 'covid', nam: '2021' });
  await expect(count('nam', '2021')).toHaveText('(4)');
  await expect(count('nam', 'khong-ro-ngay')).toHaveCount(0);
  await expect(count('phuong-cham', 'muc-tieu-kep')).toHaveText('(1)');
});

test('sorting by date, newest first, keeps the undated directive, last', async ({ page }) => {
  expect(await search(page, { q: 'covid', 'sap-xep': 'moi-nhat' })).toEqual([KON_TUM_ID, KIEN_GIANG, THAI_BINH, SOC_TRANG, UNDATED_ID]);
});

test('sorting by date, oldest first, keeps the undated directive, last', async ({ page }) => {
  expect(await search(page, { q: 'covid', 'sap-xep': 'cu-nhat' })).toEqual([SOC_TRANG, THAI_BINH, KIEN_GIANG, KON_TUM_ID, UNDATED_ID]);
});

test('a shared URL reloaded in a fresh page gives the same results, and the back button restores the search', async ({ page, browser }) => {
  await page.goto('/tim-kiem/');
  await page.locator('#tu-khoa').fill('chong dich');
  await page.locator('#tu-khoa').press('Enter');
  await expect(page.locator('#trang-thai')).toHaveText(/văn bản/);
  await page.locator('#bo-loc input[name="nam"][value="2021"]').check();
  await expect(page).toHaveURL(/nam=2021/);
  await expect(page.locator('#trang-thai')).toHaveText(/^4 văn bản/);
  const shared = page.url();
  const first = await ids(page);

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(shared);
  await expect(fresh.locator('#trang-thai')).toHaveText(/văn bản/);
  expect(await ids(fresh)).toEqual(first);

  await page.goBack();
  await expect(page).not.toHaveURL(/nam=2021/);
  await expect(page.locator('#trang-thai')).toHaveText(/^5 văn bản/);
});

test('the archive\'s own words are not indexed: permalink, citation box, notes on what the text lacks', async ({ page }) => {
  // Each of these is on a directive page but none is in a directive's text (the Gia Lai chỉ thị
  // carries the notes: issuer inferred, no number, no date, cut short).
  for (const q of ['"Đường dẫn cố định"', '"Trích dẫn"', 'Citation', '"suy luận"', '"Không ghi số"', '"cắt cụt"']) {
    expect(await search(page, { q }), q).toEqual([]);
  }
});

test('a nonsense word is reported as ignored and the other words still search', async ({ page }) => {
  const found = await search(page, { q: 'chỉ đạo xyzqwv' });
  expect(sorted(found)).toEqual(sorted(ALL));
  await expect(page.locator('#tu-bi-bo-qua')).toBeVisible();
  await expect(page.locator('#tu-bi-bo-qua')).toContainText('“xyzqwv”');
});

test('strict tone marks make "tai cho" match nothing', async ({ page }) => {
  expect(await search(page, { q: 'tai cho', dau: '1' })).toEqual([]);
  await expect(page.locator('#khong-co-ket-qua')).toBeVisible();
});

test('each result shows its title, number, province and date', async ({ page }) => {
  await search(page, { q: '235-CV/TU' });
  const first = page.locator('#danh-sach-ket-qua li').first();
  await expect(first).toContainText('Công văn 235-CV/TU của Tỉnh ủy Kon Tum');
  await expect(first).toContainText('235-CV/TU · Tỉnh ủy Kon Tum · Kon Tum · 21/07/2021');
});

test('the keyboard goes from the box to the results and back', async ({ page }) => {
  await search(page, { q: 'covid' });
  await page.locator('#tu-khoa').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#danh-sach-ket-qua a.result-title').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.locator('#danh-sach-ket-qua a.result-title').nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('#tu-khoa')).toBeFocused();
});

test('opening a result shows the directive with the matched words highlighted and in view', async ({ page }) => {
  await search(page, { q: '"dieu tri"' });
  await page.locator('#danh-sach-ket-qua a.result-title').first().click();
  await expect(page).toHaveURL(/pagefind-highlight=/);
  const hits = page.locator('.doc-body mark.search-hit');
  await expect(hits.first()).toBeInViewport();
  // Only the words that matched, exactly as written: "điều" and "trị", not "triển" or "trí".
  expect(new Set(await hits.allTextContents())).toEqual(new Set(['điều', 'trị']));
});

test('the header search box on any page submits to the search page', async ({ page }) => {
  await page.goto('/tinh/');
  await page.locator('#tim-nhanh').fill('5K');
  await page.locator('#tim-nhanh').press('Enter');
  await expect(page).toHaveURL(/\/tim-kiem\/\?q=5K/);
  await expect(page.locator('#trang-thai')).toHaveText(/văn bản/);
});

for (const viewport of [{ width: 412, height: 823 }, { width: 1280, height: 800 }]) {
  test(`results, filters and controls arriving after the first paint move nothing (layout shift), ${viewport.width} px wide`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await search(page, { q: '4 tại chỗ' });
    await expect(page.locator('#bo-loc fieldset').first()).toBeVisible();
    await expect(page.locator('#sap-xep option')).not.toHaveCount(0);
    // Every layout shift since navigation (buffered), with the element that moved; none is expected.
    const shifts = await page.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const seen: string[] = [];
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries() as (PerformanceEntry & { value: number; sources?: { node?: Node | null }[] })[]) {
              const moved = (entry.sources ?? []).map((s) => (s.node instanceof Element ? `${s.node.tagName.toLowerCase()}${s.node.id ? `#${s.node.id}` : ''}.${s.node.className}` : 'text'));
              seen.push(`${entry.value.toFixed(4)} ${moved.join(', ')}`);
            }
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(seen), 300);
        }),
    );
    expect(shifts).toEqual([]);
  });
}

test('going back to an earlier search shows its own excerpts, highlighting its own words', async ({ page }) => {
  await search(page, { q: '"dieu tri"' });
  const marks = () => page.locator('#danh-sach-ket-qua mark').allTextContents();
  const before = await marks();
  expect(before.length).toBeGreaterThan(0);
  await page.locator('#tu-khoa').fill('tai cho');
  await page.locator('#tu-khoa').press('Enter');
  await expect(page.locator('#trang-thai')).toHaveText(/cho “tai cho”/);
  await page.goBack();
  await expect(page.locator('#trang-thai')).toHaveText(/cho “"dieu tri"”/);
  expect(await marks()).toEqual(before);
});

test('a search the page no longer keeps is searched again, with its own results and excerpts', async ({ page }) => {
  // The page keeps the answers of its last four searches (src/search/browser/page.ts); the worker frees
  // the others' results, so the first one here must be scored afresh, not read from freed results.
  const first = await search(page, { q: 'chi dao' });
  const marks = () => page.locator('#danh-sach-ket-qua mark').allTextContents();
  const before = await marks();
  expect(before.length).toBeGreaterThan(0);
  for (const q of ['tai cho', '"dieu tri"', 'Tỉnh uỷ', 'khẩu trang', 'cách ly', 'xét nghiệm', 'Kon Tum', 'Sóc Trăng', 'covid']) {
    await page.locator('#tu-khoa').fill(q);
    await page.locator('#tu-khoa').press('Enter');
    await expect(page.locator('#trang-thai')).toHaveText(new RegExp(`cho “${q}”|Không tìm thấy`));
  }
  await page.locator('#tu-khoa').fill('chi dao');
  await page.locator('#tu-khoa').press('Enter');
  await expect(page.locator('#trang-thai')).toHaveText(/cho “chi dao”/);
  expect(await ids(page)).toEqual(first);
  expect(await marks()).toEqual(before);
});

for (const q of ['chi dao', 'phong chong dich']) {
  test(`every excerpt of ${q} shows the words typed, not longer words that begin with them`, async ({ page }) => {
    // Pagefind also matches "chi" to "chính" and "chiến"; ranked nearly as high as "chỉ" (its
    // default termSimilarity), they chose the Kon Tum excerpt for chi dao ("chính", "Chỉ") and
    // the Gia Lai one for phong chong dich ("đi", "phòng", "chống").
    expect(sorted(await search(page, { q }))).toEqual(sorted(ALL));
    const marked = await page.locator('#danh-sach-ket-qua li').evaluateAll((items) => items.map((li) => [...li.querySelectorAll('mark')].map((m) => m.textContent ?? '')));
    for (const [i, marks] of marked.entries()) {
      const words = new Set(marks.map((m) => foldDiacritics(m).toLowerCase().replace(/[^a-z0-9]/g, '')));
      expect([...q.split(' ')].filter((w) => !words.has(w)), `result ${i + 1} highlights ${marks.join(', ')}`).toEqual([]);
    }
  });
}

test.describe('search input is bounded and the engine recovers', () => {
  /** 3,000 one-letter words: Pagefind's WebAssembly traps on it after seconds, unless the page cuts it. */
  const HUGE = Array.from({ length: 3000 }, (_, i) => 'abcdefghik'[i % 10]).join(' ');

  test('a 3,000-word query is cut to its first 32 words, says so, and answers', async ({ page }) => {
    await page.goto(`/tim-kiem/?${new URLSearchParams({ q: HUGE })}`);
    await expect(page.locator('#trang-thai')).toHaveText(/văn bản|Không tìm thấy/, { timeout: 15_000 });
    await expect(page.locator('#tu-khoa-bi-cat')).toBeVisible();
    await expect(page.locator('#tu-khoa-bi-cat')).toContainText('32 từ đầu tiên');
    const cut = HUGE.split(' ').slice(0, 32).join(' ');
    await expect(page.locator('#tu-khoa')).toHaveValue(cut);
    expect(new URL(page.url()).searchParams.get('q')).toBe(cut);
  });

  test('the search box takes at most 256 characters, and the help says how much is searched', async ({ page }) => {
    await page.goto('/tim-kiem/');
    await expect(page.locator('#tu-khoa')).toHaveAttribute('maxlength', '256');
    await expect(page.locator('#tim-nhanh')).toHaveAttribute('maxlength', '256');
    await expect(page.locator('#huong-dan-tim')).toContainText('32 từ');
  });

  const ENGINE_ERROR = /Bộ tìm kiếm gặp lỗi/;

  test('when Pagefind cannot load, the page says so, stops searching, and the next search works', async ({ page }) => {
    await page.route('**/pagefind/wasm.*', (route) => route.abort());
    await page.goto(`/tim-kiem/?${new URLSearchParams({ q: 'chi dao' })}`);
    await expect(page.locator('#trang-thai')).toHaveText(ENGINE_ERROR, { timeout: 15_000 });
    await page.unroute('**/pagefind/wasm.*');
    await page.locator('#tu-khoa').fill('Kon Tum');
    await page.locator('#tu-khoa').press('Enter');
    await expect(page.locator('#trang-thai')).toHaveText(/văn bản cho “Kon Tum”/);
    expect((await ids(page))[0]).toBe(KON_TUM_ID);
  });

  test('when the search worker cannot start, the page says so and the next search works', async ({ page }) => {
    await page.route('**/_astro/worker-*.js', (route) => route.abort());
    await page.goto(`/tim-kiem/?${new URLSearchParams({ q: 'chi dao' })}`);
    await expect(page.locator('#trang-thai')).toHaveText(ENGINE_ERROR, { timeout: 15_000 });
    await page.unroute('**/_astro/worker-*.js');
    await page.locator('#tu-khoa').fill('Kon Tum');
    await page.locator('#tu-khoa').press('Enter');
    await expect(page.locator('#trang-thai')).toHaveText(/văn bản cho “Kon Tum”/);
  });

  test('a search that never answers ends in a message, not "Đang tìm…" for good, and the next search works', async ({ page }) => {
    // The page's clock is Playwright's, so the test jumps over the page's timeout instead of waiting it out.
    await page.clock.install();
    // The index chunks never arrive: Pagefind waits for ever.
    await page.route('**/*.pf_index', () => undefined);
    await page.goto(`/tim-kiem/?${new URLSearchParams({ q: 'chi dao' })}`);
    await expect(page.locator('#trang-thai')).toHaveText('Đang tìm…');
    await page.clock.fastForward('01:00');
    await expect(page.locator('#trang-thai')).toHaveText(/Bộ tìm kiếm không trả lời/);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.locator('#tu-khoa').fill('Kon Tum');
    await page.locator('#tu-khoa').press('Enter');
    await expect(page.locator('#trang-thai')).toHaveText(/văn bản cho “Kon Tum”/, { timeout: 15_000 });
  });
});

test.describe('syllables typed together rank first', () => {
  // Each expected order was read off the texts: first the directives holding the syllables in the
  // typed order (the whole run), then those holding more of its adjacent pairs, then the rest by
  // Pagefind's score. With Pagefind's score alone each of these came out in another order.
  const ORDERS: Array<[query: string, expected: string[], why: string]> = [
    ['benh vien da chien', [KON_TUM_ID, KIEN_GIANG, UNDATED_ID], 'Kon Tum says "bệnh viện dã chiến"; Kiên Giang "Bệnh viện Đa khoa" (two pairs, with d for đ) and "chiến" elsewhere'],
    ['bệnh viện dã chiến', [KON_TUM_ID, KIEN_GIANG, UNDATED_ID], 'typed with tone marks: Kiên Giang keeps one pair, "Bệnh viện"'],
    ['lay mau', [UNDATED_ID, KIEN_GIANG], 'Gia Lai says "lấy mẫu"; Kiên Giang has "lấy" and "mẫu" apart'],
    ['so y te', [SOC_TRANG, KON_TUM_ID, UNDATED_ID, THAI_BINH, KIEN_GIANG], 'Sóc Trăng and Kon Tum say "Sở Y tế"; the others only "y tế"'],
    ['thu tuong chinh phu', [KIEN_GIANG, THAI_BINH, UNDATED_ID, KON_TUM_ID], 'three say "Thủ tướng Chính phủ"; Kon Tum has none of its pairs'],
    ['to chuc thuc hien nghiem', [KIEN_GIANG, THAI_BINH, KON_TUM_ID, SOC_TRANG, UNDATED_ID], 'Kiên Giang holds the five syllables together; Thái Bình and Kon Tum four of the pairs, Sóc Trăng and Gia Lai three'],
    ['truy vet cac truong hop', [KIEN_GIANG, THAI_BINH, SOC_TRANG, KON_TUM_ID, UNDATED_ID], 'no directive holds the whole run; Kiên Giang holds all four pairs, the others three'],
  ];
  for (const [q, expected, why] of ORDERS) {
    test(`${q}: ${why}`, async ({ page }) => {
      expect(await search(page, { q })).toEqual(expected);
    });
  }

  test('the excerpt of khoanh vung dap dich is taken where the four syllables stand together', async ({ page }) => {
    expect(await search(page, { q: 'khoanh vung dap dich' })).toEqual([UNDATED_ID]);
    const excerpt = await page.locator('#danh-sach-ket-qua .result-excerpt').first().innerHTML();
    expect(excerpt).toContain('<mark>khoanh</mark> <mark>vùng</mark> <mark>dập</mark> <mark>dịch</mark>');
  });

  test('a comma between the syllables does not separate them: phong chong dich shows "phòng, chống dịch" in every excerpt', async ({ page }) => {
    expect(sorted(await search(page, { q: 'phong chong dich' }))).toEqual(sorted(ALL));
    const excerpts = await page.locator('#danh-sach-ket-qua .result-excerpt').evaluateAll((ps) => ps.map((p) => p.innerHTML));
    for (const excerpt of excerpts) expect(excerpt).toMatch(/<mark>phòng,<\/mark> <mark>chống<\/mark> <mark>dịch<\/mark>/i);
  });

  test('every highlighted word is a syllable typed, never a longer word that begins with one: 4 tại chỗ shows no "chống"', async ({ page }) => {
    for (const q of ['4 tại chỗ', 'benh vien da chien', 'tai cho']) {
      await search(page, { q });
      const typed = new Set(q.split(' ').map((w) => foldDiacritics(w).toLowerCase()));
      const marks = await page.locator('#danh-sach-ket-qua mark').allTextContents();
      expect(marks.length, q).toBeGreaterThan(0);
      const foreign = marks.filter((m) => !typed.has(foldDiacritics(m).toLowerCase().replace(/[^a-z0-9]/g, '')));
      expect(foreign, q).toEqual([]);
    }
  });
});

test.describe('quoted phrases keep their exact meaning, with other words beside them', () => {
  test('"4 tại chỗ" Kon Tum finds the Kon Tum directive, at the phrase', async ({ page }) => {
    expect(await search(page, { q: '"4 tại chỗ" Kon Tum' })).toEqual([KON_TUM_ID]);
    await expect(page.locator('#danh-sach-ket-qua .result-excerpt').first()).toContainText('4 tại chỗ');
  });

  test('"giãn cách xã hội" 16/CT-TTg finds Kiên Giang, whose text says "giản cách xã hội theo Chỉ thị số 16/CT-TTg"', async ({ page }) => {
    expect(await search(page, { q: '"giãn cách xã hội" 16/CT-TTg' })).toEqual([KIEN_GIANG]);
  });

  test('"bệnh viện dã chiến" Kiên Giang finds nothing: Kiên Giang has the syllables, never together', async ({ page }) => {
    expect(await search(page, { q: '"bệnh viện dã chiến" Kiên Giang' })).toEqual([]);
    expect(await search(page, { q: '"bệnh viện dã chiến" Kon Tum' })).toEqual([KON_TUM_ID]);
  });
});

test.describe('boilerplate is shown but not indexed', () => {
  test('the national motto and the Nơi nhận list find nothing', async ({ page }) => {
    for (const q of ['"Đảng Cộng sản Việt Nam"', '"Như trên"', '"Lưu Văn phòng Tỉnh ủy"', '"Như kính gửi"']) {
      expect(await search(page, { q }), q).toEqual([]);
    }
  });

  test('the directive page still shows both, as printed', async ({ page }) => {
    await page.goto(`/van-ban/${KON_TUM_ID}/`);
    await expect(page.locator('.doc-head__motto')).toHaveText(/Đảng Cộng sản Việt Nam/i);
    await expect(page.locator('.doc-sign')).toContainText('Nơi nhận');
    await expect(page.locator('.doc-sign')).toContainText('Lưu Văn phòng Tỉnh ủy');
  });
});

test.describe('searching between two dates', () => {
  test('tu and den keep the directives issued in that month, and say the undated one was left out', async ({ page }) => {
    expect(sorted(await search(page, { q: 'covid', tu: '2021-07', den: '2021-07' }))).toEqual(sorted([KON_TUM_ID, KIEN_GIANG]));
    await expect(page.locator('#ghi-chu-ngay')).toBeVisible();
    await expect(page.locator('#ghi-chu-ngay')).toContainText('từ 01/07/2021 đến 31/07/2021: 1 văn bản không rõ ngày ban hành');
    await expect(page.locator('#tu-ngay')).toHaveValue('2021-07-01');
    await expect(page.locator('#den-ngay')).toHaveValue('2021-07-31');
  });

  test('both days are included, and a bound alone leaves the other side open', async ({ page }) => {
    expect(sorted(await search(page, { q: 'covid', tu: '2021-05-07', den: '2021-07-13' }))).toEqual(sorted([THAI_BINH, KIEN_GIANG]));
    expect(sorted(await search(page, { q: 'covid', den: '2021-05-07' }))).toEqual(sorted([SOC_TRANG, THAI_BINH]));
  });

  test('a date range alone is a search, and the filter counts follow it', async ({ page }) => {
    expect(sorted(await search(page, { tu: '2021-07' }))).toEqual(sorted([KON_TUM_ID, KIEN_GIANG]));
    await expect(page.locator('#bo-loc label:has(input[name="nam"][value="2021"]) .count')).toHaveText('(2)');
  });

  test('the date fields of the filters put the range in the URL', async ({ page }) => {
    await search(page, { q: 'covid' });
    await page.locator('#tu-ngay').fill('2021-07-14');
    await expect(page).toHaveURL(/tu=2021-07-14/);
    await expect(page.locator('#trang-thai')).toHaveText(/^1 văn bản/);
    expect(await ids(page)).toEqual([KON_TUM_ID]);
  });

  test('a bound that is not a date is left out, and the page says so', async ({ page }) => {
    expect(sorted(await search(page, { q: 'covid', tu: '2021-13' }))).toEqual(sorted(ALL));
    await expect(page.locator('#ghi-chu-ngay')).toContainText('“2021-13” không phải là ngày');
  });
});

test.describe('the first search starts before Enter', () => {
  const isPagefind = (url: string) => new URL(url).pathname.startsWith('/pagefind/');

  test('a page load fetches nothing of Pagefind; focusing the box fetches its start-up files', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    expect(requested.filter(isPagefind)).toEqual([]);
    // No script file either: the box's script is inline.
    expect(requested.filter((u) => u.endsWith('.js'))).toEqual([]);
    await page.locator('#tim-kiem-trang-chu').focus();
    await expect.poll(() => requested.filter(isPagefind).map((u) => new URL(u).pathname).sort()).toEqual(
      expect.arrayContaining(['/pagefind/bundles.json', '/pagefind/facets.json', '/pagefind/pagefind-entry.json', '/pagefind/pagefind.js', expect.stringMatching(/^\/pagefind\/pagefind\.vi_\w+\.pf_meta$/), expect.stringMatching(/^\/pagefind\/wasm\.\w+\.pagefind$/)]),
    );
  });

  test('after typing on the home page, the search page finds the start-up files in the cache', async ({ page }) => {
    await page.goto('/');
    await page.locator('#tim-kiem-trang-chu').click();
    await page.locator('#tim-kiem-trang-chu').pressSequentially('chi dao', { delay: 50 });
    await page.waitForLoadState('networkidle');
    await page.locator('#tim-kiem-trang-chu').press('Enter');
    await expect(page.locator('#trang-thai')).toHaveText(/văn bản cho “chi dao”/);
    // Resource Timing of the search worker: a transfer size of 0 is a body taken from the cache.
    const meta = await page.workers()[0]!.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.endsWith('.pf_meta')).map((e) => e.transferSize),
    );
    expect(meta).toEqual([0]);
  });

  test('the search page starts Pagefind when its box is focused, not on load', async ({ page }) => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    await page.goto('/tim-kiem/');
    await page.waitForLoadState('networkidle');
    expect(requested.filter(isPagefind)).toEqual([]);
    await page.locator('#tu-khoa').focus();
    await expect.poll(() => requested.filter(isPagefind).some((u) => u.includes('pagefind-entry.json'))).toBe(true);
  });
});

test.describe('results follow the box as the reader types', () => {
  test('a word finished with a space is searched after a short pause, without Enter; the URL follows in one history entry', async ({ page }) => {
    await page.goto('/tim-kiem/');
    await page.locator('#tu-khoa').pressSequentially('lay mau ', { delay: 60 });
    await expect(page.locator('#trang-thai')).toHaveText(/văn bản cho “lay mau”/);
    expect(await ids(page)).toEqual([UNDATED_ID, KIEN_GIANG]);
    await expect(page).toHaveURL(/\?q=lay\+mau$/);
    await page.locator('#tu-khoa').pressSequentially('xet ', { delay: 60 });
    await expect(page.locator('#trang-thai')).toHaveText(/văn bản cho “lay mau xet”/);
    await expect(page).toHaveURL(/\?q=lay\+mau\+xet$/);
    // Typing replaced its own entry: back goes to the page before the typing.
    await page.goBack();
    await expect(page).toHaveURL(/\/tim-kiem\/$/);
  });

  test('half a syllable waits for a longer pause', async ({ page }) => {
    // Installed, the clock still runs with real time; paused, only runFor moves it, so a slow
    // machine typing slowly cannot pass the pause on its own.
    const start = new Date('2026-01-01T00:00:00Z');
    await page.clock.install({ time: start });
    await page.goto('/tim-kiem/');
    await page.clock.pauseAt(new Date(start.getTime() + 60_000));
    await page.locator('#tu-khoa').pressSequentially('lay ma');
    await page.clock.runFor(500);
    await expect(page).toHaveURL(/\/tim-kiem\/$/);
    await page.clock.runFor(600);
    await expect(page).toHaveURL(/\?q=lay\+ma$/);
  });
});
