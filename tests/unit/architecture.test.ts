/**
 * The import rules of docs/architecture.md, checked on the real files: code runs in three places
 * (Node at ingest, Node at build time, the reader's browser), and a folder may import only what
 * its place can run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

/** Folder → the project paths its files may import besides their own folder (longest folder wins). */
const RULES: ReadonlyArray<[folder: string, allowed: string[]]> = [
  ['src/shared/', []],
  ['scripts/ingest/', ['src/shared/']],
  // The map's shapes and the principles list are read into the build as data (JSON, YAML text).
  ['src/site/', ['src/shared/', 'data/vn-provinces-63.topo.json', 'content/principles.yml?raw']],
  // The downloads worker collects the search manifest while it writes each record.
  ['src/site/integrations/', ['src/shared/', 'src/site/', 'src/search/build/']],
  ['src/search/shared/', ['src/shared/']],
  ['src/search/build/', ['src/search/shared/', 'src/shared/', 'src/site/format.ts', 'src/site/routes.ts']],
  ['src/search/browser/', ['src/search/shared/', 'src/shared/']],
];

const filesUnder = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|mjs)$/.test(e.name))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));

/** The module specifiers a source file imports (static, dynamic and worker URLs). */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  const patterns = [/\bfrom\s+['"]([^'"]+)['"]/g, /\bimport\s*\(\s*['"]([^'"]+)['"]/g, /\bimport\s+['"]([^'"]+)['"]/g, /new URL\(\s*['"](\.[^'"]+)['"]\s*,\s*import\.meta\.url/g];
  for (const pattern of patterns) for (const m of text.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** A relative specifier as a path from the project root. */
const resolveFrom = (file: string, spec: string): string => posix.normalize(posix.join(dirname(file), spec));

const ruleFor = (file: string): [string, string[]] | undefined =>
  RULES.filter(([folder]) => file.startsWith(folder)).sort((a, b) => b[0].length - a[0].length)[0];

describe('importsOf', () => {
  test('finds static, type-only, dynamic and worker imports', () => {
    const text = `import a from './a.ts';\nimport type { B } from "../b.ts";\nconst c = await import('./c.ts');\nnew Worker(new URL('./w.ts', import.meta.url));\nimport './side.ts';`;
    expect(importsOf(text).sort()).toEqual(['../b.ts', './a.ts', './c.ts', './side.ts', './w.ts']);
  });
});

describe('the import rules of docs/architecture.md', () => {
  for (const [folder, allowed] of RULES) {
    test(`${folder} imports only ${allowed.length ? allowed.join(', ') : 'nothing of the project'} besides its own folder`, () => {
      const broken: string[] = [];
      for (const file of filesUnder(folder)) {
        if (ruleFor(file)?.[0] !== folder) continue;
        for (const spec of importsOf(readFileSync(join(ROOT, file), 'utf8')).filter((s) => s.startsWith('.'))) {
          const target = resolveFrom(file, spec);
          if (!target.startsWith(folder) && !allowed.some((a) => target.startsWith(a))) broken.push(`${file} → ${target}`);
        }
      }
      expect(broken).toEqual([]);
    });
  }

  test('code that runs in the browser reaches no node: module, however deep', () => {
    const seen = new Set<string>();
    const nodeImports: string[] = [];
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of importsOf(readFileSync(join(ROOT, file), 'utf8'))) {
        if (spec.startsWith('node:')) nodeImports.push(`${file} → ${spec}`);
        else if (spec.startsWith('.') && /\.(ts|mjs)$/.test(spec)) visit(resolveFrom(file, spec));
      }
    };
    for (const file of filesUnder('src/search/browser/')) visit(file);
    expect(seen.size).toBeGreaterThan(3);
    expect(nodeImports).toEqual([]);
  });
});

describe('the repository stands alone', () => {
  // src/shared/ and src/search/shared/ are folders of this repository; a `../shared/` import in
  // src/components/ reaches the first, never the workplace's shared folder beside the clone.
  test('every relative import of its code, pages and tests names a file inside the repository', () => {
    const files = [...['src/', 'scripts/', 'tests/'].flatMap((dir) =>
      readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
        .filter((e) => e.isFile() && /\.(ts|mjs|astro)$/.test(e.name))
        .map((e) => relative(ROOT, join(e.parentPath, e.name))),
    ), 'astro.config.mjs', 'playwright.config.ts', 'vitest.config.ts'];
    const outside: string[] = [];
    let checked = 0;
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      // Tests hold hostile paths as data ("../../../pwned"): of theirs, only import statements count.
      const specs = file.startsWith('tests/') ? [...text.matchAll(/^import\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!) : importsOf(text);
      for (const spec of specs.filter((s) => s.startsWith('.'))) {
        const target = resolveFrom(file, spec.replace(/\?.*$/, ''));
        checked++;
        if (target.startsWith('..') || !existsSync(join(ROOT, target))) outside.push(`${file} → ${spec}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(outside).toEqual([]);
  });
});
