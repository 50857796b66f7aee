/**
 * The build's log (astro.config.mjs, `logger`): Astro's own (astro/logger/node), less the two
 * lines Astro writes for every page it renders, `  ├─ /van-ban/…/index.html` and ` (+12ms)`: two
 * blocking writes per page on the thread that renders the pages, for a list no one reads (with four
 * pages rendering at once, a page's time is not even on its line; docs/decisions/0016-build-log-filter.md). Every other line passes unchanged: warnings, errors, the count of pages
 * built, and a page that rendered to nothing.
 * The page lines are counted instead, for the build's progress line (build-progress.ts), which
 * is erased before any other line is written.
 */
import { stripVTControlCharacters } from 'node:util';
import type { AstroLoggerDestination, AstroLoggerMessage } from 'astro';
import nodeLog, { type NodeHandlerConfig } from 'astro/logger/node';
import { clearProgressLine, pageRendered, pagesDone } from './build-progress.ts';

/** One of the two lines Astro writes for each page it renders (matched on the text without colours). */
export function isPageLine({ level, label, message, newLine }: AstroLoggerMessage): boolean {
  if (level !== 'info') return false;
  const text = stripVTControlCharacters(message);
  if (label === null) return !newLine && /^\s+[├└]─ \S+$/.test(text);
  return label === 'SKIP_FORMAT' && /^\s*\(\+[\d.]+m?s\)\s*$/.test(text);
}

/** The output path in a page's first line ("/van-ban/…/index.html"), or null for any other line. */
export function renderedPath(event: AstroLoggerMessage): string | null {
  if (!isPageLine(event) || event.label !== null) return null;
  return stripVTControlCharacters(event.message).trim().split(' ')[1] ?? null;
}

/** The line Astro writes when it has rendered every page ("✓ Completed in 13.2s."). */
const isRenderingDone = ({ label, message }: AstroLoggerMessage): boolean => label === null && /Completed in /.test(stripVTControlCharacters(message));

export default function buildLog(config?: NodeHandlerConfig): AstroLoggerDestination {
  const astro = nodeLog(config);
  return {
    write: (event) => {
      if (isPageLine(event)) {
        const path = renderedPath(event);
        if (path) pageRendered(path);
        return;
      }
      if (isRenderingDone(event)) pagesDone();
      else clearProgressLine();
      astro.write(event);
    },
  };
}
