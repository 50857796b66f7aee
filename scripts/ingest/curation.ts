/**
 * Curator corrections: `content/curation/<source name without .txt>.yml` sets any field with a note
 * saying where the fact comes from. Curation wins over extraction and is listed in `curated`.
 *
 *   date_issued:
 *     value: "2021-02-04"
 *     note: "Ngày ghi trên bản lưu tại Văn phòng Tỉnh ủy"
 *
 * `withdrawn:` (value: the reason shown to readers, note: the curator's source) takes a published
 * directive out of the archive once its source is removed; docs/curating.md, "Withdrawing a directive".
 */
import { parse } from 'yaml';
import { DIRECTIVE_FIELDS, permalinkIdProblem, type DirectiveField } from '../../src/shared/schema.ts';
import { provinceByName } from '../../src/shared/gazetteer.ts';
import { buildTitle, type Draft } from './extract.ts';
import { citingOf, resolveAgain } from './citations.ts';

/** Fields that record provenance or the batch; a curator cannot set them. */
const NOT_CURATABLE = new Set<DirectiveField>(['source_file', 'source_sha256', 'original', 'duplicate_sources', 'inferred', 'warnings', 'curated']);
export const CURATABLE = DIRECTIVE_FIELDS.filter((f) => !NOT_CURATABLE.has(f));
/** The key that withdraws a directive (not a field of it). */
export const WITHDRAWN = 'withdrawn';

export interface Correction {
  field: DirectiveField;
  value: unknown;
  note: string;
}

export interface Curation {
  corrections: Correction[];
  /** The reason for readers and the curator's note, when the file withdraws the directive. */
  withdrawn: { reason: string; note: string } | null;
}

/** Parses one curation file; a malformed one is a configuration error, thrown with the fix. */
export function parseCuration(yamlText: string, file: string): Curation {
  let data: unknown;
  try {
    data = parse(yamlText);
  } catch (e) {
    throw new Error(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
  }
  if (data === null || data === undefined) return { corrections: [], withdrawn: null };
  if (typeof data !== 'object' || Array.isArray(data)) throw new Error(`${file}: expected a map of field: { value, note }`);
  const corrections: Correction[] = [];
  let withdrawn: Curation['withdrawn'] = null;
  for (const [field, entry] of Object.entries(data as Record<string, unknown>)) {
    if (field !== WITHDRAWN && !(CURATABLE as string[]).includes(field)) {
      throw new Error(`${file}: "${field}" cannot be curated; use one of: ${CURATABLE.join(', ')} (or ${WITHDRAWN})`);
    }
    const e = entry as { value?: unknown; note?: unknown } | null;
    if (e === null || typeof e !== 'object' || !('value' in e) || typeof e.note !== 'string' || e.note.trim() === '') {
      throw new Error(`${file}: "${field}" needs "value:" and a "note:" saying where the fact comes from`);
    }
    if (field !== WITHDRAWN) corrections.push({ field: field as DirectiveField, value: e.value, note: e.note.trim() });
    else if (typeof e.value !== 'string' || e.value.trim() === '') throw new Error(`${file}: "${WITHDRAWN}" needs a "value:" giving the reason, in Vietnamese, for readers`);
    else withdrawn = { reason: e.value.trim(), note: e.note.trim() };
  }
  return { corrections, withdrawn };
}

export type Curated = { ok: true; draft: Draft; curatedId: string | null } | { ok: false; reason: string };

/** Applies corrections to a draft (pure); derived fields follow unless curated themselves. */
export function applyCuration(draft: Draft, corrections: Correction[], file: string): Curated {
  const next: Draft = { ...draft, curated: [...draft.curated], inferred: [...draft.inferred] };
  const fields = new Set(corrections.map((c) => c.field));
  let curatedId: string | null = null;
  for (const c of corrections) {
    // Checked here, before the registry sees it: an id is frozen for ever once published.
    const idProblem = c.field === 'id' ? permalinkIdProblem(c.value) : null;
    if (idProblem) return { ok: false, reason: `${file} → id: ${idProblem}` };
    if (c.field === 'id') curatedId = c.value as string;
    else (next as Record<string, unknown>)[c.field] = c.value;
    next.curated.push({ field: c.field, note: c.note });
    next.inferred = next.inferred.filter((i) => i.field !== c.field);
  }
  if (fields.has('province') && !fields.has('province_2025')) {
    const p = typeof next.province === 'string' ? provinceByName(next.province) : null;
    if (next.province !== null && !p) {
      return { ok: false, reason: `${file} → province: expected one of the 63 provinces of 2020–2022 (as named in src/shared/gazetteer.json), got ${JSON.stringify(next.province)}` };
    }
    next.province = p?.name ?? null;
    next.province_2025 = p?.name_2025 ?? null;
  }
  // Cited documents that are the citing directive's own province's or district's follow a corrected place or level.
  if (!fields.has('cited') && ['province', 'district', 'issuer_level'].some((f) => fields.has(f as DirectiveField))) next.cited = resolveAgain(next.cited, citingOf(next));
  if (!fields.has('title')) next.title = buildTitle(next);
  return { ok: true, draft: next, curatedId };
}
