/**
 * The archive's gazetteer (danh mục địa danh): the 63 provinces of 2020–2022 and their districts,
 * built by scripts/build-gazetteer.ts into src/shared/gazetteer.json. Pure look-ups; no I/O.
 */
import data from './gazetteer.json' with { type: 'json' };
import { nameKey, slugify } from './vietnamese.ts';

export type ProvinceKind = 'tỉnh' | 'thành phố';
export type DistrictKind = 'huyện' | 'quận' | 'thị xã' | 'thành phố';

/** What became of a district that existed in 2020–2022 but is not in the 2025 GSO list. */
export interface HistoricNote {
  /** ISO date the change took effect, or null where the sources did not settle it. */
  readonly replaced_on: string | null;
  /** The unit(s) it went into, GSO-style: "Thành phố Thủ Đức". */
  readonly replaced_by: string;
  /** The Standing Committee resolution: "1111/NQ-UBTVQH14 (9/12/2020)". */
  readonly resolution: string;
}

/** A district-level unit (đơn vị hành chính cấp huyện). */
export interface District {
  /** GSO code ("343"); null for a historic district, whose code our data does not give. */
  readonly code: string | null;
  /** Name without its prefix, modern tone placement: "Kiến Xương", "Hòa An"; numbered ones keep it: "Quận 1". */
  readonly name: string;
  readonly kind: DistrictKind;
  /** Full name as GSO spells it: "Huyện Hoà An". */
  readonly gso_name: string;
  /** Present only on districts abolished since 2020. */
  readonly historic?: HistoricNote;
}

/** A province-level unit (tỉnh / thành phố trực thuộc trung ương) as of 2020–2022. */
export interface Province {
  /** GSO code: "62". */
  readonly code: string;
  /** 2020–2022 name without "Tỉnh"/"Thành phố", modern tone placement: "Hòa Bình", "Thừa Thiên Huế". */
  readonly name: string;
  /** Name as the 2025 GSO list spells it: "Tỉnh Hoà Bình", "Thành phố Huế". */
  readonly gso_name: string;
  readonly kind: ProvinceKind;
  /** URL slug of `name`: "thua-thien-hue". */
  readonly slug: string;
  /** The provincial unit it belongs to from 1/7/2025 (Resolution 202/2025/QH15): "Quảng Ngãi". */
  readonly name_2025: string;
  readonly slug_2025: string;
  readonly districts: readonly District[];
}

export interface Gazetteer {
  readonly source: string;
  readonly provinces: readonly Province[];
}

export const GAZETTEER = data as Gazetteer;
export const PROVINCES: readonly Province[] = GAZETTEER.provinces;

const QUY: Record<string, string> = { i: 'y', í: 'ý', ì: 'ỳ', ỉ: 'ỷ', ĩ: 'ỹ', ị: 'ỵ' };

/**
 * Key for comparing place names: case, tone placement, Unicode form, dashes ("Bà Rịa–Vũng Tàu"),
 * apostrophe style ("Ia H' Drai" / "Ia H’Drai"), the Đăk/Đắk/Đak spellings of the Central Highlands
 * and quí/quý (GSO writes "Phú Quí") all fold away.
 */
export function placeKey(s: string): string {
  return nameKey(s.replace(/[’‘ʼ`´]/g, "'").replace(/[-‐‑‒–—―]/g, ' '))
    .replace(/'\s+/g, "'")
    .replace(/(^|\s)đ[aăắ]k(?=\s|$)/gu, '$1đắk')
    .replace(/(^|\s)qu([iíìỉĩị])(?=\s|$)/gu, (_m, space: string, i: string) => `${space}qu${QUY[i]}`);
}

const PROVINCE_PREFIX = /^(?:tỉnh\s+|thành phố\s+|t\.?p\.?\s*)/u;
const DISTRICT_PREFIX = /^(huyện|quận|thị xã|thành phố|tp|t\.p|tx|t\.x)(?:\.\s*|\s+)/u;
const PREFIX_KIND: Record<string, DistrictKind> = {
  'huyện': 'huyện', 'quận': 'quận', 'thị xã': 'thị xã', 'tx': 'thị xã', 't.x': 'thị xã',
  'thành phố': 'thành phố', 'tp': 'thành phố', 't.p': 'thành phố',
};
/** Spellings no rule derives. */
const PROVINCE_ALIASES: Record<string, string> = { hcm: '79' };

const provincesByKey = new Map<string, Province>();
const provincesBySlug = new Map<string, Province>();
const provincesByCode = new Map<string, Province>();
for (const p of PROVINCES) {
  for (const key of [placeKey(p.name), placeKey(p.gso_name).replace(PROVINCE_PREFIX, '')]) {
    const seen = provincesByKey.get(key);
    if (seen && seen !== p) throw new Error(`gazetteer: provinces ${seen.code} and ${p.code} share the name key "${key}"`);
    provincesByKey.set(key, p);
  }
  provincesBySlug.set(p.slug, p);
  provincesByCode.set(p.code, p);
}
for (const [alias, code] of Object.entries(PROVINCE_ALIASES)) provincesByKey.set(alias, provincesByCode.get(code)!);

/**
 * "Kon Tum", "tỉnh Kon Tum", "Tỉnh Hoà Bình", "TP. Hồ Chí Minh", "TP HCM", "Thừa Thiên - Huế", "Bà Rịa–Vũng Tàu",
 * and, failing those, the name without diacritics ("Dak Lak"). Null when nothing matches.
 */
export function provinceByName(name: string): Province | null {
  const key = placeKey(name).replace(PROVINCE_PREFIX, '');
  return provincesByKey.get(key) ?? provincesBySlug.get(slugify(key)) ?? null;
}

export const provinceBySlug = (slug: string): Province | null => provincesBySlug.get(slug) ?? null;
export const provinceByCode = (code: string): Province | null => provincesByCode.get(code) ?? null;

export interface DistrictMatch {
  readonly province: Province;
  readonly district: District;
}

/** "Quận 1" stays "quận 1": the number alone names nothing. */
const districtKey = (name: string): string => {
  const key = placeKey(name);
  return /^\d+$/.test(key) ? `quận ${key}` : key;
};

const districtsByKey = new Map<string, DistrictMatch[]>();
for (const province of PROVINCES) {
  for (const district of province.districts) {
    const key = districtKey(district.name);
    districtsByKey.set(key, [...(districtsByKey.get(key) ?? []), { province, district }]);
  }
}

/** Splits an optional "huyện/quận/thị xã/thành phố/TP./TX." prefix off a district name; a bare "1" names nothing. */
function parseDistrictName(name: string): { key: string; kind: DistrictKind | null } {
  const key = placeKey(name);
  const prefix = DISTRICT_PREFIX.exec(key);
  if (!prefix) return { key, kind: null };
  const kind = PREFIX_KIND[prefix[1]!] ?? null;
  const bare = key.slice(prefix[0].length);
  return { key: kind === 'quận' ? districtKey(bare) : bare, kind };
}

/** Keeps the matches of the kind the prefix named, if any has it: units changed kind often (huyện Phú Quốc became a thành phố in 2021). */
const preferKind = (matches: DistrictMatch[], kind: DistrictKind | null): DistrictMatch[] => {
  const sameKind = kind ? matches.filter((m) => m.district.kind === kind) : [];
  return sameKind.length > 0 ? sameKind : matches;
};

/** Every district with that name, historic ones included. More than one result means the name is ambiguous ("Châu Thành"). */
export function districtsNamed(name: string): DistrictMatch[] {
  const { key, kind } = parseDistrictName(name);
  return preferKind(districtsByKey.get(key) ?? [], kind);
}

/** The district of that name in the province; null if none, or if two share the name and no prefix tells them apart ("Kỳ Anh"). */
export function districtIn(province: Province, name: string): District | null {
  const { key, kind } = parseDistrictName(name);
  const matches = preferKind((districtsByKey.get(key) ?? []).filter((m) => m.province === province), kind);
  return matches.length === 1 ? matches[0]!.district : null;
}

// ---- Inference from running text -------------------------------------------------------------

/**
 * Character classes for the word scanner, as tables: a Unicode-property regex over every character of
 * thousands of documents is several times slower. Vietnamese lies below U+2000; anything above counts as a non-letter.
 */
const TABLE_SIZE = 0x2000;
const LETTER = new Uint8Array(TABLE_SIZE);
const UPPER = new Uint8Array(TABLE_SIZE);
for (let c = 0; c < TABLE_SIZE; c++) {
  const ch = String.fromCharCode(c);
  LETTER[c] = /[\p{L}\p{M}]/u.test(ch) ? 1 : 0;
  UPPER[c] = /\p{Lu}/u.test(ch) ? 1 : 0;
}
const isLetter = (c: number): boolean => c < TABLE_SIZE && LETTER[c] === 1;
const isApostrophe = (c: number): boolean => c === 0x27 || c === 0x2019 || c === 0x2bc;
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xa0;

/** The word ending just before `at` (spaces skipped), as written, and where it starts. */
function wordBefore(text: string, at: number): { word: string; start: number } {
  let end = at;
  while (end > 0 && isSpace(text.charCodeAt(end - 1))) end--;
  let start = end;
  while (start > 0 && isLetter(text.charCodeAt(start - 1))) start--;
  return { word: text.slice(start, end), start };
}

/** Lower-case words that make the name after them a street or a commune: "đường Ngô Quyền", "xã Phú Xuân"; not "thị xã", "thành phố". */
const LOCAL_UNITS: Record<string, (previous: string) => boolean> = {
  'đường': () => true,
  'phường': () => true,
  'thôn': () => true,
  'ấp': () => true,
  'xã': (previous) => previous !== 'thị',
  'phố': (previous) => previous !== 'thành',
  'trấn': (previous) => previous === 'thị',
};
const LOCAL_UNIT_FORMS = new Set(Object.keys(LOCAL_UNITS).flatMap((word) => [word, word.normalize('NFD')]));
const lowerNfc = (s: string): string => s.normalize('NFC').toLowerCase();

function isLocalUnitBefore(text: string, at: number): boolean {
  const { word, start } = wordBefore(text, at);
  if (!LOCAL_UNIT_FORMS.has(word)) return false; // the common case, decided without normalising
  return LOCAL_UNITS[lowerNfc(word)]?.(lowerNfc(wordBefore(text, start).word)) ?? false;
}

/** What may separate the words of one name: spaces, a line break of hard-wrapped text, one dash. */
function isWordGap(s: string, from: number, to: number): boolean {
  if (to - from > 6) return false;
  let dashes = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x2d || c === 0x2013 || c === 0x2014) dashes++;
    else if (!isSpace(c)) return false;
  }
  return to > from && dashes <= 1;
}
/**
 * Capitalised words that, left unmatched right before a district name in the same run, show it is part of something else:
 * a person ("Nguyễn Văn Giang" signs a directive; it is not Huyện Văn Giang) or a street ("Đường Ngô Quyền").
 */
const NOT_A_PLACE_BEFORE = new Set(
  ('nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý đinh đoàn lâm mai trịnh trương lương cao hà tạ ' +
    'chu kiều lưu thái triệu quách phùng tô vương la lại nông hứa khổng lò văn thị đức hữu đình công ngọc quang minh xuân ' +
    'thanh hồng kim bá duy tấn trọng quốc thế viết mạnh khắc đường').split(' '),
);

/** key → the one province a district name points to, or null for names that must not count (ambiguous, province names). */
const evidenceByKey = new Map<string, { name: string; province: Province } | null>();
{
  const provinceNameKeys = new Set(PROVINCES.flatMap((p) => [placeKey(p.name), placeKey(p.name_2025)]));
  for (const [key, matches] of districtsByKey) {
    if (key.startsWith('quận ') && /^\d+$/.test(key.slice(5))) continue;
    const provinces = new Set(matches.map((m) => m.province));
    const single = provinces.size === 1 && !provinceNameKeys.has(key);
    evidenceByKey.set(key, single ? { name: matches[0]!.district.name, province: matches[0]!.province } : null);
  }
  // Province names are matched too, so that "Đắk Lắk" is not read as Huyện Lắk nor "Thừa Thiên Huế" as Huế.
  for (const key of provinceNameKeys) evidenceByKey.set(key, null);
}
const firstWords = new Set([...evidenceByKey.keys()].map((key) => key.split(' ')[0]!));
const maxWords = Math.max(...[...evidenceByKey.keys()].map((key) => key.split(' ').length)) + 1; // +1: "H' Drai" is two words

const wordKeys = new Map<string, string>();
/** placeKey of one word, cached: the same few thousand syllables come back in every document. */
function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    if (wordKeys.size > 50_000) wordKeys.clear();
    key = placeKey(word);
    wordKeys.set(word, key);
  }
  return key;
}

interface Word {
  readonly key: string;
  readonly end: number;
}

/**
 * Greedy longest match over one run of adjacent capitalised words, recording district names that count.
 * `blockedAtStart`: whether the text right before the run already rules out a district ("xã ", "đường ").
 */
function matchRun(run: readonly Word[], found: Map<string, Province>, blockedAtStart: boolean): void {
  let blocked = blockedAtStart;
  for (let i = 0; i < run.length; ) {
    let length = 0;
    if (firstWords.has(run[i]!.key)) {
      for (let n = Math.min(maxWords, run.length - i); n >= 1 && length === 0; n--) {
        let key = run.slice(i, i + n).map((w) => w.key).join(' ');
        if (key.includes("' ")) key = key.replace(/' /g, "'");
        if (!evidenceByKey.has(key)) continue;
        length = n;
        const evidence = evidenceByKey.get(key);
        if (evidence && !blocked && !found.has(evidence.name)) found.set(evidence.name, evidence.province);
      }
    }
    if (length > 0) {
      blocked = false;
      i += length;
    } else {
      blocked = NOT_A_PLACE_BEFORE.has(run[i]!.key);
      i += 1;
    }
  }
}

/**
 * The province a text is about, read from the district names it mentions; the last resort for a document with no header.
 * Counts only names of one province that are not also a province name, never "Quận N"; answers only when at least
 * two distinct such names occur and all of them lie in the same province. `evidence` lists them in order of first appearance.
 */
export function inferProvinceFromText(text: string): { province: Province; evidence: string[] } | null {
  // No whole-text normalisation: the scanner reads NFC and NFD alike, and wordKey normalises each word once.
  const found = new Map<string, Province>();
  let run: Word[] = [];
  let blocked = false;
  for (let i = 0; i < text.length; i++) {
    // A capitalised word as written in running text: "Krông", "IA", "H'", "M'Đrắk".
    const c = text.charCodeAt(i);
    if (c >= TABLE_SIZE || UPPER[c] !== 1) continue;
    const before = text.charCodeAt(i - 1);
    if (isLetter(before) || isApostrophe(before) || (before >= 0x30 && before <= 0x39)) continue;
    let end = i + 1;
    while (end < text.length && (isLetter(text.charCodeAt(end)) || isApostrophe(text.charCodeAt(end)))) end++;
    if (end - i > 2 && isApostrophe(text.charCodeAt(end - 1))) end--; // a closing quote, not the "H'" of "Ia H' Drai"
    const last = run.at(-1);
    if (last && !isWordGap(text, last.end, i)) {
      matchRun(run, found, blocked);
      run = [];
    }
    if (run.length === 0) blocked = isLocalUnitBefore(text, i);
    run.push({ key: wordKey(text.slice(i, end)), end });
    i = end - 1;
  }
  matchRun(run, found, blocked);
  const provinces = new Set(found.values());
  if (found.size < 2 || provinces.size !== 1) return null;
  return { province: [...provinces][0]!, evidence: [...found.keys()] };
}
