/**
 * Step 5: field extractors. Each takes a string and returns a value or null (with the reason
 * kept by the caller as a warning): a wrong number or date is worse than an honest unknown.
 */
import type { Directive } from '../../src/shared/schema.ts';
import { modernizeTones } from '../../src/shared/vietnamese.ts';
import { DATE_LINE } from './layout.ts';

type DocType = NonNullable<Directive['doc_type']>;

/** Type codes of Vietnamese document numbers (Nghị định 30/2020/NĐ-CP; Hướng dẫn 36-HD/VPTW). */
export const TYPE_BY_CODE: Record<string, DocType> = {
  CV: 'Công văn',
  CT: 'Chỉ thị',
  TB: 'Thông báo',
  KL: 'Kết luận',
  CĐ: 'Công điện',
  CD: 'Công điện',
  NQ: 'Nghị quyết',
  QĐ: 'Quyết định',
  QD: 'Quyết định',
  KH: 'Kế hoạch',
  HD: 'Hướng dẫn',
  BC: 'Báo cáo',
  TTR: 'Tờ trình',
  QĐI: 'Quy định',
};

const TYPE_BY_TITLE: Record<string, DocType> = {
  'CÔNG VĂN': 'Công văn',
  'CHỈ THỊ': 'Chỉ thị',
  'THÔNG BÁO': 'Thông báo',
  'KẾT LUẬN': 'Kết luận',
  'CÔNG ĐIỆN': 'Công điện',
  'NGHỊ QUYẾT': 'Nghị quyết',
  'QUYẾT ĐỊNH': 'Quyết định',
  'KẾ HOẠCH': 'Kế hoạch',
  'HƯỚNG DẪN': 'Hướng dẫn',
  'BÁO CÁO': 'Báo cáo',
  'TỜ TRÌNH': 'Tờ trình',
  'QUY ĐỊNH': 'Quy định',
};

const CODE = '[A-ZĐ][A-Za-zĐđ]{0,7}';
/** Party style: "235-CV/TU", "356-CV/ThU", "12-TB/BCĐ". */
const PARTY = new RegExp(`^(\\d{1,5})-(${CODE})/(${CODE}(?:-${CODE})?)$`, 'u');
/** State style: "05/CĐ-UBND", "1234/UBND-VX", "30/2020/NĐ-CP". */
const STATE = new RegExp(`^(\\d{1,5})/(?:(\\d{4})/)?(${CODE})-(${CODE}(?:-${CODE})?)$`, 'u');

export interface DocNumber {
  /** Canonical number, or null when blank or unreadable. */
  canonical: string | null;
  /** Type code ("CV", "CĐ"), when one could be read. */
  code: string | null;
  /** True for the state numbering style (N/CODE-ISSUER). */
  stateStyle: boolean;
}

/** Canonical form of a printed number: no spaces (around "-" and "/" or elsewhere), en dashes as hyphens. */
export const canonicalNumber = (raw: string): string => raw.replace(/[–—]/g, '-').replace(/\s+/g, '').replace(/[.,;]$/, '');

export function parseDocNumber(raw: string): DocNumber {
  const s = canonicalNumber(raw);
  const party = PARTY.exec(s);
  if (party) return { canonical: s, code: party[2]!, stateStyle: false };
  const state = STATE.exec(s);
  if (state) return { canonical: s, code: state[3]!, stateStyle: true };
  // A blank number ("Số    -CV/TU") still tells the type.
  const blank = new RegExp(`^-(${CODE})/`, 'u').exec(s);
  return { canonical: null, code: blank?.[1] ?? null, stateStyle: false };
}

/** Type from a number's code; a state number whose code is an issuer ("1234/UBND-VX") is a công văn. */
export function docTypeFromNumber(n: DocNumber): DocType | null {
  if (!n.code) return null;
  const byCode = TYPE_BY_CODE[n.code.toUpperCase()];
  if (byCode) return byCode;
  return n.stateStyle ? 'Công văn' : null;
}

export function docTypeFromTitle(title: string): DocType | null {
  const upper = modernizeTones(title).toUpperCase();
  const key = Object.keys(TYPE_BY_TITLE).find((k) => upper === k || upper.startsWith(`${k} `));
  return key ? TYPE_BY_TITLE[key]! : null;
}

export interface DateLine {
  place: string | null;
  /** YYYY-MM-DD, or null with a reason. */
  date: string | null;
  problem: string | null;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Checks a day/month/year triple; the archive's documents date from 2019–2024. */
export function toIsoDate(day: number, month: number, year: number): string | null {
  return year < 2019 || year > 2024 ? null : toIsoDateAnyYear(day, month, year);
}

/** Checks a day/month/year triple of any document a directive may cite (laws of 1945 on). */
export function toIsoDateAnyYear(day: number, month: number, year: number): string | null {
  if (year < 1945 || year > 2030 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCMonth() !== month - 1) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "Kon Tum, ngày 21 tháng 7 năm 2021", "Hà Nội, ngày 5/8/2021", "ngày 05-8-2021". */
export function parseDateLine(line: string): DateLine {
  const m = DATE_LINE.exec(line.trim());
  if (!m) return { place: null, date: null, problem: null };
  const place = (m[1] ?? m[2])?.trim().replace(/[,.]$/, '') || null;
  const rest = m[3]!;
  const words = /^\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/iu.exec(rest);
  const digits = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/u.exec(rest);
  const parts = words ?? digits;
  if (!parts) return { place, date: null, problem: `ngày ghi không đầy đủ: "ngày${rest.trimEnd()}"` };
  const date = toIsoDate(Number(parts[1]), Number(parts[2]), Number(parts[3]));
  return { place, date, problem: date ? null : `ngày ghi không hợp lệ: "ngày${rest.trimEnd()}"` };
}

const REFERENCE = new RegExp(
  `(?<![\\p{L}\\p{N}/-])(\\d{1,5}\\s*(?:[-–]\\s*${CODE}\\s*/\\s*${CODE}(?:-${CODE})?|/\\s*(?:\\d{4}\\s*/\\s*)?${CODE}\\s*[-–]\\s*${CODE}(?:-${CODE})?))(?![\\p{L}\\p{N}])`,
  'gu',
);

/** A document number found in running text: canonical, as written, and where it stands. */
export interface NumberInText {
  canonical: string;
  written: string;
  start: number;
  end: number;
}

/** Every well-formed document number in a text, in order (the own number included). */
export function* numbersInText(text: string): Generator<NumberInText> {
  for (const m of text.matchAll(REFERENCE)) {
    const canonical = parseDocNumber(m[1]!).canonical;
    if (canonical) yield { canonical, written: m[1]!.trim(), start: m.index, end: m.index + m[0].length };
  }
}

/** Canonical numbers of documents cited in a text, in order of first appearance, without `own`. */
export function findReferences(text: string, own: string | null): string[] {
  // A Set keeps the first-appearance order and stays linear when a text cites thousands of numbers.
  const found = new Set<string>();
  for (const n of numbersInText(text)) if (n.canonical !== own) found.add(n.canonical);
  return [...found];
}

/** Office terms in their written case, longest first so "Phó Bí thư" wins over "Bí thư". */
const TERMS = [
  'Ban Thường vụ',
  'Ban Chấp hành',
  'Ban Chỉ đạo',
  'Ban Tuyên giáo',
  'Ban Dân vận',
  'Ban Tổ chức',
  'Thường trực',
  'Bí thư',
  'Chủ tịch',
  'Chánh Văn phòng',
  'Văn phòng',
  'Ủy ban nhân dân',
  'Hội đồng nhân dân',
  'Mặt trận Tổ quốc',
  'Trưởng ban',
  'Giám đốc',
  'Tỉnh ủy',
  'Thành ủy',
  'Huyện ủy',
  'Thị ủy',
  'Quận ủy',
  'Đảng ủy',
  'Khối',
  // A bloc's own name ("Đảng bộ Khối Doanh nghiệp tỉnh"), not doanh nghiệp in general.
  'Khối Doanh nghiệp',
  'Sở Y tế',
  'Phó',
  'COVID-19',
].sort((a, b) => b.length - a.length);

const TERM_PATTERNS = TERMS.map((t) => [new RegExp(`(?<!\\p{L})${t}(?!\\p{L})`, 'giu'), t] as const);

/** "PHÓ BÍ THƯ THƯỜNG TRỰC" → "Phó Bí thư Thường trực"; "BAN THƯỜNG VỤ" → "Ban Thường vụ". */
export function officeCase(upper: string): string {
  let s = modernizeTones(upper).toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [re, term] of TERM_PATTERNS) s = s.replace(re, term);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** "KIẾN XƯƠNG" → "Kiến Xương": place names capitalise every syllable. */
export const placeCase = (upper: string): string =>
  modernizeTones(upper)
    .toLowerCase()
    .replace(/(^|[\s(-])(\p{Ll})/gu, (_m, pre: string, c: string) => pre + c.toUpperCase())
    .replace(/\s+/g, ' ')
    .trim();

const AUTHORITY_PREFIX: Record<string, string> = { TM: 'T/M', TL: 'T/L', KT: 'K/T', TUQ: 'TUQ', Q: 'Q.' };

/** "T/M BAN THƯỜNG VỤ" → "T/M Ban Thường vụ"; "KT. CHỦ TỊCH" → "K/T Chủ tịch". */
export function normalizeAuthority(line: string): string {
  const m = /^(T\/M|T\/L|K\/T|Q\/|T\.M\.?|T\.L\.?|K\.T\.?|TM\.?|TL\.?|KT\.?|TUQ\.?|Q\.)\s*(?:[.:]\s*)?(.*)$/u.exec(line.trim());
  if (!m) return officeCase(line);
  const key = m[1]!.replace(/[/.]/g, '');
  return `${AUTHORITY_PREFIX[key] ?? m[1]} ${officeCase(m[2]!)}`.trim();
}

/**
 * Spaces and separators ending an item. The lookbehind lets a match start only where the run
 * starts: `/[\s,;.]+$/` rescans a run of dots ("Lưu VT.........x") from each dot, quadratic.
 */
const TRAILING_SEPARATORS = /(?<![\s,;.])[\s,;.]+$/u;

/** List item text without its bullet and trailing separator: "- Như trên," → "Như trên". */
export const cleanItem = (s: string): string =>
  s
    .replace(/^(?:[-–+•]|\d{1,2}[.)])\s*/u, '')
    .replace(/\s+/g, ' ')
    .replace(/,\s*\(/g, ' (')
    .replace(TRAILING_SEPARATORS, '')
    .replace(/:$/, '')
    .trim();
