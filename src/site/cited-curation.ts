/**
 * What a curator adds to a cited document's page: `content/curation/dan-chieu/<slug>.yml`, a title
 * and a note for readers, each with the curator's source (docs/curating.md, "Curating a cited document"):
 *
 *   title:
 *     value: "Về thực hiện các biện pháp cấp bách phòng, chống dịch COVID-19"
 *     note: "Cổng Thông tin điện tử Chính phủ, vanban.chinhphu.vn"
 *
 * A malformed file stops the build, naming the file and the field; a file whose slug no citation
 * has is a warning (the document may be cited by a batch not yet ingested).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { permalinkIdProblem } from '../shared/schema.ts';

/** The facts a curator may give a cited document. */
export const CITED_CURATION_FIELDS = ['title', 'note'] as const;
export type CitedCurationField = (typeof CITED_CURATION_FIELDS)[number];

/** A curated fact and where it comes from. */
export interface CuratedFact {
  value: string;
  /** The curator's source, shown with the fact. */
  note: string;
}

export type CitedCuration = Partial<Record<CitedCurationField, CuratedFact>>;

const EXTENSION = '.yml';

/** One curation file; a malformed one throws `<file> → <field>: <what is wrong>`. */
export function parseCitedCuration(yamlText: string, file: string): CitedCuration {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (e) {
    throw new Error(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected a map of ${CITED_CURATION_FIELDS.join(', ')}, each with "value:" and "note:"`);
  const curation: CitedCuration = {};
  for (const [field, entry] of Object.entries(data as Record<string, unknown>)) {
    if (!(CITED_CURATION_FIELDS as readonly string[]).includes(field)) throw new Error(`${file} → ${field}: cannot be curated for a cited document; use ${CITED_CURATION_FIELDS.join(' or ')}`);
    const e = entry as { value?: unknown; note?: unknown } | null;
    const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
    if (e === null || typeof e !== 'object' || text(e.value) === null) throw new Error(`${file} → ${field}: needs "value:", the ${field} as readers see it (text, in Vietnamese)`);
    if (text(e.note) === null) throw new Error(`${file} → ${field}: needs "note:", saying where the ${field} comes from`);
    curation[field as CitedCurationField] = { value: text(e.value)!, note: text(e.note)! };
  }
  return curation;
}

/** Reads a folder's names (null when it does not exist) and a file's text. */
export interface CitedCurationIO {
  listFiles(dir: string): string[] | null;
  readFile(path: string): string;
}

export const NODE_IO: CitedCurationIO = {
  listFiles(dir) {
    try {
      return readdirSync(dir);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
  },
  readFile: (path) => readFileSync(path, 'utf8'),
};

/** Every curation file of the folder by slug; a missing folder has none. Hidden files are not read. */
export function readCitedCurations(dir: string, io: CitedCurationIO = NODE_IO): Map<string, CitedCuration> {
  const out = new Map<string, CitedCuration>();
  for (const name of (io.listFiles(dir) ?? []).filter((n) => !n.startsWith('.')).sort()) {
    const file = join(dir, name);
    if (!name.endsWith(EXTENSION)) throw new Error(`${file}: not a curation file; name it <slug>${EXTENSION} after the page /dan-chieu/<slug>/ it curates`);
    const slug = name.slice(0, -EXTENSION.length);
    const problem = slug.includes('/') ? 'a slug has no "/"' : permalinkIdProblem(slug);
    if (problem) throw new Error(`${file}: the name must be the slug of a page /dan-chieu/<slug>/ (${problem})`);
    out.set(slug, parseCitedCuration(io.readFile(file), file));
  }
  return out;
}

/** One warning per curation file no cited document has, naming it. */
export function unknownCurations(curations: ReadonlyMap<string, CitedCuration>, slugs: ReadonlySet<string>, dir: string): string[] {
  return [...curations.keys()]
    .filter((slug) => !slugs.has(slug))
    .map((slug) => `${join(dir, `${slug}${EXTENSION}`)}: no directive of the archive cites a document at /dan-chieu/${slug}/; its title and note are not shown (a typo in the name, or a document no batch cites yet)`);
}
