/**
 * Deterministic generator of SYNTHETIC raw directives (văn bản tổng hợp) for benchmarks and scale tests.
 * Bodies are recombined from the paragraphs of the real seeds; headers, numbers, dates, recipients
 * and signers are made up over the 63 provinces and their districts. Every text says in its first
 * body paragraph that it is synthetic, and every file name starts with "syn_".
 * It writes only into the folder it is given (never into content/: the archive holds real documents).
 *
 *   npm run -s bench:generate -- --docs 1000 --seed 42 --out /tmp/x [--quirk-rate 0.04]   (--help says more)
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toParagraphs, dropPageNoise, paragraphToPlain, looksTruncated } from '../ingest/body.ts';
import { splitLayout } from '../ingest/layout.ts';
import { normalizeText } from '../ingest/normalize.ts';
import { modernizeTones } from '../../src/shared/vietnamese.ts';
import { parseCli, type CliSpec } from '../cli.ts';

/** The sentence every synthetic text carries as its first body paragraph. */
export const SYNTHETIC_SENTENCE = 'Văn bản tổng hợp (synthetic) dùng để đo hiệu năng, không phải văn bản thật.';

/** Source-text quirks the generator injects, one per affected file. */
export const QUIRKS = ['missingDate', 'nfd', 'crlfBom', 'hardWrap', 'oldTones', 'duplicate', 'pageNumber'] as const;
export type Quirk = (typeof QUIRKS)[number];

export interface GenerateOptions {
  /** Number of files to write. */
  count: number;
  /** PRNG seed; the same seed and count give byte-identical files. Default 42. */
  seed?: number;
  /** Folder to write into (created if missing); must not lie inside the archive's content/. */
  outDir: string;
  /** Folder of real raw directives whose paragraphs make the bodies. Default content/sources, the archive's real sources. */
  seedsDir?: string;
  /** GSO province/district list. Default data/vn-admin-units-2025-03.json. */
  dataFile?: string;
  /** Share of files given one quirk (0–1). Default 0.04. */
  quirkRate?: number;
}

export interface GenerateResult {
  /** Absolute paths of the files written, in order. */
  files: string[];
  /** How many files got each quirk (every quirk listed, zeros included). */
  quirks: Record<Quirk, number>;
}

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_SEEDS_DIR = resolve(PROJECT_ROOT, 'content/sources');
const DEFAULT_DATA_FILE = resolve(PROJECT_ROOT, 'data/vn-admin-units-2025-03.json');
const CONTENT_DIR = resolve(PROJECT_ROOT, 'content');
const WRITES_IN_FLIGHT = 64;

// ---------------------------------------------------------------------------------------------
// Randomness: mulberry32, one stream per document so document i does not depend on `count`.

type Rng = () => number;

export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const streamFor = (seed: number, salt: number, index: number): Rng =>
  mulberry32(Math.imul(seed ^ salt, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b));

const int = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const chance = (rng: Rng, p: number): boolean => rng() < p;

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** k distinct items, in their original order. */
function sample<T>(rng: Rng, items: readonly T[], k: number): T[] {
  const chosen = shuffle(rng, items.map((_, i) => i)).slice(0, Math.min(k, items.length));
  return chosen.sort((a, b) => a - b).map((i) => items[i]!);
}

/** The 8 hex digits of the file name: the start of the bytes' SHA-256, so duplicates share them. */
const shortHash = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 8);

// ---------------------------------------------------------------------------------------------
// Inputs: places from the GSO list, paragraphs from the seeds.

interface District {
  /** "Kiến Xương", or the full "Quận 1" when the name is a number. */
  name: string;
  /** Unit word: "huyện", "quận", "thị xã", "thành phố". */
  unit: string;
}

interface Province {
  /** 2020–2022 name, modern tone placement, no "Tỉnh"/"Thành phố": "Hòa Bình", "Thừa Thiên Huế". */
  name: string;
  /** Centrally-run city (Thành phố trực thuộc Trung ương): its party committee is a Thành ủy. */
  isCity: boolean;
  districts: District[];
}

interface AdminUnits {
  provinces: Array<{ name: string; type: string; districts: Array<{ name: string; type: string }> }>;
}

/** Thành phố Huế was Tỉnh Thừa Thiên Huế until 1/1/2025, the only province-level rename in the list. */
const NAMES_2021: Record<string, string> = { 'Thành phố Huế': 'Tỉnh Thừa Thiên Huế' };
const UNIT_PREFIX = /^(Tỉnh|Thành phố|Huyện|Quận|Thị xã)\s+/u;

export function loadProvinces(data: AdminUnits): Province[] {
  return data.provinces.map((p) => {
    const full = modernizeTones(NAMES_2021[p.name] ?? p.name);
    return {
      name: full.replace(UNIT_PREFIX, ''),
      isCity: full.startsWith('Thành phố'),
      districts: p.districts.map((d) => {
        const short = modernizeTones(d.name).replace(UNIT_PREFIX, '');
        return { name: /^\d/.test(short) ? modernizeTones(d.name) : short, unit: d.type.toLowerCase() };
      }),
    };
  });
}

/** The seeds' body paragraphs, sorted by role. */
export interface ParagraphPool {
  /** Opening paragraphs ("Hiện nay, … yêu cầu:"), one block per seed. */
  intros: string[][];
  /** Numbered points, bullets and plain paragraphs of the body. */
  items: string[];
  /** Closing paragraphs after the last point ("Giao Văn phòng Tỉnh ủy tổng hợp …"). */
  closings: string[];
  /** How many body paragraphs each seed has: a synthetic body is as long as a real one. */
  lengths: number[];
}

const MARKED = /^(?:-\s|\d+\.\s)/u;

/** Splits one raw seed with the ingest steps and sorts its body paragraphs by role. */
export function seedParagraphs(raw: string): ParagraphPool {
  const lines = normalizeText(raw).split('\n');
  const paragraphs = toParagraphs(dropPageNoise(splitLayout(lines).body, new Set())).map(paragraphToPlain);
  if (looksTruncated(paragraphs)) paragraphs.pop();
  const first = paragraphs.findIndex((p) => MARKED.test(p));
  const last = paragraphs.findLastIndex((p) => MARKED.test(p));
  const lengths = [paragraphs.length];
  if (first === -1) return { intros: [], items: paragraphs, closings: [], lengths };
  return {
    intros: first > 0 ? [paragraphs.slice(0, first)] : [],
    items: paragraphs.slice(first, last + 1),
    closings: paragraphs.slice(last + 1),
    lengths,
  };
}

async function loadPool(seedsDir: string): Promise<ParagraphPool> {
  const names = (await readdir(seedsDir)).filter((n) => n.endsWith('.txt')).sort();
  const pool: ParagraphPool = { intros: [], items: [], closings: [], lengths: [] };
  for (const name of names) {
    const part = seedParagraphs(await readFile(join(seedsDir, name), 'utf8'));
    pool.intros.push(...part.intros);
    pool.items.push(...part.items);
    pool.closings.push(...part.closings);
    pool.lengths.push(...part.lengths);
  }
  if (pool.intros.length === 0 || pool.items.length < 6)
    throw new Error(`${seedsDir}: found ${pool.items.length} body paragraphs in ${names.length} seeds; need raw directives with at least 6.`);
  return pool;
}

// ---------------------------------------------------------------------------------------------
// One document.

type Body = 'party' | 'government' | 'steering';

/** Who issues the document, and every way its text names itself. */
interface Issuer {
  body: Body;
  province: Province;
  district: District | null;
  /** Local unit word: "tỉnh", "thành phố", "huyện", "quận", "thị xã". */
  unit: string;
  /** The issuer's party committee: "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy". */
  committee: string;
  /** The place of the date line. */
  place: string;
}

const COMMITTEE: Record<string, string> = {
  tỉnh: 'Tỉnh ủy',
  'thành phố': 'Thành ủy',
  huyện: 'Huyện ủy',
  quận: 'Quận ủy',
  'thị xã': 'Thị ủy',
};
/** Number suffix of a party committee (ký hiệu): Tỉnh ủy → TU, Huyện ủy → HU, … */
const COMMITTEE_CODE: Record<string, string> = { tỉnh: 'TU', 'thành phố': 'TU', huyện: 'HU', quận: 'QU', 'thị xã': 'ThU' };

const upper = (s: string): string => s.toUpperCase();
const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function chooseIssuer(rng: Rng, province: Province): Issuer {
  const provinceUnit = province.isCity ? 'thành phố' : 'tỉnh';
  const body = pick<Body>(rng, ['party', 'party', 'party', 'party', 'government', 'government', 'steering']);
  // ~60% province level, ~40% district level.
  const district = province.districts.length > 0 && chance(rng, 0.4) ? pick(rng, province.districts) : null;
  const unit = district ? district.unit : provinceUnit;
  return {
    body,
    province,
    district,
    unit,
    committee: COMMITTEE[unit] ?? 'Huyện ủy',
    place: district ? district.name : province.name === 'Hồ Chí Minh' ? 'Thành phố Hồ Chí Minh' : province.name,
  };
}

/** Kind of document, as the code in its number: Công văn, Chỉ thị, Kết luận, Thông báo, Công điện. */
type DocKind = 'CV' | 'CT' | 'KL' | 'TB' | 'CĐ';

/** Kinds each body issues, weighted by repetition. */
const KINDS: Record<Body, DocKind[]> = {
  party: ['CV', 'CV', 'CV', 'CV', 'CT', 'KL', 'TB'],
  government: ['CV', 'CV', 'CĐ', 'CT'],
  steering: ['CV', 'TB'],
};

/** "huyện Kiến Xương", "quận 1" (numbered districts carry their unit word in the name already). */
const districtLabel = (d: District): string => (/^\p{Lu}/u.test(d.name) && d.name.toLowerCase().startsWith(d.unit) ? d.name : `${d.unit} ${d.name}`);

function issuerLines(rng: Rng, issuer: Issuer): string[] {
  const P = upper(issuer.province.name);
  const provinceUnit = issuer.province.isCity ? 'THÀNH PHỐ' : 'TỈNH';
  const local = upper(issuer.district ? districtLabel(issuer.district) : `${provinceUnit} ${P}`);
  switch (issuer.body) {
    case 'party':
      return issuer.district
        ? [`ĐẢNG BỘ ${provinceUnit} ${P}`, `${upper(issuer.committee)} ${upper(issuer.district.name)}`]
        : [`${upper(issuer.committee)} ${issuer.province.name === 'Hồ Chí Minh' ? 'THÀNH PHỐ ' : ''}${P}`];
    case 'government':
      return chance(rng, 0.5) ? ['ỦY BAN NHÂN DÂN', local] : [`ỦY BAN NHÂN DÂN ${local}`];
    case 'steering':
      return chance(rng, 0.6) ? [`UBND ${local}`, 'BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19'] : [`BAN CHỈ ĐẠO PHÒNG, CHỐNG DỊCH COVID-19 ${local}`];
  }
}

const mottoLines = (body: Body): string[] =>
  body === 'party' ? ['ĐẢNG CỘNG SẢN VIỆT NAM'] : ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

function numberLine(rng: Rng, issuer: Issuer, kind: DocKind): string {
  const n = kind === 'CV' ? int(rng, 1, 480) : int(rng, 1, 60);
  if (issuer.body === 'party') {
    const code = `${kind}/${COMMITTEE_CODE[issuer.unit] ?? 'HU'}`;
    return pick(rng, [`Số ${n}-${code}`, `Số ${n}-${code}`, `Số: ${n}-${code}`, `SỐ ${n} -${code}`, `Số ${n} - ${code}`]);
  }
  if (issuer.body === 'steering') return pick(rng, [`Số ${n}-${kind === 'CV' ? 'CV' : 'TB'}/BCĐ`, `Số: ${n}/${kind === 'CV' ? '' : 'TB-'}BCĐ`]);
  const code = kind === 'CV' ? `UBND-${pick(rng, ['VX', 'KGVX', 'YT', 'TH', 'NC'])}` : `${kind}-UBND`;
  return pick(rng, [`Số: ${n}/${code}`, `Số: ${n}/${code}`, `Số ${n}/${code}`, `Số:  ${n} /${code}`]);
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(2020, 0, 23);
const LAST_DAY = Date.UTC(2022, 11, 31);

/** "Kon Tum, ngày 07 tháng 5 năm 2021": a day uniform over 23/1/2020 – 31/12/2022, zero-padding varied. */
function dateLine(rng: Rng, place: string): string {
  const d = new Date(FIRST_DAY + int(rng, 0, (LAST_DAY - FIRST_DAY) / DAY_MS) * DAY_MS);
  const pad = chance(rng, 0.7);
  const day = pad ? String(d.getUTCDate()).padStart(2, '0') : String(d.getUTCDate());
  const month = d.getUTCMonth() + 1;
  const monthText = pad && month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${day} tháng ${monthText} năm ${d.getUTCFullYear()}`;
}

const SUBJECTS = [
  'tăng cường các biện pháp cấp bách phòng, chống dịch COVID-19',
  'thực hiện một số nhiệm vụ cấp bách phòng, chống dịch Covid-19',
  'thực hiện các biện pháp cấp bách phòng, chống dịch Covid-19',
  'tăng cường công tác phòng, chống dịch bệnh Covid-19',
  'tiếp tục tăng cường công tác phòng, chống dịch COVID-19 trong dịp Tết Nguyên đán',
  'đẩy nhanh tiến độ tiêm vắc xin phòng COVID-19 trên địa bàn',
  'thực hiện giãn cách xã hội theo Chỉ thị số 16/CT-TTg của Thủ tướng Chính phủ',
  'thực hiện giãn cách xã hội theo Chỉ thị số 15/CT-TTg của Thủ tướng Chính phủ',
  'thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19',
  'tăng cường kiểm soát người và phương tiện tại các chốt kiểm dịch',
  'quản lý chặt chẽ người về từ vùng có dịch',
  'bảo đảm cung ứng hàng hóa thiết yếu trong thời gian giãn cách xã hội',
  'chấn chỉnh công tác phòng, chống dịch Covid-19 tại cơ sở',
  'triển khai Tổ công tác cộng đồng phòng, chống dịch COVID-19',
];

/** The subject (trích yếu) lines, in the style of the kind: "V/v …", "Về việc …", or "về …" under a title. */
function subjectLines(rng: Rng, kind: DocKind, issuer: Issuer): string[] {
  const subject = pick(rng, SUBJECTS);
  const of =
    issuer.body === 'party'
      ? `của ${pick(rng, ['Ban Thường vụ', 'Thường trực'])} ${issuer.committee}`
      : issuer.body === 'steering'
        ? 'của Trưởng Ban Chỉ đạo'
        : `của Chủ tịch Ủy ban nhân dân ${issuer.unit}`;
  switch (kind) {
    case 'CT':
      return issuer.body === 'party' ? ['CHỈ THỊ', upper(of), `về ${subject}`] : ['CHỈ THỊ', `Về việc ${subject}`];
    case 'KL':
      return ['KẾT LUẬN', `${of} về ${subject}`];
    case 'TB':
      return ['THÔNG BÁO', `Kết luận ${of} về ${subject}`];
    case 'CĐ':
      return ['CÔNG ĐIỆN', `Về việc ${subject}`];
  }
  const lead = pick(rng, ['V/v', 'V/v', 'Về việc']);
  const text = `${lead} ${subject}`;
  if (!chance(rng, 0.4)) return [text];
  // Two-column layouts wrap the subject; cut near the middle, at a space.
  const cut = text.indexOf(' ', Math.floor(text.length / 2));
  return cut === -1 ? [text] : [text.slice(0, cut), `      ${text.slice(cut + 1)}`];
}

const PARTY_RECIPIENTS = [
  'Các đồng chí {Committee} viên',
  'Ban cán sự đảng Ủy ban nhân dân {unit}',
  'Ban Chỉ đạo phòng, chống dịch COVID-19 {unit}',
  'Các cơ quan tham mưu, giúp việc {Committee}',
  'Các ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc {Committee}',
  'Các {departments}, ban, ngành, đoàn thể {unit}',
  'Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội {unit}',
  'Các {lowerCommittees}',
];
const GOVERNMENT_RECIPIENTS = [
  'Các {departments}, ban, ngành {unit}',
  'Ban Chỉ đạo phòng, chống dịch COVID-19 {unit}',
  'Ủy ban Mặt trận Tổ quốc Việt Nam {unit} và các đoàn thể',
  'Công an {unit}',
  'Trung tâm Y tế {unit}',
  'Ủy ban nhân dân các {lowerUnits}',
  'Các cơ quan, đơn vị đóng trên địa bàn {unit}',
];
const STEERING_RECIPIENTS = [
  'Thành viên Ban Chỉ đạo phòng, chống dịch COVID-19 {unit}',
  'Các {departments}, ban, ngành {unit}',
  'Ban Chỉ đạo phòng, chống dịch COVID-19 các {lowerUnits}',
  'Trung tâm Kiểm soát bệnh tật {unit}',
  'Các cơ sở y tế trên địa bàn',
];

function fill(template: string, issuer: Issuer): string {
  const district = issuer.district !== null;
  return template
    .replaceAll('{Committee}', issuer.committee)
    .replaceAll('{unit}', issuer.unit)
    .replaceAll('{departments}', district ? 'phòng' : 'sở')
    .replaceAll('{lowerUnits}', district ? 'xã, thị trấn' : 'huyện, thị xã, thành phố')
    .replaceAll('{lowerCommittees}', district ? 'tổ chức cơ sở đảng' : 'huyện ủy, thị ủy, thành ủy');
}

const RECIPIENTS: Record<Body, string[]> = { party: PARTY_RECIPIENTS, government: GOVERNMENT_RECIPIENTS, steering: STEERING_RECIPIENTS };

/** "Kính gửi:" and 3–6 addressees, in one of the seeds' layouts. */
function recipientLines(rng: Rng, issuer: Issuer): string[] {
  const chosen = sample(rng, RECIPIENTS[issuer.body], int(rng, 3, 6)).map((r) => fill(r, issuer));
  const items = chosen.map((r, i) => `- ${r}${i === chosen.length - 1 ? pick(rng, ['.', ',', '']) : ','}`);
  switch (int(rng, 0, 3)) {
    case 0:
      return ['Kính gửi:', ...items];
    case 1:
      return [`Kính gửi: ${items[0]}`, ...items.slice(1)];
    case 2:
      return ['Kính gửi:', ...items.map((l) => `  ${l}`)];
    default:
      return ['- Kính gửi:*', items[0]!, ...items.slice(1).map((l) => ` ${l}`)];
  }
}

/** Slogans the directives invoke (phương châm); the body cites one or two of them. */
const PRINCIPLES = [
  'chống dịch như chống giặc',
  '4 tại chỗ',
  '5K',
  'mục tiêu kép',
  'đi từng ngõ, gõ từng nhà, rà từng đối tượng',
  'ngăn chặn, phát hiện, cách ly, khoanh vùng, dập dịch',
  'lấy phòng dịch làm ưu tiên, khóa chặt nguy cơ lây bệnh từ bên ngoài, khoanh vùng dập dịch triệt để ở bên trong, chữa trị hiệu quả',
  'thích ứng an toàn, linh hoạt, kiểm soát hiệu quả dịch COVID-19',
  'phát hiện sớm, cách ly nhanh, khoanh vùng gọn, dập dịch triệt để',
];
const PRINCIPLE_SENTENCES = [
  '- Quán triệt sâu sắc và thực hiện nghiêm phương châm {q} trong toàn hệ thống chính trị.',
  '- Tiếp tục thực hiện tốt phương châm {q}; tuyệt đối không lơ là, chủ quan, mất cảnh giác.',
  '- Các cấp ủy, chính quyền bám sát tình hình, thực hiện hiệu quả phương châm {q} và {q2} trên địa bàn.',
  '- Tổ chức tuyên truyền sâu rộng để Nhân dân hiểu và thực hiện đúng phương châm {q}.',
];

function principleParagraph(rng: Rng): string {
  const [a, b] = shuffle(rng, PRINCIPLES);
  const [open, close] = pick(rng, [['“', '”'], ['"', '"'], ['“', '”']] as const);
  return pick(rng, PRINCIPLE_SENTENCES).replace('{q}', `${open}${a}${close}`).replace('{q2}', `${open}${b}${close}`);
}

/** Place names of the seeds, swapped for places of the synthetic issuer. */
function localizePlaces(rng: Rng, p: string, issuer: Issuer): string {
  const { province } = issuer;
  const someDistrict = (): string =>
    province.districts.length > 0 ? districtLabel(pick(rng, province.districts)) : `${issuer.unit} ${province.name}`;
  const districtCount = Math.max(province.districts.length, 1);
  return p
    .replace(/tỉnh (Kon Tum|Kiên Giang|Gia Lai|Thái Bình|Sóc Trăng)(?![\p{L}\p{M}])/gu, `${province.isCity ? 'thành phố' : 'tỉnh'} ${province.name}`)
    .replace(/huyện Kiến Xương/gu, () => (issuer.district ? districtLabel(issuer.district) : someDistrict()))
    .replace(/Thị xã Ayun Pa, huyện Ia Pa, Krông Pa, Phú Thiện/gu, () => capitalize([someDistrict(), someDistrict()].join(', ')))
    .replace(/xã (?:Tham Đôn, huyện Mỹ Xuyên|Vĩnh Tân, thị xã Vĩnh Châu)/gu, () => someDistrict())
    .replace(/\b(\d+)\/\1 khu cách ly/gu, `${districtCount}/${districtCount} khu cách ly`);
}

/** A centrally-run city calls itself "thành phố" and its party committee "Thành ủy". */
function cityWording(p: string): string {
  return p
    .replace(/Tỉnh (ủy|đoàn)/gu, 'Thành $1')
    .replace(/(?<!(?:[Cc]ác|số|những) )(?<![\p{L}\p{M}])tỉnh(?![\p{L}\p{M}])(?!, thành)/gu, 'thành phố');
}

/** The seeds' "… Tỉnh ủy yêu cầu:" said by this issuer. */
function requester(rng: Rng, issuer: Issuer): string {
  switch (issuer.body) {
    case 'party':
      return `${pick(rng, ['Thường trực', 'Ban Thường vụ'])} ${issuer.committee}`;
    case 'government':
      return pick(rng, ['Chủ tịch Ủy ban nhân dân', 'Ủy ban nhân dân']) + ` ${issuer.unit}`;
    case 'steering':
      return `Ban Chỉ đạo phòng, chống dịch COVID-19 ${issuer.unit}`;
  }
}

/** Paragraphs that only make sense from a district (toàn huyện, Huyện ủy, …). */
const DISTRICT_FLAVOURED = /Huyện ủy|toàn huyện|trong huyện|hệ thống chính trị huyện|HĐND&UBND huyện|Ủy ban nhân dân huyện|Truyền hình huyện/u;

/** Paragraph pools by the issuer's level: a province-level text leaves out district-only paragraphs. */
interface Pools {
  province: ParagraphPool;
  district: ParagraphPool;
}

function poolsByLevel(pool: ParagraphPool): Pools {
  const fits = (p: string): boolean => !DISTRICT_FLAVOURED.test(p);
  return {
    district: pool,
    province: { ...pool, intros: pool.intros.filter((b) => b.every(fits)), items: pool.items.filter(fits), closings: pool.closings.filter(fits) },
  };
}

function bodyParagraphs(rng: Rng, issuer: Issuer, pools: Pools): string[] {
  const pool = issuer.district ? pools.district : pools.province;
  const intro = pool.intros.length > 0 ? pick(rng, pool.intros) : [];
  const closing = pool.closings.length > 0 && chance(rng, 0.6) ? [pick(rng, pool.closings)] : [];
  // As many paragraphs as a real body: between the shortest and the longest seed's count (a body
  // drawn longer than the seeds would inflate every cost the benchmark measures).
  const total = int(rng, Math.min(...pool.lengths), Math.max(...pool.lengths));
  const principles = int(rng, 0, 2);
  const items = sample(rng, pool.items, Math.max(3, total - intro.length - closing.length - principles));
  for (let k = principles; k > 0; k--) items.splice(int(rng, 0, items.length), 0, principleParagraph(rng));

  const who = requester(rng, issuer);
  let number = 0;
  const covid = pick(rng, ['COVID-19', 'Covid-19']);
  return [...intro, ...items, ...closing].map((p) => {
    let text = localizePlaces(rng, p, issuer)
      .replace(/(Thường trực|Ban Thường vụ) (Tỉnh|Huyện) ủy yêu cầu/gu, `${who} yêu cầu`)
      .replace(/^\d+\.\s/u, () => `${++number}. `)
      .replace(/COVID-19|Covid-19/gu, covid);
    if (issuer.province.isCity) text = cityWording(text);
    return text;
  });
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Mai', 'Đinh', 'Thái', 'Trương', 'Lương', 'Tạ', 'Hà'];
const MIDDLE_MALE = ['Văn', 'Đức', 'Minh', 'Hữu', 'Quang', 'Thanh', 'Xuân', 'Công', 'Mạnh', 'Văn', 'Quốc', 'Tiến', 'Hồng'];
const MIDDLE_FEMALE = ['Thị', 'Thị', 'Thị Cẩm', 'Thị Thu', 'Ngọc', 'Thanh', 'Thị Kim', 'Thu'];
const GIVEN_MALE = ['Tưởng', 'Huỳnh', 'Lực', 'Hùng', 'Dũng', 'Hải', 'Tuấn', 'Sơn', 'Bình', 'Thắng', 'Long', 'Nam', 'Trung', 'Cường', 'Phong', 'Khánh', 'Toàn', 'Thành', 'Quân', 'Hiếu'];
const GIVEN_FEMALE = ['Đào', 'Lan', 'Hương', 'Hà', 'Phương', 'Mai', 'Hằng', 'Thảo', 'Nga', 'Hạnh', 'Yến', 'Linh'];

function personName(rng: Rng): string {
  const female = chance(rng, 0.25);
  return [pick(rng, FAMILY), pick(rng, female ? MIDDLE_FEMALE : MIDDLE_MALE), pick(rng, female ? GIVEN_FEMALE : GIVEN_MALE)].join(' ');
}

/** Signing authority and title lines: "T/M BAN THƯỜNG VỤ" / "PHÓ BÍ THƯ THƯỜNG TRỰC", "TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / … */
function authorityLines(rng: Rng, body: Body): string[] {
  switch (body) {
    case 'party':
      return chance(rng, 0.75)
        ? [pick(rng, ['T/M BAN THƯỜNG VỤ', 'T/M BAN THƯỜNG VỤ', 'T/M THƯỜNG TRỰC']), pick(rng, ['BÍ THƯ', 'PHÓ BÍ THƯ', 'PHÓ BÍ THƯ THƯỜNG TRỰC'])]
        : ['T/L BAN THƯỜNG VỤ', pick(rng, ['CHÁNH VĂN PHÒNG', 'PHÓ CHÁNH VĂN PHÒNG'])];
    case 'government':
      return chance(rng, 0.6) ? ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'] : ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'];
    case 'steering':
      return chance(rng, 0.5) ? ['KT. TRƯỞNG BAN', 'PHÓ TRƯỞNG BAN'] : ['TRƯỞNG BAN'];
  }
}

function copyList(rng: Rng, issuer: Issuer): string[] {
  const superior = issuer.district ? (issuer.province.isCity ? 'Thành ủy' : 'Tỉnh ủy') : 'Trung ương';
  const options =
    issuer.body === 'party'
      ? [`- Thường trực ${superior} (b/c),`, `- Các đ/c Ủy viên Ban Thường vụ ${issuer.committee},`, '- Như kính gửi,']
      : [`- Thường trực ${issuer.committee} (b/c);`, `- TT HĐND ${issuer.unit};`, `- CT, các PCT UBND ${issuer.unit};`, '- Như trên;'];
  const office = issuer.body === 'party' ? `- Lưu Văn phòng ${issuer.committee}.` : '- Lưu: VT, KGVX.';
  return [pick(rng, ['- Như trên,', '- Như trên (để thực hiện),', '- Như kính gửi,']), ...sample(rng, options, int(rng, 0, 2)), office];
}

/** Nơi nhận and the signature, one after the other or flattened from two columns like seed 001. */
function signatureLines(rng: Rng, issuer: Issuer): string[] {
  const copies = ['Nơi nhận:', ...copyList(rng, issuer)];
  const signer = [...authorityLines(rng, issuer.body), ...(chance(rng, 0.5) ? ['', '(Đã ký)'] : []), '', '', personName(rng)];
  if (chance(rng, 0.7)) return [...copies, '', ...signer];
  const out: string[] = [];
  for (let i = 0; i < Math.max(copies.length, signer.length); i++) {
    if (i < copies.length) out.push(copies[i]!);
    if (i < signer.length) out.push(signer[i]!);
  }
  return out;
}

interface Draft {
  header: string[];
  dateLine: string;
  subject: string[];
  recipients: string[];
  body: string[];
  signature: string[];
}

function draftDocument(rng: Rng, province: Province, pools: Pools): Draft {
  const issuer = chooseIssuer(rng, province);
  const kind = pick(rng, KINDS[issuer.body]);
  const issuerBlock = issuerLines(rng, issuer);
  const starBlock = issuer.body === 'party' ? [pick(rng, ['*', '*', '\\*'])] : ['---------------'];
  const number = numberLine(rng, issuer, kind);
  const motto = mottoLines(issuer.body);
  // Column orders seen in the seeds: left column first, or the two interleaved.
  const header = chance(rng, 0.5) ? [...issuerBlock, ...starBlock, number, ...motto] : [...issuerBlock, ...motto, ...starBlock, number];
  return {
    header,
    dateLine: dateLine(rng, issuer.place),
    subject: subjectLines(rng, kind, issuer),
    recipients: kind === 'CT' || kind === 'KL' ? [] : recipientLines(rng, issuer),
    body: [SYNTHETIC_SENTENCE, ...bodyParagraphs(rng, issuer, pools)],
    signature: signatureLines(rng, issuer),
  };
}

/** Lines → text, with markdown-ish export noise on the header in some files (like seeds 003, 004). */
function renderDraft(rng: Rng, d: Draft, withDate: boolean, pageBreak: boolean): string {
  const style = int(rng, 0, 3);
  const header = d.header.map((l) => (style === 1 && /^[\p{Lu}\s,-]+$/u.test(l) && l.length > 3 ? `# ${l}` : style === 2 && /ỦY|BAN|ĐẢNG BỘ/u.test(l) ? `**${l}**` : l));
  const body = [...d.body];
  if (pageBreak) body.splice(int(rng, 2, Math.max(2, body.length - 1)), 0, '- 2 -');
  const blank = style === 3 ? '\n' : '\n\n';
  const blocks = [header.join(blank), ...(withDate ? [d.dateLine] : []), d.subject.join('\n'), d.recipients.join('\n'), body.join(blank), d.signature.join('\n')];
  return `${blank}${blocks.filter((b) => b !== '').join('\n\n')}\n`;
}

// ---------------------------------------------------------------------------------------------
// Quirks applied to a finished text.

const TONES = '\u0300\u0301\u0303\u0309\u0323';
const MODERN_OA_OE_UY = new RegExp(`(?<![qQ])(?:([oO])([${TONES}])([aAeE])|([uU])([${TONES}])([yY]))(?![\\p{L}\\p{M}])`, 'gu');

/** Old tone placement, the inverse of modernizeTones: "ủy" → "uỷ", "hòa" → "hoà", "khỏe" → "khoẻ". */
export function oldTones(s: string): string {
  return s
    .normalize('NFD')
    .replace(MODERN_OA_OE_UY, (_m, o?: string, t1?: string, a?: string, u?: string, t2?: string, y?: string) =>
      o ? `${o}${a}${t1}` : `${u}${y}${t2}`,
    )
    .normalize('NFC');
}

/** PDF-style hard wraps with a blank line after every line, like seed 000. */
function hardWrap(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    let rest = line;
    while (rest.length > width) {
      const cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) break;
      out.push(rest.slice(0, cut));
      rest = rest.slice(cut + 1);
    }
    out.push(rest);
  }
  return `\n${out.map((l) => `${l} \n\n`).join('')}`;
}

function chooseQuirk(rng: Rng, index: number, rate: number): Quirk | null {
  if (!chance(rng, rate)) return null;
  const quirk = pick(rng, QUIRKS);
  return quirk === 'duplicate' && index === 0 ? 'pageNumber' : quirk;
}

/** The bytes of document `index`; a duplicate reuses an earlier document's bytes. */
function documentBytes(rng: Rng, quirk: Quirk | null, province: Province, pools: Pools): Uint8Array {
  const text = renderDraft(rng, draftDocument(rng, province, pools), quirk !== 'missingDate', quirk === 'pageNumber');
  switch (quirk) {
    case 'nfd':
      return Buffer.from(text.normalize('NFD'), 'utf8');
    case 'crlfBom':
      return Buffer.from(`\uFEFF${text.replace(/\n/g, '\r\n')}`, 'utf8');
    case 'hardWrap':
      // Wider than the synthetic sentence, so that line is never cut.
      return Buffer.from(hardWrap(text, int(rng, SYNTHETIC_SENTENCE.length + 2, 90)), 'utf8');
    case 'oldTones':
      return Buffer.from(oldTones(text), 'utf8');
    default:
      return Buffer.from(text, 'utf8');
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points.

function checkOptions(o: GenerateOptions): void {
  if (!Number.isInteger(o.count) || o.count < 0) throw new Error(`count must be a whole number ≥ 0, got ${o.count}`);
  const rate = o.quirkRate ?? 0.04;
  if (!(rate >= 0 && rate <= 1)) throw new Error(`quirkRate must be between 0 and 1, got ${rate}`);
  const rel = relative(CONTENT_DIR, resolve(o.outDir));
  if (rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)))
    throw new Error(`outDir ${o.outDir} is inside ${CONTENT_DIR}, which holds real directives only: write synthetic texts to a temporary folder.`);
}

export async function generateArchive(options: GenerateOptions): Promise<GenerateResult> {
  checkOptions(options);
  const seed = (options.seed ?? 42) >>> 0;
  const rate = options.quirkRate ?? 0.04;
  const data = JSON.parse(await readFile(options.dataFile ?? DEFAULT_DATA_FILE, 'utf8')) as AdminUnits;
  const provinces = loadProvinces(data);
  const pools = poolsByLevel(await loadPool(options.seedsDir ?? DEFAULT_SEEDS_DIR));
  await mkdir(options.outDir, { recursive: true });

  const quirks = Object.fromEntries(QUIRKS.map((q) => [q, 0])) as Record<Quirk, number>;
  const files: string[] = [];
  const written: Uint8Array[] = [];
  const pending: Promise<void>[] = [];
  let order: Province[] = [];
  for (let i = 0; i < options.count; i++) {
    // Provinces in shuffled rounds of 63, so every province appears once count reaches 63.
    if (i % provinces.length === 0) order = shuffle(streamFor(seed, 0x5bd1e995, i / provinces.length), provinces);
    const rng = streamFor(seed, 0, i);
    const quirk = chooseQuirk(rng, i, rate);
    const bytes = quirk === 'duplicate' ? written[int(rng, 0, i - 1)]! : documentBytes(rng, quirk, order[i % provinces.length]!, pools);
    if (quirk) quirks[quirk]++;
    const file = join(options.outDir, `syn_${String(i).padStart(6, '0')}_${shortHash(bytes)}.txt`);
    pending.push(writeFile(file, bytes));
    // A few writes in flight: one at a time leaves the CPU idle, thousands at once exhaust file handles.
    if (pending.length >= WRITES_IN_FLIGHT) await Promise.all(pending.splice(0));
    written.push(bytes);
    files.push(file);
  }
  await Promise.all(pending);
  return { files, quirks };
}

export const GENERATE_CLI = {
  name: 'bench:generate',
  command: 'npm run bench:generate --',
  summary:
    'Writes N SYNTHETIC raw directives (marked as such) into a folder of their own, for the benchmark and the scale\n' +
    'tests: real headers, places and wording recombined, with a share of quirks (encodings, duplicates, OCR noise).',
  options: {
    out: { type: 'string', value: 'DIR', required: true, description: 'where to write them (a temporary folder; never content/)' },
    docs: { type: 'string', value: 'N', default: '1000', description: 'how many' },
    seed: { type: 'string', value: 'N', default: '42', description: 'the seed (same seed, same files)' },
    'quirk-rate': { type: 'string', value: 'R', default: '0.04', description: 'share of sources given a quirk' },
    seeds: { type: 'string', value: 'DIR', description: 'the real sources the text is drawn from (default: content/sources)' },
    data: { type: 'string', value: 'FILE', description: 'the GSO list of places (default: data/vn-admin-units-2025-03.json)' },
  },
  examples: ['npm run bench:generate -- --out /tmp/synthetic/sources', 'npm run bench:generate -- --docs 10000 --seed 7 --out /tmp/synthetic/sources'],
} as const satisfies CliSpec;

async function main(): Promise<void> {
  const { values } = parseCli(GENERATE_CLI);
  const options: GenerateOptions = {
    count: Number(values.docs),
    seed: Number(values.seed),
    outDir: values.out,
    seedsDir: values.seeds,
    dataFile: values.data,
    quirkRate: Number(values['quirk-rate']),
  };
  const started = performance.now();
  const { files, quirks } = await generateArchive(options);
  const seconds = (performance.now() - started) / 1000;
  console.log(`wrote ${files.length} synthetic directives to ${options.outDir} in ${seconds.toFixed(2)} s`);
  console.log(`quirks: ${QUIRKS.map((q) => `${q} ${quirks[q]}`).join(', ')}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main().catch((error: Error) => {
    console.error(`bench:generate: ${error.message}`);
    process.exit(1);
  });
}
