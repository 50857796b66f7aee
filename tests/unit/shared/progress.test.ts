/** The progress line of long steps (src/shared/progress.ts): strings in, strings out; the clock and the stream stand in. */
import { describe, expect, test } from 'vitest';
import { createProgress, formatCount, formatDuration, formatProgress, formatRate, timeLeft } from '../../../src/shared/progress.ts';

describe('formatCount', () => {
  test('writes 10000 as "10,000" and 999 as "999"', () => {
    expect(formatCount(10_000)).toBe('10,000');
    expect(formatCount(999)).toBe('999');
  });
});

describe('formatDuration', () => {
  test('says milliseconds below a second, tenths of seconds below a minute, then minutes and seconds', () => {
    expect(formatDuration(850)).toBe('850 ms');
    expect(formatDuration(6140)).toBe('6.1 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });
});

describe('formatRate', () => {
  test('gives items per second, and nothing before there is anything to go by', () => {
    expect(formatRate(10_000, 6100)).toBe('1,639/s');
    expect(formatRate(0, 6100)).toBeNull();
    expect(formatRate(10, 100)).toBeNull();
  });
});

describe('timeLeft', () => {
  test('is what the rate so far needs for the rest', () => {
    expect(timeLeft(2500, 10_000, 5000)).toBe('about 15 s left');
    expect(timeLeft(1000, 10_000, 10_000)).toBe('about 2 min left');
  });

  test('counts down from when the count last moved, for a count that moves a bundle at a time', () => {
    // 3,000 of 9,000 after 30 s: 60 s to go then, 50 s to go ten seconds later.
    expect(timeLeft(3000, 9000, 30_000, 30_000)).toBe('about 1 min left');
    expect(timeLeft(3000, 9000, 40_000, 30_000)).toBe('about 50 s left');
    expect(timeLeft(3000, 9000, 95_000, 30_000)).toBeNull(); // past the estimate: no guess
  });

  test('cannot be told without a total, before the first item, or once done', () => {
    expect(timeLeft(10, null, 5000)).toBeNull();
    expect(timeLeft(0, 100, 5000)).toBeNull();
    expect(timeLeft(100, 100, 5000)).toBeNull();
  });
});

describe('formatProgress', () => {
  test('shows the phase, done/total with the percentage, the rate, the time left and the detail', () => {
    expect(
      formatProgress({ label: 'build', phase: 'rendering', unit: 'directive pages', done: 3120, total: 9930, elapsedMs: 4000, detail: 'downloads written' }),
    ).toBe('build: rendering 3,120/9,930 directive pages (31%) · 780/s · about 9 s left · downloads written');
  });

  test('shows the count and the time so far when the total is not known', () => {
    expect(formatProgress({ label: 'ingest', phase: 'writing', unit: 'files', done: 5371, total: null, elapsedMs: 5900 })).toBe('ingest: writing 5,371 files · 910/s · 5.9 s');
  });

  test('shows the time so far while nothing is counted yet', () => {
    expect(formatProgress({ label: 'index', phase: 'indexing', unit: 'directive pages', done: 0, total: 9930, elapsedMs: 12_300, detail: 'bundle 1/3' })).toBe(
      'index: indexing 0/9,930 directive pages (0%) · 12.3 s · bundle 1/3',
    );
  });
});

/** A stream and a clock the test moves by hand. */
function fakes(isTTY: boolean) {
  const written: string[] = [];
  let t = 0;
  return {
    stream: { isTTY, write: (text: string) => written.push(text) },
    now: () => t,
    advance: (ms: number) => (t += ms),
    written,
  };
}

describe('createProgress', () => {
  test('on a terminal, redraws one line with \\r at most once a second and ends with the summary on a line of its own', () => {
    const f = fakes(true);
    const progress = createProgress({ label: 'ingest', unit: 'sources', stream: f.stream, now: f.now });
    progress.phase('reading', 100);
    f.advance(400);
    progress.update(40); // less than a second since the last line: not drawn
    f.advance(600);
    progress.update(50);
    progress.finish('ingest: 100 sources in 2.0 s');
    expect(f.written).toEqual([
      '\ringest: reading 0/100 sources (0%) · 0 ms\x1b[K',
      '\ringest: reading 50/100 sources (50%) · 50/s · about 1 s left\x1b[K',
      '\r\x1b[K',
      'ingest: 100 sources in 2.0 s\n',
    ]);
  });

  test('when the stream is not a terminal, writes the summary only', () => {
    const f = fakes(false);
    const progress = createProgress({ label: 'ingest', unit: 'sources', stream: f.stream, now: f.now });
    progress.phase('reading', 100);
    f.advance(2000);
    progress.update(50);
    progress.finish('ingest: done');
    expect(progress.live).toBe(false);
    expect(f.written).toEqual(['ingest: done\n']);
  });

  test('when quiet, writes the summary only, even on a terminal', () => {
    const f = fakes(true);
    const progress = createProgress({ label: 'ingest', unit: 'sources', stream: f.stream, now: f.now, quiet: true });
    progress.phase('reading', 100);
    f.advance(2000);
    progress.update(50);
    progress.finish('ingest: done');
    expect(f.written).toEqual(['ingest: done\n']);
  });

  test('cuts a line longer than the terminal, so that \\r still returns to its start', () => {
    const f = fakes(true);
    const progress = createProgress({ label: 'build', unit: 'directive pages', stream: { ...f.stream, columns: 30 }, now: f.now });
    progress.phase('rendering', 9930);
    expect(f.written[0]).toBe('\rbuild: rendering 0/9,930 dir…\x1b[K');
  });

  test('clear erases a drawn line, and nothing when none is drawn', () => {
    const f = fakes(true);
    const progress = createProgress({ label: 'build', unit: 'pages', stream: f.stream, now: f.now });
    progress.clear();
    expect(f.written).toEqual([]);
    progress.phase('rendering', 10);
    progress.clear();
    expect(f.written.at(-1)).toBe('\r\x1b[K');
  });
});
