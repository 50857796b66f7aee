/**
 * Syllables typed together rank first, across index bundles. A SYNTHETIC archive (every text below
 * is made up for this test, and says so) plants “bệnh viện dã chiến” in two long directives of
 * different years, once each (the second time across a comma and a line break), and in ten short
 * ones, so that the directives holding the phrase fill more than the first page of results; one
 * directive holds two of the query's pairs (“bệnh viện”, “dã chiến”) apart, one holds one pair;
 * four short directives repeat the four syllables often but never next to each other, which
 * Pagefind's score alone puts first. The index is cut into bundles of two directives
 * (ARCHIVE_BUNDLE_PAGES), so the planted directives sit in different bundles, as in a large archive.
 */
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer } from '../../scripts/serve.ts';
import { archiveDirs, buildSite, ingestCli, launchChromium, remove, syntheticTemp, type Run } from './support.ts';

interface Planted {
  file: string;
  /** What the directive holds of `bệnh viện dã chiến`. */
  kind: 'phrase' | 'two pairs' | 'one pair' | 'scattered' | 'none';
  province: string;
  number: number;
  /** Day, month, year as printed. */
  date: [number, number, number];
  body: string[];
}

const FILLER = [
  'Văn bản tổng hợp (synthetic) dùng để kiểm thử, không phải văn bản thật.',
  'Các cơ quan, đơn vị tiếp tục quán triệt và thực hiện nghiêm các chỉ đạo của Trung ương, của tỉnh về công tác phòng, chống dịch COVID-19 với tinh thần chủ động, quyết liệt.',
  'Tăng cường kiểm tra, giám sát việc thực hiện các biện pháp phòng, chống dịch tại các khu công nghiệp, chợ, siêu thị, bến xe, nhà ga và các nơi tập trung đông người.',
  'Đẩy mạnh công tác thông tin, tuyên truyền để người dân hiểu rõ, đồng thuận và tự giác chấp hành các quy định về phòng, chống dịch trên địa bàn.',
  'Ủy ban Mặt trận Tổ quốc và các đoàn thể vận động nhân dân thực hiện tốt việc khai báo y tế, đeo khẩu trang, khử khuẩn và giữ khoảng cách.',
];
/** Each syllable of the query often, never one after another in the typed order. */
const SCATTERED = [
  'Văn bản tổng hợp (synthetic) dùng để kiểm thử, không phải văn bản thật.',
  'Phòng bệnh là chính. Các viện nghiên cứu tham gia chiến dịch. Hoạt động dã ngoại tạm dừng.',
  'Người bệnh được theo dõi; viện trợ vật tư đến sớm; chiến dịch tiêm chủng mở rộng; cấm dã ngoại.',
  'Bệnh nhân ổn định. Học viện hỗ trợ chiến sĩ. Không tổ chức dã ngoại.',
];

const SOURCES: Planted[] = [
  // The phrase, once, in a long text.
  { file: 'syn_phrase_2020.txt', kind: 'phrase', province: 'Kon Tum', number: 901, date: [12, 3, 2020], body: [...FILLER, ...FILLER, 'Khẩn trương chuẩn bị phương án thành lập bệnh viện dã chiến tại các huyện có nguy cơ cao.', ...FILLER] },
  // The phrase across a comma and a line break.
  { file: 'syn_phrase_2022.txt', kind: 'phrase', province: 'Gia Lai', number: 902, date: [20, 1, 2022], body: [...FILLER, 'Sở Y tế bố trí đủ nhân lực cho bệnh viện,\ndã chiến số 2 trong thời gian sớm nhất.', ...FILLER, ...FILLER] },
  // Two pairs, apart.
  { file: 'syn_two_pairs.txt', kind: 'two pairs', province: 'Sóc Trăng', number: 903, date: [8, 6, 2021], body: [...FILLER, 'Nâng cao năng lực các bệnh viện tuyến tỉnh.', ...FILLER, 'Rà soát các cơ sở cách ly dã chiến hiện có.', ...FILLER] },
  // One pair.
  { file: 'syn_one_pair.txt', kind: 'one pair', province: 'Kiên Giang', number: 904, date: [15, 9, 2021], body: [...FILLER, 'Các bệnh viện bảo đảm đủ giường.', 'Hoạt động dã ngoại và các chiến dịch đông người tạm dừng.', ...FILLER] },
  { file: 'syn_scattered_a.txt', kind: 'scattered', province: 'Thái Bình', number: 905, date: [2, 11, 2020], body: SCATTERED },
  { file: 'syn_scattered_b.txt', kind: 'scattered', province: 'Lâm Đồng', number: 906, date: [4, 2, 2021], body: SCATTERED },
  { file: 'syn_scattered_c.txt', kind: 'scattered', province: 'Bình Định', number: 907, date: [19, 11, 2021], body: SCATTERED },
  { file: 'syn_scattered_d.txt', kind: 'scattered', province: 'Nghệ An', number: 908, date: [7, 5, 2022], body: SCATTERED },
  { file: 'syn_filler_a.txt', kind: 'none', province: 'Hà Tĩnh', number: 909, date: [3, 4, 2020], body: FILLER },
  { file: 'syn_filler_b.txt', kind: 'none', province: 'Quảng Nam', number: 910, date: [9, 8, 2022], body: FILLER },
  // Ten more holding the phrase, so that they fill the first page of results and more.
  ...['Đắk Lắk', 'Phú Yên', 'Khánh Hòa', 'Ninh Thuận', 'Bình Thuận', 'Tây Ninh', 'Long An', 'Bến Tre', 'Trà Vinh', 'Cà Mau'].map(
    (province, i): Planted => ({
      file: `syn_phrase_more_${i}.txt`,
      kind: 'phrase',
      province,
      number: 911 + i,
      date: [1 + i, 1 + (i % 12), 2020 + (i % 3)],
      body: [FILLER[0]!, FILLER[1 + (i % 4)]!, `Tỉnh ${province} chuẩn bị địa điểm cho bệnh viện dã chiến khi cần.`],
    }),
  ),
];
const OF_KIND = (kind: Planted['kind']): string[] => SOURCES.filter((d) => d.kind === kind).map((d) => d.file);

const upper = (s: string): string => s.toLocaleUpperCase('vi');

/** A directive as the seeds print one: issuer, number, motto, place and date, subject, addressees, body, Nơi nhận, signature. */
function sourceText(d: Planted): string {
  const [day, month, year] = d.date;
  return [
    `TỈNH ỦY ${upper(d.province)}`,
    '*',
    `Số ${d.number}-CV/TU`,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    `${d.province}, ngày ${day} tháng ${month} năm ${year}`,
    'V/v văn bản tổng hợp (synthetic) để kiểm thử xếp hạng tìm kiếm',
    'Kính gửi: - Các huyện ủy, thành ủy.',
    ...d.body.flatMap((p) => [p, '']),
    'Nơi nhận:',
    '- Như trên,',
    '- Lưu Văn phòng Tỉnh ủy.',
    'T/M BAN THƯỜNG VỤ',
    'PHÓ BÍ THƯ',
    'Nguyễn Văn Thử',
  ].join('\n');
}

let tmp = '';
let ingest: Run;
let browser: Browser;
let server: { url: string; close: () => void };
/** Directive id by source file, from the permalinks registry. */
let idOf: Record<string, string> = {};

beforeAll(async () => {
  tmp = syntheticTemp('ranking');
  const dirs = archiveDirs(tmp);
  for (const d of SOURCES) writeFileSync(join(dirs.sources, d.file), sourceText(d));
  ingest = await ingestCli(dirs);
  const { readFileSync } = await import('node:fs');
  idOf = (JSON.parse(readFileSync(join(dirs.directives, 'permalinks.json'), 'utf8')) as { ids: Record<string, string> }).ids;
  await buildSite(dirs.directives, join(tmp, 'dist'), tmp, { ARCHIVE_BUNDLE_PAGES: '2' });
  server = await startServer(join(tmp, 'dist'), 0);
  browser = await launchChromium();
}, 300_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (tmp) remove(tmp);
});

interface Shown {
  id: string;
  excerpt: string;
}

/**
 * The search page's results for a query, every one (“Xem thêm” pressed until all are shown): ids
 * in order, each excerpt with its marks as [word]; and the first page as it was shown first.
 */
async function search(params: Record<string, string>): Promise<{ all: Shown[]; first: Shown[] }> {
  const page = await browser.newPage();
  const shown = (): Promise<Shown[]> =>
    page.locator('#danh-sach-ket-qua li').evaluateAll((items) =>
      items.map((li) => ({
        id: new URL(li.querySelector('a')!.href).pathname.replace(/^\/van-ban\/|\/$/g, ''),
        excerpt: li.querySelector('.result-excerpt')!.innerHTML.replace(/<mark>/g, '[').replace(/<\/mark>/g, ']'),
      })),
    );
  try {
    await page.goto(`${server.url}/tim-kiem/?${new URLSearchParams(params)}`);
    await page.locator('#trang-thai').filter({ hasText: /văn bản|Không tìm thấy/ }).waitFor({ timeout: 30_000 });
    const first = await shown();
    for (let n = first.length; await page.locator('#xem-them').isVisible(); ) {
      await page.locator('#xem-them').click();
      await page.waitForFunction((before) => document.querySelectorAll('#danh-sach-ket-qua li').length > before, n, { timeout: 30_000 });
      n = await page.locator('#danh-sach-ket-qua li').count();
    }
    return { all: await shown(), first };
  } finally {
    await page.close();
  }
}

const ids = (files: string[]): string[] => files.map((f) => idOf[f]!).sort();

describe('syllables typed together rank first, across index bundles (synthetic archive)', () => {
  test('every synthetic source is ingested, and the index is cut into several bundles', async () => {
    expect(ingest.status, ingest.stdout + ingest.stderr).toBe(0);
    expect(Object.keys(idOf)).toHaveLength(SOURCES.length);
    const bundles = (await (await fetch(`${server.url}/pagefind/bundles.json`)).json()) as { bundles: unknown[] };
    expect(bundles.bundles.length).toBeGreaterThanOrEqual(5);
  });

  const phrases = OF_KIND('phrase');
  for (const q of ['benh vien da chien', 'bệnh viện dã chiến']) {
    test(`${q}: the planted phrase first, then two pairs, then one, then the scattered syllables`, async () => {
      const { all, first } = await search({ q });
      const found = all.map((r) => r.id);
      expect(found.slice(0, phrases.length).sort()).toEqual(ids(phrases));
      expect(found[phrases.length]).toBe(idOf['syn_two_pairs.txt']);
      expect(found[phrases.length + 1]).toBe(idOf['syn_one_pair.txt']);
      expect(found.slice(phrases.length + 2).sort()).toEqual(ids(OF_KIND('scattered')));
      // The first page, shown before the pairs were searched, is the head of the final order.
      expect(first.map((r) => r.id)).toEqual(found.slice(0, first.length));
      expect(first).toHaveLength(10);
    });
  }

  test('the excerpts of the planted directives show the phrase, across the comma and the line break too', async () => {
    const { all } = await search({ q: 'benh vien da chien' });
    const excerptOf = (file: string): string => all.find((r) => r.id === idOf[file])!.excerpt;
    expect(excerptOf('syn_phrase_2020.txt')).toContain('[bệnh] [viện] [dã] [chiến]');
    expect(excerptOf('syn_phrase_2022.txt')).toContain('[bệnh] [viện,] [dã] [chiến]');
  });

  test('a search between two dates keeps the planted directives of its year first', async () => {
    const found = (await search({ q: 'benh vien da chien', tu: '2022-01', den: '2022-12-31' })).all.map((r) => r.id);
    const of2022 = (files: string[]): string[] => ids(files.filter((f) => SOURCES.find((d) => d.file === f)!.date[2] === 2022));
    const planted = of2022(phrases);
    expect(found.slice(0, planted.length).sort()).toEqual(planted);
    expect(found.slice(planted.length)).toEqual(of2022(OF_KIND('scattered')));
  });
});
