/**
 * Every command of the project explains itself: `--help` (and `-h`) prints its usage and exits 0;
 * an unknown option is named, with the usage, and exits 2. Each command runs for real, in a child
 * process, as npm runs it; the table must list every command there is.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Each command, and the environment variables its help must name. */
const COMMANDS: ReadonlyArray<{ file: string; env: readonly string[] }> = [
  { file: 'scripts/ingest.ts', env: ['SOURCE_DATE_EPOCH'] },
  { file: 'scripts/build.ts', env: ['SITE_URL', 'ARCHIVE_CONTENT', 'ARCHIVE_SOURCES', 'ARCHIVE_BUNDLE_PAGES'] },
  { file: 'scripts/index-search.ts', env: ['ARCHIVE_BUNDLE_PAGES'] },
  { file: 'scripts/serve.ts', env: ['PORT'] },
  { file: 'scripts/build-gazetteer.ts', env: [] },
  { file: 'scripts/check-chromium.mjs', env: ['CHROMIUM_PATH'] },
  { file: 'scripts/bench/run.ts', env: ['CHROMIUM_PATH'] },
  { file: 'scripts/bench/generate.ts', env: [] },
  { file: 'scripts/bench/ingest.ts', env: [] },
  { file: 'scripts/bench/queries.ts', env: ['CHROMIUM_PATH'] },
  { file: 'scripts/audit/index.ts', env: ['CHROMIUM_PATH', 'SITE_URL'] },
  { file: 'scripts/audit/determinism.ts', env: [] },
  { file: 'scripts/audit/html.ts', env: [] },
  { file: 'scripts/audit/lighthouse.ts', env: ['CHROMIUM_PATH'] },
];

interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [file, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

const scriptFiles = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scriptFiles(join(dir, e.name)) : /\.(?:ts|mjs)$/.test(e.name) ? [join(dir, e.name)] : [],
  );

describe('the list of commands', () => {
  const listed = new Set(COMMANDS.map((c) => c.file));

  test('holds every script package.json runs (check-node.mjs, the Node guard before each, aside)', () => {
    const scripts = Object.values((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const run = [...new Set(scripts.flatMap((s) => [...s.matchAll(/\bnode (scripts\/\S+)/g)].map((m) => m[1]!)))].filter((f) => f !== 'scripts/check-node.mjs');
    expect(run.filter((f) => !listed.has(f))).toEqual([]);
  });

  test('holds every script that can run as a command (it reads its arguments or checks it is the main module)', () => {
    const commands = scriptFiles('scripts').filter((f) => f !== join('scripts', 'cli.ts') && /parseCli\(|process\.argv\[1\]/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(commands.map((f) => relative(ROOT, join(ROOT, f))).filter((f) => !listed.has(f))).toEqual([]);
  });

  test('leaves no hand-rolled argument parsing: process.argv is read in scripts/cli.ts only (other than argv[1], "am I the main module")', () => {
    const rolled = scriptFiles('scripts').filter((f) => f !== join('scripts', 'cli.ts') && /process\.argv(?!\[1\])|from 'node:util'.*parseArgs|parseArgs.*from 'node:util'/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(rolled).toEqual([]);
  });
});

describe.concurrent.each(COMMANDS)('$file', ({ file, env }) => {
  test('prints its usage, options and an example on --help and exits 0', async () => {
    const { status, stdout } = await run(file, ['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: /);
    expect(stdout).toMatch(/\nOptions:\n[\s\S]*--help/);
    expect(stdout).toMatch(/\nExamples?:\n {2}\S/);
    for (const name of env) expect(stdout).toContain(name);
  });

  test('prints the same on -h', async () => {
    const [long, short] = await Promise.all([run(file, ['--help']), run(file, ['-h'])]);
    expect(short.status).toBe(0);
    expect(short.stdout).toBe(long.stdout);
  });

  test('names an unknown option, prints the usage and exits 2', async () => {
    const { status, stdout, stderr } = await run(file, ['--no-such-option']);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^\S+: unknown option --no-such-option\n/);
    expect(stderr).toContain('\nUsage: ');
    expect(stdout).toBe('');
  });
});
