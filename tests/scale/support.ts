/**
 * Helpers for the scale and hostile-input tests (tests/scale, tests/hostile): run the real ingest
 * CLI and the real `astro build` on a SYNTHETIC archive in a temporary folder, serve the result,
 * drive Chromium. Nothing here writes into content/ or dist/.
 *
 * Builds get a cache folder of their own (an Astro config in the temporary folder that re-exports
 * the project's astro.config.mjs with `cacheDir` changed), so a test build never shares Astro's
 * content data store (node_modules/.astro) with another build running at the same time.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/check-chromium.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A fresh temporary folder whose name says it holds synthetic data; removed by `remove`. */
export function syntheticTemp(label: string): string {
  return mkdtempSync(join(tmpdir(), `archive-synthetic-${label}-`));
}

export const remove = (dir: string): void => rmSync(dir, { recursive: true, force: true });

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command from the project root with Node 24 (process.execPath) first on PATH. `env` values
 * replace the inherited ones; an undefined value removes the variable. The output comes back without
 * terminal colours: a CI runner may force them (FORCE_COLOR), and tests read the words, not the paint.
 */
export function run(args: string[], env: Record<string, string | undefined> = {}, timeoutMs = 240_000): Promise<Run> {
  const childEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...process.env, ...env })) if (v !== undefined) childEnv[k] = v;
  if (!('PATH' in env)) childEnv.PATH = [dirname(process.execPath), join(ROOT, 'node_modules/.bin'), process.env.PATH ?? ''].join(':');
  for (const k of Object.keys(env)) if (env[k] === undefined) delete childEnv[k];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`timed out after ${timeoutMs} ms: node ${args.join(' ')}\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: stripVTControlCharacters(stdout), stderr: stripVTControlCharacters(stderr) });
    });
  });
}

export interface ArchiveDirs {
  /** Raw sources (`<tmp>/sources`). */
  sources: string;
  /** Ingest output and its permalinks.json (`<tmp>/directives`). */
  directives: string;
  /** Curation files (`<tmp>/curation`), empty unless a test writes some. */
  curation: string;
}

export function archiveDirs(tmp: string): ArchiveDirs {
  const dirs = { sources: join(tmp, 'sources'), directives: join(tmp, 'directives'), curation: join(tmp, 'curation') };
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
  return dirs;
}

/** The ingest CLI on a synthetic archive (never the real content/ curation). */
export function ingestCli(dirs: ArchiveDirs, extra: string[] = []): Promise<Run> {
  return run(['scripts/ingest.ts', '--sources', dirs.sources, '--out', dirs.directives, '--curation', dirs.curation, ...extra]);
}

/** `astro build` of the archive in `directives` into `outDir`, however it ends. */
export function astroBuild(directives: string, outDir: string, work: string, env: Record<string, string | undefined> = {}): Promise<Run> {
  const config = join(work, `astro.synthetic.${Math.random().toString(36).slice(2)}.config.mjs`);
  writeFileSync(
    config,
    `import base from ${JSON.stringify(pathToFileURL(join(ROOT, 'astro.config.mjs')).href)};\n` +
      `export default { ...base, cacheDir: ${JSON.stringify(join(work, 'astro-cache'))} };\n`,
  );
  // Sources beside the archive (`<tmp>/sources`), the search index built: nothing inherited may change that.
  return run(['node_modules/astro/bin/astro.mjs', 'build', '--config', relative(ROOT, config), '--outDir', outDir], {
    ARCHIVE_CONTENT: directives,
    ASTRO_TELEMETRY_DISABLED: '1',
    ARCHIVE_SOURCES: undefined,
    ARCHIVE_SKIP_INDEX: undefined,
    ARCHIVE_BUNDLE_PAGES: undefined,
    ...env,
  });
}

/** `astro build` of the archive in `directives` into `outDir`; throws with the build log when it fails. */
export async function buildSite(directives: string, outDir: string, work: string, env: Record<string, string> = {}): Promise<Run> {
  const result = await astroBuild(directives, outDir, work, env);
  if (result.status !== 0) throw new Error(`astro build failed (${result.status}):\n${tail(result.stdout)}\n${tail(result.stderr)}`);
  return result;
}

const tail = (s: string, lines = 60): string => s.split('\n').slice(-lines).join('\n');

/** Every file under `dir` (relative paths, "/"-separated). */
export function walk(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full, base));
    else out.push(relative(base, full).split('\\').join('/'));
  }
  return out;
}

const isRedirectPage = (file: string): boolean => /<meta\s+http-equiv="refresh"/i.test(readFileSync(file, 'utf8').slice(0, 2000));

/** Directive ids that have a page under dist/van-ban (`<id>/index.html`), redirect pages of retired ids left out. */
export function pageIds(dist: string): string[] {
  return walk(join(dist, 'van-ban'))
    .filter((f) => f.endsWith('/index.html') && !isRedirectPage(join(dist, 'van-ban', f)))
    .map((f) => f.slice(0, -'/index.html'.length))
    .sort();
}

/** Retired ids whose /van-ban/<id>/ is a redirect page, with the path it points to. */
export function redirectPages(dist: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of walk(join(dist, 'van-ban')).filter((x) => x.endsWith('/index.html'))) {
    const html = readFileSync(join(dist, 'van-ban', f), 'utf8');
    const target = /<meta\s+http-equiv="refresh"\s+content="\d+;\s*url=([^"]+)"/i.exec(html)?.[1];
    if (target) out.set(f.slice(0, -'/index.html'.length), target);
  }
  return out;
}

export { CHROMIUM_ARGS };

export async function launchChromium(): Promise<Browser> {
  const executablePath = chromiumPath() ?? '/usr/bin/chromium';
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
}
