/**
 * Builds src/shared/gazetteer.json, the archive's own place-name list, from the two shared facts files:
 * the GSO list of 63 provinces and their districts (data date 01/03/2025) and the 63 → 34 merger of 2025.
 *
 *   npm run gazetteer -- [data-dir]   (default: data/, the facts committed with the project; --help says more)
 *
 * Names are given as the archive's directives (2020–2022) knew them, with modern tone placement.
 * The output is deterministic: same input, same bytes.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCli, type CliSpec } from './cli.ts';
import { modernizeTones, nfc, slugify } from '../src/shared/vietnamese.ts';
import type { District, DistrictKind, Gazetteer, Province, ProvinceKind } from '../src/shared/gazetteer.ts';

const ADMIN_FILE = 'vn-admin-units-2025-03.json';
const MERGER_FILE = 'vn-province-merger-2025.json';

interface AdminUnits {
  provinces: Array<{ code: string; name: string; type: string; districts: Array<{ code: string; name: string; type: string }> }>;
}
interface Merger {
  provinces: Array<{ code_2021: string; name_2021: string; type_2021: string; name_2025: string; type_2025: string }>;
}

/**
 * Districts of 2020–2022 that the 2025 GSO list no longer has, so that old directives still resolve.
 * Each entry names its resolution, or says where the number could not be checked (the merger itself was).
 * GSO codes of abolished units are not in our data, so `code` is null.
 * Left out on purpose:
 * - Quận Thủ Đức (→ Thành phố Thủ Đức, same resolution as Quận 2 and 9): its name is still in the list, as the city.
 * - Huyện Kỳ Sơn (Hòa Bình) and Huyện Hoành Bồ (Quảng Ninh): merged on 1/1/2020, before the first COVID-19 directive.
 */
const HISTORIC: ReadonlyArray<{
  province: string;
  gso_name: string;
  kind: DistrictKind;
  replaced_on: string | null;
  replaced_by: string;
  resolution: string;
}> = [
  // Cao Bằng: vi.wikipedia "Trà Lĩnh (huyện)", "Phục Hòa", "Thông Nông (huyện)"; in force in February 2020 (sources differ on the day).
  { province: '04', gso_name: 'Huyện Thông Nông', kind: 'huyện', replaced_on: null, replaced_by: 'Huyện Hà Quảng', resolution: '864/NQ-UBTVQH14 (10/1/2020)' },
  { province: '04', gso_name: 'Huyện Trà Lĩnh', kind: 'huyện', replaced_on: null, replaced_by: 'Huyện Trùng Khánh', resolution: '864/NQ-UBTVQH14 (10/1/2020)' },
  { province: '04', gso_name: 'Huyện Quảng Uyên', kind: 'huyện', replaced_on: null, replaced_by: 'Huyện Quảng Hòa', resolution: '864/NQ-UBTVQH14 (10/1/2020)' },
  { province: '04', gso_name: 'Huyện Phục Hòa', kind: 'huyện', replaced_on: null, replaced_by: 'Huyện Quảng Hòa', resolution: '864/NQ-UBTVQH14 (10/1/2020)' },
  // Thanh Hóa: Tĩnh Gia became Thị xã Nghi Sơn, same territory (quochoi.vn, 5/5/2020).
  { province: '38', gso_name: 'Huyện Tĩnh Gia', kind: 'huyện', replaced_on: '2020-06-01', replaced_by: 'Thị xã Nghi Sơn', resolution: '933/NQ-UBTVQH14 (22/4/2020)' },
  // Thanh Hóa: merger approved by the provincial council on 30/7/2024; the UBTVQH resolution number was not checked.
  { province: '38', gso_name: 'Huyện Đông Sơn', kind: 'huyện', replaced_on: null, replaced_by: 'Thành phố Thanh Hóa', resolution: 'UBTVQH resolution on Thanh Hóa 2023–2025 (number not checked)' },
  // Nghệ An.
  { province: '40', gso_name: 'Thị xã Cửa Lò', kind: 'thị xã', replaced_on: '2024-12-01', replaced_by: 'Thành phố Vinh', resolution: '1243/NQ-UBTVQH15 (2024)' },
  // Hà Tĩnh: reported merger of the 2023–2025 arrangement; the resolution number was not checked.
  { province: '42', gso_name: 'Huyện Lộc Hà', kind: 'huyện', replaced_on: null, replaced_by: 'Huyện Thạch Hà', resolution: 'UBTVQH resolution on Hà Tĩnh 2023–2025 (number not checked)' },
  // Thừa Thiên Huế: Thành phố Huế (the district-level city) split into two quận; Nam Đông merged into Phú Lộc.
  { province: '46', gso_name: 'Thành phố Huế', kind: 'thành phố', replaced_on: '2025-01-01', replaced_by: 'Quận Phú Xuân, Quận Thuận Hóa', resolution: '1314/NQ-UBTVQH15 (21/11/2024)' },
  { province: '46', gso_name: 'Huyện Nam Đông', kind: 'huyện', replaced_on: '2025-01-01', replaced_by: 'Huyện Phú Lộc', resolution: '1314/NQ-UBTVQH15 (21/11/2024)' },
  // Quảng Nam.
  { province: '49', gso_name: 'Huyện Nông Sơn', kind: 'huyện', replaced_on: '2025-01-01', replaced_by: 'Huyện Quế Sơn', resolution: '1241/NQ-UBTVQH15 (24/10/2024)' },
  // Quảng Ngãi (baoquangngai.vn, 2/2020).
  { province: '51', gso_name: 'Huyện Tây Trà', kind: 'huyện', replaced_on: '2020-02-01', replaced_by: 'Huyện Trà Bồng', resolution: '867/NQ-UBTVQH14 (10/1/2020)' },
  // Lâm Đồng: three districts merged as the new Huyện Đạ Huoai (provincial council 5/9/2024); UBTVQH number not checked.
  { province: '68', gso_name: 'Huyện Đạ Tẻh', kind: 'huyện', replaced_on: null, replaced_by: 'Huyện Đạ Huoai', resolution: 'UBTVQH resolution on Lâm Đồng 2023–2025 (number not checked)' },
  { province: '68', gso_name: 'Huyện Cát Tiên', kind: 'huyện', replaced_on: null, replaced_by: 'Huyện Đạ Huoai', resolution: 'UBTVQH resolution on Lâm Đồng 2023–2025 (number not checked)' },
  // Bắc Giang.
  { province: '24', gso_name: 'Huyện Yên Dũng', kind: 'huyện', replaced_on: '2025-01-01', replaced_by: 'Thành phố Bắc Giang', resolution: '1191/NQ-UBTVQH15 (28/9/2024)' },
  // Nam Định.
  { province: '36', gso_name: 'Huyện Mỹ Lộc', kind: 'huyện', replaced_on: '2024-09-01', replaced_by: 'Thành phố Nam Định', resolution: '1104/NQ-UBTVQH15 (23/7/2024)' },
  // Ninh Bình.
  { province: '37', gso_name: 'Thành phố Ninh Bình', kind: 'thành phố', replaced_on: null, replaced_by: 'Thành phố Hoa Lư', resolution: '1318/NQ-UBTVQH15 (10/12/2024)' },
  // Bà Rịa - Vũng Tàu (cafef.vn, vnexpress.net, 11/2024).
  { province: '77', gso_name: 'Huyện Long Điền', kind: 'huyện', replaced_on: '2025-01-01', replaced_by: 'Huyện Long Đất', resolution: '1256/NQ-UBTVQH15 (24/10/2024)' },
  { province: '77', gso_name: 'Huyện Đất Đỏ', kind: 'huyện', replaced_on: '2025-01-01', replaced_by: 'Huyện Long Đất', resolution: '1256/NQ-UBTVQH15 (24/10/2024)' },
  // Hồ Chí Minh: Quận 2, 9 and Thủ Đức became Thành phố Thủ Đức.
  { province: '79', gso_name: 'Quận 2', kind: 'quận', replaced_on: '2021-01-01', replaced_by: 'Thành phố Thủ Đức', resolution: '1111/NQ-UBTVQH14 (9/12/2020)' },
  { province: '79', gso_name: 'Quận 9', kind: 'quận', replaced_on: '2021-01-01', replaced_by: 'Thành phố Thủ Đức', resolution: '1111/NQ-UBTVQH14 (9/12/2020)' },
];

const SOURCE =
  'Built by scripts/build-gazetteer.ts from data/' + ADMIN_FILE +
  ' (GSO list via daohoangson/dvhcvn, data date 01/03/2025) and ' + MERGER_FILE +
  ' (Resolution 202/2025/QH15). Names are the 2020–2022 names with modern tone placement; ' +
  'districts with a "historic" note existed in 2020–2022 but are not in the 2025 list (added by hand, with their resolution).';

const DISTRICT_KINDS: Record<string, DistrictKind> = {
  'huyện': 'huyện',
  'quận': 'quận',
  'thị xã': 'thị xã',
  'thành phố': 'thành phố',
};

/** NFC with single spaces: the GSO list has "Huyện  Vũng Liêm". */
const tidy = (s: string): string => nfc(s).replace(/\s+/g, ' ').trim();

function districtKind(type: string, where: string): DistrictKind {
  const kind = DISTRICT_KINDS[tidy(type).toLowerCase()];
  if (!kind) throw new Error(`${where}: unknown district type "${type}" (expected Huyện, Quận, Thị xã or Thành phố)`);
  return kind;
}

/** "Thị Xã Mường Lay" → "Mường Lay"; numbered urban districts keep their prefix: "Quận 1". */
function districtName(gsoName: string, kind: DistrictKind): string {
  const name = tidy(gsoName);
  if (!name.toLowerCase().startsWith(`${kind} `)) throw new Error(`district "${gsoName}" does not start with its type "${kind}"`);
  const bare = name.slice(kind.length + 1);
  return /^\d+$/.test(bare) ? `Quận ${bare}` : modernizeTones(bare);
}

function provinceKind(type2021: string, where: string): ProvinceKind {
  const type = tidy(type2021).toLowerCase();
  if (type === 'tỉnh') return 'tỉnh';
  if (type.startsWith('thành phố')) return 'thành phố';
  throw new Error(`${where}: unknown type_2021 "${type2021}" (expected "tỉnh" or "thành phố trực thuộc trung ương")`);
}

/** Codes are fixed-width digit strings: plain comparison, independent of locale. */
const byCode = (a: { code: string | null }, b: { code: string | null }): number =>
  (a.code ?? '') < (b.code ?? '') ? -1 : (a.code ?? '') > (b.code ?? '') ? 1 : 0;

/** Pure: the two facts files in, the gazetteer out. Throws on data that does not fit, naming the entry. */
export function buildGazetteer(admin: AdminUnits, merger: Merger): Gazetteer {
  const mergerByCode = new Map(merger.provinces.map((m) => [m.code_2021, m]));
  if (admin.provinces.length !== 63 || mergerByCode.size !== 63) {
    throw new Error(`expected 63 provinces in both files, got ${admin.provinces.length} (${ADMIN_FILE}) and ${mergerByCode.size} (${MERGER_FILE})`);
  }
  const provinces: Province[] = admin.provinces.map((p) => {
    const m = mergerByCode.get(p.code);
    if (!m) throw new Error(`${ADMIN_FILE}: province ${p.code} "${p.name}" has no entry in ${MERGER_FILE}`);
    const name = modernizeTones(tidy(m.name_2021));
    const name2025 = modernizeTones(tidy(m.name_2025));
    const districts: District[] = p.districts
      .map((d) => {
        const kind = districtKind(d.type, `${ADMIN_FILE} district ${d.code}`);
        return { code: d.code, name: districtName(d.name, kind), kind, gso_name: tidy(d.name) };
      })
      .sort(byCode);
    for (const h of HISTORIC.filter((x) => x.province === p.code)) {
      const historic: District = {
        code: null,
        name: districtName(h.gso_name, h.kind),
        kind: h.kind,
        gso_name: h.gso_name,
        historic: { replaced_on: h.replaced_on, replaced_by: h.replaced_by, resolution: h.resolution },
      };
      if (districts.some((d) => d.name === historic.name)) throw new Error(`historic district "${h.gso_name}" (${p.code}) clashes with a current one`);
      districts.push(historic);
    }
    return {
      code: p.code,
      name,
      gso_name: tidy(p.name),
      kind: provinceKind(m.type_2021, `${MERGER_FILE} ${m.code_2021}`),
      slug: slugify(name),
      name_2025: name2025,
      slug_2025: slugify(name2025),
      districts,
    };
  });
  provinces.sort(byCode);
  const slugs = new Set(provinces.map((p) => p.slug));
  if (slugs.size !== provinces.length) throw new Error('two provinces share a slug');
  const unknown = HISTORIC.find((h) => !provinces.some((p) => p.code === h.province));
  if (unknown) throw new Error(`historic district "${unknown.gso_name}" names unknown province ${unknown.province}`);
  return { source: SOURCE, provinces };
}

export const serializeGazetteer = (g: Gazetteer): string => `${JSON.stringify(g, null, 2)}\n`;

export const GAZETTEER_CLI = {
  name: 'build-gazetteer',
  command: 'npm run gazetteer --',
  summary:
    "Writes src/shared/gazetteer.json, the archive's list of provinces and districts as the directives (2020–2022) knew\n" +
    `them, from the GSO list (${ADMIN_FILE}) and the 2025 merger (${MERGER_FILE}). Same input, same bytes.`,
  options: {},
  args: [{ name: 'data-dir', description: 'the folder holding the two facts files', default: 'data' }],
  examples: ['npm run gazetteer', 'npm run gazetteer -- /tmp/newer-data'],
} as const satisfies CliSpec;

async function main(): Promise<void> {
  const { args } = parseCli(GAZETTEER_CLI);
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dataDir = args[0] ? path.resolve(args[0]) : path.resolve(root, 'data');
  const read = async (file: string): Promise<unknown> => {
    const at = path.join(dataDir, file);
    try {
      return JSON.parse(await readFile(at, 'utf8'));
    } catch (error) {
      throw new Error(`cannot read ${at}: ${(error as Error).message}. The facts files live in data/ (see data/README.md), or pass their folder as the first argument.`);
    }
  };
  const gazetteer = buildGazetteer((await read(ADMIN_FILE)) as AdminUnits, (await read(MERGER_FILE)) as Merger);
  const out = path.join(root, 'src/shared/gazetteer.json');
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, serializeGazetteer(gazetteer));
  const count = gazetteer.provinces.reduce((n, p) => n + p.districts.length, 0);
  console.log(`wrote ${path.relative(root, out)}: ${gazetteer.provinces.length} provinces, ${count} districts (${HISTORIC.length} historic)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`build-gazetteer: ${(error as Error).message}`);
    process.exit(1);
  });
}
