/**
 * The build's log (src/site/integrations/build-log.ts): Astro's two lines per rendered page go, every
 * other line passes to Astro's own log unchanged. The events are shaped as Astro 7 sends them
 * (astro/dist/core/build/generate.js).
 */
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { AstroLoggerMessage } from 'astro';
import buildLog, { isPageLine, renderedPath } from '../../../src/site/integrations/build-log.ts';
import { buildSummary, downloadsDone, downloadsProgress, resetBuildProgress } from '../../../src/site/integrations/build-progress.ts';
import { ARCHIVE_DIR } from '../../../src/site/paths.ts';
import { readdirSync } from 'node:fs';

const info = (label: string | null, message: string, newLine = true): AstroLoggerMessage => ({ level: 'info', label, message, newLine });
const dim = (s: string): string => `\u001b[2m${s}\u001b[22m`;

describe('isPageLine', () => {
  test("matches the page's path and its render time, with or without colours", () => {
    expect(isPageLine(info(null, `  \u001b[34m├─\u001b[39m ${dim('/van-ban/kon-tum/2021-07-21-235-cv-tu/index.html')}`, false))).toBe(true);
    expect(isPageLine(info(null, '  ├─ /thoi-gian/2020-03/index.html', false))).toBe(true);
    expect(isPageLine(info('SKIP_FORMAT', ` ${dim('(+65ms)')} `))).toBe(true);
    expect(isPageLine(info('SKIP_FORMAT', ' (+1.2s) '))).toBe(true);
  });

  test('leaves every other line: an empty page, headings, counts, warnings and errors', () => {
    expect(isPageLine(info('SKIP_FORMAT', ' (+3ms) (file not created, response body was empty)'))).toBe(false);
    expect(isPageLine(info('SKIP_FORMAT', ' generating static routes '))).toBe(false);
    expect(isPageLine(info(null, '✓ Completed in 350ms.\n'))).toBe(false);
    expect(isPageLine(info('build', '10034 page(s) built in 30.28s'))).toBe(false);
    expect(isPageLine(info(null, '  ├─ /index.html'))).toBe(false); // a whole line, not the start of a page's
    expect(isPageLine({ level: 'warn', label: null, message: '  ├─ /index.html', newLine: false })).toBe(false);
    expect(isPageLine({ level: 'error', label: 'SKIP_FORMAT', message: ' (+65ms) ', newLine: true })).toBe(false);
  });
});

describe('renderedPath', () => {
  test("reads the output path from a page's first line, and nothing from any other line", () => {
    expect(renderedPath(info(null, `  \u001b[34m├─\u001b[39m ${dim('/van-ban/kon-tum/2021-07-21-235-cv-tu/index.html')}`, false))).toBe('/van-ban/kon-tum/2021-07-21-235-cv-tu/index.html');
    expect(renderedPath(info('SKIP_FORMAT', ' (+65ms) '))).toBeNull();
    expect(renderedPath(info('build', '10034 page(s) built in 30.28s'))).toBeNull();
  });
});

describe('buildLog', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    resetBuildProgress();
  });

  test("writes what is not a page's line through Astro's log, and nothing for a page", () => {
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = buildLog();
    log.write(info(null, '  ├─ /van-ban/a/index.html', false));
    log.write(info('SKIP_FORMAT', ' (+65ms) '));
    expect(out).not.toHaveBeenCalled();
    log.write(info('build', '10034 page(s) built in 30.28s'));
    expect(out).toHaveBeenCalledTimes(1);
    expect(String(out.mock.calls[0]![0])).toMatch(/\[build\].* 10034 page\(s\) built in 30\.28s\n$/);
  });
});

describe('buildLog on a terminal', () => {
  const isTTY = process.stderr.isTTY;
  afterEach(() => {
    vi.restoreAllMocks();
    resetBuildProgress();
    process.stderr.isTTY = isTTY;
  });
  const directives = readdirSync(ARCHIVE_DIR).filter((f) => f.endsWith('.md')).length;

  test('draws the directive pages rendered out of the archive\'s count on stderr, and erases the line before any other line', () => {
    process.stderr.isTTY = true;
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = buildLog();
    log.write(info(null, '  ├─ /van-ban/a/index.html', false));
    log.write(info('SKIP_FORMAT', ' (+65ms) '));
    log.write(info(null, '  ├─ /tinh/kon-tum/index.html', false)); // not a directive page: not counted
    expect(err).toHaveBeenCalledTimes(1); // drawn once: the next draw waits a second
    expect(String(err.mock.calls[0]![0])).toMatch(new RegExp(`^\\rbuild: rendering 1/${directives} directive pages \\(\\d+%\\)`));
    log.write({ level: 'warn', label: 'build', message: 'a warning', newLine: true });
    expect(String(err.mock.calls.at(-1)![0])).toBe('\r\x1b[K');
    expect(out).toHaveBeenCalledTimes(1);
  });

  test('draws nothing when stderr is not a terminal, and still sums up the pages and downloads', () => {
    process.stderr.isTTY = false;
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = buildLog();
    downloadsProgress(1, 2);
    log.write(info(null, '  ├─ /van-ban/a/index.html', false));
    log.write(info(null, '  ├─ /van-ban/b/index.html', false));
    downloadsDone(2, 1500);
    log.write(info(null, '✓ Completed in 350ms.\n'));
    expect(err).not.toHaveBeenCalled();
    expect(buildSummary()).toMatch(/^rendered 2 directive pages in \d+ ms; the worker wrote 2 directives' downloads in 1\.5 s$/);
  });
});
