/**
 * Content-layer loader for the archive: reads every `*.md` in the archive folder with
 * gray-matter and validates the frontmatter with the shared schema (a malformed file fails the build
 * naming the file and field). Bodies stay in the files (readBody).
 * Unchanged files are skipped by digest, so rebuilds only re-read what changed.
 */
import type { Loader } from 'astro/loaders';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { ARCHIVE_DIR } from './paths.ts';
import matter from 'gray-matter';
import { bodyToHtml } from './body-html.ts';

/**
 * The body of an archive file: what follows the frontmatter. Ingest writes every frontmatter value
 * on one line as a JSON string (renderDirective), so its closing `---` line is the first line that
 * is only `---`. Reading the YAML again only to skip it took a second of a 10,000-directive build.
 */
export function bodyOf(text: string): string {
  const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 3) : -1;
  if (end === -1) throw new Error('an archive file must start with frontmatter between two "---" lines');
  return text.slice(end + 5);
}

/** A directive's body as HTML, read from its file in the archive folder (see the note in the loader). */
export async function readBody(filePath: string, dir = ARCHIVE_DIR): Promise<string> {
  const path = join(dir, basename(filePath));
  try {
    return bodyToHtml(bodyOf(await readFile(path, 'utf8')));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Files read at once by the loader: overlaps the reads, bounded so 50,000 files never hit EMFILE. */
const READ_AHEAD = 64;

export function archiveLoader(dir: string): Loader {
  return {
    name: 'archive-loader',
    load: async ({ store, parseData, generateDigest, logger, config }) => {
      const files = (await readdir(dir)).filter((f) => f.endsWith('.md')).sort();
      const root = new URL('.', config.root).pathname;
      const seen = new Set<string>();
      // Files are read a batch at a time (one by one took seconds at 10,000), processed in order.
      for (let start = 0; start < files.length; start += READ_AHEAD) {
        const batch = files.slice(start, start + READ_AHEAD);
        const texts = await Promise.all(batch.map((file) => readFile(join(dir, file), 'utf8')));
        for (const [k, file] of batch.entries()) {
          const path = join(dir, file);
          const text = texts[k]!;
          const digest = generateDigest(text);
          const { data: raw } = matter(text, {});
          const id = typeof raw.id === 'string' ? raw.id : file;
          if (seen.has(id)) throw new Error(`${path}: id "${id}" is used by another directive; run npm run ingest, which keeps ids unique`);
          seen.add(id);
          if (store.get(id)?.digest === digest) continue;
          const filePath = relative(root, path);
          const data = await parseData({ id, data: raw, filePath });
          // Only metadata goes into the content store: Astro serializes the store as one string, which
          // with every body held fails past ~30,000 directives ("Invalid string length"). Pages read
          // the body from the file when they render (readBody).
          store.set({ id, data, filePath, digest });
        }
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${files.length} directives from ${dir}`);
    },
  };
}
