/** `node scripts/index-search.ts [dist]`: (re)build the Pagefind index of a built site on its own. */
import { buildSearchIndex } from '../src/search/build/index-step.ts';
import { precompress } from '../src/site/integrations/precompress.ts';

const root = process.argv[2] ?? 'dist';
const { pages, ms, manifestFrom } = await buildSearchIndex(root);
console.log(`indexed ${pages} directive pages of ${root} in ${ms} ms (list of pages and words from the ${manifestFrom === 'build' ? "build's manifest" : 'records beside the pages'})`);
await precompress(root);
