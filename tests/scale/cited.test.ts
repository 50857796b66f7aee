/**
 * Cited documents on a SYNTHETIC archive with planted references (sources written here, in a
 * temporary folder; none is a real document). Ingest and `astro build` run for real, and the
 * built pages are read back:
 * - Kon Tum's and Gia Lai's "135-TB/TU" are two documents, at two /dan-chieu/ pages;
 * - a reference to a directive of the archive (Kon Tum's 200-CV/TU) links to its /van-ban/
 *   permalink, has no /dan-chieu/ page, and that directive lists exactly the directives citing it;
 * - where two citing texts give Kon Tum's 135-TB/TU different dates and issuers, its page shows
 *   each value with the directive that gives it;
 * - Chỉ thị 16/CT-TTg, cited from both provinces, is one national page listing both;
 * - a curated title and note (content/curation/dan-chieu/<slug>.yml, here in the temporary
 *   folder's curation/) show on their page with their source; a file for a slug no citation has is
 *   a warning of the build naming it;
 * - Chỉ thị 15/CT-TTg, cited by more than CITED_LIST_LIMIT directives, lists its months instead of
 *   every citing directive, and each month's page lists exactly that month's; 16/CT-TTg, cited
 *   twice, keeps its one page.
 */
import { readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syntheticSource } from '../helpers/synthetic-directive.ts';
import { CITED_LIST_LIMIT } from '../../src/site/cited-documents.ts';
import { citedMonthPath, citedPath, directivePath } from '../../src/site/routes.ts';
import { archiveDirs, buildSite, ingestCli, remove, syntheticTemp, type ArchiveDirs, type Run } from './support.ts';

interface Planted {
  /** Source file name. */
  file: string;
  province: 'Kon Tum' | 'Gia Lai';
  number: string;
  day: number;
  month: number;
  /** The sentence of references, as the citing text writes them. */
  cites: string;
}

const NATIONAL = 'Chỉ thị số 16/CT-TTg ngày 31/3/2020 của Thủ tướng Chính phủ';
const SOURCES: Planted[] = [
  { file: 'syn_cited_kt1.txt', province: 'Kon Tum', number: '200-CV/TU', day: 10, month: 5, cites: `Thực hiện ${NATIONAL}` },
  {
    file: 'syn_cited_kt2.txt',
    province: 'Kon Tum',
    number: '210-CV/TU',
    day: 12,
    month: 6,
    cites: 'Thực hiện Thông báo kết luận số 135-TB/TU ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy và Công văn số 200-CV/TU ngày 10/5/2021 của Ban Thường vụ Tỉnh ủy',
  },
  {
    file: 'syn_cited_kt3.txt',
    province: 'Kon Tum',
    number: '220-CV/TU',
    day: 20,
    month: 7,
    cites: 'Thực hiện Thông báo số 135-TB/TU ngày 07/5/2021 của Thường trực Tỉnh ủy và Công văn số 200-CV/TU của Ban Thường vụ Tỉnh ủy',
  },
  {
    file: 'syn_cited_gl1.txt',
    province: 'Gia Lai',
    number: '300-CV/TU',
    day: 15,
    month: 6,
    cites: `Thực hiện Thông báo số 135-TB/TU ngày 01/6/2021 của Ban Thường vụ Tỉnh ủy và ${NATIONAL}`,
  },
];

/**
 * More directives than CITED_LIST_LIMIT citing Chỉ thị 15/CT-TTg, spread over August–October 2021
 * (i % 3 picks the month), so its page is split by month.
 */
const MANY_CITED = 'Chỉ thị số 15/CT-TTg ngày 27/3/2020 của Thủ tướng Chính phủ';
const MANY: Planted[] = Array.from({ length: CITED_LIST_LIMIT + 1 }, (_, i) => ({
  file: `syn_cited_many_${String(i).padStart(3, '0')}.txt`,
  province: 'Kon Tum',
  number: `${500 + i}-CV/TU`,
  day: (i % 28) + 1,
  month: 8 + (i % 3),
  cites: `Thực hiện ${MANY_CITED}`,
}));
const MANY_MONTHS = ['2021-08', '2021-09', '2021-10'];

/** The raw text of a synthetic provincial công văn citing what `p.cites` says. */
const sourceText = (p: Planted): string =>
  syntheticSource({
    province: p.province,
    number: p.number,
    date: `ngày ${p.day} tháng ${p.month} năm 2021`,
    subject: 'văn bản thử nghiệm tổng hợp (synthetic) về phòng, chống dịch COVID-19',
    body: `${p.cites}, Ban Thường vụ Tỉnh ủy yêu cầu các cấp ủy thực hiện tốt nhiệm vụ phòng, chống dịch. Đây là văn bản tổng hợp dùng cho kiểm thử, không phải văn bản thật.`,
  });

let tmp: string;
let dirs: ArchiveDirs;
let ingest: Run;
let build: Run;
let dist: string;
/** Directive id of each planted source, by file. */
const ids = new Map<string, string>();

const id = (file: string): string => ids.get(file)!;
const html = (path: string): string => readFileSync(join(dist, path, 'index.html'), 'utf8');
const pageExists = (path: string): boolean => existsSync(join(dist, path, 'index.html'));
/** The section of a page from its heading (an element with `id`) to the next heading of any level. */
const section = (page: string, anchor: string): string => {
  const start = page.indexOf(`id="${anchor}"`);
  if (start < 0) return '';
  const rest = page.slice(start);
  const next = rest.slice(1).search(/<h[1-6][\s>]/);
  return next < 0 ? rest : rest.slice(0, next + 1);
};
/** The hrefs of the list's links inside the <dd> that follows the <dt> with this text. */
const ddLinks = (page: string, term: string): string[] => {
  const dd = new RegExp(`<dt[^>]*>\\s*${term}\\s*</dt>\\s*<dd[^>]*>([\\s\\S]*?)</dd>`).exec(page)?.[1] ?? null;
  if (dd === null) throw new Error(`no "${term}" on the page`);
  const list = /<ul[^>]*>([\s\S]*?)<\/ul>/.exec(dd)?.[1] ?? '';
  return [...list.matchAll(/<li[^>]*>\s*<a [^>]*href="([^"]+)"/g)].map((m) => m[1]!);
};
/** The hrefs of the citing list (ol[data-citing]) of a cited document's page. */
const citingLinks = (page: string): string[] => {
  const list = /<ol[^>]*data-citing[^>]*>([\s\S]*?)<\/ol>/.exec(page)?.[1] ?? '';
  return [...list.matchAll(/<li[^>]*>\s*<a [^>]*href="([^"]+)"/g)].map((m) => m[1]!);
};
/** The text of the fact's <dd data-fact="…">, tags dropped, spaces squeezed. */
const fact = (page: string, label: string): string =>
  (new RegExp(`<dd[^>]*data-fact="${label}"[^>]*>([\\s\\S]*?)</dd>`).exec(page)?.[1] ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

beforeAll(async () => {
  tmp = syntheticTemp('cited');
  dirs = archiveDirs(tmp);
  for (const p of [...SOURCES, ...MANY]) writeFileSync(join(dirs.sources, p.file), sourceText(p));
  ingest = await ingestCli(dirs);
  for (const p of [...SOURCES, ...MANY]) {
    const md = join(dirs.directives, p.file.replace(/\.txt$/, '.md'));
    ids.set(p.file, matter(readFileSync(md, 'utf8')).data.id as string);
  }
  // Synthetic curation of a cited document (beside the archive: <tmp>/curation/dan-chieu/), and one for a slug no citation has.
  const curated = join(dirs.curation, 'dan-chieu');
  mkdirSync(curated, { recursive: true });
  writeFileSync(join(curated, '135-tb-tu-gia-lai.yml'), 'title:\n  value: "Tiêu đề tổng hợp (synthetic)"\n  note: "Nguồn tổng hợp dùng cho kiểm thử"\nnote:\n  value: "Ghi chú tổng hợp (synthetic)"\n  note: "Nguồn ghi chú tổng hợp"\n');
  writeFileSync(join(curated, '999-tb-tu-gia-lai.yml'), 'title:\n  value: "Không ai dẫn (synthetic)"\n  note: "Tổng hợp"\n');
  dist = join(tmp, 'dist');
  build = await buildSite(dirs.directives, dist, tmp, { ARCHIVE_SKIP_INDEX: '1' });
});

afterAll(() => {
  if (tmp) remove(tmp);
});

describe('cited documents on a synthetic archive with planted references', () => {
  test('ingest reads every planted source and resolves each 135-TB/TU to its citing province', () => {
    expect(ingest.status, ingest.stderr).toBe(0);
    const cited = (file: string) =>
      (matter(readFileSync(join(dirs.directives, file.replace(/\.txt$/, '.md')), 'utf8')).data.cited as Array<{ number: string; province: string | null; date: string | null }>).map(
        (c) => `${c.number} ${c.province ?? 'trung ương'} ${c.date ?? 'không ngày'}`,
      );
    expect(cited('syn_cited_kt2.txt')).toEqual(['135-TB/TU Kon Tum 2021-05-06', '200-CV/TU Kon Tum 2021-05-10']);
    expect(cited('syn_cited_gl1.txt')).toEqual(['135-TB/TU Gia Lai 2021-06-01', '16/CT-TTg trung ương 2020-03-31']);
  });

  test('two provinces\' "135-TB/TU" stay apart: two pages, each listing only its own province\'s citing directives', () => {
    expect(citingLinks(html(citedPath('135-tb-tu-kon-tum')))).toEqual([directivePath(id('syn_cited_kt2.txt')), directivePath(id('syn_cited_kt3.txt'))]);
    expect(citingLinks(html(citedPath('135-tb-tu-gia-lai')))).toEqual([directivePath(id('syn_cited_gl1.txt'))]);
  });

  test('a reference to a directive of the archive links to its permalink, and has no /dan-chieu/ page', () => {
    expect(ddLinks(html(directivePath(id('syn_cited_kt2.txt'))), 'Văn bản được dẫn chiếu')).toEqual([citedPath('135-tb-tu-kon-tum'), directivePath(id('syn_cited_kt1.txt'))]);
    // Undated, the reference still names the one Kon Tum 200-CV/TU of the archive.
    expect(ddLinks(html(directivePath(id('syn_cited_kt3.txt'))), 'Văn bản được dẫn chiếu')).toEqual([citedPath('135-tb-tu-kon-tum'), directivePath(id('syn_cited_kt1.txt'))]);
    expect(pageExists(citedPath('200-cv-tu-kon-tum'))).toBe(false);
  });

  test('"Được dẫn chiếu bởi" lists exactly the directives citing it, by date', () => {
    expect(ddLinks(html(directivePath(id('syn_cited_kt1.txt'))), 'Được dẫn chiếu bởi')).toEqual([directivePath(id('syn_cited_kt2.txt')), directivePath(id('syn_cited_kt3.txt'))]);
    for (const file of ['syn_cited_kt2.txt', 'syn_cited_kt3.txt', 'syn_cited_gl1.txt']) expect(ddLinks(html(directivePath(id(file))), 'Được dẫn chiếu bởi'), file).toEqual([]);
  });

  test('where the citing texts disagree on the date and the issuer, the page shows each value with who gives it', () => {
    const page = html(citedPath('135-tb-tu-kon-tum'));
    const dates = fact(page, 'Ngày ban hành');
    expect(dates).toContain('06/05/2021');
    expect(dates).toContain('07/05/2021');
    const dateLinks = (date: string): string[] => {
      const dd = new RegExp(`<dd[^>]*data-fact="Ngày ban hành"[^>]*>([\\s\\S]*?)</dd>`).exec(page)![1]!;
      const item = dd.split(/<li[\s>]/).find((li) => li.includes(date)) ?? '';
      return [...item.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    };
    expect(dateLinks('06/05/2021')).toEqual([directivePath(id('syn_cited_kt2.txt'))]);
    expect(dateLinks('07/05/2021')).toEqual([directivePath(id('syn_cited_kt3.txt'))]);
    const issuers = fact(page, 'Cơ quan ban hành');
    expect(issuers).toContain('Ban Thường vụ Tỉnh ủy');
    expect(issuers).toContain('Thường trực Tỉnh ủy');
  });

  test('a national directive cited from two provinces is one page listing both', () => {
    expect(citingLinks(html(citedPath('16-ct-ttg')))).toEqual([directivePath(id('syn_cited_kt1.txt')), directivePath(id('syn_cited_gl1.txt'))]);
  });

  test('a document cited more than CITED_LIST_LIMIT times links each month instead of listing every citing directive', () => {
    const page = html(citedPath('15-ct-ttg'));
    expect(citingLinks(page)).toEqual([]);
    expect(page).not.toContain('data-citing>');
    const months = /<ul[^>]*data-citing-months[^>]*>([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
    expect([...months.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)).toEqual(MANY_MONTHS.map((m) => citedMonthPath('15-ct-ttg', m)));
    // Each bar of the chart leads to its month's page too.
    for (const month of MANY_MONTHS) expect(page).toContain(`href="${citedMonthPath('15-ct-ttg', month)}"`);
  });

  test("each month's page lists exactly that month's citing directives, in date order, with their province", () => {
    for (const [i, month] of MANY_MONTHS.entries()) {
      const expected = MANY.filter((p) => p.month === 8 + i)
        .sort((a, b) => a.day - b.day || (id(a.file) < id(b.file) ? -1 : 1))
        .map((p) => directivePath(id(p.file)));
      const page = html(citedMonthPath('15-ct-ttg', month));
      expect(citingLinks(page), month).toEqual(expected);
      expect(page).toContain('· Kon Tum ·');
    }
    expect(pageExists(citedMonthPath('15-ct-ttg', '2021-07'))).toBe(false);
    const middle = html(citedMonthPath('15-ct-ttg', '2021-09'));
    expect([...middle.matchAll(/href="([^"]+)" rel="(prev|next)"/g)].map((m) => [m[2], m[1]])).toEqual([
      ['prev', citedMonthPath('15-ct-ttg', '2021-08')],
      ['next', citedMonthPath('15-ct-ttg', '2021-10')],
    ]);
    expect(middle).toContain(`href="${citedPath('15-ct-ttg')}"`);
  });

  test('a document cited at most CITED_LIST_LIMIT times keeps its full list and has no month pages', () => {
    expect(citingLinks(html(citedPath('16-ct-ttg')))).toHaveLength(2);
    expect(html(citedPath('16-ct-ttg'))).not.toContain('data-citing-months');
    expect(pageExists(citedMonthPath('16-ct-ttg', '2021-05'))).toBe(false);
    expect(pageExists(citedMonthPath('16-ct-ttg', '2021-06'))).toBe(false);
  });

  test('a curated title and note show on their page with their source; a curation file no citation has is a warning naming it', () => {
    const page = html(citedPath('135-tb-tu-gia-lai'));
    expect(page).toContain('Tiêu đề tổng hợp (synthetic) <span class="provenance-note">(Tiêu đề do biên tập viên bổ sung: Nguồn tổng hợp dùng cho kiểm thử)</span>');
    expect(page).toContain('Ghi chú tổng hợp (synthetic) <span class="provenance-note">(Do biên tập viên bổ sung: Nguồn ghi chú tổng hợp)</span>');
    expect(html(citedPath('135-tb-tu-kon-tum'))).not.toContain('Tiêu đề tổng hợp');
    expect(`${build.stdout}${build.stderr}`).toContain(
      `warning: ${join(dirs.curation, 'dan-chieu', '999-tb-tu-gia-lai.yml')}: no directive of the archive cites a document at /dan-chieu/999-tb-tu-gia-lai/`,
    );
  });
});
