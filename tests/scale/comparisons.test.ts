/**
 * The comparison pages on a SYNTHETIC archive with planted references and principles: ten sources
 * of four provinces, each citing chosen documents and writing chosen spellings of “4 tại chỗ” and
 * “5K” (and one decoy, “14 tại chỗ”), ingested and built in a temporary folder. The five real
 * seeds have at most one directive per province and cite each document once, so they cannot show
 * an order: which document a province cites most, which province invoked a principle first, how
 * counts are shaded. The expected lists below are written from the planted sources, by hand.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { syntheticSource } from '../helpers/synthetic-directive.ts';
import { archiveDirs, buildSite, ingestCli, remove, syntheticTemp, type ArchiveDirs } from './support.ts';

interface Planted {
  stem: string;
  /** As the header prints it: "KON TUM". */
  province: string;
  place: string;
  number: string;
  date: [day: number, month: number, year: number];
  /** Sentences of the body: where the references and the principles are planted. */
  body: string;
}

const PLANTED: Planted[] = [
  { stem: 'kt-1', province: 'KON TUM', place: 'Kon Tum', number: '101-CV/TU', date: [10, 3, 2020], body: 'Thực hiện Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ; quán triệt phương châm “4 tại chỗ”.' },
  { stem: 'kt-2', province: 'KON TUM', place: 'Kon Tum', number: '102-CV/TU', date: [25, 3, 2020], body: 'Tiếp tục thực hiện Chỉ thị số 16/CT-TTg và Chỉ thị số 15/CT-TTg; thực hiện phương châm "04 tại chỗ".' },
  { stem: 'kt-3', province: 'KON TUM', place: 'Kon Tum', number: '103-CV/TU', date: [2, 7, 2021], body: 'Theo Chỉ thị số 16/CT-TTg và Công điện số 05/CĐ-UBND; nhắc Nhân dân thực hiện thông điệp 5K.' },
  { stem: 'kt-4', province: 'KON TUM', place: 'Kon Tum', number: '104-CV/TU', date: [20, 7, 2021], body: 'Thực hiện Chỉ thị số 16/CT-TTg và Chỉ thị số 15/CT-TTg; mô hình 14 tại chỗ của doanh nghiệp.' },
  { stem: 'gl-1', province: 'GIA LAI', place: 'Gia Lai', number: '201-CV/TU', date: [15, 2, 2020], body: 'Thực hiện Chỉ thị số 15/CT-TTg; phương châm bốn tại chỗ.' },
  { stem: 'gl-2', province: 'GIA LAI', place: 'Gia Lai', number: '202-CV/TU', date: [5, 7, 2021], body: 'Thực hiện Chỉ thị số 16/CT-TTg; phương châm “4 tại chỗ” và thông điệp 5K.' },
  { stem: 'cm-1', province: 'CÀ MAU', place: 'Cà Mau', number: '301-CV/TU', date: [1, 4, 2020], body: 'Thực hiện Chỉ thị số 16/CT-TTg; phương châm 4 tại chỗ.' },
  { stem: 'cm-2', province: 'CÀ MAU', place: 'Cà Mau', number: '302-CV/TU', date: [9, 7, 2021], body: 'Nhắc Nhân dân thực hiện thông điệp 5K.' },
  { stem: 'lc-1', province: 'LÀO CAI', place: 'Lào Cai', number: '401-CV/TU', date: [3, 1, 2022], body: 'Thực hiện Thông báo số 135-TB/TU của Ban Thường vụ.' },
  { stem: 'lc-2', province: 'LÀO CAI', place: 'Lào Cai', number: '402-CV/TU', date: [20, 1, 2022], body: 'Thực hiện Chỉ thị số 16/CT-TTg; phương châm “04 tại chỗ”, tức là “4 tại chỗ”.' },
];

/** A small synthetic source in the seeds' layout (not a real document). */
const source = (p: Planted): string =>
  syntheticSource({
    province: p.province,
    place: p.place,
    number: p.number,
    date: `ngày ${String(p.date[0]).padStart(2, '0')} tháng ${p.date[1]} năm ${p.date[2]}`,
    extra: p.body,
  });

let tmp: string;
let dirs: ArchiveDirs;
let dist: string;

const page = (path: string): string => readFileSync(join(dist, path, 'index.html'), 'utf8');
const text = (html: string): string => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
/** The items of the list right after the heading with this id. */
const listAfter = (html: string, headingId: string): string[] => {
  const after = html.slice(html.indexOf(`id="${headingId}"`));
  const list = /<ul[^>]*>([\s\S]*?)<\/ul>/.exec(after)?.[1] ?? '';
  return [...list.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => text(m[1]!));
};
/** A comparison table's non-empty cells: "province month count shade". */
const cells = (html: string): string[] =>
  [...html.matchAll(/<td class="shade-(\d)"><a href="\/tinh\/([^/]+)\/#(\d{4}-\d{2})">(\d+)<\/a><\/td>/g)].map((m) => `${m[2]} ${m[3]} ${m[4]} shade-${m[1]}`).sort();

beforeAll(async () => {
  tmp = syntheticTemp('comparisons');
  dirs = archiveDirs(tmp);
  for (const p of PLANTED) writeFileSync(join(dirs.sources, `${p.stem}.txt`), source(p));
  const ingest = await ingestCli(dirs, ['--quiet']);
  if (ingest.status !== 0) throw new Error(`ingest failed (${ingest.status}):\n${ingest.stdout}\n${ingest.stderr}`);
  dist = join(tmp, 'dist');
  await buildSite(dirs.directives, dist, tmp);
});

afterAll(() => remove(tmp));

describe('the planted archive', () => {
  test('ingest read the planted provinces, references and principles', () => {
    const fm = (stem: string) => matter(readFileSync(join(dirs.directives, `${stem}.md`), 'utf8')).data as { province: string; references: string[]; principles: string[] };
    expect(fm('kt-2')).toMatchObject({ province: 'Kon Tum', references: ['16/CT-TTg', '15/CT-TTg'], principles: ['4 tại chỗ'] });
    expect(fm('kt-4')).toMatchObject({ references: ['16/CT-TTg', '15/CT-TTg'], principles: [] });
    expect(fm('gl-2')).toMatchObject({ province: 'Gia Lai', principles: ['4 tại chỗ', '5K'] });
    expect(fm('lc-1')).toMatchObject({ province: 'Lào Cai', references: ['135-TB/TU'], principles: [] });
  });
});

describe('a province page', () => {
  test('names the documents its directives cite most, most cited first, each with whose it is', () => {
    expect(listAfter(page('tinh/kon-tum'), 'dan-chieu')).toEqual(['Chỉ thị 16/CT-TTg (Trung ương): 4 văn bản dẫn', 'Chỉ thị 15/CT-TTg (Trung ương): 2 văn bản dẫn', 'Công điện 05/CĐ-UBND (Kon Tum): 1 văn bản dẫn']);
    // Ties by name: the Prime Minister's directive before Lào Cai's notice.
    expect(listAfter(page('tinh/lao-cai'), 'dan-chieu')).toEqual(['Chỉ thị 16/CT-TTg (Trung ương): 1 văn bản dẫn', 'Thông báo 135-TB/TU (Lào Cai): 1 văn bản dẫn']);
    // Each links its cited document's page.
    expect([...page('tinh/lao-cai').matchAll(/<li><a href="(\/dan-chieu\/[^"]+)"/g)].map((m) => m[1])).toEqual(['/dan-chieu/16-ct-ttg/', '/dan-chieu/135-tb-tu-lao-cai/']);
  });
  test('names the principles its directives invoke, most invoked first', () => {
    expect(listAfter(page('tinh/kon-tum'), 'phuong-cham')).toEqual(['4 tại chỗ: 2 văn bản', '5K: 1 văn bản']);
  });
  test('lists its directives under their months, each month a section the tables link to', () => {
    const html = page('tinh/kon-tum');
    const sections = [...html.matchAll(/<h3 id="(\d{4}-\d{2})">([^<]*)<\/h3>\s*<ul class="doc-list">([\s\S]*?)<\/ul>/g)].map((m) => [m[1], text(m[2]!), [...m[3]!.matchAll(/href="\/van-ban\/([^"]+)\/"/g)].map((x) => x[1])]);
    expect(sections).toEqual([
      ['2020-03', 'Tháng 3 năm 2020 (2)', ['kon-tum/2020-03-10-101-cv-tu', 'kon-tum/2020-03-25-102-cv-tu']],
      ['2021-07', 'Tháng 7 năm 2021 (2)', ['kon-tum/2021-07-02-103-cv-tu', 'kon-tum/2021-07-20-104-cv-tu']],
    ]);
  });
});

describe('a principle page', () => {
  test('counts the directives writing each spelling; the decoy “14 tại chỗ” is none of them', () => {
    expect(listAfter(page('phuong-cham/4-tai-cho'), 'cach-viet')).toEqual(['“4 tại chỗ”: 4 văn bản', '“04 tại chỗ”: 2 văn bản', '“bốn tại chỗ”: 1 văn bản']);
  });
  test('gives each province its first directive invoking it, in the order the principle spread', () => {
    const html = page('phuong-cham/4-tai-cho');
    const table = html.slice(html.indexOf('<table class="spread"'), html.indexOf('</table>', html.indexOf('<table class="spread"')));
    const rows = [...table.matchAll(/<tr data-province="([^"]+)">([\s\S]*?)<\/tr>/g)].map((m) => [m[1], ...[...m[2]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].slice(1).map((c) => text(c[1]!))]);
    expect(rows).toEqual([
      ['gia-lai', '15/02/2020', '201-CV/TU', '2'],
      ['kon-tum', '10/03/2020', '101-CV/TU', '2'],
      ['ca-mau', '01/04/2020', '301-CV/TU', '1'],
      ['lao-cai', '20/01/2022', '402-CV/TU', '1'],
    ]);
  });
  test('links each month that has directives to a page listing exactly them, and makes no page for the others', () => {
    expect(listAfter(page('phuong-cham/4-tai-cho'), 'danh-sach')).toEqual(['tháng 2/2020: 1 văn bản', 'tháng 3/2020: 2 văn bản', 'tháng 4/2020: 1 văn bản', 'tháng 7/2021: 1 văn bản', 'tháng 1/2022: 1 văn bản']);
    const listed = [...page('phuong-cham/4-tai-cho/2020-03').matchAll(/href="\/van-ban\/([^"]+)\/"/g)].map((m) => m[1]);
    expect(listed).toEqual(['kon-tum/2020-03-10-101-cv-tu', 'kon-tum/2020-03-25-102-cv-tu']);
    expect(existsSync(join(dist, 'phuong-cham/4-tai-cho/2020-05'))).toBe(false);
    expect(listAfter(page('phuong-cham/5k'), 'danh-sach')).toEqual(['tháng 7/2021: 3 văn bản']);
  });
});

describe('the comparison tables', () => {
  test('give each province and month its count, shaded by class, linking to the province’s month', () => {
    expect(cells(page('so-sanh'))).toEqual([
      'ca-mau 2020-04 1 shade-3',
      'ca-mau 2021-07 1 shade-3',
      'gia-lai 2020-02 1 shade-3',
      'gia-lai 2021-07 1 shade-3',
      'kon-tum 2020-03 2 shade-5',
      'kon-tum 2021-07 2 shade-5',
      'lao-cai 2022-01 2 shade-5',
    ]);
  });
  test('count only the directives of a principle, or of a type, in their variants', () => {
    expect(cells(page('so-sanh/phuong-cham/4-tai-cho'))).toEqual([
      'ca-mau 2020-04 1 shade-3',
      'gia-lai 2020-02 1 shade-3',
      'gia-lai 2021-07 1 shade-3',
      'kon-tum 2020-03 2 shade-5',
      'lao-cai 2022-01 1 shade-3',
    ]);
    // One class only (every cell 1): the darkest shade.
    expect(cells(page('so-sanh/phuong-cham/5k'))).toEqual(['ca-mau 2021-07 1 shade-5', 'gia-lai 2021-07 1 shade-5', 'kon-tum 2021-07 1 shade-5']);
    expect(cells(page('so-sanh/loai/cong-van'))).toEqual(cells(page('so-sanh')));
  });
});

describe('the map', () => {
  test('names each province with its count and shades the province with most directives darkest', () => {
    const html = page('tinh');
    const links = [...html.matchAll(/<a href="\/tinh\/([^/]+)\/" class="shade-(\d)" aria-label="([^"]+)">/g)].map((m) => ({ slug: m[1], shade: Number(m[2]), label: m[3] }));
    expect(links).toHaveLength(63);
    const shaded = links.filter((l) => l.shade > 0).map((l) => `${l.label} shade-${l.shade}`).sort();
    expect(shaded).toEqual(['Cà Mau: 2 văn bản shade-3', 'Gia Lai: 2 văn bản shade-3', 'Kon Tum: 4 văn bản shade-5', 'Lào Cai: 2 văn bản shade-3']);
    expect(links.find((l) => l.slug === 'ha-noi')).toEqual({ slug: 'ha-noi', shade: 0, label: 'Hà Nội: 0 văn bản' });
  });
});
