/**
 * Scores ingest output (frontmatter) against hand-written expected fields of the held-out set
 * in tests/fixtures/unseen/. Pure functions: the caller reads the files.
 */
import { isDeepStrictEqual } from 'node:util';

/** Fields where a confidently wrong value is worse than none: a wrong one fails the evaluation outright. */
export const CRITICAL_FIELDS = ['doc_number', 'date_issued', 'province'] as const;

/** right: equal after normalisation; missing: null/absent/[] where a value was expected; wrong: anything else. */
export type Verdict = 'right' | 'missing' | 'wrong';

export interface FieldResult {
  file: string;
  field: string;
  expected: unknown;
  got: unknown;
  verdict: Verdict;
}

export interface FieldSummary {
  field: string;
  right: number;
  missing: number;
  wrong: number;
  total: number;
  accuracy: number;
}

export interface Summary {
  fields: FieldSummary[];
  overall: Omit<FieldSummary, 'field'>;
}

/** Keys of an expected JSON that describe the fixture rather than a frontmatter field. */
export const isMetaKey = (key: string): boolean => key === 'synthetic' || key.startsWith('_');

/**
 * Puts a value in comparable form: strings in NFC (fixtures include NFD sources),
 * YAML dates (gray-matter turns an unquoted 2021-08-05 into a Date) as YYYY-MM-DD,
 * absent as null.
 */
export function normalizeValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'string') return value.normalize('NFC');
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? String(value) : value.toISOString().slice(0, 10);
  }
  if (Array.isArray(value)) return value.map(normalizeValue);
  return value;
}

const isEmpty = (value: unknown): boolean => value === null || (Array.isArray(value) && value.length === 0);

/** Judges one field: an unknown (null or empty) answer is a miss, never "wrong". */
export function judgeField(expected: unknown, got: unknown): Verdict {
  const want = normalizeValue(expected);
  const have = normalizeValue(got);
  if (isDeepStrictEqual(want, have)) return 'right';
  return isEmpty(have) ? 'missing' : 'wrong';
}

/**
 * Compares every expected field of one fixture with the frontmatter the pipeline wrote.
 * `actual` null means no output file: every field is a miss, even those expected to be null.
 */
export function scoreDocument(
  file: string,
  expected: Record<string, unknown>,
  actual: Record<string, unknown> | null,
): FieldResult[] {
  return Object.entries(expected)
    .filter(([field]) => !isMetaKey(field))
    .map(([field, want]) => {
      const got = actual === null ? undefined : actual[field];
      const verdict: Verdict = actual === null ? 'missing' : judgeField(want, got);
      return { file, field, expected: want, got, verdict };
    });
}

function tally(results: FieldResult[]): Omit<FieldSummary, 'field'> {
  const count = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const total = results.length;
  const right = count('right');
  return { right, missing: count('missing'), wrong: count('wrong'), total, accuracy: total ? right / total : 0 };
}

/** Per-field and overall accuracy, fields in order of first appearance. */
export function summarize(results: FieldResult[]): Summary {
  const fields = [...new Set(results.map((r) => r.field))].map((field) => ({
    field,
    ...tally(results.filter((r) => r.field === field)),
  }));
  return { fields, overall: tally(results) };
}

/** Wrong (non-null and different) values of the critical fields. */
export function criticalErrors(results: FieldResult[]): FieldResult[] {
  return results.filter(
    (r) => r.verdict === 'wrong' && (CRITICAL_FIELDS as readonly string[]).includes(r.field),
  );
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/** A plain-text table: field, right/total, missing, wrong, accuracy. */
export function formatTable(summary: Summary): string {
  const rows = [
    ['field', 'right', 'missing', 'wrong', 'accuracy'],
    ...summary.fields.map((f) => [f.field, `${f.right}/${f.total}`, `${f.missing}`, `${f.wrong}`, pct(f.accuracy)]),
    [
      'OVERALL',
      `${summary.overall.right}/${summary.overall.total}`,
      `${summary.overall.missing}`,
      `${summary.overall.wrong}`,
      pct(summary.overall.accuracy),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return rows.map((row) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

/** One line per field that is not right: `file → field [verdict]: expected …, got …`. */
export function formatMismatches(results: FieldResult[]): string {
  return results
    .filter((r) => r.verdict !== 'right')
    .map(
      (r) =>
        `${r.file} → ${r.field} [${r.verdict}]: expected ${JSON.stringify(normalizeValue(r.expected))}, got ${JSON.stringify(normalizeValue(r.got))}`,
    )
    .join('\n');
}
