/**
 * An ingest killed midway leaves every file whole, as it was before the run or as the run would
 * write it, and a re-run converges on what an uninterrupted run writes. A SYNTHETIC archive
 * (scripts/bench/generate.ts, syn_*.txt) of 1,000 sources is ingested; 1,000 more arrive; the real
 * CLI is started on the 2,000 and killed (SIGKILL) once it has begun writing, three times over
 * (a kill lands between creating a file and filling it only now and then; three make a writer
 * that is not atomic show). Reference runs of the two batches give the "before" and "after" archives.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateArchive } from '../../scripts/bench/generate.ts';
import { directiveSchema } from '../../src/shared/schema.ts';
import { parseRegistry } from '../../src/shared/registry.ts';
import { remove, ROOT, run, syntheticTemp, type Run } from './support.ts';

const FIRST = 1000;
const TOTAL = 2000;
const KILLS = 3;
/** Files written (watch events) before the kill: the run is well into writing, far from its end. */
const EVENTS_BEFORE_KILL = 40;
const ENV = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 1) / 1000) };
const TEMP_FILE = /^\.ingest-\d+-\d+\.tmp$/;

let tmp: string;
let names: string[];
let before: Map<string, string>;
let after: Map<string, string>;
let killed: Array<{ signal: NodeJS.Signals | null; files: Map<string, string> }>;
let rerun: Run;
let converged: Map<string, string>;

const cli = (root: string): string[] => ['scripts/ingest.ts', '--sources', join(root, 'sources'), '--out', join(root, 'directives'), '--curation', join(root, 'curation'), '--quiet'];
/** Every file of a folder (hidden ones too) → its text. */
const snapshot = (dir: string): Map<string, string> => new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const addSources = (root: string, list: string[]): void => {
  mkdirSync(join(root, 'sources'), { recursive: true });
  for (const name of list) copyFileSync(join(tmp, 'generated', name), join(root, 'sources', name));
};

/** Starts the CLI on `root` and kills it once it has written EVENTS_BEFORE_KILL times into its output. */
function ingestKilledMidway(root: string): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    const out = join(root, 'directives');
    let events = 0;
    const child = spawn(process.execPath, cli(root), { cwd: ROOT, env: { ...process.env, ...ENV }, stdio: 'ignore' });
    const watcher = watch(out, () => {
      if (++events === EVENTS_BEFORE_KILL) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      watcher.close();
      resolve(signal);
    });
  });
}

beforeAll(async () => {
  tmp = syntheticTemp('interrupted');
  const { files } = await generateArchive({ count: TOTAL, seed: 2323, outDir: join(tmp, 'generated') });
  names = files.map((f) => f.slice(join(tmp, 'generated').length + 1)).sort();

  // The reference: the first batch, then the whole, each run to its end.
  const reference = join(tmp, 'reference');
  addSources(reference, names.slice(0, FIRST));
  const first = await run(cli(reference), ENV);
  if (first.status !== 0) throw new Error(`first ingest exited ${first.status}:\n${first.stdout.slice(-2000)}`);
  before = snapshot(join(reference, 'directives'));
  const stage = join(tmp, 'stage');
  cpSync(reference, stage, { recursive: true });
  addSources(reference, names.slice(FIRST));
  const second = await run(cli(reference), ENV);
  if (second.status !== 0) throw new Error(`second ingest exited ${second.status}:\n${second.stdout.slice(-2000)}`);
  after = snapshot(join(reference, 'directives'));

  // The same second run, killed while it writes; then run again.
  const interrupted = join(tmp, 'interrupted');
  cpSync(stage, interrupted, { recursive: true });
  addSources(interrupted, names.slice(FIRST));
  killed = [];
  for (let k = 0; k < KILLS; k++) {
    const signal = await ingestKilledMidway(interrupted);
    killed.push({ signal, files: snapshot(join(interrupted, 'directives')) });
  }
  // A temporary file as a run killed between writing and renaming it would leave, half written.
  writeFileSync(join(interrupted, 'directives', '.ingest-99999-1.tmp'), '---\nid: "kon-tum/2021');
  rerun = await run(cli(interrupted), ENV);
  converged = snapshot(join(interrupted, 'directives'));
}, 600_000);

afterAll(() => {
  if (tmp) remove(tmp);
});

describe('an ingest killed while it writes', () => {
  test('was killed midway each time: more new files written, the registry still the one before', () => {
    expect(before.size).toBeLessThan(after.size);
    const progress = killed.map(({ signal, files }) => {
      expect(signal).toBe('SIGKILL');
      expect(files.get('permalinks.json')).toBe(before.get('permalinks.json'));
      return [...files].filter(([name, text]) => name.endsWith('.md') && before.get(name) !== text && after.get(name) === text).length;
    });
    expect(progress[0]).toBeGreaterThan(0);
    expect(progress.at(-1)).toBeLessThan(after.size - before.size);
  });

  test('leaves every file as it was before or as the run would write it, none empty or cut short', () => {
    const broken: string[] = [];
    for (const [k, { files }] of killed.entries()) {
      for (const [name, text] of files) {
        if (TEMP_FILE.test(name)) continue;
        if (text !== before.get(name) && text !== after.get(name)) broken.push(`kill ${k + 1}, ${name}: ${text.length} characters, neither before nor after`);
      }
      for (const name of before.keys()) if (!files.has(name) && after.has(name)) broken.push(`kill ${k + 1}, ${name}: missing`);
    }
    expect(broken).toEqual([]);
  });

  test('leaves a registry that parses and directives that all pass the schema', () => {
    for (const { files } of killed) {
      expect(() => parseRegistry(files.get('permalinks.json')!, 'permalinks.json')).not.toThrow();
      const invalid = [...files]
        .filter(([name]) => name.endsWith('.md'))
        .filter(([, text]) => !directiveSchema.safeParse(matter(text, {}).data).success)
        .map(([name]) => name);
      expect(invalid).toEqual([]);
    }
  });

  test('a re-run succeeds and writes exactly what an uninterrupted run writes, leaving no temporary file', () => {
    expect(rerun.status, rerun.stdout.slice(-2000)).toBe(0);
    expect([...converged.keys()].filter((n) => TEMP_FILE.test(n))).toEqual([]);
    expect([...converged.keys()]).toEqual([...after.keys()]);
    const differ = [...after].filter(([name, text]) => converged.get(name) !== text).map(([name]) => name);
    expect(differ).toEqual([]);
  });
});
