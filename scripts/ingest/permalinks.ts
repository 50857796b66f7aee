/**
 * Permalink ids: built once from what is known, then frozen in the registry
 * (content/permalinks.json) so a published URL never changes, even when a curator later
 * corrects the date or number. A new id, when one must be issued, leaves a redirect behind.
 */
import { createHash } from 'node:crypto';
import { slugify } from '../../src/shared/vietnamese.ts';
import type { Directive } from '../../src/shared/schema.ts';
import { sortRegistry, type Registry, type Withdrawal } from '../../src/shared/registry.ts';

export { emptyRegistry, parseRegistry, serializeRegistry, type Registry } from '../../src/shared/registry.ts';

/** `kon-tum/2021-07-21-235-cv-tu`, `thai-binh/kien-xuong/2021-05-07-114-cv-hu`, `gia-lai/khong-ro-ngay-chi-thi`. */
export function baseId(d: Pick<Directive, 'province' | 'district' | 'date_issued' | 'doc_number' | 'doc_type'>): string {
  const where = [d.province ? slugify(d.province) : 'khong-ro-tinh', d.district ? slugify(d.district) : null].filter(Boolean);
  const when = d.date_issued ?? 'khong-ro-ngay';
  const what = d.doc_number ? slugify(d.doc_number) : slugify(d.doc_type ?? 'van-ban');
  return `${where.join('/')}/${when}-${what}`;
}

export interface IdRequest {
  source: string;
  base: string;
  /** An id a curator asked for (a correction that must change the URL). */
  curatedId: string | null;
  /** Sources recorded as duplicates of this one: their old ids, if any, redirect here. */
  duplicates: string[];
  /** Its curated facts (curatedFacts): a change is recorded in the registry's `corrected`. */
  curated: Record<string, string>;
}

/**
 * Field → fingerprint of each curated fact of a directive, its value and the curator's note: the
 * first 16 hex digits of their SHA-256, enough to tell one correction from the next.
 */
export function curatedFacts(d: Directive): Record<string, string> {
  const facts: Record<string, string> = {};
  for (const c of d.curated) facts[c.field] = createHash('sha256').update(JSON.stringify([d[c.field as keyof Directive] ?? null, c.note])).digest('hex').slice(0, 16);
  return facts;
}

/** Records `today` and the fields that changed when a directive's curated facts differ from the registry's. */
function recordCorrection(registry: Registry, id: string, facts: Record<string, string>, today: string): void {
  const before = registry.corrected[id]?.facts ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(facts)])].filter((f) => before[f] !== facts[f]).sort();
  if (fields.length > 0) registry.corrected[id] = { date: today, fields, facts };
}

/**
 * Gives every request an id: its registered one when it has one, else its base id made unique
 * with "-2", "-3"… in source order (so the result never depends on the order files were read).
 * Never reuses an id that was ever issued.
 */
export function assignIds(requests: IdRequest[], previous: Registry, today: string): { ids: Map<string, string>; registry: Registry } {
  const registry: Registry = { ids: { ...previous.ids }, redirects: { ...previous.redirects }, added: { ...previous.added }, withdrawn: { ...previous.withdrawn }, corrected: { ...previous.corrected } };
  const taken = new Set([...Object.values(registry.ids), ...Object.keys(registry.redirects), ...Object.keys(registry.withdrawn)]);
  const ids = new Map<string, string>();
  const sorted = [...requests].sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
  const unique = (base: string): string => {
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
  for (const r of sorted) {
    const registered = registry.ids[r.source];
    let id = registered ?? (r.curatedId && !taken.has(r.curatedId) ? (taken.add(r.curatedId), r.curatedId) : unique(r.base));
    if (registered && r.curatedId && r.curatedId !== registered) {
      id = taken.has(r.curatedId) && !isRetiredBy(registry, r.curatedId, registered) ? unique(r.curatedId) : r.curatedId;
      taken.add(id);
      retire(registry, registered, id);
    }
    registry.ids[r.source] = id;
    registry.added[id] ??= today;
    recordCorrection(registry, id, r.curated, today);
    ids.set(r.source, id);
  }
  for (const r of sorted) {
    for (const dup of r.duplicates) {
      const old = registry.ids[dup];
      if (old !== undefined) {
        retire(registry, old, ids.get(r.source)!);
        delete registry.ids[dup];
      }
    }
  }
  return { ids, registry: sortRegistry(registry) };
}

const isRetiredBy = (registry: Registry, id: string, by: string): boolean => registry.redirects[id] === by;

/** Records old → next and repoints every redirect that ended at `old`. */
function retire(registry: Registry, old: string, next: string): void {
  if (old === next) return;
  // A new id for a published directive is not a new addition: it keeps the first publication day.
  if (registry.added[old] !== undefined) registry.added[next] = registry.added[old]!;
  delete registry.added[old];
  // Its corrections go with it, unless the id it joins has its own (a duplicate's do not count).
  if (registry.corrected[old] !== undefined) registry.corrected[next] ??= registry.corrected[old]!;
  delete registry.corrected[old];
  delete registry.redirects[next];
  for (const [from, to] of Object.entries(registry.redirects)) if (to === old) registry.redirects[from] = next;
  registry.redirects[old] = next;
}

/**
 * Takes a published source's id out of the archive (pure): the id moves to `withdrawn` with what its
 * page will say, leaves the latest additions, and is never issued again. Redirects to it stay: they
 * land on the withdrawn page.
 */
export function withdraw(previous: Registry, source: string, details: Omit<Withdrawal, 'source' | 'published'>): Registry {
  const id = previous.ids[source];
  if (id === undefined) return previous;
  const { [source]: _gone, ...ids } = previous.ids;
  const { [id]: published, ...added } = previous.added;
  const { [id]: _corrected, ...corrected } = previous.corrected;
  return sortRegistry({ ...previous, ids, added, corrected, withdrawn: { ...previous.withdrawn, [id]: { ...details, source, published: published ?? null } } });
}
