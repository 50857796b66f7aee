/**
 * The batch: every source ends as a directive, a recorded duplicate, or a rejection with its
 * reason. I/O comes in through `io` so tests run without touching the disk.
 */
import { directiveSchema, DIRECTIVE_FIELDS, formatSchemaError, type Directive } from '../../src/shared/schema.ts';
import { decodeSource } from './decode.ts';
import { extractDraft, type Draft } from './extract.ts';
import { compilePrinciples, parsePrinciples } from './principles.ts';
import { applyCuration, parseCuration } from './curation.ts';
import { assignIds, baseId, emptyRegistry, parseRegistry, serializeRegistry, type Registry } from './permalinks.ts';
import { screenSources } from './names.ts';

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
  /** Problems that are not one source's fault (a published id whose source is gone). */
  problems: string[];
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
 * YAML emitter took over a second per 10,000 directives for these flat records.
 */
export function renderDirective(d: Directive, body: string): string {
  const lines = DIRECTIVE_FIELDS.map((key) => `${key}:${yamlValue(d[key])}`);
  return `---\n${lines.join('\n')}\n---\n\n${body}\n`;
}

function yamlValue(value: Directive[keyof Directive]): string {
  if (value === null) return ' null';
  if (typeof value === 'string') return ` ${JSON.stringify(value)}`;
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

/** A read source: its name and bytes. */
export interface SourceFile {
  source: string;
  bytes: Uint8Array | null;
}

export type Extracted = { source: string; ok: true; draft: Draft } | { source: string; ok: false; reason: string };

/**
 * Decode and extract many sources (pure). The CLI runs chunks of this in worker threads to use
 * every core; tests call it directly.
 */
export function extractMany(files: SourceFile[], principlesYaml: string, principlesFile: string): Extracted[] {
  const matchers = compilePrinciples(parsePrinciples(principlesYaml, principlesFile));
  return files.map(({ source, bytes }) => {
    const decoded = bytes ? decodeSource(bytes) : { ok: false as const, reason: 'could not be read' };
    return decoded.ok
      ? { source, ok: true as const, draft: extractDraft(source, bytes!, decoded.text, matchers) }
      : { source, ok: false as const, reason: decoded.reason };
  });
}

export type ExtractRunner = (files: SourceFile[], principlesYaml: string, principlesFile: string) => Promise<Extracted[]>;
const inProcess: ExtractRunner = async (files, yaml, file) => extractMany(files, yaml, file);

export async function ingest(opts: IngestOptions, io: IngestIO, runExtract: ExtractRunner = inProcess): Promise<IngestResult> {
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
  const extracted = await runExtract(read, principlesYaml, opts.principlesFile);

  const drafts: Array<{ draft: Draft; curatedId: string | null }> = [];
  for (const result of extracted) {
    if (!result.ok) {
      outcomes.set(result.source, { source: result.source, status: 'rejected', reason: result.reason });
      continue;
    }
    let draft = result.draft;
    let curatedId: string | null = null;
    const curationFile = join(opts.curationDir, `${stem(result.source)}.yml`);
    const curation = curations.has(`${stem(result.source)}.yml`) ? await io.readFile(curationFile) : null;
    if (curation) ({ draft, curatedId } = applyCuration(draft, parseCuration(decoder.decode(curation), curationFile), curationFile));
    drafts.push({ draft, curatedId });
  }

  const groups = groupDuplicates(drafts.map((d) => d.draft));
  const primaries = drafts.filter((d) => groups.has(d.draft.source_file));
  const { ids, registry } = assignIds(
    primaries.map(({ draft, curatedId }) => ({
      source: draft.source_file,
      base: baseId(draft),
      curatedId,
      duplicates: groups.get(draft.source_file)!,
    })),
    previous,
    opts.today,
  );

  const files = new Map<string, string>();
  for (const { draft } of primaries) {
    const dups = groups.get(draft.source_file)!;
    for (const dup of dups) outcomes.set(dup, { source: dup, status: 'duplicate', of: draft.source_file });
    const { body, text_sha256: _text, ...fields } = draft;
    const warnings = dups.length > 0 ? [...fields.warnings, `Văn bản này có ${dups.length + 1} bản nguồn; trang này theo bản ${draft.source_file}`] : fields.warnings;
    const candidate = { id: ids.get(draft.source_file)!, ...fields, warnings, duplicate_sources: dups };
    const parsed = directiveSchema.safeParse(candidate);
    if (!parsed.success) {
      outcomes.set(draft.source_file, {
        source: draft.source_file,
        status: 'rejected',
        reason: formatSchemaError(draft.source_file, parsed.error, candidate).join('; '),
      });
      continue;
    }
    const fieldsFound = REPORTED_FIELDS.filter((f) => {
      const v = parsed.data[f];
      return Array.isArray(v) ? v.length > 0 : v !== null;
    }).length;
    outcomes.set(draft.source_file, { source: draft.source_file, status: 'written', directive: parsed.data, fieldsFound });
    files.set(`${stem(draft.source_file)}.md`, renderDirective(parsed.data, body));
  }

  const present = new Set(listed);
  const problems = Object.entries(registry.ids)
    .filter(([source]) => !present.has(source))
    .map(([source, id]) => `${opts.registryFile}: published id "${id}" belongs to ${source}, which is no longer in ${opts.sourcesDir}; restore the source or record a redirect for the id`);
  const stale = await writeOutputs(opts, io, files, outputs, serializeRegistry(registry));
  const rejected = [...outcomes.values()].some((o) => o.status === 'rejected');
  const exitCode = rejected || problems.length > 0 || (opts.check && stale.length > 0) ? 1 : 0;
  return { outcomes: listed.map((s) => outcomes.get(s)!), problems, stale, exitCode };
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

/** Writes (or, in check mode, compares) the directive files and the registry; returns what differs. */
async function writeOutputs(
  opts: IngestOptions,
  io: IngestIO,
  files: Map<string, string>,
  outputs: Set<string>,
  registry: string,
): Promise<string[]> {
  const stale: string[] = [];
  const existing = [...outputs].filter((f) => f.endsWith('.md'));
  const wanted: Array<[string, string, boolean]> = [...files].map(([name, text]) => [join(opts.outDir, name), text, outputs.has(name)]);
  wanted.push([opts.registryFile, registry, true]);
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
  for (const name of existing.filter((f) => !files.has(f)).sort(byName)) {
    stale.push(join(opts.outDir, name));
    if (!opts.check) await io.removeFile(join(opts.outDir, name));
  }
  return stale;
}
