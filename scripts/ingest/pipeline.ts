/**
 * The batch: every source ends as a directive, a recorded duplicate, or a rejection with its
 * reason. I/O comes in through `io` so tests run without touching the disk.
 */
import { parse as parseYaml } from 'yaml';
import { directiveSchema, DIRECTIVE_FIELDS, formatSchemaError, type Directive } from '../../src/shared/schema.ts';
import { decodeSource } from './decode.ts';
import { extractDraft, type Draft } from './extract.ts';
import { compilePrinciples, parsePrinciples } from './principles.ts';
import { applyCuration, parseCuration, type Curated, type Curation } from './curation.ts';
import { assignIds, baseId, curatedFacts, emptyRegistry, parseRegistry, serializeRegistry, withdraw, type Registry } from './permalinks.ts';
import { WITHDRAWN_HEADING, type Withdrawal } from '../../src/shared/registry.ts';
import { screenSources } from './names.ts';
import { readDocuments, type DocumentText, type ReadDeps } from './originals/read.ts';
import { findOcr } from './originals/ocr.ts';

export interface IngestIO {
  /** Names in `dir`, hidden ones included; a subfolder's name ends in "/" (reported, never read). [] when `dir` is missing. */
  listFiles(dir: string): Promise<string[]>;
  readFile(path: string): Promise<Uint8Array | null>;
  writeFile(path: string, text: string): Promise<void>;
  removeFile(path: string): Promise<void>;
}

export interface IngestOptions {
  sourcesDir: string;
  outDir: string;
  curationDir: string;
  principlesFile: string;
  registryFile: string;
  /** Compare with what is on disk instead of writing. */
  check: boolean;
  /** The day newly issued permalinks are recorded as added (YYYY-MM-DD). */
  today: string;
}

export type Outcome =
  | { source: string; status: 'written'; directive: Directive; fieldsFound: number }
  | { source: string; status: 'duplicate'; of: string }
  | { source: string; status: 'rejected'; reason: string }
  /** In the sources folder but not a source: a hidden file or a subfolder, reported and never read. */
  | { source: string; status: 'skipped'; kind: 'hidden' | 'folder'; reason: string };

export interface IngestResult {
  outcomes: Outcome[];
  /** Problems that are not one source's fault (a published id whose source is gone), and published pages kept as they were. */
  problems: string[];
  /** Changes to published permalinks that are not one source's row: withdrawals. */
  notices: string[];
  /** In check mode: files that differ from a fresh run. */
  stale: string[];
  exitCode: number;
}

/** Fields counted in the report's "fields found" column. */
export const REPORTED_FIELDS = [
  'doc_number',
  'doc_type',
  'issuer',
  'province',
  'place',
  'date_issued',
  'subject',
  'recipients',
  'signing_authority',
  'signer_title',
  'signer_name',
  'cc',
] as const satisfies ReadonlyArray<keyof Directive>;

const MAX_WRITES_IN_FLIGHT = 64;
const join = (dir: string, name: string): string => `${dir.replace(/\/+$/, '')}/${name}`;
const stem = (name: string): string => name.replace(/\.[^.]+$/, '');
const decoder = new TextDecoder();
const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A directive file: YAML frontmatter and the Markdown body. Every string is written as a JSON
 * string, which is also a YAML double-quoted scalar: "2021-07-21" stays a string for YAML 1.1
 * readers (Astro, gray-matter), and the output is byte-stable. Hand-written because a general
 * YAML emitter is far slower for these flat records (docs/decisions/0014-hand-written-yaml-emitter.md).
 */
export function renderDirective(d: Directive, body: string): string {
  // An optional field left out (`original` of a .txt source) is not written at all.
  const lines = DIRECTIVE_FIELDS.flatMap((key) => (d[key] === undefined ? [] : [`${key}:${yamlValue(d[key]!)}`]));
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

function yamlValue(value: NonNullable<Directive[keyof Directive]> | null): string {
  if (value === null) return ' null';
  if (typeof value === 'string') return ` ${JSON.stringify(value)}`;
  if (!Array.isArray(value)) return Object.entries(value).map(([k, v]) => `\n  ${k}: ${JSON.stringify(v)}`).join('');
  if (value.length === 0) return ' []';
  return value
    .map((item) =>
      typeof item === 'string'
        ? `\n  - ${JSON.stringify(item)}`
        : `\n  - ${Object.entries(item)
            .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
            .join('\n    ')}`,
    )
    .join('');
}

/** A read source: its name and bytes; for a PDF or Word file, the text read from it (originals/read.ts). */
export interface SourceFile {
  source: string;
  bytes: Uint8Array | null;
  document?: DocumentText;
}

/** `text`: for a document, the text read from it, which the site serves as the source's text. */
export type Extracted = { source: string; ok: true; draft: Draft; text?: string } | { source: string; ok: false; reason: string };

/** Beside `<stem>.md`, the text read from a PDF or Word source: the site's `nguon.txt` for it. */
export const DOCUMENT_TEXT_SUFFIX = '.nguon.txt';

/**
 * Decode and extract many sources (pure). The CLI runs chunks of this in worker threads to use
 * every core; tests call it directly.
 */
export function extractMany(files: SourceFile[], principlesYaml: string, principlesFile: string): Extracted[] {
  const matchers = compilePrinciples(parsePrinciples(principlesYaml, principlesFile));
  return files.map(({ source, bytes, document }): Extracted => {
    if (document) {
      if (!document.ok) return { source, ok: false, reason: document.reason };
      const draft = extractDraft(source, bytes!, document.text, matchers);
      return { source, ok: true, draft: { ...draft, original: document.original, warnings: [...document.warnings, ...draft.warnings] }, text: document.text };
    }
    const decoded = bytes ? decodeSource(bytes) : { ok: false as const, reason: 'could not be read' };
    return decoded.ok
      ? { source, ok: true as const, draft: extractDraft(source, bytes!, decoded.text, matchers, decoded.convertedFrom) }
      : { source, ok: false as const, reason: decoded.reason };
  });
}

export type ExtractRunner = (files: SourceFile[], principlesYaml: string, principlesFile: string) => Promise<Extracted[]>;
const inProcess: ExtractRunner = async (files, yaml, file) => extractMany(files, yaml, file);

/**
 * `documents`: how PDF and Word sources are read; by default with the OCR engine found on this
 * machine (none: a scan is rejected with what to install).
 */
export async function ingest(opts: IngestOptions, io: IngestIO, runExtract: ExtractRunner = inProcess, documents: ReadDeps = { ocr: findOcr() }): Promise<IngestResult> {
  const principlesText = await io.readFile(opts.principlesFile);
  if (!principlesText) throw new Error(`${opts.principlesFile}: missing; it lists the principles to tag (see README)`);
  const principlesYaml = decoder.decode(principlesText);
  parsePrinciples(principlesYaml, opts.principlesFile); // fail fast on a bad list, before any work
  const registryText = await io.readFile(opts.registryFile);
  const previous: Registry = registryText ? parseRegistry(decoder.decode(registryText), opts.registryFile) : emptyRegistry();

  const listed = (await io.listFiles(opts.sourcesDir)).sort(byName);
  const curationNames = await io.listFiles(opts.curationDir);
  const curations = new Set(curationNames);
  const outputs = new Set(await io.listFiles(opts.outDir));
  // Names are judged before anything is read or written: a refused name is never registered.
  const outcomes = new Map<string, Outcome>();
  const sources: string[] = [];
  for (const verdict of screenSources(listed, curationNames)) {
    if (verdict.status === 'source') sources.push(verdict.source);
    else outcomes.set(verdict.source, verdict);
  }
  const read: SourceFile[] = [];
  for (const source of sources) read.push({ source, bytes: await io.readFile(join(opts.sourcesDir, source)) });
  const extracted = await runExtract(await readDocuments(read, documents), principlesYaml, opts.principlesFile);
  const documentTexts = new Map(extracted.flatMap((e) => (e.ok && e.text !== undefined ? [[e.source, e.text] as const] : [])));

  const reject = (source: string, reason: string): void => void outcomes.set(source, { source, status: 'rejected', reason });
  const curationOf = (source: string): Promise<{ file: string; curation: Curation } | null> => readCuration(io, opts.curationDir, curations, source);
  // Every check that can reject a source runs before ids are given: the registry records only accepted outcomes.
  const accepted: Array<{ draft: Draft; curatedId: string | null; directive: Directive }> = [];
  for (const result of extracted) {
    if (!result.ok) {
      reject(result.source, result.reason);
      continue;
    }
    const found = await curationOf(result.source);
    let curated: Curated = { ok: true, draft: result.draft, curatedId: null };
    if (found?.curation.withdrawn) curated = { ok: false, reason: stillPresent(found.file, result.source, opts.sourcesDir) };
    else if (found) curated = applyCuration(result.draft, found.curation.corrections, found.file);
    if (!curated.ok) {
      reject(result.source, curated.reason);
      continue;
    }
    const checked = validate(curated.draft, previous.ids[result.source] ?? curated.curatedId ?? baseId(curated.draft), found?.file ?? null);
    if (!checked.ok) reject(result.source, checked.reason);
    else accepted.push({ draft: curated.draft, curatedId: curated.curatedId, directive: checked.directive });
  }

  const groups = groupDuplicates(accepted.map((a) => a.draft));
  const primaries = accepted.filter((a) => groups.has(a.draft.source_file));
  const assigned = assignIds(
    primaries.map(({ draft, curatedId, directive }) => ({
      source: draft.source_file,
      base: baseId(draft),
      curatedId,
      duplicates: groups.get(draft.source_file)!,
      curated: curatedFacts(directive),
    })),
    previous,
    opts.today,
  );

  const files = new Map<string, string>();
  for (const { draft, directive } of primaries) {
    const dups = groups.get(draft.source_file)!;
    for (const dup of dups) outcomes.set(dup, { source: dup, status: 'duplicate', of: draft.source_file });
    const warnings = dups.length > 0 ? [...directive.warnings, `Văn bản này có ${dups.length + 1} bản nguồn; trang này theo bản ${draft.source_file}`] : directive.warnings;
    const written: Directive = { ...directive, id: assigned.ids.get(draft.source_file)!, warnings, duplicate_sources: dups };
    const fieldsFound = REPORTED_FIELDS.filter((f) => {
      const v = written[f];
      return Array.isArray(v) ? v.length > 0 : v !== null;
    }).length;
    outcomes.set(draft.source_file, { source: draft.source_file, status: 'written', directive: written, fieldsFound });
    files.set(`${stem(draft.source_file)}.md`, renderDirective(written, draft.body));
    const documentText = documentTexts.get(draft.source_file);
    if (documentText !== undefined) files.set(`${stem(draft.source_file)}${DOCUMENT_TEXT_SUFFIX}`, `${documentText}\n`);
  }

  const { registry, keep, problems, notices } = await answerPublished(opts, io, { registry: assigned.registry, files, outputs, present: new Set(listed), curationOf });
  // Checked before any file is written: a registry that could not be read back is never left behind.
  const registryJson = serializeRegistry(registry, opts.registryFile);
  const stale = await writeOutputs(opts, io, files, outputs, keep, registryJson);
  const rejected = [...outcomes.values()].some((o) => o.status === 'rejected');
  const exitCode = rejected || problems.length > 0 || (opts.check && stale.length > 0) ? 1 : 0;
  return { outcomes: listed.map((s) => outcomes.get(s)!), problems, notices, stale, exitCode };
}

/**
 * Every published id must still answer: with its new page, its last good page (a source rejected
 * or removed keeps it, and that is a problem), or the notice of a withdrawal the curator asked for.
 * Returns the registry with the withdrawals made, the pages to keep, and what to report.
 */
async function answerPublished(
  opts: IngestOptions,
  io: IngestIO,
  batch: {
    registry: Registry;
    files: Map<string, string>;
    outputs: Set<string>;
    present: Set<string>;
    curationOf: (source: string) => Promise<{ file: string; curation: Curation } | null>;
  },
): Promise<{ registry: Registry; keep: Set<string>; problems: string[]; notices: string[] }> {
  const { files, outputs, present } = batch;
  let registry = batch.registry;
  const keep = new Set<string>();
  const problems: string[] = [];
  const notices: string[] = [];
  for (const [source, id] of Object.entries(registry.ids)) {
    const name = `${stem(source)}.md`;
    if (files.has(name)) continue;
    const last = join(opts.outDir, name);
    if (!present.has(source)) {
      const found = await batch.curationOf(source);
      if (found?.curation.withdrawn) {
        const record = outputs.has(name) ? lastRecord(await io.readFile(last)) : null;
        registry = withdraw(registry, source, { date: opts.today, ...found.curation.withdrawn, ...(record ?? NO_RECORD) });
        notices.push(`withdrawn: /van-ban/${id}/ (${source}) now says "${WITHDRAWN_HEADING}": ${found.curation.withdrawn.reason}`);
        continue;
      }
      problems.push(`${opts.registryFile}: published id "${id}" belongs to ${source}, which is no longer in ${opts.sourcesDir}; restore the source, or withdraw the directive (docs/curating.md, "Withdrawing a directive")`);
    } else {
      problems.push(`${source} is rejected, but it is published as /van-ban/${id}/: ${outputs.has(name) ? `its last good page (${last}) is kept` : 'it has no page'} until the source or its curation is fixed`);
    }
    if (outputs.has(`${stem(source)}${DOCUMENT_TEXT_SUFFIX}`)) keep.add(`${stem(source)}${DOCUMENT_TEXT_SUFFIX}`);
    if (outputs.has(name)) keep.add(name);
    else problems.push(`${opts.registryFile}: published id "${id}" (${source}) would not answer: ${last} is missing; fix the source and run npm run ingest`);
  }
  return { registry, keep, problems, notices };
}

const stillPresent = (file: string, source: string, sourcesDir: string): string =>
  `${file} → withdrawn: ${source} is still in ${sourcesDir}; remove the source to withdraw the directive, or remove "withdrawn:" to keep it published`;

/** The curation file of a source, parsed, when there is one. */
async function readCuration(io: IngestIO, dir: string, names: Set<string>, source: string): Promise<{ file: string; curation: Curation } | null> {
  const name = `${stem(source)}.yml`;
  const file = join(dir, name);
  const text = names.has(name) ? await io.readFile(file) : null;
  return text ? { file, curation: parseCuration(decoder.decode(text), file) } : null;
}

/**
 * A draft checked against the schema under the id it would be published as (duplicates are added
 * later). A problem in a field a curator set names the curation file, where the fix is.
 */
function validate(draft: Draft, id: string, curationFile: string | null): { ok: true; directive: Directive } | { ok: false; reason: string } {
  const { body: _body, text_sha256: _text, ...fields } = draft;
  const candidate = { id, ...fields, duplicate_sources: [] };
  const parsed = directiveSchema.safeParse(candidate);
  if (parsed.success) return { ok: true, directive: parsed.data };
  const curated = new Set(draft.curated.map((c) => c.field));
  const whereOf = (field: string): string => (curationFile && curated.has(field) ? curationFile : `source ${draft.source_file}`);
  return { ok: false, reason: formatSchemaError(draft.source_file, parsed.error, candidate, whereOf).join('; ') };
}

type Cited = Pick<Withdrawal, 'title' | 'doc_number' | 'issuer' | 'date_issued'>;
const NO_RECORD: Cited = { title: null, doc_number: null, issuer: null, date_issued: null };

/** What a citation of a directive gave, read from its last published file; null when unreadable. */
export function lastRecord(bytes: Uint8Array | null): Cited | null {
  const text = bytes ? decoder.decode(bytes) : '';
  const end = text.startsWith('---\n') ? text.indexOf('\n---\n', 3) : -1;
  if (end === -1) return null;
  try {
    const data = parseYaml(text.slice(4, end)) as Record<string, unknown> | null;
    const field = (k: keyof Cited): string | null => (typeof data?.[k] === 'string' ? (data[k] as string) : null);
    return { title: field('title'), doc_number: field('doc_number'), issuer: field('issuer'), date_issued: field('date_issued') };
  } catch {
    return null;
  }
}

/**
 * Same directive twice: the same normalized text, or the same issuer, number and date.
 * Returns primary source → its duplicates; the first source by name is the primary.
 */
export function groupDuplicates(drafts: Draft[]): Map<string, string[]> {
  const primaryOf = new Map<string, string>();
  const groups = new Map<string, string[]>();
  for (const d of [...drafts].sort((a, b) => byName(a.source_file, b.source_file))) {
    const keys = [`text:${d.text_sha256}`];
    if (d.issuer && d.doc_number && d.date_issued) keys.push(`meta:${d.issuer}|${d.doc_number}|${d.date_issued}`);
    const primary = keys.map((k) => primaryOf.get(k)).find((p) => p !== undefined);
    if (primary) groups.get(primary)!.push(d.source_file);
    else groups.set(d.source_file, []);
    for (const k of keys) if (!primaryOf.has(k)) primaryOf.set(k, primary ?? d.source_file);
  }
  return groups;
}

/**
 * Writes (or, in check mode, compares) the directive files and the registry; returns what differs.
 * The registry goes last, once every file it names is in place, so a run stopped midway leaves the
 * previous registry and a re-run converges. `keep`: published pages kept as they were (not stale).
 */
async function writeOutputs(
  opts: IngestOptions,
  io: IngestIO,
  files: Map<string, string>,
  outputs: Set<string>,
  keep: Set<string>,
  registry: string,
): Promise<string[]> {
  const stale: string[] = [];
  const write = async (wanted: Array<[string, string, boolean]>): Promise<void> => {
    // A few writes in flight at a time: enough to overlap file creation, bounded so 50,000 files
    // never exhaust the process's open-file limit (EMFILE).
    let writes: Array<Promise<void>> = [];
    for (const [path, text, exists] of wanted) {
      const current = exists ? await io.readFile(path) : null;
      if (current !== null && decoder.decode(current) === text) continue;
      stale.push(path);
      if (opts.check) continue;
      writes.push(io.writeFile(path, text));
      if (writes.length >= MAX_WRITES_IN_FLIGHT) {
        await Promise.all(writes);
        writes = [];
      }
    }
    await Promise.all(writes);
  };
  await write([...files].map(([name, text]) => [join(opts.outDir, name), text, outputs.has(name)]));
  const isOutput = (f: string): boolean => f.endsWith('.md') || f.endsWith(DOCUMENT_TEXT_SUFFIX);
  for (const name of [...outputs].filter((f) => isOutput(f) && !files.has(f) && !keep.has(f)).sort(byName)) {
    stale.push(join(opts.outDir, name));
    if (!opts.check) await io.removeFile(join(opts.outDir, name));
  }
  await write([[opts.registryFile, registry, true]]);
  return stale;
}
