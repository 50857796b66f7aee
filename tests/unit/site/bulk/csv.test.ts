import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { csvField, csvFile, csvLine } from '../../../../src/site/bulk/csv.ts';

describe('csvField', () => {
  test.each([
    ['Kon Tum', 'Kon Tum'],
    ['phòng, chống dịch', '"phòng, chống dịch"'],
    ['Huyện ủy "A"', '"Huyện ủy ""A"""'],
    ['hai\ndòng', '"hai\ndòng"'],
    ['', ''],
  ])('writes %j as %j', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('csvFile', () => {
  test('is read back value for value by csv-parse, whatever the commas, quotes and line breaks', () => {
    const rows = [['a, b', '"c"', 'd\r\ne'], ['', 'giãn cách xã hội', 'x|y']];
    const file = csvFile(['one', 'two', 'three'], rows);
    expect(file.startsWith('\uFEFFone,two,three\r\n')).toBe(true);
    expect(parse(file, { bom: true })).toEqual([['one', 'two', 'three'], ...rows]);
  });
  test('ends every record with CRLF', () => {
    expect(csvLine(['a', 'b'])).toBe('a,b\r\n');
  });
});
