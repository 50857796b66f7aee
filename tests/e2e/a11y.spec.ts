/**
 * axe-core finds no accessibility violation (all its rules: WCAG 2.x A/AA and best practices) on
 * the pages researchers and journalists land on.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { citedPath, directivePath, provincePath, ROUTES } from '../../src/site/routes.ts';
import { KON_TUM_ID, UNDATED_ID } from './support/archive.ts';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** One line per rule and the nodes it failed on, for the failure message. */
const describe = (violations: Violation[]): string =>
  violations
    .map(
      (v) =>
        `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n` +
        v.nodes.map((n) => `  - ${n.target.join(' ')}: ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n'),
    )
    .join('\n');

const PAGES: Array<[name: string, path: string]> = [
  ['the home page', ROUTES.home],
  ['a directive', directivePath(KON_TUM_ID)],
  ['the undated directive', directivePath(UNDATED_ID)],
  ['a province', provincePath('kon-tum')],
  ['the province index', ROUTES.provinces],
  ['the timeline', ROUTES.timeline],
  ['the comparison table', ROUTES.compare],
  ['a principle’s comparison table', '/so-sanh/phuong-cham/4-tai-cho/'],
  ['the principles', ROUTES.principles],
  ['a principle', '/phuong-cham/4-tai-cho/'],
  ['a province with a district issuer and cited documents', provincePath('thai-binh')],
  ['the search page', ROUTES.search],
  ['the cited documents index', ROUTES.cited],
  ['a cited document', citedPath('15-ct-ttg')],
  ['a province\'s cited document', citedPath('135-tb-tu-thai-binh')],
  ['the data page', ROUTES.data],
  ['the 404 page', '/khong-co-trang-nay/'],
];

for (const [name, path] of PAGES) {
  test(`axe finds no accessibility violations on ${name} (${path})`, async ({ page }) => {
    // The comparison tables have 2,300 cells and the map 63 shapes, each checked (contrast, names).
    if (path.startsWith(ROUTES.compare) || path === ROUTES.provinces) test.setTimeout(120_000);
    await page.goto(path);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => v.id), `${violations.length} violation(s) on ${path}:\n${describe(violations)}`).toEqual([]);
  });
}
