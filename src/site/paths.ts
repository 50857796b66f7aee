/**
 * Where the site reads the archive from: content/ by default, or the folder named by
 * ARCHIVE_CONTENT (a synthetic archive built by a test or benchmark in a temporary folder,
 * laid out as ingest writes it: `<dir>/*.md` with `<dir>/permalinks.json`, sources in `<dir>/../sources`).
 */
import { join } from 'node:path';

const custom = process.env.ARCHIVE_CONTENT;

export const ARCHIVE_DIR = custom ?? 'content/directives';
export const SOURCES_DIR = process.env.ARCHIVE_SOURCES ?? (custom ? join(custom, '..', 'sources') : 'content/sources');
/** The permalink registry ingest keeps beside the archive it wrote. */
export const REGISTRY_FILE = custom ? join(custom, 'permalinks.json') : 'content/permalinks.json';
