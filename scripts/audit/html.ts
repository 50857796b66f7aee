/**
 * Validates every HTML file of the built site with html-validate (its Node API), using
 * scripts/audit/htmlvalidate.json: `html-validate:recommended`, with each exception explained in
 * the file. Prints every error as `file:line:column  rule  message`; exits 1 on any error.
 *
 *   node scripts/audit/html.ts [--dist DIR]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { formatMs } from './lib.ts';
import { parseCli, type CliSpec } from '../cli.ts';

export const CONFIG_FILE = fileURLToPath(new URL('./htmlvalidate.json', import.meta.url));

/** The config file without its notes (keys starting with "//", which html-validate would reject). */
export function loadConfig(file = CONFIG_FILE): ConfigData {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  return { ...Object.fromEntries(Object.entries(raw).filter(([key]) => !key.startsWith('//'))), root: true } as ConfigData;
}

/** Every *.html file under `dir`, as sorted absolute paths. */
export function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) found.push(join(entry.parentPath, entry.name));
  }
  return found.sort();
}

export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface HtmlAuditResult {
  ok: boolean;
  files: number;
  errors: HtmlProblem[];
  warnings: HtmlProblem[];
  ms: number;
  summary: string;
}

export async function runHtmlAudit(options: { dist?: string; log?: (line: string) => void } = {}): Promise<HtmlAuditResult> {
  const log = options.log ?? console.log;
  const dist = options.dist ?? 'dist';
  const started = performance.now();
  const validator = new HtmlValidate(new StaticConfigLoader(loadConfig()));
  const files = htmlFiles(dist);
  if (files.length === 0) throw new Error(`No HTML files in ${dist}: build the site first.`);
  const problems: HtmlProblem[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const m of result.messages) {
        problems.push({
          file: relative(dist, file),
          line: m.line,
          column: m.column,
          rule: m.ruleId,
          message: m.message,
          severity: m.severity >= 2 ? 'error' : 'warning',
        });
      }
    }
  }
  const errors = problems.filter((p) => p.severity === 'error');
  const warnings = problems.filter((p) => p.severity === 'warning');
  for (const p of problems) log(`${p.severity === 'error' ? 'error' : 'warn '} ${p.file}:${p.line}:${p.column}  ${p.rule}  ${p.message}`);
  if (problems.length > 0) {
    const byRule = new Map<string, number>();
    for (const p of errors) byRule.set(p.rule, (byRule.get(p.rule) ?? 0) + 1);
    if (byRule.size > 0) log(`errors by rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => `${rule} ${n}`).join(', ')}`);
  }
  const ms = performance.now() - started;
  const failedFiles = new Set(errors.map((e) => e.file)).size;
  const summary =
    errors.length === 0
      ? `${files.length} HTML files valid${warnings.length ? `, ${warnings.length} warning(s)` : ''} (${formatMs(ms)})`
      : `${errors.length} error(s) in ${failedFiles} of ${files.length} HTML files${warnings.length ? `, ${warnings.length} warning(s)` : ''} (${formatMs(ms)})`;
  return { ok: errors.length === 0, files: files.length, errors, warnings, ms, summary };
}

export const HTML_CLI = {
  name: 'audit:html',
  command: 'node scripts/audit/html.ts',
  summary: 'Validates every HTML file of a built site with html-validate (scripts/audit/htmlvalidate.json); exits 1 on any error.',
  options: { dist: { type: 'string', value: 'DIR', default: 'dist', description: 'the built site' } },
  examples: ['node scripts/audit/html.ts', 'node scripts/audit/html.ts --dist /tmp/site'],
} as const satisfies CliSpec;

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseCli(HTML_CLI);
  const result = await runHtmlAudit({ dist: values.dist });
  console.log(`\nhtml: ${result.ok ? 'ok' : 'FAILED'} — ${result.summary}`);
  process.exit(result.ok ? 0 : 1);
}
