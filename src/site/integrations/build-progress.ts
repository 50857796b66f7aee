/**
 * The build's progress line (src/shared/progress.ts) while Astro renders the pages: the directive
 * pages rendered, counted by the build's log (build-log.ts) from Astro's line per page, and the
 * downloads the worker has written (downloads.ts). Drawn only when stderr is a terminal; the
 * summary goes through Astro's log at the end of the build either way.
 * Astro imports the logger with Node and the integrations through Vite, so the two hold separate
 * copies of every module: the state they share lives on globalThis.
 */
import { readdirSync } from 'node:fs';
import { createProgress, formatCount, formatDuration, formatRate, type Progress } from '../../shared/progress.ts';
import { ROUTES } from '../routes.ts';
import { ARCHIVE_DIR } from '../paths.ts';

interface BuildProgress {
  line: Progress | null;
  pages: number;
  pagesTotal: number | null;
  pagesStarted: number | null;
  pagesMs: number | null;
  downloads: number;
  downloadsTotal: number | null;
  downloadsMs: number | null;
  bulkMs: number | null;
}

const KEY = Symbol.for('covid-directives-archive.build-progress');
const shared = globalThis as { [KEY]?: BuildProgress };

function state(): BuildProgress {
  shared[KEY] ??= {
    line: null,
    pages: 0,
    pagesTotal: null,
    pagesStarted: null,
    pagesMs: null,
    downloads: 0,
    downloadsTotal: null,
    downloadsMs: null,
    bulkMs: null,
  };
  return shared[KEY];
}

/** Forgets the counts (a test, or a second build in the same process). */
export function resetBuildProgress(): void {
  shared[KEY]?.line?.finish();
  delete shared[KEY];
}

/** The directives the build renders a page for: ingest writes one file each. */
function directiveCount(): number | null {
  try {
    return readdirSync(ARCHIVE_DIR).filter((f) => f.endsWith('.md')).length;
  } catch {
    return null;
  }
}

function detail(s: BuildProgress): string | undefined {
  if (s.downloadsTotal === null) return undefined;
  return s.downloadsMs !== null ? 'downloads written' : `downloads ${formatCount(s.downloads)}/${formatCount(s.downloadsTotal)}`;
}

/** A page's line from Astro's log (its output path): a directive page counts towards the total. */
export function pageRendered(path: string, stream?: { isTTY?: boolean; columns?: number; write(text: string): unknown }): void {
  const s = state();
  if (s.pagesMs !== null || !path.startsWith(ROUTES.directive)) return;
  if (s.pagesStarted === null) {
    s.pagesStarted = performance.now();
    s.pagesTotal = directiveCount();
    s.line = createProgress({ label: 'build', phase: 'rendering', unit: 'directive pages', total: s.pagesTotal, timer: true, ...(stream ? { stream } : {}) });
  }
  // Retired ids' redirect pages live under the same prefix; the count stops at the total.
  s.pages = Math.min(s.pages + 1, s.pagesTotal ?? Infinity);
  s.line?.update(s.pages, detail(s));
}

/** Erases the line before another line of the log is written (it is drawn again with the next page). */
export function clearProgressLine(): void {
  state().line?.clear();
}

/** Rendering is over: the line goes, the time is kept for the summary. */
export function pagesDone(): void {
  const s = state();
  if (s.pagesStarted === null || s.pagesMs !== null) return;
  s.pagesMs = performance.now() - s.pagesStarted;
  s.line?.finish();
  s.line = null;
}

/** The downloads worker's count so far. */
export function downloadsProgress(done: number, total: number): void {
  const s = state();
  s.downloads = done;
  s.downloadsTotal = total;
  s.line?.update(s.pages, detail(s));
}

/** The downloads worker is done: `n` directives in `ms`, `bulkMs` of it on the bulk data. */
export function downloadsDone(n: number, ms: number, bulkMs: number | null = null): void {
  const s = state();
  Object.assign(s, { downloads: n, downloadsTotal: n, downloadsMs: ms, bulkMs });
  s.line?.update(s.pages, detail(s));
}

/** One line for the end of the build: what was rendered and written, how fast. */
export function buildSummary(): string | null {
  const s = state();
  const parts: string[] = [];
  if (s.pagesMs !== null) {
    const rate = formatRate(s.pages, s.pagesMs);
    parts.push(`rendered ${formatCount(s.pages)} directive pages in ${formatDuration(s.pagesMs)}${rate ? ` (${rate})` : ''}`);
  }
  if (s.downloadsMs !== null) {
    const bulk = s.bulkMs === null ? '' : ` (the bulk data ${formatDuration(s.bulkMs)} of it)`;
    parts.push(`the worker wrote ${formatCount(s.downloads)} directives' downloads in ${formatDuration(s.downloadsMs)}${bulk}`);
  }
  return parts.length > 0 ? parts.join('; ') : null;
}
