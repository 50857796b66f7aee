import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_FILE, htmlFiles, loadConfig, runHtmlAudit } from '../../scripts/audit/html.ts';
import { ALLOWED, firstDifference, hashTree } from '../../scripts/audit/determinism.ts';

const tmp = mkdtempSync(join(tmpdir(), 'audit-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const page = (body: string) =>
  `<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>Trang thử</title>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;

describe('scripts/audit/htmlvalidate.json', () => {
  const raw = JSON.parse(readFileSync(CONFIG_FILE, 'utf8')) as { '//': { rules: Record<string, string> }; extends: string[]; rules: Record<string, unknown> };

  it('extends the recommended preset', () => {
    expect(raw.extends).toEqual(['html-validate:recommended']);
  });

  it('explains every rule it turns off or changes, and nothing else', () => {
    expect(Object.keys(raw['//'].rules).sort()).toEqual(Object.keys(raw.rules).sort());
    for (const reason of Object.values(raw['//'].rules)) expect(reason.length).toBeGreaterThan(40);
  });

  it('loads without its notes, as a root config', () => {
    const config = loadConfig();
    expect(Object.keys(config).some((k) => k.startsWith('//'))).toBe(false);
    expect(config.root).toBe(true);
  });
});

describe('runHtmlAudit', () => {
  it('passes valid pages and reports each error with file, line and rule', async () => {
    const dist = join(tmp, 'dist');
    mkdirSync(join(dist, 'a'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), page('<p>Xin chào</p>'));
    writeFileSync(join(dist, 'a', 'index.html'), page('<p>Một</p>\n<div><p>hai</div>'));
    writeFileSync(join(dist, 'a', 'data.json'), '{}');
    expect(htmlFiles(dist).map((f) => f.slice(dist.length + 1))).toEqual(['a/index.html', 'index.html']);
    const lines: string[] = [];
    const result = await runHtmlAudit({ dist, log: (l) => lines.push(l) });
    expect(result.ok).toBe(false);
    expect(result.files).toBe(2);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(result.errors.every((e) => e.file === 'a/index.html' && e.line === 9)).toBe(true);
    expect(lines.some((l) => l.startsWith('error a/index.html:9:'))).toBe(true);
  });
});

describe('determinism helpers', () => {
  it('allows no file to differ between two builds', () => {
    expect(ALLOWED).toEqual([]);
  });

  it('hashes a tree by relative path', () => {
    const dir = join(tmp, 'tree');
    mkdirSync(join(dir, 'x'), { recursive: true });
    writeFileSync(join(dir, 'x', 'a.txt'), 'a');
    writeFileSync(join(dir, 'b.txt'), 'a');
    const hashes = hashTree(dir);
    expect([...hashes.keys()].sort()).toEqual(['b.txt', 'x/a.txt']);
    expect(hashes.get('b.txt')).toBe(hashes.get('x/a.txt'));
  });

  it('shows where two files first differ', () => {
    expect(firstDifference(Buffer.from('abcdef'), Buffer.from('abcxef'))).toContain('first difference at byte 3');
  });
});
