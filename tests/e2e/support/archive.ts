/**
 * What the browser tests expect, read straight from the archive files (content/directives/*.md
 * frontmatter, content/sources, src/shared/gazetteer.json) rather than from the site's own code,
 * so a page that drops or garbles a fact fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import matter from 'gray-matter';
import type { CitedDocument } from '../../../src/shared/schema.ts';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIRECTIVES_DIR = join(ROOT, 'content/directives');
export const SOURCES_DIR = join(ROOT, 'content/sources');
/** The built site under test: dist/, or the build E2E_DIST names. */
export const DIST_DIR = resolve(ROOT, process.env.E2E_DIST ?? 'dist');

export interface Seed {
  file: string;
  id: string;
  title: string;
  doc_number: string | null;
  doc_number_raw: string | null;
  doc_type: string | null;
  issuer: string | null;
  province: string | null;
  district: string | null;
  date_issued: string | null;
  signer_name: string | null;
  issuer_level: string | null;
  province_2025: string | null;
  references: string[];
  cited: CitedDocument[];
  principles: string[];
  source_file: string;
  /** The Markdown body, as ingest wrote it. */
  body: string;
}

export const DIRECTIVES: Seed[] = readdirSync(DIRECTIVES_DIR)
  .filter((f) => f.endsWith('.md'))
  .sort()
  .map((file) => {
    const { data, content } = matter(readFileSync(join(DIRECTIVES_DIR, file), 'utf8'));
    return { ...(data as Omit<Seed, 'file' | 'body'>), file, body: content };
  });

export const byId = (id: string): Seed => {
  const d = DIRECTIVES.find((x) => x.id === id);
  if (!d) throw new Error(`No directive with id ${id} in content/directives`);
  return d;
};

export const KON_TUM_ID = 'kon-tum/2021-07-21-235-cv-tu';
export const UNDATED_ID = 'gia-lai/khong-ro-ngay-chi-thi';

/** The five real seeds (tests/ingest/seeds.test.ts): per-document tests run on these, whatever else the archive holds. */
export const SEED_IDS = [
  KON_TUM_ID,
  'kien-giang/2021-07-13-203-cv-tu',
  UNDATED_ID,
  'thai-binh/kien-xuong/2021-05-07-114-cv-hu',
  'soc-trang/2021-02-09-62-cv-tu',
] as const;
export const SEEDS: Seed[] = SEED_IDS.map((id) => byId(id));

export interface GazetteerProvince {
  name: string;
  slug: string;
  /** The 2025 unit it belongs to. */
  name_2025: string;
}
export const PROVINCES: GazetteerProvince[] = (
  JSON.parse(readFileSync(join(ROOT, 'src/shared/gazetteer.json'), 'utf8')) as { provinces: GazetteerProvince[] }
).provinces.map(({ name, slug, name_2025 }) => ({ name, slug, name_2025 }));

/** The principles' canonical names, in the order of content/principles.yml. */
export const PRINCIPLE_NAMES: string[] = [...readFileSync(join(ROOT, 'content/principles.yml'), 'utf8').matchAll(/^- name: (.+)$/gm)].map((m) => m[1]!.trim());

/** Every month of the period the timeline covers, "2020-01" … "2022-12". */
export const MONTHS: string[] = [2020, 2021, 2022].flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));

/** "2021-07-21" → "21/07/2021" */
export const shortDate = (iso: string): string => iso.split('-').reverse().join('/');
/** "2021-07-21" → "ngày 21 tháng 7 năm 2021" */
export const longDate = (iso: string): string => {
  const [y, m, d] = iso.split('-').map(Number);
  return `ngày ${d} tháng ${m} năm ${y}`;
};
/** Matches the date written either way. */
export const dateRe = (iso: string): RegExp => new RegExp(`${escapeRe(shortDate(iso))}|${escapeRe(longDate(iso))}`);

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Same comparison the reader makes: NFC, whitespace collapsed. */
export const norm = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The body's paragraphs as plain text: Markdown blocks separated by blank lines, backslash escapes
 * resolved and emphasis markers dropped (the body's only markup).
 */
export function bodyParagraphs(body: string): string[] {
  return body
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter(Boolean)
    .map((block) => {
      let out = '';
      for (let i = 0; i < block.length; i++) {
        const c = block[i]!;
        const next = block[i + 1];
        if (c === '\\' && next !== undefined && /[!-/:-@[-`{-~]/.test(next)) {
          out += next;
          i++;
        } else if (c !== '*' && c !== '_') {
          out += c;
        }
      }
      return norm(out);
    });
}

/** Directive ids of a list of hrefs, from links to /van-ban/<id>/ only. */
export function directiveIdsOf(hrefs: string[]): string[] {
  const ids = new Set<string>();
  for (const href of hrefs) {
    const m = /^\/van-ban\/(.+)\/$/.exec(new URL(href, 'http://x').pathname);
    if (m) ids.add(decodeURIComponent(m[1]!));
  }
  return [...ids].sort();
}
