/**
 * Content-layer loader for the archive: reads every `*.md` in the archive folder with
 * gray-matter, validates the frontmatter with the shared schema (a malformed file fails the build
 * naming the file and field), and stores the body already rendered by bodyToHtml.
 * Unchanged files are skipped by digest, so rebuilds only re-read what changed.
 */
import type { Loader } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import matter from 'gray-matter';
import { bodyToHtml } from './body-html.ts';

export function archiveLoader(dir: string): Loader {
  return {
    name: 'archive-loader',
    load: async ({ store, parseData, generateDigest, logger, config }) => {
      const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
      const root = new URL('.', config.root).pathname;
      const seen = new Set<string>();
      for (const file of files) {
        const path = join(dir, file);
        const text = await readFile(path, 'utf8');
        const digest = generateDigest(text);
        const { data: raw, content } = matter(text);
        const id = typeof raw.id === 'string' ? raw.id : file;
        if (seen.has(id)) throw new Error(`${path}: id "${id}" is used by another directive; run npm run ingest, which keeps ids unique`);
        seen.add(id);
        if (store.get(id)?.digest === digest) continue;
        const filePath = relative(root, path);
        const data = await parseData({ id, data: raw, filePath });
        store.set({ id, data, body: content, filePath, digest, rendered: { html: bodyToHtml(content) } });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${files.length} directives from ${dir}`);
    },
  };
}
