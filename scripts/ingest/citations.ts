/**
 * Step 5b: cited documents (văn bản dẫn chiếu) as facts. For each number a text cites: what the
 * words around it say (kind, date, issuer, as written) and whose document it is (national, or a
 * province's or a district's). Every look around a number reads a window of bounded length, so a
 * text citing thousands of numbers stays linear. The rules are in docs/architecture.md ("Cited documents").
 */
import { CITED_DOC_TYPES, type CitedDocument, type Directive } from '../../src/shared/schema.ts';
import { districtIn, provinceByName, type Province } from '../../src/shared/gazetteer.ts';
import { modernizeTones } from '../../src/shared/vietnamese.ts';
import { docTypeFromNumber, numbersInText, parseDocNumber, toIsoDateAnyYear, TYPE_BY_CODE, type NumberInText } from './fields.ts';

/** What resolution needs to know of the citing directive. */
export interface CitingDirective {
  province: string | null;
  district: string | null;
  level: Directive['issuer_level'];
}

type CitedType = CitedDocument['type'];
type Scope = CitedDocument['scope'];

/** Longest stretch read before a number for its kind ("Thông báo kết luận số "). */
const KIND_WINDOW = 48;
/** Longest stretch read after a number for its date (", ngày 31 tháng 3 năm 2020)"). */
const DATE_WINDOW = 48;
/** Longest stretch read for the issuer after "của". */
const ISSUER_WINDOW = 140;
/** Most words of an issuer ("Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Kiên Giang" is 9). */
const ISSUER_MAX_WORDS = 12;
/** Longest gap between two numbers of one list ("15/CT-TTg, số 16/CT-TTg"). */
const LIST_GAP = 16;
/** Longest citing words kept for a list; longer lists give each number its own words. */
const TEXT_MAX = 300;

/** Kind words before a number, with what may follow them: "Thông báo kết luận số", "Công điện khẩn số", "Chỉ thị 16". */
const KIND_WORDS = ['chỉ thị', 'nghị quyết', 'quyết định', 'công điện', 'thông báo', 'kết luận', 'công văn', 'kế hoạch', 'hướng dẫn', 'báo cáo', 'tờ trình', 'quy định', 'nghị định', 'thông tư', 'pháp lệnh', 'luật', 'văn bản'];
const KIND_BEFORE = new RegExp(
  `(?<!\\p{L})(${KIND_WORDS.join('|')})(?:\\s+(?:kết luận|khẩn|hỏa tốc|thượng khẩn|liên tịch|liên ngành))*\\s*(?:số\\s*[:.]?\\s*)?$`,
  'iu',
);
/** What may stand between two numbers of one list: ", ", " và số ", " hoặc ". */
const LIST_JOIN = /^\s*(?:(?:,|và|hoặc)\s*)?(?:số\s*[:.]?\s*)?$/iu;
/** A date right after the number: ", ngày 31-3-2020", " ngày 06/5/2021", " (ngày 31 tháng 3 năm 2020)". */
const DATE_AFTER = /^\s*(?:[,(]\s*)?(?:ban hành\s+)?ngày\s*(\d{1,2})\s*(?:[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})|tháng\s*(\d{1,2})\s*năm\s*(\d{4}))(?:\s*\))?/iu;
/** "của" right after the number or its date. */
const OF_AFTER = /^\s*(?:,\s*)?của\s+/iu;
/** Where an issuer's words end: a clause mark, a quotation, a bracket, a line break. */
const ISSUER_END = /[;:“”"«»(\[\n]|\.(?=\s|$)|,(?!\s*chống)/u;
/** Words that start a new clause after an issuer ("của Thủ tướng Chính phủ về …", "… trên phạm vi toàn huyện"). */
const CLAUSE_WORDS = new Set(
  'về và trên theo tại đối để nhằm trong với thì đã đang sẽ đến từ cho khi là được có này đó nay sau trước như hoặc cũng không phải còn qua vào ra của triển thực tổ yêu giao kể'.split(' '),
);

/** The kind a written word names: "chỉ thị" → Chỉ thị; "văn bản" names none. */
function kindOf(word: string): CitedType {
  const name = word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
  return (CITED_DOC_TYPES as readonly string[]).includes(name) ? (name as CitedType) : null;
}

/** Kinds from number codes the directive kinds do not have: Nghị định 30/2020/NĐ-CP, Thông tư 25/2020/TT-BYT. */
const EXTRA_KIND_BY_CODE: Record<string, CitedType> = { NĐ: 'Nghị định', ND: 'Nghị định', TT: 'Thông tư' };

/** Kind from the number's code: "16/CT-TTg" → Chỉ thị; "2987/UBND-KGVX" → Công văn. */
export function kindFromNumber(number: string): CitedType {
  const parsed = parseDocNumber(number);
  return (parsed.code && EXTRA_KIND_BY_CODE[parsed.code.toUpperCase()]) || docTypeFromNumber(parsed);
}

/** The issuer's code of a number: "TTg" of 16/CT-TTg, "TU" of 135-TB/TU, "UBND" of 2987/UBND-KGVX. */
export function issuerCode(number: string): string | null {
  const party = /^\d+-[^/]+\/([^-/]+)/u.exec(number);
  if (party) return party[1]!;
  const state = /^\d+\/(?:\d{4}\/)?([^-/]+)-([^-/]+)/u.exec(number);
  if (!state) return null;
  const first = state[1]!.toUpperCase();
  return first in TYPE_BY_CODE || first in EXTRA_KIND_BY_CODE || first === 'TTR' ? state[2]! : state[1]!;
}

/**
 * National issuers' codes: the Prime Minister, the Government and its Office, the National
 * Assembly, the President, the national steering committee and the ministries. Party codes ending
 * in "TW" (Trung ương: TW, VPTW, BTGTW) and any code ending in "QG" (quốc gia) are national too.
 */
const NATIONAL_CODES = new Set(
  'TTg CP VPCP QH UBTVQH CTN BYT BCA BQP BTC BCT BGTVT BGDĐT BLĐTBXH BTTTT BNV BNG BTP BKHĐT BNNPTNT BTNMT BXD BVHTTDL BKHCN NHNN TTCP UBDT BHXHVN TLĐ TANDTC VKSNDTC KTNN'
    .split(' ')
    .map((c) => c.toUpperCase()),
);
/** District party committees: Huyện ủy, Quận ủy. */
const DISTRICT_CODES = new Set(['HU', 'QU']);
/** Provincial bodies: the Tỉnh ủy, the provincial police, departments (Sở: SYT, SGDĐT…). */
const PROVINCIAL_CODE = /^(?:TU|CAT|S[A-ZĐ]{2,})$/u;
/** Bodies found at both levels (UBND, HĐND, BCĐ, Đảng ủy…): the words or the citing directive decide. */
const EITHER_LEVEL_CODES = new Set(['UBND', 'HĐND', 'BCĐ', 'ĐU', 'BTV', 'VP', 'UBMTTQ', 'MTTQ']);

/** Scope the number's code tells: "either" for codes of both levels, null for a code it does not know. */
function scopeFromCode(code: string | null, citingProvince: Province | null): Scope | 'either' {
  if (code === null) return null;
  const upper = code.toUpperCase();
  if (NATIONAL_CODES.has(upper) || upper.endsWith('TW') || upper.endsWith('QG')) return 'trung ương';
  if (DISTRICT_CODES.has(upper)) return 'huyện';
  if (PROVINCIAL_CODE.test(upper)) return 'tỉnh';
  // A Thành ủy is provincial in a centrally-run city (Hà Nội), a district's in a provincial city.
  if (upper === 'THU') return citingProvince?.kind === 'thành phố' ? 'tỉnh' : 'huyện';
  return EITHER_LEVEL_CODES.has(upper) ? 'either' : null;
}

const NATIONAL_WORDS = /thủ tướng|chính phủ|bộ chính trị|ban bí thư|trung ương|quốc hội|quốc gia|chủ tịch nước|^bộ (?!chỉ huy)/u;
const DISTRICT_WORDS = /(?<!\p{L})(?:huyện|quận|thị xã|thị ủy)(?!\p{L})/u;
const PROVINCE_WORDS = /(?<!\p{L})(?:tỉnh|thành ủy|thành phố|sở)(?!\p{L})/u;

/** Scope the issuer's words tell: "Thủ tướng Chính phủ", "Ủy ban nhân dân huyện", "Ban Thường vụ Tỉnh ủy". */
function scopeFromWords(issuer: string | null): Scope {
  if (!issuer) return null;
  const words = modernizeTones(issuer).toLowerCase();
  if (NATIONAL_WORDS.test(words)) return 'trung ương';
  if (DISTRICT_WORDS.test(words)) return 'huyện';
  return PROVINCE_WORDS.test(words) ? 'tỉnh' : null;
}

const WORD = /[\p{L}\p{M}\p{N}'’-]+/gu;
const capitalised = (w: string): boolean => /^\p{Lu}/u.test(w);

/** A province the issuer's words name: "Tỉnh ủy Gia Lai", "Ủy ban nhân dân tỉnh Long An", "UBND TP. Hồ Chí Minh". */
export function provinceNamed(issuer: string): Province | null {
  const words = [...issuer.matchAll(WORD)].map((m) => m[0]);
  for (let i = 0; i < words.length; i++) {
    if (!capitalised(words[i]!)) continue;
    for (let n = Math.min(4, words.length - i); n >= 1; n--) {
      const p = provinceByName(words.slice(i, i + n).join(' '));
      if (p) return p;
    }
  }
  return null;
}

const DISTRICT_UNIT = /(?<!\p{L})(?:huyện ủy|quận ủy|thị ủy|thành ủy|huyện|quận|thị xã|thành phố)\s+(?=\p{Lu}|\d)/giu;

/** A district of `province` the issuer's words name after its unit word: "Huyện ủy Kiến Xương", "UBND huyện Vũ Thư". */
export function districtNamed(issuer: string, province: Province): string | null {
  const modern = modernizeTones(issuer);
  for (const unit of modern.matchAll(DISTRICT_UNIT)) {
    const words = [...modern.slice(unit.index + unit[0].length).matchAll(WORD)].slice(0, 4).map((m) => m[0]);
    for (let n = words.length; n >= 1; n--) {
      const district = districtIn(province, `${unit[0].trim().replace(/\s+ủy$/iu, '')} ${words.slice(0, n).join(' ')}`) ?? districtIn(province, words.slice(0, n).join(' '));
      if (district) return district.name;
    }
  }
  return null;
}

type Resolution = Pick<CitedDocument, 'scope' | 'province' | 'district' | 'place_from_text'>;

/**
 * Whose a cited document is. National when its code or its issuer's words say so. Otherwise its
 * level comes from the issuer's words, else from its code; a code of both levels (UBND) cited
 * without words is the citing body's own level, or unknown when a district cites it. Its province
 * is the one the words name, else the citing directive's; its district likewise, and only a
 * district citing directive lends its own.
 */
export function resolveCited(number: string, issuer: string | null, citing: CitingDirective): Resolution {
  const own = citing.province ? provinceByName(citing.province) : null;
  const byCode = scopeFromCode(issuerCode(number), own);
  const byWords = scopeFromWords(issuer);
  if (byCode === 'trung ương' || (byWords === 'trung ương' && (byCode === null || byCode === 'either'))) {
    return { scope: 'trung ương', province: null, district: null, place_from_text: false };
  }
  const fallback = byCode === 'either' ? (citing.level === 'huyện' || citing.level === 'xã' ? null : 'tỉnh') : byCode;
  const scope = (byWords === 'trung ương' ? null : byWords) ?? fallback;
  const named = issuer ? provinceNamed(issuer) : null;
  const province = named ?? own;
  const namedDistrict = scope === 'huyện' && issuer && province ? districtNamed(issuer, province) : null;
  const lent = scope === 'huyện' && !named && citing.level === 'huyện' ? citing.district : null;
  return {
    scope,
    province: province?.name ?? citing.province,
    district: namedDistrict ?? lent,
    place_from_text: named !== null || namedDistrict !== null,
  };
}

/** The issuer's words after "của", up to where its clause ends; null when nothing is left. */
export function issuerWords(after: string): string | null {
  const end = ISSUER_END.exec(after);
  const clause = end ? after.slice(0, end.index) : after.length >= ISSUER_WINDOW ? after.slice(0, after.lastIndexOf(' ')) : after;
  const words: string[] = [];
  for (const w of clause.split(/\s+/u).filter(Boolean)) {
    const lower = w.toLowerCase();
    if (words.length >= ISSUER_MAX_WORDS || CLAUSE_WORDS.has(lower)) break;
    // "ban hành" and "chỉ đạo" are verbs, except in "Ban Chỉ đạo".
    const previous = words.at(-1)?.toLowerCase();
    if ((previous === 'ban' && lower === 'hành') || (lower === 'đạo' && previous === 'chỉ' && words.at(-2)?.toLowerCase() !== 'ban')) {
      words.pop();
      break;
    }
    words.push(w);
  }
  const issuer = words.join(' ').replace(/[\s,.-]+$/u, '');
  return issuer === '' ? null : issuer;
}

/** One mention of a number, read from the words around it. */
interface Mention {
  number: NumberInText;
  kind: CitedType;
  /** Whether the kind was written before the number (not taken from its code). */
  kindWritten: boolean;
  date: string | null;
  issuer: string | null;
  /** Where its citing words start and end in the text. */
  from: number;
  to: number;
}

const window = (text: string, from: number, to: number): string => text.slice(Math.max(0, from), Math.min(text.length, to));

function readDate(text: string, at: number): { date: string | null; end: number } {
  const m = DATE_AFTER.exec(window(text, at, at + DATE_WINDOW));
  if (!m) return { date: null, end: at };
  const [day, month, year] = m[2] ? [m[1], m[2], m[3]] : [m[1], m[4], m[5]];
  return { date: toIsoDateAnyYear(Number(day), Number(month), Number(year)), end: at + m[0].length };
}

function readIssuer(text: string, at: number): { issuer: string | null; end: number } {
  const after = window(text, at, at + ISSUER_WINDOW);
  const of = OF_AFTER.exec(after);
  const issuer = of ? issuerWords(after.slice(of[0].length)) : null;
  // The words are a prefix of what follows "của" (spaces inside them kept as written).
  return issuer ? { issuer, end: at + of![0].length + after.slice(of![0].length).indexOf(issuer) + issuer.length } : { issuer: null, end: at };
}

const codesOf = (n: string): string => `${parseDocNumber(n).code ?? ''}|${issuerCode(n) ?? ''}`;

/**
 * Every mention of a number other than `own`, with its own words, in order. The numbers of a list
 * ("Chỉ thị số 15/CT-TTg, 16/CT-TTg của Thủ tướng Chính phủ") share its kind and its issuer when
 * their codes are the same, and its words when they are short enough to repeat.
 */
function readMentions(text: string, own: string | null): Mention[] {
  const mentions: Mention[] = [];
  let list: Mention[] = [];
  let listEnd = -1;
  const closeList = (): void => {
    const first = list[0];
    const last = list.at(-1);
    if (!first || !last) return;
    const shared = last.to - first.from <= TEXT_MAX;
    for (const m of list) {
      m.issuer ??= last.issuer;
      if (shared) [m.from, m.to] = [first.from, last.to];
    }
    list = [];
  };
  for (const number of numbersInText(text)) {
    const gap = number.start - listEnd;
    const joins =
      list.length > 0 && gap >= 0 && gap <= LIST_GAP && LIST_JOIN.test(text.slice(listEnd, number.start)) && codesOf(list[0]!.number.canonical) === codesOf(number.canonical);
    if (!joins) closeList();
    const before = window(text, number.start - KIND_WINDOW, number.start);
    const written = joins ? null : KIND_BEFORE.exec(modernizeTones(before));
    const writtenKind = written ? kindOf(written[1]!) : null;
    const date = readDate(text, number.end);
    const issuer = readIssuer(text, date.end);
    const head = list[0];
    const mention: Mention = {
      number,
      kind: head ? head.kind : (writtenKind ?? kindFromNumber(number.canonical)),
      kindWritten: head ? head.kindWritten : writtenKind !== null,
      date: date.date,
      issuer: issuer.issuer,
      from: written ? number.start - before.length + written.index : number.start,
      to: Math.max(date.end, issuer.end, number.end),
    };
    listEnd = mention.to;
    if (number.canonical === own) {
      closeList();
      continue;
    }
    mentions.push(mention);
    list.push(mention);
    if (issuer.issuer) closeList();
  }
  closeList();
  return mentions;
}

/** How much a mention says: its written kind, its date, its issuer. */
const saying = (m: Mention): number => Number(m.kindWritten) + Number(m.date !== null) + Number(m.issuer !== null);

/**
 * The documents a text cites, in order of first mention, without its own number. A document
 * mentioned more than once is given by its fullest mention; two mentions that give different dates
 * are two documents. `text` is NFC (as extraction gives it).
 */
export function findCited(text: string, own: string | null, citing: CitingDirective): CitedDocument[] {
  const found: CitedDocument[] = [];
  const best = new Map<string, { at: number; said: number }>();
  for (const m of readMentions(text, own)) {
    const cited: CitedDocument = {
      number: m.number.canonical,
      number_as_written: m.number.written,
      type: m.kind,
      date: m.date,
      issuer_as_written: m.issuer,
      ...resolveCited(m.number.canonical, m.issuer, citing),
      text: text.slice(m.from, m.to).replace(/\s+/g, ' ').trim(),
    };
    const key = [cited.number, cited.scope, cited.province, cited.district].join('|');
    const dated = `${key}|${cited.date}`;
    const seen = best.get(key);
    const sameDate = seen && (found[seen.at]!.date === null || cited.date === null || found[seen.at]!.date === cited.date);
    if (seen && sameDate) {
      if (saying(m) > seen.said) {
        found[seen.at] = cited;
        seen.said = saying(m);
      }
      continue;
    }
    // A second date for the same number is another document; later mentions of that date join it.
    const other = seen ? best.get(dated) : undefined;
    if (other) continue;
    best.set(seen ? dated : key, { at: found.length, said: saying(m) });
    found.push(cited);
  }
  return found;
}

/** The citing directive a record describes, for resolving its cited documents again after a curator changed it. */
export const citingOf = (d: Pick<Directive, 'province' | 'district' | 'issuer_level'>): CitingDirective => ({ province: d.province, district: d.district, level: d.issuer_level });

/** Cited documents resolved again for a citing directive whose province, district or level a curator corrected. */
export const resolveAgain = (cited: readonly CitedDocument[], citing: CitingDirective): CitedDocument[] =>
  cited.map((c) => ({ ...c, ...resolveCited(c.number, c.issuer_as_written, citing) }));
