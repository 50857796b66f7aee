import { describe, expect, test } from 'vitest';
import { dropPageFurniture, pageText, type TextItem } from '../../../scripts/ingest/originals/pdf-lines.ts';
import { hasUsableTextLayer, MIN_LETTERS_PER_PAGE } from '../../../scripts/ingest/originals/pdf.ts';
import { wordDocText, wordHtmlToText } from '../../../scripts/ingest/originals/word-html.ts';
import { looksLegacy } from '../../../scripts/ingest/originals/legacy-text-layer.ts';

const item = (str: string, x: number, y: number, size = 10): TextItem => ({ str, x, y, width: str.length * size * 0.5, height: size });

describe('pageText', () => {
  test('puts items of one baseline on one line, left to right, whatever order the PDF drew them in', () => {
    const items = [item('*', 60, 788), item('ĐẢNG CỘNG SẢN VIỆT NAM', 300, 800), item('TỈNH ỦY KON TUM', 40, 800), item('Kon Tum, ngày 21 tháng 7 năm 2021', 300, 788)];
    expect(pageText(items)).toMatch(/^TỈNH ỦY KON TUM {3,}ĐẢNG CỘNG SẢN VIỆT NAM\n\* {3,}Kon Tum, ngày 21 tháng 7 năm 2021$/);
  });
  test('joins the words of a line drawn as separate items with one space', () => {
    expect(pageText([item('Kính', 40, 500), item('gửi:', 63, 500)])).toBe('Kính gửi:');
  });
  test('writes a blank line where the line spacing opens up (a paragraph break)', () => {
    const items = [item('một', 40, 700), item('hai', 40, 688), item('ba', 40, 676), item('bốn', 40, 640)];
    expect(pageText(items)).toBe('một\nhai\nba\n\nbốn');
  });
});

describe('dropPageFurniture', () => {
  test('drops a page number at the foot or head of a page and a running header, and keeps a number inside the text', () => {
    const pages = ['TỈNH ỦY KON TUM\nSố 235\n2\nmột', 'TỈNH ỦY KON TUM\nhai\n- 2 -', 'TỈNH ỦY KON TUM\nba\nTrang 3'];
    expect(dropPageFurniture(pages)).toEqual(['TỈNH ỦY KON TUM\nSố 235\n2\nmột', 'hai', 'ba']);
  });
});

describe('hasUsableTextLayer', () => {
  test(`needs ${MIN_LETTERS_PER_PAGE} letters a page on average: a scan with page numbers has none`, () => {
    expect(hasUsableTextLayer(['1', '2'])).toBe(false);
    expect(hasUsableTextLayer(['a'.repeat(MIN_LETTERS_PER_PAGE), 'b'.repeat(MIN_LETTERS_PER_PAGE)])).toBe(true);
    expect(hasUsableTextLayer(['a'.repeat(MIN_LETTERS_PER_PAGE), ''])).toBe(false);
  });
});

describe('wordHtmlToText', () => {
  test('writes paragraphs as lines with a blank line between, runs of one style merged into one emphasis', () => {
    expect(wordHtmlToText('<p>Thực hiện <strong>nghiêm</strong><strong> túc</strong> phương châm <em>chống dịch như chống giặc</em></p><p>Hai</p>')).toBe(
      'Thực hiện **nghiêm túc** phương châm *chống dịch như chống giặc*\n\nHai',
    );
  });
  test('sets a table row’s cells side by side, line by line, each padded to its column', () => {
    const html = '<table><tr><td><p>TỈNH ỦY KON TUM</p><p>*</p></td><td><p>ĐẢNG CỘNG SẢN VIỆT NAM</p><p>Kon Tum, ngày 21 tháng 7 năm 2021</p></td></tr></table>';
    expect(wordHtmlToText(html)).toBe('TỈNH ỦY KON TUM     ĐẢNG CỘNG SẢN VIỆT NAM\n*                   Kon Tum, ngày 21 tháng 7 năm 2021');
  });
  test('puts a footnote after the paragraph that cites it, not after the signature, without its "↑" link', () => {
    const html =
      '<p>Thực hiện Công điện<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup>.</p><p>Thái Văn Tưởng</p>' +
      '<ol><li id="footnote-1"><p> Công điện số 05/CĐ-UBND ngày 05/5/2021. <a href="#footnote-ref-1">↑</a></p></li></ol>';
    expect(wordHtmlToText(html)).toBe('Thực hiện Công điện[1].\n\n[1] Công điện số 05/CĐ-UBND ngày 05/5/2021.\n\nThái Văn Tưởng');
  });
  test('keeps a tab or a run of spaces between two columns of a paragraph as a column gap', () => {
    expect(wordHtmlToText('<p>Số 89-TB/HU\tĐịnh Hóa, ngày 15 tháng 11 năm 2021</p><p>Số 90-TB/HU          Định Hóa</p>')).toBe(
      'Số 89-TB/HU     Định Hóa, ngày 15 tháng 11 năm 2021\n\nSố 90-TB/HU          Định Hóa',
    );
  });
  test('decodes the entities mammoth escapes', () => {
    expect(wordHtmlToText('<p>A &amp; B &lt;1&gt; &quot;x&quot;</p>')).toBe('A & B <1> "x"');
  });
});

describe('wordDocText', () => {
  test('sets the tab-separated cells of a .doc table as columns, and paragraphs apart', () => {
    expect(wordDocText('TỈNH ỦY KON TUM\tĐẢNG CỘNG SẢN VIỆT NAM\r\nSố 235-CV/TU\n')).toBe('TỈNH ỦY KON TUM     ĐẢNG CỘNG SẢN VIỆT NAM\n\nSố 235-CV/TU');
  });
});

describe('looksLegacy', () => {
  test('tells TCVN3 glyph codes read as Latin-1 from Unicode Vietnamese', () => {
    expect(looksLegacy('TØnh ñy Kon Tum, ngµy 21 th¸ng 7 n¨m 2021, t¨ng c­êng c¸c biÖn ph¸p cÊp b¸ch phßng, chèng dÞch. '.repeat(2))).toBe(true);
    expect(looksLegacy('Tỉnh ủy Kon Tum, ngày 21 tháng 7 năm 2021, tăng cường các biện pháp cấp bách phòng, chống dịch')).toBe(false);
  });
});
