import { readFileSync } from 'node:fs';
import { describe, test, expect } from 'vitest';
import {
  PROVINCES,
  districtIn,
  districtsNamed,
  inferProvinceFromText,
  provinceByCode,
  provinceByName,
  provinceBySlug,
} from '../../../src/shared/gazetteer.ts';
import { buildGazetteer, serializeGazetteer } from '../../../scripts/build-gazetteer.ts';

const provinceNamed = (name: string) => {
  const province = provinceByName(name);
  if (!province) throw new Error(`no province "${name}"`);
  return province;
};

describe('gazetteer data', () => {
  test('has the 63 provinces of 2020–2022', () => {
    expect(PROVINCES).toHaveLength(63);
    expect(new Set(PROVINCES.map((p) => p.code)).size).toBe(63);
  });

  test('maps them onto 34 provincial units of 2025', () => {
    expect(new Set(PROVINCES.map((p) => p.name_2025)).size).toBe(34);
  });

  test('has the 696 districts of the 2025 GSO list plus the historic ones, each with a note', () => {
    const districts = PROVINCES.flatMap((p) => p.districts);
    expect(districts.filter((d) => d.code !== null)).toHaveLength(696);
    for (const d of districts.filter((d) => d.code === null)) expect(d.historic?.resolution).toBeTruthy();
  });

  test('names Thừa Thiên Huế by its 2020–2022 name, not "Huế"', () => {
    const hue = provinceByCode('46');
    expect(hue?.name).toBe('Thừa Thiên Huế');
    expect(hue?.slug).toBe('thua-thien-hue');
    expect(hue?.gso_name).toBe('Thành phố Huế');
    expect(hue?.kind).toBe('tỉnh');
    expect(hue?.name_2025).toBe('Huế');
  });

  test('spells names with modern tone placement and keeps GSO spelling beside them', () => {
    const hoaBinh = provinceByCode('17');
    expect(hoaBinh?.name).toBe('Hòa Bình');
    expect(hoaBinh?.gso_name).toBe('Tỉnh Hoà Bình');
    expect(districtIn(provinceNamed('Cao Bằng'), 'Hoà An')).toEqual({ code: '051', name: 'Hòa An', kind: 'huyện', gso_name: 'Huyện Hoà An' });
  });

  test('keeps "Quận 1" whole and strips other prefixes, whatever their case', () => {
    expect(districtIn(provinceNamed('Hồ Chí Minh'), 'Quận 1')?.name).toBe('Quận 1');
    expect(districtIn(provinceNamed('Điện Biên'), 'Mường Lay')).toEqual({ code: '095', name: 'Mường Lay', kind: 'thị xã', gso_name: 'Thị Xã Mường Lay' });
    expect(districtIn(provinceNamed('Vĩnh Long'), 'Vũng Liêm')?.gso_name).toBe('Huyện Vũng Liêm');
  });

  test.each([
    ['thua-thien-hue', 'Thừa Thiên Huế'],
    ['ba-ria-vung-tau', 'Bà Rịa - Vũng Tàu'],
    ['dak-lak', 'Đắk Lắk'],
    ['dak-nong', 'Đắk Nông'],
    ['ho-chi-minh', 'Hồ Chí Minh'],
  ])('finds slug "%s" as %s', (slug, name) => {
    expect(provinceBySlug(slug)?.name).toBe(name);
  });

  test('gives Kon Tum Quảng Ngãi as its 2025 successor', () => {
    expect(provinceNamed('Kon Tum').name_2025).toBe('Quảng Ngãi');
    expect(provinceNamed('Kon Tum').slug_2025).toBe('quang-ngai');
  });

  test('gives Hà Giang Tuyên Quang as its 2025 successor', () => {
    expect(provinceNamed('Hà Giang').name_2025).toBe('Tuyên Quang');
  });

  test('is what scripts/build-gazetteer.ts makes of data/ today', () => {
    type Inputs = Parameters<typeof buildGazetteer>;
    const read = (file: string): unknown => JSON.parse(readFileSync(new URL(`../../../data/${file}`, import.meta.url), 'utf8'));
    const admin = read('vn-admin-units-2025-03.json') as Inputs[0];
    const merger = read('vn-province-merger-2025.json') as Inputs[1];
    const built = serializeGazetteer(buildGazetteer(admin, merger));
    expect(built).toBe(readFileSync(new URL('../../../src/shared/gazetteer.json', import.meta.url), 'utf8'));
  });
});

describe('provinceByName', () => {
  test.each([
    ['Kon Tum', 'Kon Tum'],
    ['KON TUM', 'Kon Tum'],
    ['tỉnh Kon Tum', 'Kon Tum'],
    ['Tỉnh Hoà Bình', 'Hòa Bình'],
    ['HÒA BÌNH', 'Hòa Bình'],
    ['TP. Hồ Chí Minh', 'Hồ Chí Minh'],
    ['Thành phố Hồ Chí Minh', 'Hồ Chí Minh'],
    ['TP HCM', 'Hồ Chí Minh'],
    ['TP.HCM', 'Hồ Chí Minh'],
    ['Hà Nội', 'Hà Nội'],
    ['Thừa Thiên - Huế', 'Thừa Thiên Huế'],
    ['Thừa Thiên Huế', 'Thừa Thiên Huế'],
    ['Thành phố Huế', 'Thừa Thiên Huế'],
    ['Bà Rịa-Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Bà Rịa – Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Bà Rịa  -  Vũng Tàu', 'Bà Rịa - Vũng Tàu'],
    ['Dak Lak', 'Đắk Lắk'],
  ])('resolves "%s" to %s', (input, name) => {
    expect(provinceByName(input)?.name).toBe(name);
  });

  test('resolves NFD input', () => {
    expect(provinceByName('Tỉnh Hoà Bình'.normalize('NFD'))?.code).toBe('17');
  });

  test('returns null for a name it does not know', () => {
    expect(provinceByName('Sài Gòn')).toBeNull();
    expect(provinceByName('')).toBeNull();
  });
});

describe('districtsNamed', () => {
  test('finds Kiến Xương in Thái Bình', () => {
    const matches = districtsNamed('Kiến Xương');
    expect(matches).toHaveLength(1);
    expect(matches[0]?.province.name).toBe('Thái Bình');
    expect(matches[0]?.district.code).toBe('343');
  });

  test('strips a prefix such as "huyện" or "TP."', () => {
    expect(districtsNamed('huyện Kiến Xương')[0]?.province.name).toBe('Thái Bình');
    expect(districtsNamed('TP. Thủ Đức')[0]?.district.gso_name).toBe('Thành phố Thủ Đức');
  });

  test('reports "Châu Thành" as ambiguous, one match per province', () => {
    const provinces = districtsNamed('Châu Thành').map((m) => m.province.name);
    expect(provinces.length).toBeGreaterThan(5);
    expect(provinces).toContain('Tiền Giang');
    expect(provinces).toContain('Sóc Trăng');
  });

  test('matches across tone styles and case', () => {
    expect(districtsNamed('THANH THỦY')[0]?.district.gso_name).toBe('Huyện Thanh Thuỷ');
    expect(districtsNamed('thanh thuỷ')[0]?.district.gso_name).toBe('Huyện Thanh Thuỷ');
  });

  test('reads "Ia H’Drai", "Đak Đoa" and "Phú Quý" as the GSO "Ia H\' Drai", "Đăk Đoa" and "Phú Quí"', () => {
    expect(districtsNamed('Ia H’Drai')[0]?.district.name).toBe("Ia H' Drai");
    expect(districtsNamed('Đak Đoa')[0]?.district.name).toBe('Đăk Đoa');
    expect(districtsNamed('huyện Phú Quý')[0]?.district.gso_name).toBe('Huyện Phú Quí');
  });

  test('uses the prefix to pick the kind when a name is shared', () => {
    expect(districtsNamed('thành phố Hòa Bình').map((m) => m.province.name)).toEqual(['Hòa Bình']);
    expect(districtsNamed('Hòa Bình').map((m) => m.province.name)).toEqual(['Hòa Bình', 'Bạc Liêu']);
  });

  test('does not read a bare number as a district', () => {
    expect(districtsNamed('1')).toEqual([]);
  });

  test('knows districts abolished since 2020, with their resolution', () => {
    const [quan2] = districtsNamed('Quận 2');
    expect(quan2?.province.name).toBe('Hồ Chí Minh');
    expect(quan2?.district.historic?.resolution).toContain('1111/NQ-UBTVQH14');
    expect(districtsNamed('huyện Tĩnh Gia')[0]?.district.historic?.replaced_by).toBe('Thị xã Nghi Sơn');
  });
});

describe('districtIn', () => {
  test('finds Kiến Xương in Thái Bình and not in Nam Định', () => {
    expect(districtIn(provinceNamed('Thái Bình'), 'Kiến Xương')?.code).toBe('343');
    expect(districtIn(provinceNamed('Nam Định'), 'Kiến Xương')).toBeNull();
  });

  test('tells the huyện and the thị xã Kỳ Anh apart only by their prefix', () => {
    const haTinh = provinceNamed('Hà Tĩnh');
    expect(districtIn(haTinh, 'thị xã Kỳ Anh')?.code).toBe('449');
    expect(districtIn(haTinh, 'huyện Kỳ Anh')?.code).toBe('447');
    expect(districtIn(haTinh, 'Kỳ Anh')).toBeNull();
  });

  test('accepts a prefix of the kind a district had before (huyện Phú Quốc became a thành phố)', () => {
    expect(districtIn(provinceNamed('Kiên Giang'), 'huyện Phú Quốc')?.gso_name).toBe('Thành phố Phú Quốc');
  });
});

describe('inferProvinceFromText', () => {
  const giaLai = 'Đối với các địa phương có ca mắc bệnh (đến thời điểm hiện nay: thị xã Ayun Pa, huyện Ia Pa, Krông Pa, Phú Thiện).';

  test('reads Gia Lai from "thị xã Ayun Pa, huyện Ia Pa, Krông Pa, Phú Thiện"', () => {
    const inferred = inferProvinceFromText(giaLai);
    expect(inferred?.province.name).toBe('Gia Lai');
    expect(inferred?.evidence).toEqual(['Ayun Pa', 'Ia Pa', 'Krông Pa', 'Phú Thiện']);
  });

  test('reads the same from NFD text', () => {
    expect(inferProvinceFromText(giaLai.normalize('NFD'))?.evidence).toEqual(['Ayun Pa', 'Ia Pa', 'Krông Pa', 'Phú Thiện']);
  });

  test('reads names written with old tone placement', () => {
    expect(inferProvinceFromText('Các huyện Thanh Thuỷ, Hạ Hoà và Cẩm Khê')?.province.name).toBe('Phú Thọ');
  });

  test('reads a name broken across a hard-wrapped line', () => {
    expect(inferProvinceFromText('các huyện Krông\nPa, Phú Thiện')?.evidence).toEqual(['Krông Pa', 'Phú Thiện']);
  });

  test('lists each name once, in order of first appearance', () => {
    expect(inferProvinceFromText('Phú Thiện, Krông Pa, Phú Thiện, Krông Pa')?.evidence).toEqual(['Phú Thiện', 'Krông Pa']);
  });

  test('does not infer from a single district name', () => {
    expect(inferProvinceFromText('Huyện ủy Kiến Xương yêu cầu; huyện Kiến Xương')).toBeNull();
  });

  test('does not infer when the names point to two provinces', () => {
    expect(inferProvinceFromText('thị xã Ayun Pa, huyện Ia Pa và huyện Kiến Xương')).toBeNull();
  });

  test('passes over a name of several provinces ("Châu Thành") instead of counting it against the others', () => {
    const inferred = inferProvinceFromText('huyện Châu Thành, thị xã Ayun Pa, huyện Phú Thiện');
    expect(inferred?.province.name).toBe('Gia Lai');
    expect(inferred?.evidence).toEqual(['Ayun Pa', 'Phú Thiện']);
  });

  test('ignores numbered "Quận N"', () => {
    expect(inferProvinceFromText('Quận 1, Quận 3 và Quận 10')).toBeNull();
  });

  test('ignores district names that are also province names ("Kon Tum")', () => {
    expect(inferProvinceFromText('Thành phố Kon Tum, huyện Đắk Hà')).toBeNull();
    expect(inferProvinceFromText('huyện Sa Thầy, huyện Đắk Hà')?.province.name).toBe('Kon Tum');
  });

  test('does not read "Đắk Lắk" as Huyện Lắk', () => {
    expect(inferProvinceFromText('tỉnh Đắk Lắk, huyện Krông Pắc')).toBeNull();
  });

  test('needs the capitals of running text', () => {
    expect(inferProvinceFromText('krông pa, phú thiện')).toBeNull();
  });

  test('does not read a signer "Nguyễn Văn Giang" or a street "đường Ngô Quyền" as districts', () => {
    expect(inferProvinceFromText('huyện Văn Giang, huyện Văn Lâm')?.province.name).toBe('Hưng Yên');
    expect(inferProvinceFromText('Nguyễn Văn Giang, Lê Văn Lâm')).toBeNull();
    expect(inferProvinceFromText('quận Ngô Quyền, quận Lê Chân')?.province.name).toBe('Hải Phòng');
    expect(inferProvinceFromText('đường Ngô Quyền, Đường Lê Chân')).toBeNull();
  });

  test('does not read a commune "xã Phú Xuân" as a district, but reads "Thị xã Ayun Pa"', () => {
    expect(inferProvinceFromText('quận Phú Xuân, quận Thuận Hóa')?.province.name).toBe('Thừa Thiên Huế');
    expect(inferProvinceFromText('xã Phú Xuân, phường Thuận Hóa')).toBeNull();
    expect(inferProvinceFromText('thị trấn Phú Thiện, thị trấn Krông Pa')).toBeNull();
    expect(inferProvinceFromText('Thị xã Ayun Pa, Phú Thiện'.normalize('NFD'))?.evidence).toEqual(['Ayun Pa', 'Phú Thiện']);
    expect(inferProvinceFromText('thành phố Vinh, thị xã Cửa Lò')?.province.name).toBe('Nghệ An');
  });

  test('reads districts abolished since 2020', () => {
    expect(inferProvinceFromText('huyện Long Điền, huyện Đất Đỏ')?.province.name).toBe('Bà Rịa - Vũng Tàu');
  });
});
