/**
 * A directive as files a reference manager imports (Zotero, EndNote, Mendeley, JabRef, BibLaTeX,
 * Pandoc): RIS, BibTeX and CSL-JSON. The issuing body is the author, always as one organisation's
 * name, never split into a first and a last name; the access date is left to the reader's tool,
 * which records the day it imports the file. A fact the record does not know is left out, never
 * filled with "không rõ". Pure: the permalink comes in as an argument.
 */
import type { Directive } from '../shared/schema.ts';
import { PUBLISHER_VI } from './citation.ts';

type Cited = Pick<Directive, 'id' | 'title' | 'doc_number' | 'doc_type' | 'issuer' | 'place' | 'date_issued' | 'subject'>;

const dateParts = (iso: string): [number, number, number] => iso.split('-').map(Number) as [number, number, number];

/** RIS values are one line each. */
const risValue = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * RIS, type GOVDOC (government document): AU the issuer (a name with no comma, which RIS readers
 * take whole as an organisation), SN the number, PY the year and DA the full date, CY the place,
 * DB the archive. Lines end in CRLF, as the format's specification writes them.
 */
export function risOf(d: Cited, url: string): string {
  const tags: Array<[string, string | null]> = [
    ['TY', 'GOVDOC'],
    ['AU', d.issuer],
    ['TI', d.title],
    ['M3', d.doc_type],
    ['SN', d.doc_number],
    ['PY', d.date_issued?.slice(0, 4) ?? null],
    ['DA', d.date_issued ? `${d.date_issued.replaceAll('-', '/')}/` : null],
    ['CY', d.place],
    ['PB', d.issuer],
    ['AB', d.subject],
    ['LA', 'vi'],
    ['DB', PUBLISHER_VI],
    ['UR', url],
  ];
  const lines = tags.filter((t): t is [string, string] => t[1] !== null).map(([tag, value]) => `${tag}  - ${risValue(value)}`);
  return `${[...lines, 'ER  - '].join('\r\n')}\r\n`;
}

const BIBTEX_SPECIAL: Record<string, string> = { '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '%': '\\%', '&': '\\&', $: '\\$', '#': '\\#', _: '\\_', '^': '\\textasciicircum{}', '~': '\\textasciitilde{}' };
const bibtexText = (s: string): string => s.replace(/[\\{}%&$#_^~]/g, (c) => BIBTEX_SPECIAL[c]!);
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * BibTeX `@misc`, which every style knows, keyed by the permalink id. The author and title are in
 * double braces: the author is then one organisation (BibTeX would otherwise read "Tỉnh ủy Kon Tum"
 * as a person whose last name is "Tum"), and no style changes the title's capitals. `date` is
 * BibLaTeX's field; `year` and `month` are for classic BibTeX.
 */
export function bibtexOf(d: Cited, url: string): string {
  const [year, month] = d.date_issued ? dateParts(d.date_issued) : [null, null];
  const fields: Array<[string, string | null]> = [
    ['author', d.issuer && `{{${bibtexText(d.issuer)}}}`],
    ['title', `{{${bibtexText(d.title)}}}`],
    ['type', d.doc_type && `{${bibtexText(d.doc_type)}}`],
    ['number', d.doc_number && `{${bibtexText(d.doc_number)}}`],
    ['organization', d.issuer && `{${bibtexText(d.issuer)}}`],
    ['address', d.place && `{${bibtexText(d.place)}}`],
    ['date', d.date_issued && `{${d.date_issued}}`],
    ['year', year === null ? null : `{${year}}`],
    ['month', month === null ? null : MONTHS[month - 1]!],
    ['abstract', d.subject && `{${bibtexText(d.subject)}}`],
    ['howpublished', `{${bibtexText(PUBLISHER_VI)}}`],
    ['language', '{vietnamese}'],
    ['url', `{${url}}`],
  ];
  const lines = fields.filter((f): f is [string, string] => f[1] !== null).map(([name, value]) => `  ${name} = ${value}`);
  return `@misc{${d.id},\n${lines.join(',\n')}\n}\n`;
}

/** A CSL-JSON item (the Citation Style Language's input: Zotero, Pandoc, citeproc). */
export interface CslItem {
  id: string;
  type: 'legislation';
  title: string;
  author?: Array<{ literal: string }>;
  authority?: string;
  number?: string;
  genre?: string;
  issued?: { 'date-parts': [[number, number, number]] };
  'publisher-place'?: string;
  abstract?: string;
  language: 'vi';
  source: string;
  URL: string;
}

/**
 * CSL-JSON, type `legislation` (as the page's schema.org data: a directive of a public body), with
 * the issuer as a `literal` name, which CSL processors never split. One item in an array: the
 * form reference managers import.
 */
export function cslItemOf(d: Cited, url: string): CslItem {
  return {
    id: d.id,
    type: 'legislation',
    title: d.title,
    ...(d.issuer && { author: [{ literal: d.issuer }], authority: d.issuer }),
    ...(d.doc_number && { number: d.doc_number }),
    ...(d.doc_type && { genre: d.doc_type }),
    ...(d.date_issued && { issued: { 'date-parts': [dateParts(d.date_issued)] } }),
    ...(d.place && { 'publisher-place': d.place }),
    ...(d.subject && { abstract: d.subject }),
    language: 'vi',
    source: PUBLISHER_VI,
    URL: url,
  };
}

export const cslJsonOf = (d: Cited, url: string): string => `${JSON.stringify([cslItemOf(d, url)], null, 2)}\n`;
