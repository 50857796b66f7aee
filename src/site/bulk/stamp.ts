/**
 * The data page (/du-lieu/) gives each bulk file's size and SHA-256, which exist only once the
 * downloads worker has written the files, while Astro renders the page at the same time. So the
 * page is rendered with a token where each figure goes, and the build puts the figures in when
 * the worker is done (src/site/integrations/downloads.ts): the files are computed once, on the core
 * Astro leaves idle (docs/decisions/0030-bulk-data.md).
 */
import { count } from '../format.ts';
import type { BulkFileName } from '../routes.ts';
import type { BulkFileSummary } from './collector.ts';

export type BulkFigure = 'bytes' | 'size' | 'sha256';

/** Where the page wants a figure: `@@bulk:van-ban.csv:sha256@@` (plain ASCII, which HTML and JSON leave as it is). */
export const bulkToken = (name: BulkFileName, figure: BulkFigure): string => `@@bulk:${name}:${figure}@@`;

const TOKEN = /@@bulk:([^:@]+):([a-z0-9]+)@@/g;

/** "12,3 MB", "845 kB", "950 byte": sizes in units of 1000, as the page's readers count them. */
export function humanSize(bytes: number): string {
  const [value, unit] = bytes >= 1e6 ? [bytes / 1e6, 'MB'] : bytes >= 1e3 ? [bytes / 1e3, 'kB'] : [bytes, 'byte'];
  const digits = unit === 'byte' || value >= 100 ? 0 : 1;
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${unit}`;
}

/**
 * The page with every token replaced. Throws on a token the files do not answer (a file the build
 * did not write, a figure it does not know) and when a file is never mentioned: either is a page
 * out of step with the files, which must not be published.
 */
export function stampDataPage(html: string, files: readonly BulkFileSummary[], page: string): string {
  const byName = new Map(files.map((f) => [f.name as string, f]));
  const mentioned = new Set<string>();
  const out = html.replace(TOKEN, (token, name: string, figure: string) => {
    const file = byName.get(name);
    if (!file) throw new Error(`${page}: ${token} names a file the build did not write (it wrote ${[...byName.keys()].join(', ')})`);
    mentioned.add(name);
    if (figure === 'bytes') return String(file.bytes);
    if (figure === 'size') return `${humanSize(file.bytes)} (${count(file.bytes)} byte)`;
    if (figure === 'sha256') return file.sha256;
    throw new Error(`${page}: ${token}: expected bytes, size or sha256`);
  });
  const missing = files.filter((f) => !mentioned.has(f.name)).map((f) => f.name);
  if (missing.length > 0) throw new Error(`${page}: says nothing of ${missing.join(', ')}, which the build wrote; list every bulk file on the data page`);
  return out;
}
