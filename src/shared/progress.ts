/**
 * Where a long step is (ingest, the site build, the search index): on a terminal, one line redrawn
 * in place (`\r`) about once a second, with done/total, rate and time left; when the output is not
 * a terminal (a log file, CI) or the command was asked to be quiet, nothing until the one-line
 * summary at the end, so logs stay short and diffable. The formatting is pure (`formatProgress`);
 * the stream and the clock come in as arguments.
 */

/** How often the line is redrawn: often enough to look alive, rarely enough to cost nothing. */
export const PROGRESS_INTERVAL_MS = 1000;

export interface ProgressState {
  /** The command or step: "ingest", "build", "index". */
  label: string;
  /** What it is doing now, e.g. "extracting" (optional). */
  phase?: string;
  /** What is counted: "sources", "pages". */
  unit: string;
  done: number;
  /** Null when the total is not known. */
  total: number | null;
  /** Since the phase started. */
  elapsedMs: number;
  /** When the count last moved, since the phase started (default: elapsedMs). Rate and time left are
   * measured up to then, so a count that moves in big steps (a bundle at a time) counts down between them. */
  countedMs?: number;
  /** Said after the count, e.g. "downloads 5,000/10,000". */
  detail?: string;
}

/** 10000 → "10,000" (the same on every machine). */
export const formatCount = (n: number): string => Math.round(n).toLocaleString('en-US');

/** 850 → "850 ms", 6140 → "6.1 s", 125000 → "2 min 05 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

/** Items per second, "1,640/s"; null before there is anything to go by. */
export function formatRate(done: number, elapsedMs: number): string | null {
  if (done <= 0 || elapsedMs < 500) return null;
  return `${formatCount((done * 1000) / elapsedMs)}/s`;
}

/**
 * Time left at the rate so far ("about 12 s left", "about 3 min left"), counted down from when the
 * count last moved; null when it cannot be told (yet, or any more).
 */
export function timeLeft(done: number, total: number | null, elapsedMs: number, countedMs = elapsedMs): string | null {
  if (total === null || done <= 0 || done >= total || countedMs < 500) return null;
  const ms = ((total - done) * countedMs) / done - (elapsedMs - countedMs);
  // Past the estimate (the machine slowed down): no guess rather than a wrong one.
  if (ms < 1000) return null;
  return ms < 60_000 ? `about ${Math.round(ms / 1000)} s left` : `about ${Math.round(ms / 60_000)} min left`;
}

/** The progress line: `build: rendering 3,120/10,034 pages (31%) · 840/s · about 8 s left · downloads 10,000/10,000`. */
export function formatProgress(s: ProgressState): string {
  const count =
    s.total === null
      ? `${formatCount(s.done)} ${s.unit}`
      : `${formatCount(s.done)}/${formatCount(s.total)} ${s.unit} (${s.total === 0 ? 100 : Math.floor((100 * s.done) / s.total)}%)`;
  const parts = [
    `${s.label}: ${s.phase ? `${s.phase} ` : ''}${count}`,
    formatRate(s.done, s.countedMs ?? s.elapsedMs),
    timeLeft(s.done, s.total, s.elapsedMs, s.countedMs) ?? formatDuration(s.elapsedMs),
    s.detail,
  ];
  return parts.filter(Boolean).join(' · ');
}

/** The stream the line is drawn on: process.stderr, or a test's stand-in. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  label: string;
  unit: string;
  total?: number | null;
  phase?: string;
  /** No line at all, only the summary. */
  quiet?: boolean;
  stream?: ProgressStream;
  /** Milliseconds from any origin (performance.now by default). */
  now?: () => number;
  /** Redraws the line on a timer too, so a long wait between counts still shows time passing. */
  timer?: boolean;
}

export interface Progress {
  /** True when a line is drawn (a terminal, not quiet). */
  readonly live: boolean;
  /** Starts a new phase: the count, its total and the clock start again. */
  phase(phase: string, total?: number | null, unit?: string): void;
  /** The count so far (and what to say after it); redrawn at most once per interval. */
  update(done: number, detail?: string): void;
  /** Erases the line, so that other output starts on a clean line (the next update draws it again). */
  clear(): void;
  /** Erases the line, stops the timer and writes `summary` on a line of its own to the stream (unless null). */
  finish(summary?: string | null): void;
}

/** A progress line on `stream` (stderr by default), drawn only when it is a terminal and not quiet. */
export function createProgress(options: ProgressOptions): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const live = Boolean(stream.isTTY) && !options.quiet;
  const state: ProgressState = { label: options.label, phase: options.phase, unit: options.unit, done: 0, total: options.total ?? null, elapsedMs: 0 };
  let started = now();
  let drawnAt = -Infinity;
  let drawn = false;
  const draw = (): void => {
    state.elapsedMs = now() - started;
    const width = (stream.columns ?? 0) - 1;
    const line = formatProgress(state);
    // A line longer than the terminal wraps, and `\r` would only go back to its last row.
    stream.write(`\r${width > 20 && line.length > width ? `${line.slice(0, width - 1)}…` : line}\x1b[K`);
    drawnAt = now();
    drawn = true;
  };
  const timer = live && options.timer ? setInterval(draw, PROGRESS_INTERVAL_MS) : null;
  timer?.unref();
  const clear = (): void => {
    if (drawn) stream.write('\r\x1b[K');
    drawn = false;
  };
  return {
    live,
    phase(phase, total = null, unit = state.unit) {
      Object.assign(state, { phase, total, unit, done: 0, countedMs: undefined, detail: undefined });
      started = now();
      if (live) draw();
    },
    update(done, detail) {
      if (done !== state.done) state.countedMs = now() - started;
      state.done = done;
      if (detail !== undefined) state.detail = detail;
      if (live && now() - drawnAt >= PROGRESS_INTERVAL_MS) draw();
    },
    clear,
    finish(summary) {
      if (timer) clearInterval(timer);
      clear();
      if (summary != null) stream.write(`${summary}\n`);
    },
  };
}
