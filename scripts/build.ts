/**
 * `npm run build`: the Astro build (pages, downloads, sitemap) into dist/, then the search index
 * in a process of its own (scripts/index-search.ts), so that the build's memory is given back
 * before Pagefind takes its own. Each step shows its progress on a terminal; `--quiet` leaves
 * their summaries only.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { LOCAL_SITE_URL, localSiteWarning } from '../src/site/site-url.ts';
import { parseCli, type CliSpec } from './cli.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const BUILD_CLI = {
  name: 'build',
  command: 'npm run build --',
  summary:
    'Builds the site into dist/: every page, the downloads beside each directive, the sitemap, then the search\n' +
    'index. Serve the result with `npm run preview` (or build and serve at once with `npm start`).',
  options: {
    quiet: { type: 'boolean', description: 'no progress lines, only each step’s summary' },
  },
  env: {
    SITE_URL: `the public address the site is published at, for permalinks, citations and the sitemap (default: ${LOCAL_SITE_URL}, the local server: set it to deploy)`,
    ARCHIVE_CONTENT: 'a folder of ingest output to build instead of content/directives (its permalinks.json beside it)',
    ARCHIVE_SOURCES: 'the folder of raw sources (default: content/sources, or <ARCHIVE_CONTENT>/../sources)',
    ARCHIVE_BUNDLE_PAGES: 'most directives in one search index bundle (default 3500; less on a machine with less memory)',
  },
  examples: ['SITE_URL=https://archive.example.org npm run build', 'ARCHIVE_CONTENT=/tmp/batch/directives ARCHIVE_SOURCES=/tmp/batch/sources npm run build -- --quiet'],
} as const satisfies CliSpec;

/**
 * Runs a step with this Node. Quiet, the step's stderr goes through a pipe: not a terminal, the
 * step draws no progress line (src/shared/progress.ts), and its warnings and errors still show.
 */
function step(args: string[], quiet: boolean, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['inherit', 'inherit', quiet ? 'pipe' : 'inherit'] });
    child.stderr?.pipe(process.stderr);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

const { values } = parseCli(BUILD_CLI);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ARCHIVE_SKIP_INDEX: '1' };
const built = await step([fileURLToPath(new URL('../node_modules/astro/bin/astro.mjs', import.meta.url)), 'build'], values.quiet, env);
if (built !== 0) process.exit(built);
const indexed = await step([fileURLToPath(new URL('index-search.ts', import.meta.url)), 'dist', ...(values.quiet ? ['--quiet'] : [])], values.quiet, process.env);
if (indexed !== 0) process.exit(indexed);
// Said at the start of the Astro build too; said again here, the last line a deployer sees.
const warning = localSiteWarning();
if (warning) console.warn(`warning: ${warning}`);
