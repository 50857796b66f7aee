import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { bodyOf, frontmatterOf } from '../../src/lib/archive-loader.ts';
import { bodyToHtml, inlineToHtml } from '../../src/lib/body-html.ts';
import { paragraphToMarkdown, paragraphToPlain } from '../../scripts/ingest/body.ts';

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
});

/** Every file of the real archive, by name (there is at least one). */
async function archiveFiles(): Promise<Array<[string, string]>> {
  const dir = join(import.meta.dirname, '../../content/directives');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.md'));
  expect(files.length).toBeGreaterThan(0);
  return Promise.all(files.map(async (f): Promise<[string, string]> => [f, await readFile(join(dir, f), 'utf8')]));
}

describe('bodyOf: the body of an archive file, without reading its YAML', () => {
  test('is what gray-matter gives as content, for every directive in the archive', async () => {
    for (const [f, text] of await archiveFiles()) {
      expect(bodyOf(text), f).toBe(matter(text, {}).content);
    }
  });
  test('stops at the first closing line, so a "---" line in the body stays in the body', () => {
    expect(bodyOf('---\nid: "a"\n---\n\nMột\n\n---\n\nHai\n')).toBe('\nMột\n\n---\n\nHai\n');
  });
  test('refuses a file without frontmatter', () => {
    expect(() => bodyOf('Một đoạn văn\n')).toThrow(/frontmatter/);
  });
});

describe('frontmatterOf: what the loader gives gray-matter', () => {
  test('gives the same data as the whole file, for every directive in the archive', async () => {
    for (const [f, text] of await archiveFiles()) {
      const head = frontmatterOf(text, f);
      expect(head.length, f).toBeLessThan(text.length);
      expect(matter(head, {}).data, f).toEqual(matter(text, {}).data);
    }
  });
  test('refuses a file without frontmatter, naming it', () => {
    expect(() => frontmatterOf('Một đoạn văn\n', 'content/directives/x.md')).toThrow(/^content\/directives\/x\.md: .*frontmatter/);
  });
});
