/**
 * Golden tests for the quirks of real-world sources: one folder per quirk in tests/fixtures/quirks/
 * (SYNTHETIC texts, written by generate.mjs there). Each folder's input.txt goes through
 * decodeSource and extractDraft; expected.json says what a correct ingest gives:
 *   - any draft field ("issuer", "body", …), compared with toEqual;
 *   - "body_contains" / "body_excludes": strings the Markdown body must / must not hold;
 *   - "rejected": a substring of the reason decodeSource rejects the bytes with,
 *     and "rejected_excludes": strings that reason must not hold;
 *   - "about" (the describe title) and "names" (key → test sentence).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { decodeSource, MAX_SOURCE_BYTES } from '../../scripts/ingest/decode.ts';
import { extractDraft, type Draft } from '../../scripts/ingest/extract.ts';
import { compilePrinciples, parsePrinciples } from '../../scripts/ingest/principles.ts';

const root = fileURLToPath(new URL('../fixtures/quirks/', import.meta.url));
const principlesFile = fileURLToPath(new URL('../../content/principles.yml', import.meta.url));
const principles = compilePrinciples(parsePrinciples(readFileSync(principlesFile, 'utf8'), 'content/principles.yml'));

interface Expected {
  about: string;
  names?: Record<string, string>;
  body_contains?: string[];
  body_excludes?: string[];
  rejected?: string;
  rejected_excludes?: string[];
  [field: string]: unknown;
}
const NOT_FIELDS = new Set(['about', 'names', 'body_contains', 'body_excludes', 'rejected', 'rejected_excludes']);

const quirks = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

test('finds the quirk fixtures', () => {
  expect(quirks.length).toBeGreaterThan(30);
});

for (const quirk of quirks) {
  const dir = join(root, quirk);
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as Expected;
  const bytes = new Uint8Array(readFileSync(join(dir, 'input.txt')));
  const named = (key: string, fallback: string): string => expected.names?.[key] ?? fallback;

  describe(`${quirk}: ${expected.about}`, () => {
    const decoded = decodeSource(bytes);

    if (expected.rejected !== undefined) {
      test(named('rejected', `rejects it with a reason containing ${JSON.stringify(expected.rejected)}`), () => {
        expect(decoded.ok ? null : decoded.reason).toContain(expected.rejected);
      });
      if (expected.rejected_excludes) {
        test(named('rejected_excludes', `gives a reason without ${JSON.stringify(expected.rejected_excludes)}`), () => {
          const reason = decoded.ok ? '' : decoded.reason;
          for (const s of expected.rejected_excludes!) expect(reason).not.toContain(s);
        });
      }
      return;
    }

    let draft: Draft | undefined;
    const extract = (): Draft => {
      if (!decoded.ok) throw new Error(`decodeSource rejected it: ${decoded.reason}`);
      draft ??= extractDraft(`${quirk}.txt`, bytes, decoded.text, principles, decoded.convertedFrom);
      return draft;
    };

    test('decodes it as text', () => {
      expect(decoded.ok ? true : decoded.reason).toBe(true);
    });
    for (const [field, value] of Object.entries(expected)) {
      if (NOT_FIELDS.has(field)) continue;
      test(named(field, `gives ${field} ${JSON.stringify(value)}`), () => {
        expect((extract() as Record<string, unknown>)[field]).toEqual(value);
      });
    }
    if (expected.body_contains) {
      test(named('body_contains', `keeps ${JSON.stringify(expected.body_contains)} in the body`), () => {
        for (const s of expected.body_contains!) expect(extract().body).toContain(s);
      });
    }
    if (expected.body_excludes) {
      test(named('body_excludes', `leaves ${JSON.stringify(expected.body_excludes)} out of the body`), () => {
        for (const s of expected.body_excludes!) expect(extract().body).not.toContain(s);
      });
    }
  });
}

describe('over-size source (generated buffer)', () => {
  test('rejects a source one byte over the size limit and says so', () => {
    const decoded = decodeSource(new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61));
    expect(decoded.ok ? null : decoded.reason).toContain(`over the ${MAX_SOURCE_BYTES}-byte limit`);
  });
  test('accepts a text of exactly the size limit', () => {
    expect(decodeSource(new Uint8Array(MAX_SOURCE_BYTES).fill(0x61)).ok).toBe(true);
  });
});
