import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrate, describeCpu, parseGnuTime, runStage } from '../../../scripts/bench/run.ts';

describe('the benchmark reads GNU time', () => {
  it('takes peak memory and CPU seconds from its line', () => {
    expect(parseGnuTime('bench-time rss-kb=1048576 user-s=25.11 system-s=10.22')).toEqual({ peakRssMb: 1024, cpu: { user: 25.11, system: 10.22 } });
    expect(parseGnuTime('  bench-time rss-kb=2048 user-s=0 system-s=0.5\n')).toEqual({ peakRssMb: 2, cpu: { user: 0, system: 0.5 } });
  });

  it('leaves every other line to the log', () => {
    expect(parseGnuTime('indexed 9930 directive pages')).toBeNull();
    expect(parseGnuTime('bench-peak-rss-kb=1024')).toBeNull();
    expect(parseGnuTime('bench-time rss-kb=12 user-s=abc system-s=1')).toBeNull();
  });

  it('says how many cores a stage kept busy', () => {
    expect(describeCpu({ user: 25, system: 11 }, 24, 2)).toBe('36.0 s (user 25.0, kernel 11.0; 1.50 of 2 cores)');
  });
});

const gnuTime = spawnSync('/usr/bin/time', ['--version']).status === 0;
describe.runIf(gnuTime)('a benchmark stage (with GNU time)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-stage-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('records the CPU time of the process tree, children included', async () => {
    // A parent that waits for a child spinning for about 0.4 s of CPU: the child's time must count.
    const spin = 'const t = Date.now(); while (Date.now() - t < 400);';
    const parent = `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(spin)}], { stdio: 'inherit' }); console.log('done');`;
    const stage = await runStage('spin', process.execPath, ['-e', parent], process.env, join(dir, 'spin.log'), dir);
    expect(stage.status).toBe(0);
    expect(stage.tail).toContain('done');
    expect(stage.tail.join('\n')).not.toContain('bench-time');
    expect(stage.cpuSeconds).not.toBeNull();
    expect(stage.cpuSeconds!.user + stage.cpuSeconds!.system).toBeGreaterThanOrEqual(0.3);
    expect(stage.peakSingleRssMb).toBeGreaterThan(10);
  });
});

describe('the calibration taken before each benchmark run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-calibration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('times a CPU loop, file creation and first-touched memory, and leaves its files in place', () => {
    const figures = calibrate(dir, { loop: 1e6, files: 20, memMb: 16 });
    expect(Object.keys(figures).sort()).toEqual(['cpuMs', 'fsMs', 'memMsPerGb']);
    for (const value of Object.values(figures)) {
      expect(Number.isInteger(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
    }
    // Touching 16 MB page by page cannot take no time at all, even scaled to a GB.
    expect(figures.memMsPerGb).toBeGreaterThan(0);
    // Deleting them would slow the pipeline's own file creation on this machine (run.ts).
    expect(readdirSync(join(dir, 'calibration'))).toHaveLength(20);
  });
});
