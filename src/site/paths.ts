/**
 * Where the site reads the archive from: content/ by default, or the folder named by
 * ARCHIVE_CONTENT (a synthetic archive built by a test or benchmark in a temporary folder,
 * laid out as ingest writes it: `<dir>/*.md` with `<dir>/permalinks.json`, sources in `<dir>/../sources`,
 * or in the folder ARCHIVE_SOURCES names).
 */
import { join } from 'node:path';

const custom = process.env.ARCHIVE_CONTENT;

export const ARCHIVE_DIR = custom ?? 'content/directives';
export const SOURCES_DIR = process.env.ARCHIVE_SOURCES ?? (custom ? join(custom, '..', 'sources') : 'content/sources');
/** Curated titles and notes of cited documents (content/curation/dan-chieu/<slug>.yml), beside the archive's curation. */
export const CITED_CURATION_DIR = custom ? join(custom, '..', 'curation', 'dan-chieu') : 'content/curation/dan-chieu';
/** The permalink registry ingest keeps beside the archive it wrote. */
export const REGISTRY_FILE = custom ? join(custom, 'permalinks.json') : 'content/permalinks.json';

/** Reads a folder's file names (null when there is no such folder) and the start of a file. */
export interface SourcesCheckIO {
  listFiles(dir: string): string[] | null;
  readHead(path: string): string;
}

/** The frontmatter's `source_file: "…"` (ingest writes every string as a JSON string). */
const sourceFileOf = (text: string): string | null => {
  const raw = /^source_file:\s*(.+)$/m.exec(text)?.[1]?.trim();
  if (!raw) return null;
  try {
    return String(JSON.parse(raw));
  } catch {
    return raw.replace(/^['"]|['"]$/g, '');
  }
};

/**
 * Every directive's raw source must be in the sources folder: the build copies it beside the page
 * (its `nguon.txt` download), and a page whose source is missing would fail thousands of pages
 * later with a bare ENOENT. Ingest names each directive file after its source (`<stem>.md`), so
 * two folder listings find the missing ones; only those files are opened, to name their sources.
 * Returns the message (naming the missing files and how to point at the sources), or null.
 */
export function missingSourcesMessage(archiveDir: string, sourcesDir: string, io: SourcesCheckIO): string | null {
  const directives = io.listFiles(archiveDir)?.filter((f) => f.endsWith('.md')) ?? [];
  if (directives.length === 0) return null;
  const sources = io.listFiles(sourcesDir);
  const stems = new Set((sources ?? []).map((f) => f.replace(/\.[^.]+$/, '')));
  const missing = directives.filter((f) => !stems.has(f.slice(0, -'.md'.length)));
  if (missing.length === 0) return null;
  const named = missing.slice(0, 3).map((f) => {
    const source = sourceFileOf(io.readHead(join(archiveDir, f))) ?? `${f.slice(0, -'.md'.length)}.*`;
    return `  ${join(sourcesDir, source)} (the source of ${join(archiveDir, f)})`;
  });
  const more = missing.length > named.length ? [`  and ${missing.length - named.length} more`] : [];
  const where = sources === null ? `${sourcesDir} does not exist` : `${missing.length} of ${directives.length} directives have no source in ${sourcesDir}`;
  return [
    `The archive's raw sources are not where the build looks for them: ${where}.`,
    'Missing:',
    ...named,
    ...more,
    'The build copies each source beside its page. Set ARCHIVE_SOURCES to the folder the archive was ingested from,',
    'e.g. `ARCHIVE_SOURCES=/path/to/sources npm run build` (without it, sources are read from content/sources, or from',
    '<ARCHIVE_CONTENT>/../sources when ARCHIVE_CONTENT is set).',
  ].join('\n');
}
