/**
 * The five real seeds, made into SYNTHETIC originals in a temporary folder — a .docx (docx
 * library) and a text PDF (pdfkit, DejaVu) of each — and ingested: every field equals the one
 * ingest reads from the seed's .txt, but for the fields that name the file (LISTED_DIFFERENCES).
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import matter from 'gray-matter';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { makeDocx, makeTextPdf } from '../../scripts/bench/documents.ts';
import { memoryIO, OPTIONS, text } from '../helpers/memory-io.ts';

const SOURCES = new URL('../../content/sources/', import.meta.url);
const SEEDS = readdirSync(SOURCES).filter((f) => f.endsWith('.txt')).sort();
const stem = (f: string): string => f.replace(/\.[^.]+$/, '');

/**
 * Fields that differ between a seed and its PDF or Word copy, and why: each names the file it was
 * read from (its name and hash), and the copy records its original.
 */
const LISTED_DIFFERENCES = ['source_file', 'source_sha256', 'original'];

let dir: string;
const records = new Map<string, Record<string, unknown>>();

async function ingestFolder(files: Record<string, Uint8Array>): Promise<Map<string, Record<string, unknown>>> {
  const io = memoryIO(Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`content/sources/${name}`, bytes])));
  const result = await ingest(OPTIONS, io, undefined, { ocr: null });
  const out = new Map<string, Record<string, unknown>>();
  for (const o of result.outcomes) {
    if (o.status !== 'written') throw new Error(`${o.source}: ${JSON.stringify(o)}`);
    out.set(o.source, matter(text(io, `content/directives/${stem(o.source)}.md`), {}).data);
  }
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'archive-originals-'));
  mkdirSync(join(dir, 'sources'));
  for (const seed of SEEDS) {
    const seedText = readFileSync(new URL(seed, SOURCES), 'utf8');
    writeFileSync(join(dir, 'sources', `${stem(seed)}.docx`), await makeDocx(seedText));
    writeFileSync(join(dir, 'sources', `${stem(seed)}.pdf`), await makeTextPdf(seedText));
  }
  const read = (ext: string): Record<string, Uint8Array> =>
    Object.fromEntries(readdirSync(join(dir, 'sources')).filter((f) => f.endsWith(ext)).map((f) => [f, new Uint8Array(readFileSync(join(dir, 'sources', f)))]));
  const txt = Object.fromEntries(SEEDS.map((s) => [s, new Uint8Array(readFileSync(new URL(s, SOURCES)))]));
  for (const batch of [txt, read('.docx'), read('.pdf')]) for (const [k, v] of await ingestFolder(batch)) records.set(k, v);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const without = (r: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(Object.entries(r).filter(([k]) => !LISTED_DIFFERENCES.includes(k)));

describe.each(SEEDS)('seed %s', (seed) => {
  test.each(['.docx', '.pdf'])('its %s copy gives every field the .txt gives', (ext) => {
    expect(without(records.get(`${stem(seed)}${ext}`)!)).toEqual(without(records.get(seed)!));
  });
  test('its .txt record names no original; its copies name theirs, with type, size, hash and how the text was read', () => {
    expect(records.get(seed)!.original).toBeUndefined();
    const pdf = records.get(`${stem(seed)}.pdf`)!;
    expect(pdf.original).toMatchObject({ file: `${stem(seed)}.pdf`, media_type: 'application/pdf', text_from: 'text-layer', sha256: pdf.source_sha256 });
    expect(records.get(`${stem(seed)}.docx`)!.original).toMatchObject({
      file: `${stem(seed)}.docx`,
      media_type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      text_from: 'word',
    });
  });
});
