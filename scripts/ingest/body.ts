/**
 * Step 4: body lines → paragraphs → Markdown.
 * PDF extractions hard-wrap lines (often with a blank line after each); Word exports give
 * one paragraph per line. Paragraphs are rebuilt from line shapes, never from spelling.
 */
import { isPageNumber } from './normalize.ts';

/** A line that begins a numbered point or bullet: "1.", "2)", "a)", "II.", "- ", "+ ", "•". */
const PARAGRAPH_MARKER = /^(?:[-–+•]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][.)]\s|[IVX]{1,4}[.)]\s)/u;
const startsLower = (s: string): boolean => /^[("“'«]?\p{Ll}/u.test(s);

/** True when most lines are followed by a blank line (PDF extraction with double line breaks). */
export function isDoubleSpaced(lines: string[]): boolean {
  let text = 0;
  let followedByBlank = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.trim() === '') continue;
    text++;
    if (i + 1 < lines.length && lines[i + 1]!.trim() === '') followedByBlank++;
  }
  return text >= 8 && followedByBlank / text >= 0.75;
}

/** Drops single blank lines between lines; keeps a blank where two or more stood. */
export function collapseDoubleSpacing(lines: string[]): string[] {
  const out: string[] = [];
  let blanks = 0;
  for (const line of lines) {
    if (line.trim() === '') {
      blanks++;
      continue;
    }
    if (blanks >= 2 && out.length > 0) out.push('');
    blanks = 0;
    out.push(line);
  }
  return out;
}

/** Line width of a hard-wrapped text (90th percentile of line lengths), or null when lines are not wrapped. */
export function wrapWidth(lines: string[]): number | null {
  const text = lines.map((l) => l.trim()).filter((l) => l !== '');
  if (text.length < 6) return null;
  let continued = 0;
  for (let i = 1; i < text.length; i++) if (startsLower(text[i]!)) continued++;
  if (continued / text.length < 0.2) return null;
  const lengths = text.map((l) => l.length).sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length * 0.9)] ?? null;
}

/** "…COVID-" + "19" → "COVID-19": a word broken at its hyphen goes on without a space. `end` is the paragraph's last two characters. */
const joinsWithoutSpace = (end: string, next: string): boolean => endsWithHyphenatedWord(end) && /^[\p{L}\p{N}]/u.test(next);
const endsWithHyphenatedWord = (end: string): boolean => /\p{L}-/u.test(end.slice(-2));

/**
 * A paragraph being rebuilt: its pieces and its last two characters. Joining the pieces once at the
 * end, and testing only the last characters, keeps rebuilding linear: slicing a string grown by
 * thousands of appends copies it every time.
 */
interface OpenParagraph {
  pieces: string[];
  end: string;
}

/** Rebuilds paragraphs from lines (page numbers and running headers already removed). */
export function toParagraphs(input: string[]): string[] {
  const lines = isDoubleSpaced(input) ? collapseDoubleSpacing(input) : input;
  const width = wrapWidth(lines);
  const paragraphs: string[] = [];
  let current: OpenParagraph | null = null;
  let prevLength = 0;
  let gap = false;
  for (const raw of lines) {
    const line = raw.trim().replace(/^#{1,6}\s+/, '');
    if (line === '') {
      gap = true;
      continue;
    }
    const marker = PARAGRAPH_MARKER.test(line);
    const join =
      current !== null &&
      !marker &&
      (startsLower(line) || endsWithHyphenatedWord(current.end) || (!gap && width !== null && prevLength >= width * 0.8));
    if (join) {
      const piece = joinsWithoutSpace(current!.end, line) ? line : ` ${line}`;
      current!.pieces.push(piece);
      current!.end = (current!.end + piece.slice(-2)).slice(-2);
    } else {
      if (current !== null) paragraphs.push(current.pieces.join(''));
      current = { pieces: [line], end: line.slice(-2) };
    }
    prevLength = raw.trim().length;
    gap = false;
  }
  if (current !== null) paragraphs.push(current.pieces.join(''));
  return paragraphs.map((p) => p.replace(/\s{2,}/g, ' ').trim()).filter((p) => p !== '');
}

/** Removes page numbers and repeated running headers from body lines. */
export const dropPageNoise = (lines: string[], runningHeaders: Set<string>): string[] =>
  lines.filter((l) => !isPageNumber(l) && !runningHeaders.has(l.trim()));

/** True when the text stops mid-sentence (no closing punctuation): the source was cut off. */
export const looksTruncated = (paragraphs: string[]): boolean => {
  const last = paragraphs.at(-1);
  return last !== undefined && !/[.!?:;…”"»)\]/]\s*\**$/u.test(last);
};

const ESCAPED_STAR = '\uE000';
const EM = '\uE001';
const STRONG = '\uE002';

/**
 * A paragraph of source text → one Markdown paragraph whose only markup is emphasis.
 * Balanced `*x*` / `**x**` stay; stray asterisks from broken exports go; a literal `\*` stays
 * literal; everything Markdown or HTML would interpret (`<`, `[`, `&`, a leading "1." or "-")
 * is escaped, so raw HTML in a source reaches the page as visible text.
 */
export function paragraphToMarkdown(paragraph: string): string {
  let s = paragraph.replace(/\\\*/g, ESCAPED_STAR);
  s = s.replace(/(\*\*|\*)(?=[^\s*])([^*]*?[^\s*])\1/g, (_m, mark: string, inner: string) => {
    const m = mark === '**' ? STRONG : EM;
    return `${m}${inner}${m}`;
  });
  s = unescapeExport(s.replace(/\*/g, ''));
  s = s.replace(/[\\`*_[\]<>&|~]/g, (c) => `\\${c}`);
  s = s.replace(/^([#+=>-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
  return s.replaceAll(ESCAPED_STAR, '\\*').replaceAll(EM, '*').replaceAll(STRONG, '**');
}

/** Word/Markdown exports escape punctuation ("\\-", "\\_", "\\#", "\\\\"): the text means the bare character. */
const unescapeExport = (s: string): string => s.replace(/\\([-_#[\]`.\\])/g, '$1');

/** The text a reader sees of a source paragraph: emphasis marks gone, a literal `\*` kept as "*". */
export const paragraphToPlain = (paragraph: string): string =>
  unescapeExport(paragraph.replace(/\\\*/g, ESCAPED_STAR).replace(/\*/g, '')).replaceAll(ESCAPED_STAR, '*');
