/**
 * The HTML mammoth makes of a .docx → the text the pipeline reads, as a curator's hand copy would
 * have it: one paragraph a line with a blank line between, bold as `**…**` and italic as `*…*`,
 * list items with their marker, and each table row's cells side by side, a run of spaces between
 * them, line by line: the two-column header Word documents set in a table comes out as two columns
 * on one line, which the pipeline splits (layout.ts, splitColumns), and a recipients list in a
 * table keeps "Kính gửi:" beside its items. Mammoth's HTML is well-formed and escaped, so a small
 * tokenizer reads it; it is not a general HTML parser.
 */

interface Node {
  tag: string;
  /** The `id` and `href` attributes, which tie footnotes to their references; no other is kept. */
  id?: string;
  href?: string;
  children: Array<Node | string>;
}

const VOID = new Set(['br', 'img', 'hr']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e.toLowerCase()] ?? m),
  );

/** HTML → a tree of elements and text (attributes dropped but `id` and `href`: none carries text). */
export function parseHtml(html: string): Node {
  const root: Node = { tag: 'root', children: [] };
  const stack = [root];
  for (const [, close, tag, attrs, text] of html.matchAll(/<(\/?)([a-z0-9]+)([^>]*)>|([^<]+)/gi)) {
    const top = stack.at(-1)!;
    if (text !== undefined) top.children.push(decodeEntities(text));
    else if (close) {
      const at = stack.map((n) => n.tag).lastIndexOf(tag!.toLowerCase());
      if (at > 0) stack.length = at;
    } else {
      const node: Node = { tag: tag!.toLowerCase(), children: [] };
      const id = /\sid="([^"]*)"/.exec(attrs ?? '')?.[1];
      const href = /\shref="([^"]*)"/.exec(attrs ?? '')?.[1];
      if (id) node.id = decodeEntities(id);
      if (href) node.href = decodeEntities(href);
      top.children.push(node);
      if (!VOID.has(node.tag)) stack.push(node);
    }
  }
  return root;
}

/** Spaces between two cells of a table row: three or more is a column gap to the pipeline. */
const CELL_GAP = '     ';

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** A footnote's link back to its reference ("↑"): Word's navigation, not text. */
const isBackLink = (node: Node): boolean => node.tag === 'a' && /^#(?:footnote|endnote)-ref-/.test(node.href ?? '');

function runs(node: Node, bold = false, italic = false): Run[] {
  if (isBackLink(node)) return [];
  const b = bold || node.tag === 'strong' || node.tag === 'b';
  const i = italic || node.tag === 'em' || node.tag === 'i';
  if (node.tag === 'br') return [{ text: '\n', bold: false, italic: false }];
  return node.children.flatMap((c) => (typeof c === 'string' ? [{ text: c, bold: b, italic: i }] : runs(c, b, i)));
}

/** A paragraph's runs → one line with emphasis: runs of one style merged, spaces kept outside the marks. */
export function inlineText(node: Node): string {
  const merged: Run[] = [];
  for (const r of runs(node)) {
    const last = merged.at(-1);
    if (last && last.bold === r.bold && last.italic === r.italic) last.text += r.text;
    else merged.push({ ...r });
  }
  return merged
    .map((r) => {
      const mark = (r.bold ? '**' : '') + (r.italic ? '*' : '');
      const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(r.text)!;
      return mark === '' || m[2] === '' ? r.text : `${m[1]}${mark}${m[2]}${[...mark].reverse().join('')}${m[3]}`;
    })
    .join('')
    // A tab, or a run of spaces, set a column apart in the document: it stays a column gap.
    .replace(/\t+/g, CELL_GAP)
    .trim();
}

const elements = (node: Node, tag?: string): Node[] => node.children.filter((c): c is Node => typeof c !== 'string' && (tag === undefined || c.tag === tag));

/** Footnote and endnote texts by id ("footnote-1"), for the paragraphs that cite them. */
type Notes = ReadonlyMap<string, string>;

/** The notes a paragraph cites, as paragraphs "[1] …" to follow it. */
function citedNotes(node: Node, notes: Notes): string[] {
  const out: string[] = [];
  const visit = (n: Node): void => {
    const note = n.tag === 'a' && n.href?.startsWith('#') ? notes.get(n.href.slice(1)) : undefined;
    if (note !== undefined) out.push(note, '');
    for (const c of n.children) if (typeof c !== 'string') visit(c);
  };
  visit(node);
  return out;
}

const isNoteList = (node: Node): boolean => (node.tag === 'ol' || node.tag === 'ul') && elements(node, 'li').some((li) => /^(?:footnote|endnote)-/.test(li.id ?? ''));

/** A block's lines, blank lines between paragraphs. */
function blockLines(node: Node, notes: Notes): string[] {
  if (isNoteList(node)) return [];
  switch (node.tag) {
    case 'table':
      return tableLines(node, notes);
    case 'ul':
    case 'ol':
      return elements(node, 'li').flatMap((li, i) => {
        const [first = '', ...rest] = cellLines(li, notes);
        return [`${node.tag === 'ol' ? `${i + 1}.` : '-'} ${first}`, ...rest, ''];
      });
    case 'root':
    case 'tbody':
    case 'thead':
    case 'div':
      return elements(node).flatMap((c) => blockLines(c, notes));
    default: {
      const text = inlineText(node);
      return text === '' ? [] : [...text.split('\n').map((l) => l.trim()), '', ...citedNotes(node, notes)];
    }
  }
}

/** A cell's (or list item's) lines, without the blank lines between its paragraphs. */
const cellLines = (node: Node, notes: Notes): string[] => {
  const blocks = elements(node).filter((c) => ['p', 'table', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(c.tag));
  const lines = blocks.length > 0 ? blocks.flatMap((b) => blockLines(b, notes)) : [inlineText(node)];
  return lines.filter((l) => l !== '');
};

/** Each row: its cells side by side, line by line, every cell padded to its column's width. */
function tableLines(table: Node, notes: Notes): string[] {
  const rows = [...elements(table, 'tr'), ...elements(table).filter((c) => c.tag === 'tbody' || c.tag === 'thead').flatMap((b) => elements(b, 'tr'))];
  return rows.flatMap((row) => {
    const cells = elements(row).filter((c) => c.tag === 'td' || c.tag === 'th').map((c) => cellLines(c, notes)).filter((c) => c.length > 0);
    if (cells.length === 0) return [];
    const widths = cells.map((c) => Math.max(...c.map((l) => l.length)));
    const height = Math.max(...cells.map((c) => c.length));
    const lines = Array.from({ length: height }, (_, i) =>
      cells
        .map((c, k) => (k === cells.length - 1 ? (c[i] ?? '') : (c[i] ?? '').padEnd(widths[k]!) + CELL_GAP))
        .join('')
        .trimEnd(),
    );
    return [...lines, ''];
  });
}

/**
 * Mammoth's HTML of a .docx → the source text. Mammoth puts footnotes and endnotes in a list at the
 * end, after the signature, where they would be read as part of it: each goes instead right after
 * the paragraph that cites it, as "[1] …", in the body (where a cited document is looked for).
 */
export function wordHtmlToText(html: string): string {
  const root = parseHtml(html);
  const notes = new Map<string, string>();
  for (const list of elements(root).filter(isNoteList)) {
    for (const li of elements(list, 'li')) if (li.id) notes.set(li.id, `[${li.id.replace(/^\D+/, '')}] ${cellLines(li, notes).join(' ')}`);
  }
  return blockLines(root, notes)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * word-extractor's text of a .doc → the source text: table cells arrive separated by tabs and are
 * set side by side as a .docx's are; paragraphs are lines.
 */
export function wordDocText(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\t+/g, CELL_GAP).trimEnd())
    .join('\n\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
