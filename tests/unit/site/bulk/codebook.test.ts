import { describe, expect, test } from 'vitest';
import { DIRECTIVE_FIELDS, directiveSchema } from '../../../../src/shared/schema.ts';
import { CODEBOOK } from '../../../../src/site/bulk/codebook.ts';
import { kindOf } from '../../../../src/site/bulk/columns.ts';

describe('CODEBOOK', () => {
  const vanBan = CODEBOOK.find((t) => t.table === 'van_ban')!;
  test('describes every field of the schema, the permalink and the body, in the CSV\'s order', () => {
    const fields = DIRECTIVE_FIELDS.flatMap((f) => (f === 'original' ? ['file', 'media_type', 'bytes', 'sha256', 'text_from'].map((p) => `original_${p}`) : [f]));
    expect(vanBan.entries.map((e) => e.column)).toEqual(['id', 'url', ...fields.filter((f) => f !== 'id'), 'body']);
  });
  test('takes each field\'s meanings and example from the schema itself', () => {
    const doc = directiveSchema.shape.date_issued.meta()!.codebook as { en: string; vi: string; label: string; example: string };
    expect(vanBan.entries.find((e) => e.column === 'date_issued')).toMatchObject({ en: doc.en, vi: doc.vi, label: doc.label, example: doc.example });
  });
  test('gives every column of every table a Vietnamese and an English meaning, a type, an example and how unknown is written', () => {
    for (const { table, entries } of CODEBOOK) {
      for (const e of entries) {
        for (const key of ['label', 'vi', 'en', 'typeVi', 'typeEn', 'example', 'unknownVi', 'unknownEn'] as const) expect(e[key].trim(), `${table}.${e.column}.${key}`).not.toBe('');
      }
    }
  });
  test('says how an unknown value is written from the schema: empty for text, no items for a list, never for a required field', () => {
    const by = (c: string) => vanBan.entries.find((e) => e.column === c)!;
    expect(by('signer_name').unknownVi).toBe('ô trống (CSV), NULL (SQLite), null (JSON)');
    expect(by('recipients').unknownEn).toBe('empty (CSV), [] (SQLite, JSON): no items');
    expect(by('title').unknownEn).toBe('always present');
    expect(by('issuer_level').typeEn).toBe('one of: trung ương; tỉnh; huyện; xã; khối');
    expect(by('date_issued').typeEn).toBe('date, YYYY-MM-DD');
  });
});

describe('kindOf', () => {
  test('reads each field\'s kind from its zod definition', () => {
    expect(Object.fromEntries(DIRECTIVE_FIELDS.map((f) => [f, kindOf(directiveSchema.shape[f]).kind]))).toMatchObject({
      id: 'text',
      doc_number: 'text',
      doc_type: 'enum',
      date_issued: 'date',
      recipients: 'list',
      inferred: 'notes',
      curated: 'notes',
    });
  });
});
