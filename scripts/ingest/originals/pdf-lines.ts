/**
 * A PDF page's text items → lines of text as they are printed. A PDF draws text in any order: a
 * two-column header is often drawn column by column, so reading the items in stream order
 * interleaves "TỈNH ỦY KON TUM" with "ĐẢNG CỘNG SẢN VIỆT NAM". Lines are rebuilt from positions
 * instead: items on one baseline form a line, left to right; a wide gap between two items becomes a
 * run of spaces (three or more), which is how the pipeline recognises two columns on one line
 * (layout.ts, splitColumns); a taller gap between lines becomes a blank line (a paragraph break).
 */

/** One text item of a page: its string, position (PDF units, origin bottom-left) and size. */
import { isPageNumber } from '../normalize.ts';

export interface TextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  /** Font size (the item's height). */
  height: number;
}

/** Items whose baselines differ by less than this share of the font size are on one line. */
const SAME_LINE = 0.4;
/** A gap wider than this many font sizes is a column gap, written as spaces (at least three). */
const COLUMN_GAP = 1.5;
/** A gap wider than this share of the font size between two items is a space between words. */
const WORD_GAP = 0.15;
/** A line spacing over this many times the usual one is a paragraph break (a blank line). */
const PARAGRAPH_GAP = 1.4;
/** Spaces a column gap is written as, at most (the pipeline needs three). */
const MAX_COLUMN_SPACES = 12;

interface Line {
  y: number;
  size: number;
  items: TextItem[];
}

/** Items → lines, top to bottom, each left to right. */
export function groupLines(items: TextItem[]): Line[] {
  const visible = items.filter((i) => i.str.trim() !== '');
  const byY = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const item of byY) {
    const size = item.height || 1;
    const line = lines.at(-1);
    if (line && Math.abs(line.y - item.y) < SAME_LINE * Math.max(size, line.size)) {
      line.items.push(item);
      line.size = Math.max(line.size, size);
    } else lines.push({ y: item.y, size, items: [item] });
  }
  for (const line of lines) line.items.sort((a, b) => a.x - b.x);
  return lines;
}

/** One line's items joined: a space between words, a run of spaces between columns. */
export function lineText(line: Line): string {
  let text = '';
  let end: number | null = null;
  for (const item of line.items) {
    if (end !== null) {
      const gap = item.x - end;
      if (gap > COLUMN_GAP * line.size) text = `${text.trimEnd()}${' '.repeat(Math.min(MAX_COLUMN_SPACES, Math.max(3, Math.round(gap / (line.size / 2)))))}`;
      else if (gap > WORD_GAP * line.size && !text.endsWith(' ') && !item.str.startsWith(' ')) text += ' ';
    }
    text += item.str;
    end = item.x + item.width;
  }
  return text.trimEnd();
}

/** A page's text: its lines, with a blank line where the spacing says a paragraph ends. */
export function pageText(items: TextItem[]): string {
  const lines = groupLines(items);
  const steps = lines.slice(1).map((l, i) => lines[i]!.y - l.y).filter((s) => s > 0);
  const usual = median(steps);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i > 0 && usual !== null && lines[i - 1]!.y - line.y > PARAGRAPH_GAP * usual) out.push('');
    out.push(lineText(line));
  });
  return out.join('\n');
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Page furniture out of a PDF's pages: a page number printed as a page's first or last line, and
 * a running header or footer (the same first or last line on most pages after the first, e.g.
 * the issuer's name or "Trang 2/3"). They are the layout's, not the text's, and would otherwise
 * land in the middle of a paragraph or a copy list.
 */
export function dropPageFurniture(pages: string[]): string[] {
  const split = pages.map((p) => p.split('\n'));
  const edge = (lines: string[], which: 'first' | 'last'): string | undefined => {
    const nonBlank = lines.filter((l) => l.trim() !== '');
    return (which === 'first' ? nonBlank[0] : nonBlank.at(-1))?.trim();
  };
  const repeated = (which: 'first' | 'last'): Set<string> => {
    const counts = new Map<string, number>();
    for (const lines of split.slice(1)) {
      const line = edge(lines, which);
      if (line !== undefined) counts.set(line, (counts.get(line) ?? 0) + 1);
    }
    return new Set([...counts].filter(([, n]) => split.length > 2 && n >= (split.length - 1) / 2 && n >= 2).map(([l]) => l));
  };
  const running = new Set([...repeated('first'), ...repeated('last')]);
  return split.map((lines, page) => {
    const out = [...lines];
    for (const which of ['first', 'last'] as const) {
      const at = which === 'first' ? out.findIndex((l) => l.trim() !== '') : out.findLastIndex((l) => l.trim() !== '');
      // On the first page the line a running header repeats is the document's own header.
      if (at !== -1 && (isPageNumber(out[at]!) || (page > 0 && running.has(out[at]!.trim())))) out.splice(at, 1);
    }
    return out.join('\n');
  });
}
