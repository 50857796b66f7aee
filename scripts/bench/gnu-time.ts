/**
 * GNU time (`/usr/bin/time`) as the benchmarks use it: the line it writes after a command, with the
 * command's peak resident memory (its largest single process) and CPU time (the children it waited
 * for included), and how to read that line back.
 */
import { spawnSync } from 'node:child_process';

export interface CpuSeconds {
  user: number;
  system: number;
}

/** The format given to GNU time's `-f`. */
export const GNU_TIME_FORMAT = 'bench-time rss-kb=%M user-s=%U system-s=%S';

/** Whether this machine has GNU time (checked once, when first asked). */
let available: boolean | undefined;
export function hasGnuTime(): boolean {
  return (available ??= spawnSync('/usr/bin/time', ['--version'], { encoding: 'utf8' }).status === 0);
}

/** Peak RSS (MB) and CPU seconds from GNU time's line, or null for any other line. */
export function parseGnuTime(line: string): { peakRssMb: number; cpu: CpuSeconds } | null {
  const m = /^bench-time rss-kb=(\d+) user-s=(\d+(?:\.\d+)?) system-s=(\d+(?:\.\d+)?)$/.exec(line.trim());
  return m ? { peakRssMb: Number(m[1]) / 1024, cpu: { user: Number(m[2]), system: Number(m[3]) } } : null;
}
