/**
 * Content-layer loader for the archive: reads every `*.md` in the archive folder with
 * gray-matter and validates the frontmatter with the shared schema (a malformed file fails the build
 * naming the file and field). Bodies stay in the files (readBody).
 * Unchanged files are recognised by digest, so rebuilds validate again only what changed.
 */
import type { Loader } from 'astro/loaders';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ARCHIVE_DIR } from './paths.ts';
import matter from 'gray-matter';
import { bodyToHtml, bodyToText } from './body-html.ts';

/**
 * The body of an archive file: what follows the frontmatter. Ingest writes every frontmatter value
 * on one line as a JSON string (renderDirective), so its closing `---` line is the first line that
 * is only `---`, and the YAML need not be read again only to skip it (docs/decisions/0013-gray-matter-frontmatter-only.md).
 */
export function bodyOf(text: string): string {
  return text.slice(frontmatterEnd(text));
}

/** Where the frontmatter of an archive file ends: just after its closing `---` line. */
function frontmatterEnd(text: string): number {
  const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 3) : -1;
  if (end === -1) throw new Error('an archive file must start with frontmatter between two "---" lines');
  return end + 5;
}

/** The frontmatter of the archive file at `path`, both `---` lines included. */
export function frontmatterOf(text: string, path: string): string {
  try {
    return text.slice(0, frontmatterEnd(text));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * A directive's body as HTML, read from its file in the archive folder (see the note in the loader).
 * A blocking read on purpose, here and in the loader: for thousands of small files, each
 * asynchronous read is four trips through libuv's thread pool (open, stat, read, close), each
 * waking a thread, on cores the build already keeps busy (docs/decisions/0006-blocking-io-for-small-files.md).
 */
export function readBody(filePath: string, dir = ARCHIVE_DIR): string {
  const path = join(dir, basename(filePath));
  try {
    return bodyToHtml(bodyOf(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** A directive's body as plain text, read from its file like readBody (for finding a principle's spellings). */
export function readBodyText(filePath: string, dir = ARCHIVE_DIR): string {
  const path = join(dir, basename(filePath));
  try {
    return bodyToText(bodyOf(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`, { cause: error });
  }
}

export function archiveLoader(dir: string): Loader {
  return {
    name: 'archive-loader',
    load: async ({ store, parseData, generateDigest, logger, config }) => {
      const files = readdirSync(dir).filter((f) => f.endsWith('.md')).sort();
      const root = new URL('.', config.root).pathname;
      const seen = new Set<string>();
      // Blocking reads, one file at a time (readBody says why).
      for (const file of files) {
        const path = join(dir, file);
        const text = readFileSync(path, 'utf8');
        const digest = generateDigest(text);
        // gray-matter is given the frontmatter alone: it looks every text it parses up in a cache
        // keyed by the whole text, and hashing every body is time wasted (decision 0013).
        const { data: raw } = matter(frontmatterOf(text, path), {});
        const id = typeof raw.id === 'string' ? raw.id : file;
        if (seen.has(id)) throw new Error(`${path}: id "${id}" is used by another directive; run npm run ingest, which keeps ids unique`);
        seen.add(id);
        if (store.get(id)?.digest === digest) continue;
        const filePath = relative(root, path);
        const data = await parseData({ id, data: raw, filePath });
        // Only metadata goes into the content store: Astro serializes the store as one string, which
        // with every body held outgrows V8's longest string ("Invalid string length"). Pages read
        // the body from the file when they render (readBody; docs/decisions/0011-content-store-metadata-only.md).
        store.set({ id, data, filePath, digest });
      }
      for (const id of store.keys()) if (!seen.has(id)) store.delete(id);
      logger.info(`${files.length} directives from ${dir}`);
    },
  };
}
