import { describe, expect, test } from 'vitest';
import { resolveIssuer, withParentPlace, type ParentPlace } from '../../../scripts/ingest/issuer.ts';
import { districtIn, provinceByName } from '../../../src/shared/gazetteer.ts';

const longAn = provinceByName('Long An')!;
const canGiuoc = districtIn(longAn, 'Cần Giuộc')!;
const parentOf = (p: Partial<ParentPlace>): ParentPlace => ({ province: null, district: null, committee: null, ...p });

describe('withParentPlace', () => {
  test('gives a name without a place its parent province, with the province\'s level word', () => {
    const named = withParentPlace('Ban Chỉ đạo phòng, chống dịch COVID-19', parentOf({ province: longAn }));
    expect([named.name, named.level, named.province?.name]).toEqual(['Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Long An', 'tỉnh', 'Long An']);
  });
  test('gives a name without a place its parent district, level "huyện"', () => {
    const named = withParentPlace('Ban Chỉ đạo phòng, chống dịch COVID-19', parentOf({ province: longAn, district: canGiuoc }));
    expect([named.name, named.level, named.district?.name]).toEqual(['Ban Chỉ đạo phòng, chống dịch COVID-19 huyện Cần Giuộc', 'huyện', 'Cần Giuộc']);
  });
  test('completes a name that ends with the level word "tỉnh" with the province', () => {
    expect(withParentPlace('Đảng ủy Khối các cơ quan tỉnh', parentOf({ province: longAn })).name).toBe('Đảng ủy Khối các cơ quan tỉnh Long An');
  });
  test('keeps a name that ends with a level its parent is not ("huyện" under a province)', () => {
    expect(withParentPlace('Ban Chỉ đạo huyện', parentOf({ province: longAn })).name).toBe('Ban Chỉ đạo huyện');
  });
  test('keeps a name that already says where, its province spelt as the gazetteer spells it', () => {
    expect(withParentPlace('Đảng ủy Khối các cơ quan tỉnh long an', parentOf({ province: longAn })).name).toBe('Đảng ủy Khối các cơ quan tỉnh Long An');
  });
  test('keeps the name as printed when no parent names a place', () => {
    expect(withParentPlace('Đảng ủy Khối các cơ quan tỉnh', parentOf({})).name).toBe('Đảng ủy Khối các cơ quan tỉnh');
  });
});

describe('resolveIssuer: bodies named by their parent', () => {
  test('names a Ban Chỉ đạo printed over two lines under "UBND TỈNH LONG AN", with the UBND as its parent', () => {
    const who = resolveIssuer(['UBND TỈNH LONG AN', 'BAN CHỈ ĐẠO PHÒNG, CHỐNG', 'DỊCH COVID-19']);
    expect([who.issuer, who.parent_issuer, who.issuer_level, who.province?.name]).toEqual([
      'Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh Long An',
      'Ủy ban nhân dân tỉnh Long An',
      'tỉnh',
      'Long An',
    ]);
  });
  test('names a board of a party committee with the committee: "VĂN PHÒNG" under "TỈNH ỦY NINH THUẬN"', () => {
    expect(resolveIssuer(['TỈNH ỦY NINH THUẬN', 'VĂN PHÒNG']).issuer).toBe('Văn phòng Tỉnh ủy Ninh Thuận');
  });
  test('names a department of a province\'s UBND with the province: "SỞ Y TẾ" under "UBND TỈNH LONG AN"', () => {
    expect(resolveIssuer(['UBND TỈNH LONG AN', 'SỞ Y TẾ']).issuer).toBe('Sở Y tế tỉnh Long An');
  });
});
