/**
 * The permalink registry as the site reads it: the Astro config (redirects, sitemap), the
 * permalink route (withdrawn pages, the check that every published id answers) and the home page
 * (latest additions) all read it here, through the shared parser that refuses an unsafe entry.
 */
import { existsSync, readFileSync } from 'node:fs';
import { emptyRegistry, parseRegistry, type Registry } from '../shared/registry.ts';
import { ARCHIVE_DIR, REGISTRY_FILE } from './paths.ts';
import { directivePath } from './routes.ts';

/** The registry beside the archive; none yet (an archive never ingested with one) reads as empty. */
export function readRegistry(file = REGISTRY_FILE): Registry {
  return existsSync(file) ? parseRegistry(readFileSync(file, 'utf8'), file) : emptyRegistry();
}

/** Astro `redirects`: each retired id's path → the path of the id that replaced it. */
export const redirectPaths = (registry: Registry): Record<string, string> =>
  Object.fromEntries(Object.entries(registry.redirects).map(([from, to]) => [directivePath(from), directivePath(to)]));

/** Paths of the withdrawn pages (kept out of the sitemap: they are noindex). */
export const withdrawnPaths = (registry: Registry): Set<string> => new Set(Object.keys(registry.withdrawn).map(directivePath));

/**
 * Published permalinks the archive would leave unanswered, one line each: an id the registry gives
 * a source but no directive file carries, or a withdrawn id a directive file still carries (its
 * page and the withdrawal notice would claim one address). None, or the build stops.
 */
export function unansweredPermalinks(registry: Registry, pageIds: ReadonlySet<string>, archiveDir = ARCHIVE_DIR): string[] {
  const out: string[] = [];
  for (const [source, id] of Object.entries(registry.ids)) {
    if (!pageIds.has(id)) out.push(`"${id}" (${source}): no directive in ${archiveDir} has this id`);
  }
  for (const [id, w] of Object.entries(registry.withdrawn)) {
    if (pageIds.has(id)) out.push(`"${id}" (${w.source}): withdrawn, yet a directive in ${archiveDir} still has this id`);
  }
  return out.sort();
}

/** Throws, naming every id, when a published permalink would not answer (unansweredPermalinks). */
export function assertPermalinksAnswer(registry: Registry, pageIds: ReadonlySet<string>, file = REGISTRY_FILE, archiveDir = ARCHIVE_DIR): void {
  const problems = unansweredPermalinks(registry, pageIds, archiveDir);
  if (problems.length === 0) return;
  throw new Error(
    `${file}: ${problems.length} published permalink(s) would not answer:${problems.map((p) => `\n  ${p}`).join('')}\n` +
      'Run npm run ingest (it keeps the last good page of a rejected source), or withdraw the directive (docs/curating.md)',
  );
}

/**
 * The day of this edition of the archive: the newest day the registry records (an addition, a
 * correction, a withdrawal). Never the build's own day, so two builds of one archive are
 * identical; null for an archive whose registry records no day.
 */
export function editionDate(registry: Registry): string | null {
  const days = [...Object.values(registry.added), ...Object.values(registry.corrected).map((c) => c.date), ...Object.values(registry.withdrawn).map((w) => w.date)];
  return days.reduce<string | null>((newest, day) => (newest === null || day > newest ? day : newest), null);
}
