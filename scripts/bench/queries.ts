/**
 * `npm run bench:queries -- <dist> [query …]`: what one search costs, query by query, on a site
 * already built (e.g. the folder `npm run bench -- --keep` leaves). For each query, the median of
 * three cold runs of /tim-kiem/?q=…: time to results and the bytes transferred by kind (the site,
 * Pagefind's runtime, each bundle's page metadata, filter indexes, word index chunks, fragments).
 * Shows how much of a search's cost is fixed and how much grows with how common its words are.
 */
import { measureSearch } from './browser.ts';
import { parseCli, type CliSpec } from '../cli.ts';

const DEFAULT_QUERIES = ['giãn cách xã hội', '"4 tại chỗ"', 'chống dịch như chống giặc', 'Kon Tum', '235-CV/TU', 'khẩu trang'];
const KB = 1000;

export const QUERIES_CLI = {
  name: 'bench:queries',
  command: 'npm run bench:queries --',
  summary:
    'What one search costs on a site already built: for each query, the median of three cold runs of the search\n' +
    'page in Chromium — time to results and the kilobytes fetched, by kind (site, runtime, metadata, index, fragments).',
  options: {},
  args: [
    { name: 'dist', required: true, description: 'the built site (e.g. the folder `npm run bench -- --keep` leaves)' },
    { name: 'query', variadic: true, description: 'the queries to run', default: DEFAULT_QUERIES.join(' | ') },
  ],
  env: { CHROMIUM_PATH: 'the Chromium to drive (default: /usr/bin/chromium, else chromium on PATH)' },
  examples: ['npm run bench:queries -- dist', "npm run bench:queries -- /tmp/archive-bench-x/dist 'giãn cách xã hội' '235-CV/TU'"],
} as const satisfies CliSpec;

const { args } = parseCli(QUERIES_CLI);
const [dist, ...given] = args as [string, ...string[]];
const queries = given.length > 0 ? given : DEFAULT_QUERIES;

const rows: string[][] = [['query (cold)', 'results', 'ms', 'total kB', 'site', 'runtime', 'meta', 'filters', 'index', 'fragments']];
for (const [i, query] of queries.entries()) {
  // The second query only completes the measurement's protocol; its figures are not used here.
  const { steps } = await measureSearch({ distDir: dist, queries: [query, queries[(i + 1) % queries.length]!], runs: 3 });
  const cold = steps.find((s) => s.name === 'cold')!;
  const k = cold.totals.byKind;
  const n = (b: number): string => (b / KB).toFixed(0);
  rows.push([query, /^\d+/.exec(cold.statusText)?.[0] ?? '0', cold.ms?.toFixed(0) ?? '—', n(cold.totals.transferred), n(k.site), n(k.runtime), n(k.meta), n(k.filters), n(k.index), n(k.fragments)]);
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
for (const r of rows) console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
