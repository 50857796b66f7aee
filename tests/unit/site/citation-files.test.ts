/**
 * The citation files, read back by real parsers of each format: RIS by Citation.js's RIS plugin
 * (tags, then CSL), BibTeX by @retorquere/bibtex-parser (Better BibTeX's parser), CSL-JSON by
 * Citation.js and rendered by citeproc-js. Every field is compared with the record: the five real
 * seeds, and a synthetic directive with BibTeX's special characters and unknown facts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, test } from 'vitest';
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-csl';
import { parse as parseBibtex } from '@retorquere/bibtex-parser';
import type { Directive } from '../../../src/shared/schema.ts';
import { bibtexOf, cslJsonOf, risOf } from '../../../src/site/citation-files.ts';
import { PUBLISHER_VI } from '../../../src/site/citation.ts';
import { syntheticDirective } from '../../helpers/synthetic-directive.ts';

const DIR = 'content/directives';
const SEEDS: Directive[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((f) => matter(readFileSync(join(DIR, f), 'utf8')).data as Directive);
/** Synthetic (not a real document): every character BibTeX treats specially, in the title and the issuer. */
const SPECIAL = syntheticDirective('kon-tum/2021-08-05-12-cv-tu', '2021-08-05', 'Kon Tum', {
  title: 'Văn bản thử 50% {x} & $y$ #1 a_b c^d e~f g\\h (synthetic)',
  issuer: 'Ban Chỉ đạo & Tổ công tác (synthetic)',
  doc_number: '12-CV/TU',
  subject: 'kiểm thử tổng hợp',
  place: 'Kon Tum',
});
/** Synthetic: nothing known but the title. */
const UNKNOWN = syntheticDirective('gia-lai/khong-ro-ngay-van-ban', null, null, { doc_type: null });
const ALL = [...SEEDS, SPECIAL, UNKNOWN];
const URL_OF = (d: Directive): string => `https://luu-tru.example/van-ban/${d.id}/`;

test('the seeds are read', () => {
  expect(SEEDS.map((d) => d.id)).toContain('kon-tum/2021-07-21-235-cv-tu');
});

describe('risOf', () => {
  test.each(ALL.map((d) => [d.id, d] as const))('%s: every tag is the record\'s, and the issuer is one organisation', (_id, d) => {
    const ris = risOf(d, URL_OF(d));
    const [tags] = plugins.input.chainLink(ris) as Array<Record<string, string | string[]>>;
    const expected: Record<string, string> = { TY: 'GOVDOC', TI: d.title.replace(/\s+/g, ' '), LA: 'vi', DB: PUBLISHER_VI, UR: URL_OF(d) };
    if (d.issuer) Object.assign(expected, { AU: d.issuer, PB: d.issuer });
    if (d.doc_number) expected.SN = d.doc_number;
    if (d.doc_type) expected.M3 = d.doc_type;
    if (d.date_issued) Object.assign(expected, { PY: d.date_issued.slice(0, 4), DA: `${d.date_issued.replaceAll('-', '/')}/` });
    if (d.place) expected.CY = d.place;
    if (d.subject) expected.AB = d.subject;
    expect(tags).toEqual(expected);
    const [csl] = new Cite(ris).data as Array<Record<string, unknown>>;
    expect(csl!.author).toEqual(d.issuer ? [{ literal: d.issuer }] : undefined);
    expect(csl!.number).toBe(d.doc_number ?? undefined);
    expect(csl!.title).toBe(d.title);
    expect(csl!.URL).toBe(URL_OF(d));
    expect(csl!.accessed).toBeUndefined();
  });
  test('ends every line with CRLF and the record with "ER  - "', () => {
    const ris = risOf(SEEDS[0]!, URL_OF(SEEDS[0]!));
    expect(ris.endsWith('ER  - \r\n')).toBe(true);
    expect(ris.split('\r\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
  });
});

describe('bibtexOf', () => {
  test.each(ALL.map((d) => [d.id, d] as const))('%s: every field is the record\'s, and the issuer is one organisation', (_id, d) => {
    const library = parseBibtex(bibtexOf(d, URL_OF(d)));
    expect(library.errors).toEqual([]);
    expect(library.entries).toHaveLength(1);
    const entry = library.entries[0]!;
    expect(entry.type).toBe('misc');
    expect(entry.key).toBe(d.id);
    const [year, month] = d.date_issued?.split('-').map(Number) ?? [];
    const expected: Record<string, unknown> = { title: d.title, howpublished: PUBLISHER_VI, language: 'vietnamese', url: URL_OF(d) };
    if (d.issuer) Object.assign(expected, { author: [{ name: d.issuer }], organization: [d.issuer] });
    if (d.doc_type) expected.type = d.doc_type;
    if (d.doc_number) expected.number = d.doc_number;
    if (d.place) expected.address = d.place;
    if (d.date_issued) Object.assign(expected, { date: d.date_issued, year: String(year), month: String(month) });
    if (d.subject) expected.abstract = d.subject;
    expect(entry.fields).toEqual(expected);
  });
});

describe('cslJsonOf', () => {
  test.each(ALL.map((d) => [d.id, d] as const))('%s: Citation.js reads back every field of the record', (_id, d) => {
    const text = cslJsonOf(d, URL_OF(d));
    const [item] = new Cite(JSON.parse(text)).data as Array<Record<string, unknown>>;
    const expected: Record<string, unknown> = { id: d.id, type: 'legislation', title: d.title, language: 'vi', source: PUBLISHER_VI, URL: URL_OF(d) };
    if (d.issuer) Object.assign(expected, { author: [{ literal: d.issuer }], authority: d.issuer });
    if (d.doc_number) expected.number = d.doc_number;
    if (d.doc_type) expected.genre = d.doc_type;
    if (d.date_issued) expected.issued = { 'date-parts': [d.date_issued.split('-').map(Number)] };
    if (d.place) expected['publisher-place'] = d.place;
    if (d.subject) expected.abstract = d.subject;
    const { _graph, ...read } = item!;
    expect(read).toEqual(expected);
  });
  test('citeproc-js renders the issuer whole, with the number, the full date and the permalink', () => {
    const d = SEEDS.find((s) => s.id === 'kon-tum/2021-07-21-235-cv-tu')!;
    const text = new Cite(JSON.parse(cslJsonOf(d, URL_OF(d)))).format('bibliography', { format: 'text', template: 'vancouver', lang: 'en-US' }) as string;
    expect(text.startsWith('1. Tỉnh ủy Kon Tum. Công văn 235-CV/TU')).toBe(true);
    expect(text).toContain('235-CV/TU. Kon Tum; 2021 Jul 21.');
    expect(text).toContain(`Available from: ${URL_OF(d)}`);
  });
});
