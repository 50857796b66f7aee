/**
 * The permalink registry, content/permalinks.json: the archive's record of every address it has
 * published. Ingest writes it and the site reads it (redirects, withdrawn pages, latest
 * additions); both go through `parseRegistry`, which refuses any entry that breaks the id rule
 * (`permalinkIdProblem`, src/shared/schema.ts) or leaves a published address with nothing to show.
 */
import { permalinkIdProblem } from './schema.ts';

/** A permalink taken out of the archive on purpose: its page says so, with what it was. */
export interface Withdrawal {
  /** Day of the withdrawal (YYYY-MM-DD). */
  date: string;
  /** Why, in Vietnamese, for readers (the curator's `withdrawn.value`). */
  reason: string;
  /** The curator's source for the decision (`withdrawn.note`). */
  note: string;
  /** The source file it was published from. */
  source: string;
  /** Day it was first published (YYYY-MM-DD), when known. */
  published: string | null;
  /** What a citation gave, from the last published record; null when unknown. */
  title: string | null;
  doc_number: string | null;
  issuer: string | null;
  date_issued: string | null;
}

/**
 * The last time a curator changed a published directive's facts: the feeds announce it
 * (src/site/feeds.ts). Ingest compares each directive's curated facts with `facts` and, when they
 * differ, records the day and the fields that changed.
 */
export interface Correction {
  /** Day of the change (YYYY-MM-DD). */
  date: string;
  /** The fields whose curated value or note was set, changed or removed that day. */
  fields: string[];
  /** Field → fingerprint of its curated value and note now (16 hex digits), to see the next change. */
  facts: Record<string, string>;
}

export interface Registry {
  /** Source file → its published id. */
  ids: Record<string, string>;
  /** Retired id → the id that replaced it (always the final one, no chains). */
  redirects: Record<string, string>;
  /** Id → the day it was first published (YYYY-MM-DD): the archive's "latest additions". */
  added: Record<string, string>;
  /** Withdrawn id → what its page says. A withdrawn id is never issued again. */
  withdrawn: Record<string, Withdrawal>;
  /** Published id → the last change curators made to its facts. */
  corrected: Record<string, Correction>;
}

/** The heading of a withdrawn permalink's page, also quoted in ingest's report. */
export const WITHDRAWN_HEADING = 'Văn bản này đã được rút khỏi lưu trữ';

export const emptyRegistry = (): Registry => ({ ids: {}, redirects: {}, added: {}, withdrawn: {}, corrected: {} });

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FINGERPRINT = /^[0-9a-f]{16}$/;
const WITHDRAWAL_TEXT = ['reason', 'note', 'source'] as const;
const WITHDRAWAL_MAYBE = ['title', 'doc_number', 'issuer', 'date_issued'] as const;
const quote = JSON.stringify;

/**
 * What is wrong with a registry, one line per entry, `section → "key": problem`. Every id must keep
 * the rule, and every address must answer: a redirect ends at a published or withdrawn id, and no
 * id is two things at once (a page and a redirect, two sources' page).
 */
export function registryProblems(r: Registry): string[] {
  const out: string[] = [];
  const check = (where: string, value: unknown): void => {
    const problem = permalinkIdProblem(value);
    if (problem) out.push(`${where}: ${problem}`);
  };
  const owner = new Map<string, string>();
  for (const [source, id] of Object.entries(r.ids)) {
    check(`ids → ${quote(source)}`, id);
    if (owner.has(id)) out.push(`ids → ${quote(source)}: id ${quote(id)} is also ${quote(owner.get(id))}'s`);
    owner.set(id, source);
  }
  const answers = (id: string): boolean => owner.has(id) || Object.hasOwn(r.withdrawn, id);
  for (const [from, to] of Object.entries(r.redirects)) {
    check(`redirects → key ${quote(from)}`, from);
    check(`redirects → ${quote(from)}`, to);
    if (owner.has(from) || Object.hasOwn(r.withdrawn, from)) out.push(`redirects → ${quote(from)}: the id also has a page of its own`);
    else if (!permalinkIdProblem(to) && !answers(to)) out.push(`redirects → ${quote(from)}: ${quote(to)} is neither published nor withdrawn`);
  }
  for (const [id, day] of Object.entries(r.added)) {
    check(`added → key ${quote(id)}`, id);
    if (typeof day !== 'string' || !DAY.test(day)) out.push(`added → ${quote(id)}: expected YYYY-MM-DD, got ${quote(day)}`);
  }
  for (const [id, w] of Object.entries(r.withdrawn)) {
    check(`withdrawn → key ${quote(id)}`, id);
    if (owner.has(id)) out.push(`withdrawn → ${quote(id)}: the id is still published for ${quote(owner.get(id))}`);
    out.push(...withdrawalProblems(w).map((p) => `withdrawn → ${quote(id)}: ${p}`));
  }
  for (const [id, c] of Object.entries(r.corrected)) {
    check(`corrected → key ${quote(id)}`, id);
    if (!owner.has(id)) out.push(`corrected → ${quote(id)}: the id is not published`);
    out.push(...correctionProblems(c).map((p) => `corrected → ${quote(id)}: ${p}`));
  }
  return out;
}

function correctionProblems(c: unknown): string[] {
  if (typeof c !== 'object' || c === null) return ['expected { date, fields, facts }'];
  const e = c as Record<string, unknown>;
  const out: string[] = [];
  if (typeof e.date !== 'string' || !DAY.test(e.date)) out.push(`date: expected YYYY-MM-DD, got ${quote(e.date)}`);
  if (!Array.isArray(e.fields) || e.fields.length === 0 || !e.fields.every((f) => typeof f === 'string' && f !== '')) out.push(`fields: expected a list of field names, got ${quote(e.fields)}`);
  const facts = e.facts;
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts) || !Object.values(facts).every((v) => typeof v === 'string' && FINGERPRINT.test(v))) {
    out.push(`facts: expected { field: 16 hex digits }, got ${quote(facts)}`);
  }
  return out;
}

function withdrawalProblems(w: unknown): string[] {
  if (typeof w !== 'object' || w === null) return ['expected { date, reason, note, source, published, title, doc_number, issuer, date_issued }'];
  const e = w as Record<string, unknown>;
  const out: string[] = [];
  if (typeof e.date !== 'string' || !DAY.test(e.date)) out.push(`date: expected YYYY-MM-DD, got ${quote(e.date)}`);
  if (e.published !== null && (typeof e.published !== 'string' || !DAY.test(e.published))) out.push(`published: expected YYYY-MM-DD or null, got ${quote(e.published)}`);
  for (const k of WITHDRAWAL_TEXT) if (typeof e[k] !== 'string' || (e[k] as string).trim() === '') out.push(`${k}: expected text, got ${quote(e[k])}`);
  for (const k of WITHDRAWAL_MAYBE) if (e[k] !== null && typeof e[k] !== 'string') out.push(`${k}: expected text or null, got ${quote(e[k])}`);
  return out;
}

/**
 * Parses the registry file. A malformed or unsafe one is a configuration error, thrown with every
 * entry at fault and the fix: nothing is built or written from it.
 */
export function parseRegistry(json: string, file: string): Registry {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (e) {
    throw new Error(`${file}: not valid JSON (${(e as Error).message}); restore it from git, it is the record of published ids`);
  }
  const r = (typeof data === 'object' && data !== null ? data : {}) as Partial<Record<keyof Registry, unknown>>;
  const isMap = (m: unknown, values: 'string' | 'object'): m is Record<string, never> =>
    typeof m === 'object' && m !== null && !Array.isArray(m) && Object.values(m).every((v) => typeof v === values && v !== null);
  const added = r.added ?? {};
  const withdrawn = r.withdrawn ?? {};
  const corrected = r.corrected ?? {};
  if (!isMap(r.ids, 'string') || !isMap(r.redirects, 'string') || !isMap(added, 'string') || !isMap(withdrawn, 'object') || !isMap(corrected, 'object')) {
    throw new Error(`${file}: expected { "ids": {source: id}, "redirects": {oldId: newId}, "added": {id: "YYYY-MM-DD"}, "withdrawn": {id: {…}}, "corrected": {id: {…}} }`);
  }
  const registry: Registry = { ids: r.ids, redirects: r.redirects, added, withdrawn, corrected };
  const problems = registryProblems(registry);
  if (problems.length > 0) {
    throw new Error(`${file}:${problems.map((p) => `\n  ${p}`).join('')}\nFix or remove these entries (git log -p ${file} shows what they were), then run npm run ingest`);
  }
  return registry;
}

const byKey = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** A withdrawal's fields in one order, whatever order they were written or read in. */
const inOrder = (w: Withdrawal): Withdrawal => ({
  date: w.date,
  reason: w.reason,
  note: w.note,
  source: w.source,
  published: w.published,
  title: w.title,
  doc_number: w.doc_number,
  issuer: w.issuer,
  date_issued: w.date_issued,
});

export const sortRegistry = (r: Registry): Registry => ({
  ids: byKey(r.ids),
  redirects: byKey(r.redirects),
  added: byKey(r.added),
  withdrawn: byKey(Object.fromEntries(Object.entries(r.withdrawn).map(([id, w]) => [id, inOrder(w)]))),
  corrected: byKey(Object.fromEntries(Object.entries(r.corrected).map(([id, c]) => [id, { date: c.date, fields: [...c.fields].sort(), facts: byKey(c.facts) }]))),
});

/** The registry file's text. Refuses to write a registry `parseRegistry` would refuse to read. */
export function serializeRegistry(r: Registry, file: string): string {
  const problems = registryProblems(r);
  if (problems.length > 0) throw new Error(`${file}: refusing to write an invalid registry:${problems.map((p) => `\n  ${p}`).join('')}`);
  return `${JSON.stringify(sortRegistry(r), null, 2)}\n`;
}
