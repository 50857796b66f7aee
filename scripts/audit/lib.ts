/**
 * Small pure helpers shared by the audits in scripts/audit/ (tested in tests/audit/).
 * Nothing here touches the file system, the network or a browser.
 */

/** Median of a non-empty list (mean of the two middle values when the count is even). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A plain-text table: columns padded to their widest cell; `right` names columns aligned right. */
export function formatTable(headers: readonly string[], rows: readonly (readonly string[])[], right: readonly number[] = []): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (right.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join(' | ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Milliseconds as "850 ms" or "12.3 s". */
export function formatMs(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// Lighthouse

/**
 * A page of plain text with no CSS and no script, served apart from the site and audited like its
 * pages: what the host alone scores at the moment, so that a low score can be read.
 */
export const CONTROL_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="A blank control page for the Lighthouse audit; not part of the archive."><link rel="icon" href="data:,">
<title>Lighthouse control page</title></head>
<body><main><h1>Control page</h1><p>${'Plain text and nothing else, to measure what the host alone costs. '.repeat(8)}</p></main></body></html>
`;

/** The parts of a Lighthouse result (LH.Result) that the audit reads. */
export interface LhrLike {
  categories: Record<string, { title: string; score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<
    string,
    { id: string; title: string; score: number | null; scoreDisplayMode: string; displayValue?: string; errorMessage?: string; details?: unknown } | undefined
  >;
}

export interface FailingAudit {
  id: string;
  title: string;
  score: number | null;
  weight: number;
  displayValue?: string;
}

const UNSCORED = new Set(['notApplicable', 'manual', 'informative']);

/**
 * The audits that pull a category down: scored audits of the category below Lighthouse's own
 * "passed" mark (0.9), or that errored; heaviest first. Unweighted audits (performance
 * "insights" and diagnostics) are included when they fail, since they explain the metrics.
 */
export function failingAudits(lhr: LhrLike, category: string): FailingAudit[] {
  const cat = lhr.categories[category];
  if (!cat) return [];
  const failing: FailingAudit[] = [];
  for (const ref of cat.auditRefs) {
    const audit = lhr.audits[ref.id];
    if (!audit || UNSCORED.has(audit.scoreDisplayMode)) continue;
    const errored = audit.scoreDisplayMode === 'error';
    if (!errored && (audit.score === null || audit.score >= 0.9)) continue;
    failing.push({
      id: audit.id,
      title: errored ? `${audit.title} (audit error: ${audit.errorMessage ?? 'unknown'})` : audit.title,
      score: audit.score,
      weight: ref.weight,
      ...(audit.displayValue ? { displayValue: audit.displayValue } : {}),
    });
  }
  return failing.sort((a, b) => b.weight - a.weight || (a.score ?? 0) - (b.score ?? 0) || a.id.localeCompare(b.id));
}

/**
 * Whether Lighthouse found the page served without text compression: the document-latency
 * insight's "usesCompression" check (Lighthouse 13), or the older uses-text-compression audit.
 * Returns the estimated saving as Lighthouse words it ("Est savings of 5 KiB"), or null.
 */
export function missingCompression(lhr: LhrLike): string | null {
  const insight = lhr.audits['document-latency-insight'];
  const check = (insight?.details as { items?: { usesCompression?: { value?: unknown } } } | undefined)?.items?.usesCompression;
  if (check && check.value === false) return insight?.displayValue ?? 'uncompressed';
  const legacy = lhr.audits['uses-text-compression'];
  if (legacy && legacy.score !== null && legacy.score < 1 && legacy.scoreDisplayMode !== 'notApplicable') return legacy.displayValue ?? 'uncompressed';
  return null;
}

/** Request URLs that leave `origin` (data:, blob: and about: URLs stay in the page). */
export function foreignRequests(urls: readonly string[], origin: string): string[] {
  const foreign = new Set<string>();
  for (const url of urls) {
    if (/^(data|blob|about):/i.test(url)) continue;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      foreign.add(url);
      continue;
    }
    if (parsed.origin !== origin) foreign.add(url);
  }
  return [...foreign].sort();
}

// ---------------------------------------------------------------------------------------------
// Build output comparison

export interface TreeDiff {
  onlyInA: string[];
  onlyInB: string[];
  different: string[];
  same: number;
}

/** Compares two file maps (relative path → content hash or bytes as a string). */
export function diffTrees(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): TreeDiff {
  const diff: TreeDiff = { onlyInA: [], onlyInB: [], different: [], same: 0 };
  for (const [path, hash] of a) {
    const other = b.get(path);
    if (other === undefined) diff.onlyInA.push(path);
    else if (other !== hash) diff.different.push(path);
    else diff.same++;
  }
  for (const path of b.keys()) if (!a.has(path)) diff.onlyInB.push(path);
  diff.onlyInA.sort();
  diff.onlyInB.sort();
  diff.different.sort();
  return diff;
}

/** Groups paths by folder and extension ("pagefind/fragment/*.pf_fragment"), groups sorted. */
export function groupPaths(paths: readonly string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of [...paths].sort()) {
    const slash = path.lastIndexOf('/');
    const dir = slash === -1 ? '' : path.slice(0, slash + 1);
    const name = path.slice(slash + 1);
    const dot = name.lastIndexOf('.');
    const key = `${dir}*${dot > 0 ? name.slice(dot) : ''}`;
    const list = groups.get(key) ?? [];
    list.push(path);
    groups.set(key, list);
  }
  return new Map([...groups].sort(([x], [y]) => x.localeCompare(y)));
}

/** A glob over relative paths: `*` matches within one segment, `**` across segments. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i]!;
    if (ch === '*' && glob[i + 1] === '*') {
      i++;
      if (glob[i + 1] === '/') {
        source += '(?:.*/)?';
        i++;
      } else source += '.*';
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

export interface Allowed {
  glob: string;
  reason: string;
}

/** Splits paths into those an allow-list entry covers (with its reason) and the rest. */
export function applyAllowList(paths: readonly string[], allow: readonly Allowed[]): { allowed: { path: string; reason: string }[]; rejected: string[] } {
  const matchers = allow.map((entry) => ({ ...entry, re: globToRegExp(entry.glob) }));
  const allowed: { path: string; reason: string }[] = [];
  const rejected: string[] = [];
  for (const path of paths) {
    const hit = matchers.find((m) => m.re.test(path));
    if (hit) allowed.push({ path, reason: hit.reason });
    else rejected.push(path);
  }
  return { allowed, rejected };
}
