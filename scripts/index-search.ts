/**
 * `node scripts/index-search.ts [dist]`: (re)builds the Pagefind index of a built site on its own,
 * the last step of `npm run build` (scripts/build.ts), and precompresses its runtime files.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSearchIndex } from '../src/search/build/index-step.ts';
import { createProgress, formatCount, formatDuration, formatRate } from '../src/shared/progress.ts';
import { precompress } from '../src/site/integrations/precompress.ts';
import { parseCli, type CliSpec } from './cli.ts';

export const INDEX_CLI = {
  name: 'index-search',
  command: 'node scripts/index-search.ts',
  summary:
    "Builds the search index (Pagefind) of a site built by `astro build`, in bundles of directives by date, then\n" +
    "compresses its runtime files. `npm run build` runs it after the Astro build; run it alone to rebuild the index.",
  options: {
    quiet: { type: 'boolean', description: 'no progress line, only the summary' },
  },
  args: [{ name: 'dist', description: 'the built site', default: 'dist' }],
  env: {
    ARCHIVE_BUNDLE_PAGES: 'most directives in one index bundle (default 3500; less on a machine with less memory)',
  },
  examples: ['node scripts/index-search.ts', 'node scripts/index-search.ts /tmp/site --quiet'],
} as const satisfies CliSpec;

const { values, args } = parseCli(INDEX_CLI);
const root = args[0] ?? 'dist';
if (!existsSync(join(root, 'index.html'))) {
  console.error(`index-search: ${root} holds no built site (no index.html); run \`npm run build\` first.`);
  process.exit(1);
}
const progress = createProgress({ label: 'index', unit: 'directive pages', quiet: values.quiet, timer: true });
try {
  const { pages, ms, bundles, manifestFrom } = await buildSearchIndex(root, progress).finally(() => progress.finish());
  const compressed = await precompress(root);
  const rate = formatRate(pages, ms);
  console.log(
    `index: ${formatCount(pages)} directive pages of ${root} in ${formatDuration(ms)}${rate ? ` (${rate})` : ''}, ` +
      `${bundles.length} bundle${bundles.length === 1 ? '' : 's'} (${bundles.map((b) => `${b.path} ${formatCount(b.pages)}`).join(', ')}); ` +
      `list of pages and words from the ${manifestFrom === 'build' ? "build's manifest" : 'records beside the pages'}; ${compressed} runtime files compressed`,
  );
} catch (error) {
  console.error(`index-search: ${(error as Error).message}`);
  process.exit(1);
}
