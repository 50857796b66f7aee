/**
 * Step 6: who issued it and where. Reads the upper-case issuer lines of the header, resolves
 * places through the gazetteer, and only then (recorded in `inferred`) falls back to the
 * date line's place and, last, to district names in the body.
 */
import type { Directive } from '../../src/shared/schema.ts';
import {
  districtIn,
  districtsNamed,
  inferProvinceFromText,
  provinceByName,
  type District,
  type Province,
} from '../../src/shared/gazetteer.ts';
import { modernizeTones } from '../../src/shared/vietnamese.ts';
import { officeCase, placeCase } from './fields.ts';

export interface IssuerFields {
  issuer: string | null;
  parent_issuer: string | null;
  issuer_level: Directive['issuer_level'];
  province: Province | null;
  district: District | null;
  inferred: Directive['inferred'];
  warnings: string[];
  /** Districts an ambiguous name could be ("Châu Thành"), for the caller to settle from the text. */
  districtCandidates: Array<{ province: Province; district: District }>;
}

type Unit =
  | { kind: 'committee'; committee: 'Tỉnh ủy' | 'Thành ủy' | 'Huyện ủy' | 'Thị ủy' | 'Quận ủy'; place: string }
  | { kind: 'party-branch'; place: string; level: string }
  | { kind: 'bloc'; name: string }
  | { kind: 'people-committee'; body: 'Ủy ban nhân dân' | 'Hội đồng nhân dân'; level: string; place: string }
  | { kind: 'commune'; level: string; place: string }
  | { kind: 'steering'; rest: string }
  | { kind: 'standing'; committee: 'Tỉnh ủy' | 'Thành ủy' | 'Huyện ủy' | 'Thị ủy' | 'Quận ủy'; place: string }
  | { kind: 'other'; text: string };

const COMMITTEES = { TỈNH: 'Tỉnh ủy', THÀNH: 'Thành ủy', HUYỆN: 'Huyện ủy', THỊ: 'Thị ủy', QUẬN: 'Quận ủy' } as const;
type CommitteeWord = keyof typeof COMMITTEES;

/** One upper-case header line → the kind of body it names, or null when it continues the previous line. */
export function parseIssuerLine(line: string): Unit | null {
  const u = modernizeTones(line).toUpperCase().replace(/\s+/g, ' ').replace(/^CỦA\s+/u, '').trim();
  let m = /^BAN THƯỜNG VỤ (TỈNH|THÀNH|HUYỆN|THỊ|QUẬN) ỦY\s*(.*)$/u.exec(u);
  if (m) return { kind: 'standing', committee: COMMITTEES[m[1] as CommitteeWord], place: m[2]! };
  m = /^(TỈNH|THÀNH|HUYỆN|THỊ|QUẬN) ỦY\s*(.*)$/u.exec(u);
  if (m) return { kind: 'committee', committee: COMMITTEES[m[1] as CommitteeWord], place: m[2]! };
  m = /^ĐẢNG BỘ (TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|KHỐI)\s+(.+)$/u.exec(u);
  if (m) return { kind: 'party-branch', level: m[1]!, place: m[2]! };
  m = /^ĐẢNG ỦY (KHỐI .+)$/u.exec(u);
  if (m) return { kind: 'bloc', name: m[1]! };
  m = /^ĐẢNG ỦY (XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$/u.exec(u);
  if (m) return { kind: 'commune', level: m[1]!, place: m[2]! };
  m = /^(ỦY BAN NHÂN DÂN|UBND|HỘI ĐỒNG NHÂN DÂN|HĐND)\s+(TỈNH|THÀNH PHỐ|TP\.?|HUYỆN|QUẬN|THỊ XÃ)\s*(.*)$/u.exec(u);
  if (m) {
    const body = /^(HỘI|HĐND)/u.test(m[1]!) ? 'Hội đồng nhân dân' : 'Ủy ban nhân dân';
    return { kind: 'people-committee', body, level: m[2]!.startsWith('TP') ? 'THÀNH PHỐ' : m[2]!, place: m[3]! };
  }
  m = /^BAN CHỈ ĐẠO\b(.*)$/u.exec(u);
  if (m) return { kind: 'steering', rest: m[1]! };
  // Any other body (a party board, a department, an office) starts a unit of its own.
  if (/^(?:BAN|SỞ|VĂN PHÒNG|ĐẢNG ỦY|ĐẢNG ĐOÀN|BAN CÁN SỰ|CHI BỘ|CÔNG AN|BỘ CHỈ HUY|TRUNG TÂM|ỦY BAN|MẶT TRẬN)(?:\s|$)/u.test(u)) {
    return { kind: 'other', text: line };
  }
  return null;
}

/**
 * Groups issuer lines into units: a line that starts no unit continues the previous one. Each
 * unit's text is read once it is complete, not again after every line (quadratic in the lines).
 */
export function issuerUnits(lines: string[]): Unit[] {
  const texts: string[][] = [];
  for (const line of lines) {
    if (texts.length === 0 || parseIssuerLine(line)) texts.push([line]);
    else texts.at(-1)!.push(line);
  }
  return texts.map((t) => t.join(' ')).map((text) => parseIssuerLine(text) ?? { kind: 'other', text });
}

const stripProvinceWord = (place: string): string => place.replace(/^(TỈNH|THÀNH PHỐ|TP\.?)\s+/u, '').trim();

/**
 * The place the units above the issuer name: their province, their district when they are a
 * district's, and the party committee's name when the parent is one ("Tỉnh ủy Ninh Thuận").
 */
export interface ParentPlace {
  province: Province | null;
  district: District | null;
  committee: string | null;
}
const NO_PARENT: ParentPlace = { province: null, district: null, committee: null };

/** Resolves the issuer lines of a header; places are looked up, never made up. */
export function resolveIssuer(lines: string[]): IssuerFields {
  const out: IssuerFields = {
    issuer: null,
    parent_issuer: null,
    issuer_level: null,
    province: null,
    district: null,
    inferred: [],
    warnings: [],
    districtCandidates: [],
  };
  // "CỦA BAN THƯỜNG VỤ TỈNH ỦY" under a title names the issuer again; it counts only when nothing else does.
  const named = lines.filter((l) => !/^của\s/iu.test(l));
  const units = issuerUnits(named.length > 0 ? named : lines);
  if (units.length === 0) return out;
  const parent: ParentPlace = { ...NO_PARENT };
  for (const unit of units.slice(0, -1)) {
    if (unit.kind === 'party-branch') {
      const isProvince = unit.level === 'TỈNH' || (unit.level === 'THÀNH PHỐ' && provinceByName(unit.place)?.kind === 'thành phố');
      const district = isProvince ? null : findDistrict(unit.place, out.province);
      out.parent_issuer = `Đảng bộ ${unit.level.toLowerCase()} ${district?.district?.name ?? provinceByName(unit.place)?.name ?? placeCase(unit.place)}`;
      if (isProvince) out.province = provinceByName(unit.place);
      else if (district?.province) {
        out.province = district.province;
        out.district = district.district;
      }
      parent.district = district?.district ?? null;
    } else if (unit.kind === 'people-committee' || unit.kind === 'committee') {
      const described = describeUnit(unit, NO_PARENT);
      out.parent_issuer = described.name;
      out.province ??= described.province;
      parent.district = described.district;
      parent.committee = unit.kind === 'committee' ? described.name : null;
    }
  }
  parent.province = out.province;
  const main = units.at(-1)!;
  const described = describeUnit(main, parent);
  out.issuer = described.name;
  out.issuer_level = described.level;
  out.province = described.province ?? out.province;
  out.district = described.district ?? out.district;
  out.districtCandidates = described.candidates ?? [];
  if (out.issuer_level === null && out.parent_issuer && main.kind === 'other') out.issuer_level = out.district ? 'huyện' : out.province ? 'tỉnh' : null;
  out.warnings.push(...described.warnings);
  return out;
}

interface Named {
  name: string | null;
  level: Directive['issuer_level'];
  province: Province | null;
  district: District | null;
  warnings: string[];
  candidates?: Array<{ province: Province; district: District }>;
}

function describeUnit(unit: Unit, parent: ParentPlace): Named {
  const none: Named = { name: null, level: null, province: null, district: null, warnings: [] };
  const parentProvince = parent.province;
  switch (unit.kind) {
    case 'committee':
    case 'standing':
      return describeCommittee(unit.committee, unit.place, parentProvince);
    case 'bloc':
      return { ...withParentPlace(`Đảng ủy ${officeCase(unit.name)}`, parent), level: 'khối' };
    case 'people-committee': {
      const isProvince = unit.level === 'TỈNH' || (unit.level === 'THÀNH PHỐ' && provinceByName(unit.place)?.kind === 'thành phố');
      const level = unit.level.toLowerCase();
      if (unit.place === '') return { ...none, name: `${unit.body} ${level}`, level: unit.level === 'TỈNH' ? 'tỉnh' : null, province: parentProvince };
      if (isProvince) {
        const p = provinceByName(unit.place);
        return { ...none, name: `${unit.body} ${level} ${p?.name ?? placeCase(unit.place)}`, level: 'tỉnh', province: p };
      }
      const d = findDistrict(unit.place, parentProvince);
      return { ...none, name: `${unit.body} ${level} ${d.district?.name ?? placeCase(unit.place)}`, level: 'huyện', ...d };
    }
    case 'commune':
      return { ...none, name: `Đảng ủy ${unit.level.toLowerCase()} ${placeCase(unit.place)}`, level: 'xã', province: parentProvince };
    case 'steering': {
      const rest = unit.rest.trim();
      // The place is named after the last comma: matching there reads each character once, where
      // matching the whole name would scan to the next comma from every "HUYỆN" before it.
      const afterComma = rest.lastIndexOf(',') + 1;
      const lastPart = rest.slice(afterComma);
      const local = /(HUYỆN|QUẬN|THỊ XÃ)\s+(.+)$/u.exec(lastPart);
      if (local) {
        const d = findDistrict(local[2]!, parentProvince);
        const text = officeCase(`BAN CHỈ ĐẠO ${rest.slice(0, afterComma + local.index)}`).trim();
        return { ...none, name: `${text} ${local[1]!.toLowerCase()} ${d.district?.name ?? placeCase(local[2]!)}`, level: 'huyện', ...d };
      }
      const place = /(?:TỈNH|THÀNH PHỐ|TP\.?)\s+(.+)$/u.exec(lastPart);
      if (!place) return withParentPlace(officeCase(`BAN CHỈ ĐẠO ${rest}`), parent);
      const p = provinceByName(place[1]!);
      const text = officeCase(`BAN CHỈ ĐẠO ${rest}`).replace(/(tỉnh|thành phố)\s+(.+)$/iu, (_m, w: string, n: string) => `${w.toLowerCase()} ${p?.name ?? placeCase(n)}`);
      return { ...none, name: text, level: p || parentProvince ? 'tỉnh' : null, province: p ?? parentProvince };
    }
    case 'party-branch': {
      const p = unit.level === 'TỈNH' || unit.level === 'THÀNH PHỐ' ? provinceByName(unit.place) : null;
      return { ...none, name: `Đảng bộ ${unit.level.toLowerCase()} ${p?.name ?? placeCase(unit.place)}`, level: p ? 'tỉnh' : null, province: p ?? parentProvince };
    }
    case 'other': {
      const name = officeCase(unit.text);
      // A board of a party committee is named with it ("Văn phòng Tỉnh ủy Ninh Thuận"); a department of a
      // people's committee with its place ("Sở Y tế tỉnh Khánh Hòa").
      if (parent.committee && !PLACE_IN_NAME.test(name)) return { ...none, name: `${name} ${parent.committee}`, province: parentProvince, district: parent.district };
      return { ...withParentPlace(name, parent), level: null };
    }
  }
}

/** A name that already says where: a level word followed by a place ("… tỉnh Đắk Lắk", "Công an huyện Đắk Hà"). */
const PLACE_IN_NAME = /\s(?:tỉnh|thành phố|huyện|quận|thị xã)\s+\p{L}/u;
/** A name ending with a level word and no place: "Đảng ủy Khối các cơ quan tỉnh". */
const BARE_LEVEL = /\s(tỉnh|thành phố|huyện|quận|thị xã)$/u;

/**
 * A body whose name carries no place takes the place its parent names: "BAN CHỈ ĐẠO PHÒNG, CHỐNG
 * DỊCH COVID-19" under "UBND TỈNH LONG AN" is the "… COVID-19 tỉnh Long An", and "ĐẢNG ỦY KHỐI CÁC CƠ
 * QUAN TỈNH" under "ĐẢNG BỘ TỈNH QUẢNG NGÃI" the "… cơ quan tỉnh Quảng Ngãi". A name that ends with a
 * level word takes the place of that level; one without takes its parent's level and place. A name
 * that already says where keeps it, its place spelt as the gazetteer spells it. Without a parent, or
 * with a parent of another level, the name stays as printed.
 */
export function withParentPlace(name: string, parent: ParentPlace): Named {
  const none: Named = { name, level: null, province: parent.province, district: null, warnings: [] };
  const inProvince = (province: Province, printed: string): Named => ({ ...none, name: `${printed} ${province.name}`, level: 'tỉnh', province });
  const inDistrict = (district: District, printed: string): Named => ({ ...none, name: `${printed} ${district.name}`, level: 'huyện', district });
  if (PLACE_IN_NAME.test(name)) return namedPlace(name, none);
  const bare = BARE_LEVEL.exec(name)?.[1];
  const { province, district } = parent;
  if (bare === undefined) {
    if (district) return inDistrict(district, `${name} ${district.kind}`);
    return province ? inProvince(province, `${name} ${province.kind}`) : none;
  }
  if (district && district.kind === bare) return inDistrict(district, name);
  if (province && province.kind === bare) return inProvince(province, name);
  return none;
}

/** "… tỉnh quảng ngãi" → "… tỉnh Quảng Ngãi": a province named at the end of a name, as the gazetteer spells it. */
function namedPlace(name: string, named: Named): Named {
  const m = /\s(tỉnh|thành phố)\s+([^,]+)$/u.exec(name);
  const province = m ? provinceByName(m[2]!) : null;
  if (!m || !province) return named;
  return { ...named, name: `${name.slice(0, m.index)} ${m[1]} ${province.name}`, level: 'tỉnh', province };
}

function describeCommittee(committee: string, placeUpper: string, parentProvince: Province | null): Named {
  const none: Named = { name: null, level: null, province: null, district: null, warnings: [] };
  const place = placeUpper.trim();
  if (place === '') return { ...none, name: committee, level: committee === 'Tỉnh ủy' ? 'tỉnh' : null, province: parentProvince };
  const province = provinceByName(stripProvinceWord(place));
  const cityProvince = committee === 'Thành ủy' && province?.kind === 'thành phố';
  if (committee === 'Tỉnh ủy' || cityProvince) {
    const printed = cityProvince && /^(THÀNH PHỐ|TP)/u.test(place) ? `Thành phố ${province!.name}` : (province?.name ?? placeCase(place));
    return {
      ...none,
      name: `${committee} ${printed}`,
      level: 'tỉnh',
      province,
      warnings: province ? [] : [`Không xác định được tỉnh "${placeCase(place)}" trong danh mục hành chính`],
    };
  }
  const d = findDistrict(place, parentProvince);
  return { ...none, name: `${committee} ${d.district?.name ?? placeCase(place)}`, level: 'huyện', ...d };
}

function findDistrict(placeUpper: string, parentProvince: Province | null): Pick<Named, 'province' | 'district' | 'warnings' | 'candidates'> {
  const name = placeCase(placeUpper.replace(/^(HUYỆN|QUẬN|THỊ XÃ|THÀNH PHỐ|TP\.?)\s+/u, ''));
  if (parentProvince) {
    const district = districtIn(parentProvince, name);
    return {
      province: parentProvince,
      district,
      warnings: district ? [] : [`Không tìm thấy huyện "${name}" của tỉnh ${parentProvince.name} trong danh mục hành chính`],
    };
  }
  const matches = districtsNamed(name);
  if (matches.length === 1) return { province: matches[0]!.province, district: matches[0]!.district, warnings: [] };
  return { province: null, district: null, warnings: [], candidates: matches };
}

/**
 * Settles an ambiguous district name ("Châu Thành" exists in six provinces) when the text names
 * exactly one of the candidate provinces ("tỉnh Đồng Tháp").
 */
export function settleDistrict(
  candidates: Array<{ province: Province; district: District }>,
  text: string,
): { province: Province; district: District; from: string } | null {
  const named = candidates.filter(({ province }) => new RegExp(`(?:tỉnh|thành phố|TP\\.?)\\s+${province.name}(?!\\p{L})`, 'iu').test(text));
  if (named.length !== 1) return null;
  const { province, district } = named[0]!;
  return { province, district, from: `huyện "${district.name}" có ở nhiều tỉnh; văn bản nhắc "${province.kind} ${province.name}"` };
}

/**
 * Fallbacks, each recorded in `inferred`: the date line's place (a province, or a district
 * that exists in one province only), then district names in the body (several, agreeing).
 */
export function inferProvince(place: string | null, body: string): { province: Province; from: string } | null {
  if (place) {
    const p = provinceByName(place);
    if (p) return { province: p, from: `địa danh ở dòng ngày tháng: "${place}"` };
    const ds = districtsNamed(place);
    if (ds.length === 1) return { province: ds[0]!.province, from: `địa danh ở dòng ngày tháng: "${place}" (huyện ${ds[0]!.district.name})` };
  }
  const guess = inferProvinceFromText(body);
  if (guess) return { province: guess.province, from: `tên các huyện, thị xã nhắc trong văn bản: ${guess.evidence.join(', ')}` };
  return null;
}
