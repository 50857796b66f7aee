/**
 * Writes each directive's downloads next to its page after the build: the raw source byte for byte
 * (`nguon.txt`), the archive file (`van-ban.md`) and the record as JSON (`van-ban.json`).
 * Plain file copies here instead of Astro endpoints: three routes per directive tripled the
 * pages Astro renders (30,000 extra at 10,000 directives) for what is a copy.
 */
import type { AstroIntegration } from 'astro';
import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import pLimit from 'p-limit';
import { ARCHIVE_DIR, SOURCES_DIR } from '../lib/paths.ts';
import { DOWNLOADS, directivePath } from '../lib/routes.ts';
import { HEADERS_FILE } from '../lib/security.ts';

/**
 * Directives handled at once: enough to keep the disk busy while YAML is parsed (one at a time took
 * 7 s at 10,000 directives), few enough never to exhaust the open-file limit (EMFILE).
 */
const IN_FLIGHT = 32;

async function writeOne(file: string, outDir: string, archiveDir: string, sourcesDir: string): Promise<void> {
  const text = await readFile(join(archiveDir, file), 'utf8');
  // gray-matter's YAML reader would turn "2021-07-21" into a Date if it were unquoted; ingest quotes every string.
  // Its cache is turned off ({}): it would keep every file's text for the whole build.
  const { data, content } = matter(text, {});
  const dir = join(outDir, directivePath(String(data.id)));
  await mkdir(dir, { recursive: true });
  await Promise.all([
    copyFile(join(sourcesDir, String(data.source_file)), join(dir, DOWNLOADS.source)),
    writeFile(join(dir, DOWNLOADS.markdown), text),
    writeFile(join(dir, DOWNLOADS.json), `${JSON.stringify({ ...data, body: content.replace(/^\n/, '') }, null, 2)}\n`),
  ]);
}

export async function writeDownloads(outDir: string, archiveDir = ARCHIVE_DIR, sourcesDir = SOURCES_DIR): Promise<number> {
  const files = (await readdir(archiveDir)).filter((f) => f.endsWith('.md'));
  const limit = pLimit(IN_FLIGHT);
  await Promise.all(files.map((file) => limit(() => writeOne(file, outDir, archiveDir, sourcesDir))));
  return files.length;
}

export function directiveDownloads(): AstroIntegration {
  return {
    name: 'archive-downloads',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const n = await writeDownloads(fileURLToPath(dir));
        // Security headers for hosts that read _headers; the pages carry the same CSP in a meta tag.
        await writeFile(join(fileURLToPath(dir), '_headers'), HEADERS_FILE);
        logger.info(`wrote the downloads of ${n} directives and _headers`);
      },
    },
  };
}
