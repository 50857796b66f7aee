import { describe, expect, test } from 'vitest';
import { bodyToHtml, inlineToHtml, bodyToText } from '../../../src/site/body-html.ts';
import { paragraphToMarkdown, paragraphToPlain } from '../../../scripts/ingest/body.ts';

/** The text a browser shows for an HTML fragment (tags dropped, entities decoded). */
const shown = (html: string): string =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

describe('bodyToHtml', () => {
  test('numbers paragraphs doan-1, doan-2 in order, each with a self-link', () => {
    const html = bodyToHtml('Một.\n\nHai.\n\nBa.');
    expect([...html.matchAll(/<p id="(doan-\d+)"/g)].map((m) => m[1])).toEqual(['doan-1', 'doan-2', 'doan-3']);
    expect(html).toContain('<a href="#doan-2" class="para-link" data-pagefind-ignore>¶');
  });
  test('renders emphasis and keeps a literal asterisk', () => {
    expect(inlineToHtml('phương châm “*chống dịch như chống giặc*”, **5K** và \\* sao')).toBe(
      'phương châm “<em>chống dịch như chống giặc</em>”, <strong>5K</strong> và * sao',
    );
  });
});

describe('ingest Markdown → HTML shows exactly the source text', () => {
  const cases = [
    '1. Các cơ quan tham mưu giúp việc Tỉnh ủy; 2) tiếp tục.',
    '- Thực hiện tốt việc tổ chức cách ly, điều trị',
    '+ Văn phòng HĐND&UBND huyện; 50% số hộ; a_b; `mã`; | ống |; ~ngã~',
    'Văn bản có <script>alert(1)</script> và <img src=x onerror=alert(2)> và [bấm](javascript:alert(3)).',
    '# không phải tiêu đề > không phải trích dẫn',
    'Giữ \\* dấu sao và \\\\ gạch chéo',
  ];
  test.each(cases)('%s', (source) => {
    const html = inlineToHtml(paragraphToMarkdown(source));
    expect(shown(html)).toBe(paragraphToPlain(source));
    expect(html).not.toMatch(/<(script|img|a|h1|blockquote)\b/);
  });
  test.each(cases)('and bodyToText reads it back as the plain text: %s', (source) => {
    expect(bodyToText(paragraphToMarkdown(source))).toBe(paragraphToPlain(source));
  });
});

describe('bodyToText', () => {
  test('gives the text ingest read: escapes resolved, emphasis marks gone, one paragraph a line', () => {
    expect(bodyToText('Thực hiện \\*phương châm\\* *“4 tại chỗ”*\nvà **5K**.\n\n2\\. Giãn cách \\<b\\>')).toBe('Thực hiện *phương châm* “4 tại chỗ” và 5K.\n2. Giãn cách <b>');
  });
});
