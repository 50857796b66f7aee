import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { bodyOf, frontmatterOf } from '../../../src/site/archive-loader.ts';

/** Every file of the real archive, by name (there is at least one). */
async function archiveFiles(): Promise<Array<[string, string]>> {
  const dir = join(import.meta.dirname, '../../../content/directives');
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
