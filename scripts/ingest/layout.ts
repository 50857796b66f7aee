/**
 * Step 3: split a directive's lines into header, body and signature block.
 * Headers come in many orders (and two columns flattened into one line), so each header
 * line is classified on its own; the header ends where the first body line begins.
 */
import { isMottoLine, isRuleLine, stripMarkup } from './normalize.ts';

export type HeaderLineKind =
  | 'blank'
  | 'rule'
  | 'motto'
  | 'number'
  | 'date'
  | 'title'
  | 'of'
  | 'upper'
  | 'subject'
  | 'recipientsOpen'
  | 'item'
  | 'stamp'
  | 'other';

export interface Layout {
  /** Plain header lines (markup stripped, flattened columns split), with their kind. */
  header: Array<{ text: string; kind: HeaderLineKind }>;
  /** Body lines as normalized, markup kept. */
  body: string[];
  /** Plain signature lines (Nơi nhận, authority, title, name). */
  signature: string[];
}

export const DOC_TITLES = /^(CÔNG VĂN|CHỈ THỊ|THÔNG BÁO(?: KẾT LUẬN)?|KẾT LUẬN|CÔNG ĐIỆN(?: KHẨN)?|NGHỊ QUYẾT|QUYẾT ĐỊNH|KẾ HOẠCH|HƯỚNG DẪN|BÁO CÁO|TỜ TRÌNH|QUY ĐỊNH)(?:\s+(?:KHẨN|HỎA TỐC|THƯỢNG KHẨN))?$/u;
/** The number line: "Số 235-CV/TU", "SỐ 62 -CV/TU", "Số: 05/CĐ-UBND", "Số    -CV/TU", or a bare "356 - CV/ThU". */
export const NUMBER_LINE = /^(?:S[ốỐoO]\s*(?:[:.]\s*)?(.*)|(\d+\s*[-–]\s*[A-ZĐ][\p{L}]*\s*\/\s*[A-ZĐ][\p{L}-]*))$/u;
const NUMBER_BODY = /^(?:\d+\s*)?[-–/]\s*[A-ZĐ]|^\d+\s*[-–/]/u;
/** "Kon Tum, ngày …", "Hà Nội ngày …", "ngày …": a place is short, before a comma or Title Cased. */
export const DATE_LINE = /^(?:([^,]{1,40}),\s*|(\p{Lu}\p{Ll}*(?:[\s-]+\p{Lu}\p{Ll}*){0,3})\s+)?ngày(?!\p{L})(.*)$/u;
const RECIPIENTS_OPEN = /^[-–]?\s*(?:kính gửi|đồng kính gửi|công điện gửi|điện gửi)\s*:?|(?<!\p{L})điện\s*:\s*$/iu;
const SUBJECT_OPEN = /^(?:V\/v|V\/V|Vv\.?|Về việc|V\/\s*v)\b|^về\s/u;
export const ITEM = /^[-–+•]\s*/u;
/** Numbered list items in a recipients list: "1. Trung tâm Kiểm soát bệnh tật tỉnh;". */
const NUMBERED_ITEM = /^\d{1,2}[.)]\s+/u;
/** Urgency and security stamps printed in the header: not part of any name. */
const STAMP = /^(?:KHẨN|HỎA TỐC|HOẢ TỐC|THƯỢNG KHẨN|MẬT|TỐI MẬT|TUYỆT MẬT|KHẨN CẤP)(?:\s*[-–,]\s*(?:KHẨN|HỎA TỐC|HOẢ TỐC|MẬT))*$/u;
/** "… ngày 21 tháng 7 năm 2021", "… ngày 5/8/2021", "… ngày    tháng 7 năm 2021": the date ends the line. */
const DATE_AT_END = /ngày\s*(?:\d{1,2}\s*)?(?:tháng\s*(?:\d{1,2}\s*)?năm\s*\d{4}|[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*[.,]?$/iu;
/** A body section heading in capitals: "I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ". */
const SECTION_HEADING = /^(?:[IVX]{1,4}|\d{1,2}|[A-Z])[.)]\s+\p{Lu}/u;
export const NOI_NHAN = /^[-–]?\s*Nơi nhận\s*(?::\s*)?(.*)$/iu;
export const AUTHORITY = /^(T\/M|T\/L|K\/T|Q\/|T\.M\.?|T\.L\.?|K\.T\.?|TM\.?|TL\.?|KT\.?|TUQ\.?|Q\.)\s*(?:[.:]\s*)?(\p{Lu}[\p{Lu}\s,-]*)$/u;
const SIGNED = /^\(?\s*(đã ký|đã ký và đóng dấu|ký tên|đã kí)\s*\)?\.?$/iu;

const hasLower = (s: string): boolean => /\p{Ll}/u.test(s);
const startsLower = (s: string): boolean => /^[("“'«]?\p{Ll}/u.test(s);

export function classifyHeaderLine(raw: string): HeaderLineKind {
  const text = stripMarkup(raw);
  if (text === '') return raw.trim() === '' ? 'blank' : 'rule';
  if (isRuleLine(text)) return 'rule';
  if (isMottoLine(text)) return 'motto';
  const num = NUMBER_LINE.exec(text);
  if (num && (num[2] !== undefined || NUMBER_BODY.test(num[1] ?? '') || /^\s*$/.test(num[1] ?? ''))) return 'number';
  if (RECIPIENTS_OPEN.test(text)) return 'recipientsOpen';
  if (SUBJECT_OPEN.test(text)) return 'subject';
  if (STAMP.test(text)) return 'stamp';
  // A date line ends with its date: "… ngày 11/6/2021 của Bộ Chính trị" is a subject, not a date line.
  if (isDateLine(text)) return 'date';
  if (SECTION_HEADING.test(text)) return 'other';
  if (DOC_TITLES.test(text)) return 'title';
  if (/^CỦA\s/u.test(text) && !hasLower(text)) return 'of';
  if (/^của\s+(?:ban|thường trực|tỉnh|thành|huyện|thị|đảng|ủy ban|uỷ ban|chủ tịch)/iu.test(text) && text.length < 60) return 'of';
  if (!hasLower(text) && /\p{Lu}/u.test(text)) return 'upper';
  if (ITEM.test(text)) return 'item';
  return 'other';
}

/**
 * Splits a flattened two-column line ("THÀNH ỦY HÀ NỘI          ĐẢNG CỘNG SẢN VIỆT NAM"), but not
 * the gaps left for a number or a day to be written in by hand ("Số    -CV/TU", "ngày    tháng 8").
 */
export function splitColumns(line: string): string[] {
  const cells = tableCells(line);
  if (cells) return cells;
  const parts = line.trim().split(/\s{3,}/).filter((p) => p !== '');
  // Each column is kept as its pieces and the last characters of their join: testing the joined
  // text itself would rescan it for every piece added (quadratic on a line of thousands of gaps).
  const columns: Array<{ pieces: string[]; tail: string }> = [];
  for (const part of parts) {
    const prev = columns.at(-1);
    const handFilled = (prev !== undefined && HAND_FILLED_END.test(prev.tail)) || HAND_FILLED_START.test(part);
    const bulletOnly = prev?.pieces.length === 1 && BULLET_ONLY.test(prev.pieces[0]!);
    if (prev !== undefined && (handFilled || bulletOnly)) {
      prev.pieces.push(part);
      prev.tail = `${prev.tail} ${part.slice(-TAIL_LENGTH)}`.slice(-TAIL_LENGTH);
    } else columns.push({ pieces: [part], tail: part.slice(-TAIL_LENGTH) });
  }
  return columns.map((c) => c.pieces.join(' '));
}

/** A column ending where a number or a date is left blank: "Số:", "ngày", "tháng", "năm". */
const HAND_FILLED_END = /(?:S[ốỐoO]\s*:?|ngày|tháng|năm)$/iu;
const HAND_FILLED_START = /^(?:[-–/]|tháng|năm)/iu;
const BULLET_ONLY = /^(?:[-–+•*]|\d{1,2}[.)])$/u;
/** Longer than any HAND_FILLED_END match (a piece holds no run of three spaces), so testing the tail is testing the column. */
const TAIL_LENGTH = 16;

const HEADER_SCAN_LIMIT = 60;
/** No header line is this long: a line of a Word export that holds a whole paragraph is body. */
const MAX_HEADER_LINE = 120;
/** The first line of a body paragraph: a numbered point or a bullet, or a lead-in ending in ":". */
const BODY_START = /^(?:[-–+•]\s|\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ][.)]\s|[IVX]{1,4}[.)]\s)|:$/u;
/** "KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY" under a title: the subject's first line, in capitals. */
export const TITLED_SUBJECT = /^(?:KẾT LUẬN|THÔNG BÁO|NGHỊ QUYẾT|CHỈ THỊ|KẾ HOẠCH|HƯỚNG DẪN|BÁO CÁO|QUY ĐỊNH)\s+CỦA\s/u;
/** A recipients list indented at least this far is a column: the lines aligned under it belong to it. */
const MIN_COLUMN_INDENT = 4;

/** What findHeader knows of the header read so far. */
interface HeaderState {
  seen: Set<HeaderLineKind>;
  subjectOpen: boolean;
  /** A blank line came after the last line read. */
  gap: boolean;
  inRecipients: boolean;
  lastRecipient: string;
  /** The column where the recipients' items start, once known (null: unknown or not a column). */
  itemColumn: number | null;
}

/** Index of the first body line, and the classified header lines before it. */
export function findHeader(lines: string[]): { end: number; header: Layout['header'] } {
  const header: Layout['header'] = [];
  const state: HeaderState = { seen: new Set(), subjectOpen: false, gap: false, inRecipients: false, lastRecipient: '', itemColumn: null };
  for (let i = 0; i < Math.min(lines.length, HEADER_SCAN_LIMIT); i++) {
    const raw = unLetterSpace(lines[i]!);
    const parts = splitColumns(raw).flatMap(splitTrailingMotto);
    if (parts.length === 0) state.gap = true;
    for (const part of parts) {
      const text = stripMarkup(part);
      const kind = headerKind(classifyHeaderLine(part), text, raw, state, header.at(-1)?.text ?? '');
      if (kind === null) return { end: i, header };
      header.push({ text, kind });
      if (kind === 'blank') state.gap = true;
      else if (kind !== 'rule' && kind !== 'stamp') state.gap = false;
    }
  }
  // No body found within the scan window: a header-only fragment, or no header at all.
  const meaningful = header.some((h) => h.kind !== 'blank' && h.kind !== 'rule');
  return meaningful ? { end: Math.min(lines.length, HEADER_SCAN_LIMIT), header } : { end: 0, header: [] };
}

/**
 * The kind of one header line in its context, or null where the body begins. Updates `state`.
 * `previous` is the text of the header line before it.
 */
function headerKind(classified: HeaderLineKind, text: string, raw: string, state: HeaderState, previous: string): HeaderLineKind | null {
  let kind = classified;
  const { seen } = state;
  if (kind === 'blank' || kind === 'rule' || kind === 'stamp') return kind;
  if (state.inRecipients) return isRecipientLine(kind, text, raw, state) ? 'item' : null;
  if (kind === 'recipientsOpen') {
    state.inRecipients = true;
    const inline = text.replace(/^.*?:\s*/u, '');
    state.lastRecipient = inline === text ? '' : inline;
    state.itemColumn = inline === text || inline === '' ? null : columnOf(raw, inline);
  }
  if (kind === 'upper' && seen.has('title') && !seen.has('subject') && TITLED_SUBJECT.test(text)) kind = 'subject';
  // A subject wrapped onto a line that mentions a date ("… Nghị quyết 128/NQ-CP" / "ngày 11/10/2021 của
  // Chính phủ"), or that ends with one once the header's own date is read ("… các huyện" / "ngày 21/7/2021").
  if (state.subjectOpen && kind === 'date' && ((startsLower(text) && !/\d{4}\s*$/u.test(text)) || (seen.has('date') && !state.gap))) kind = 'subject';
  if (kind === 'other' || kind === 'item') {
    const headerSoFar = seen.has('number') || seen.has('date') || seen.has('upper') || seen.has('title');
    if (state.subjectOpen && continuesSubject(text, previous, state)) kind = 'subject';
    else if (!seen.has('subject') && headerSoFar && !state.subjectOpen && text.length < MAX_HEADER_LINE && !/[.;:]$/.test(text) && kind === 'other')
      kind = 'subject';
    else if (kind === 'item' && seen.has('recipientsOpen')) kind = 'item';
    else return null;
  }
  if (kind === 'subject' && !startsLower(text) && seen.has('title') && !SUBJECT_OPEN.test(text) && text.length > MAX_HEADER_LINE) return null;
  state.subjectOpen = kind === 'subject';
  seen.add(kind);
  return kind;
}

/**
 * Whether a line goes on with the open subject. A subject ends where the text says it does: at a
 * blank line, at "Kính gửi" (its own kind), at the first paragraph of the body (a long line, a
 * numbered point, a lead-in ending in ":") or after a line that ends a sentence; never after a
 * count of lines. After a blank line only a line that starts in lower case goes on: some PDF
 * extractions put a blank line after every line. While the header is still incomplete (the motto
 * and date line come after the subject in some layouts) a short line goes on too.
 */
function continuesSubject(text: string, previous: string, state: HeaderState): boolean {
  if (text.length >= MAX_HEADER_LINE) return false;
  const headerIncomplete = !state.seen.has('date') && !state.seen.has('recipientsOpen') && text.length < 80 && !/[.;:]$/.test(text);
  if (startsLower(text) || /,$/.test(previous) || headerIncomplete) return true;
  return !state.gap && !/[.;:!?]$/.test(previous) && !BODY_START.test(text);
}

/**
 * Whether a line after "Kính gửi" is one of its items (or part of one); false where the body
 * begins. Items go on after a comma or semicolon; a lone addressee may stand on the line after
 * "Kính gửi:"; in a column layout, a line aligned under the items (no blank line before it) goes on
 * too: a wrapped item, or an item of a list without dashes.
 */
function isRecipientLine(kind: HeaderLineKind, text: string, raw: string, state: HeaderState): boolean {
  const isItem = kind === 'item' || ITEM.test(text) || NUMBERED_ITEM.test(text);
  const first = state.lastRecipient === '' && text.length <= MAX_HEADER_LINE && !/:$/.test(text);
  const column = state.itemColumn;
  const aligned = !state.gap && column !== null && column >= MIN_COLUMN_INDENT && indentOf(raw) >= column && text.length <= MAX_HEADER_LINE;
  const continues = startsLower(text) || first || aligned || (!isItem && text.length <= 90 && /[,;]$/.test(state.lastRecipient));
  if (!isItem && !continues) return false;
  if (state.lastRecipient === '' || state.itemColumn === null) state.itemColumn = columnOf(raw, text);
  state.lastRecipient = text;
  return true;
}

const indentOf = (raw: string): number => raw.length - raw.trimStart().length;
/** Where `text` starts in its raw line; null when markup stripping changed it. */
function columnOf(raw: string, text: string): number | null {
  const at = raw.indexOf(text);
  return at === -1 ? null : at;
}

/** The national motto at the end of a line, after at least one space. */
const TRAILING_MOTTO = /\s(?:ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)$/u;

/**
 * "ĐẢNG BỘ TỈNH THANH HÓA  ĐẢNG CỘNG SẢN VIỆT NAM" → the issuer and the motto: two header columns
 * that a text extraction set closer than splitColumns' gap. The motto is never part of a name.
 */
export function splitTrailingMotto(part: string): string[] {
  const m = TRAILING_MOTTO.exec(part);
  if (!m || m.index === 0) return [part];
  const head = part.slice(0, m.index).trim();
  // Markup before the motto ("# ĐẢNG CỘNG SẢN VIỆT NAM", "**ĐẢNG …**") is no column of its own.
  return /\p{L}/u.test(head) ? [head, part.slice(m.index).trim()] : [part];
}

/**
 * A Markdown table row from a Word export ("| TỈNH ỦY NINH BÌNH | ĐẢNG CỘNG SẢN VIỆT NAM |") → its
 * non-empty cells, as columns; a delimiter row ("|:---:|:---:|") → no cells. Null for other lines.
 */
export function tableCells(line: string): string[] | null {
  const t = line.trim();
  if (!/^\|.*\|$/.test(t)) return null;
  return t
    .slice(1, -1)
    .split('|')
    .map((c) => c.trim())
    .filter((c) => c !== '' && !/^:?-{3,}:?$/.test(c));
}

/** "T H Ô N G   B Á O" → "THÔNG BÁO": titles letter-spaced for display. */
export function unLetterSpace(line: string): string {
  if (!/^\s*(?:\p{Lu}[ ]){2,}\p{Lu}(?:\s{2,}(?:\p{Lu}[ ])+\p{Lu})*\s*$/u.test(line)) return line;
  return line
    .trim()
    .split(/\s{2,}/)
    .map((word) => word.replace(/ /g, ''))
    .join(' ');
}

/** Index where the signature block starts (Nơi nhận or the signing authority), or lines.length. */
export function findSignature(lines: string[], from: number): number {
  let noiNhan = -1;
  let authority = -1;
  for (let i = from; i < lines.length; i++) {
    // A signature laid out as a table or as flattened columns has its labels in cells.
    for (const cell of lines[i]!.includes('  ') || lines[i]!.includes('|') ? splitColumns(lines[i]!) : [lines[i]!]) {
      const t = stripMarkup(cell);
      if (NOI_NHAN.test(t)) noiNhan = i;
      else if (authority === -1 && t.length < 70 && AUTHORITY.test(t)) authority = i;
    }
  }
  const starts = [noiNhan, authority].filter((i) => i >= from);
  if (starts.length > 0) return Math.min(...starts);
  for (let i = lines.length - 1; i >= from; i--) {
    if (SIGNED.test(stripMarkup(lines[i]!))) {
      let start = i;
      while (start - 1 >= from && isUpperLine(stripMarkup(lines[start - 1]!))) start--;
      return start;
    }
  }
  return lines.length;
}

const isUpperLine = (t: string): boolean => t !== '' && !hasLower(t) && /\p{Lu}/u.test(t);

export function splitLayout(lines: string[]): Layout {
  const { end, header } = findHeader(lines);
  const sigStart = findSignature(lines, end);
  return {
    header,
    body: lines.slice(end, sigStart),
    signature: lines.slice(sigStart).flatMap(splitColumns).map(stripMarkup),
  };
}

export const isSignedMark = (t: string): boolean => SIGNED.test(t);

/** A place-and-date line ("Cần Thơ, ngày 10 tháng 8 năm 2021"), wherever it is printed. */
export const isDateLine = (text: string): boolean => text.length < 90 && DATE_LINE.test(text) && DATE_AT_END.test(text);
