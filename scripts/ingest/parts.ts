/**
 * Step 5b: read the header and the signature block into fields.
 */
import { isSignedMark, NOI_NHAN, AUTHORITY, ITEM, type Layout } from './layout.ts';
import { cleanItem, normalizeAuthority, officeCase, parseDateLine, parseDocNumber, canonicalNumber } from './fields.ts';
import { NUMBER_LINE, TITLED_SUBJECT, isDateLine } from './layout.ts';
import { isMottoLine } from './normalize.ts';

export interface HeaderParts {
  /** Upper-case issuer lines in order ("ĐẢNG BỘ TỈNH THÁI BÌNH", "HUYỆN ỦY KIẾN XƯƠNG"), and a "CỦA …" line. */
  issuerLines: string[];
  docNumberRaw: string | null;
  docTitle: string | null;
  dateLine: string | null;
  subject: string | null;
  /** True when the subject was introduced by "V/v" / "Về việc". */
  subjectPrefixed: boolean;
  recipients: string[];
}

const SUBJECT_PREFIX = /^(?:V\/\s*v\.?|V\/V|Vv\.?|Về việc|về)\s*(?:[:.]\s*)?/u;

export function readHeader(header: Layout['header']): HeaderParts {
  const parts: HeaderParts = {
    issuerLines: [],
    docNumberRaw: null,
    docTitle: null,
    dateLine: null,
    subject: null,
    subjectPrefixed: false,
    recipients: [],
  };
  const subject: string[] = [];
  const recipients: string[] = [];
  let afterTitle = false;
  for (const { text, kind } of header) {
    switch (kind) {
      case 'upper':
        // Capitals under the title belong to the title block ("QUYẾT ĐỊNH" / "CHỦ TỊCH ỦY BAN NHÂN
        // DÂN TỈNH …", "NGHỊ QUYẾT" / "HỘI ĐỒNG NHÂN DÂN … KHÓA X"): the issuer is printed above it.
        if (!afterTitle) parts.issuerLines.push(text);
        break;
      case 'of':
        parts.issuerLines.push(text);
        break;
      case 'number': {
        const m = NUMBER_LINE.exec(text)!;
        parts.docNumberRaw ??= (m[1] ?? m[2] ?? '').trim() || text;
        break;
      }
      case 'title':
        parts.docTitle ??= text;
        afterTitle = true;
        break;
      case 'date':
        parts.dateLine ??= text;
        break;
      case 'subject':
        if (subject.length === 0 && SUBJECT_PREFIX.test(text)) parts.subjectPrefixed = true;
        // "KẾT LUẬN CỦA THƯỜNG TRỰC TỈNH ỦY" is written as prose writes it: "Kết luận của Thường trực Tỉnh ủy".
        subject.push(TITLED_SUBJECT.test(text) ? officeCase(text) : text);
        break;
      case 'recipientsOpen': {
        const inline = text.replace(/^.*?:\s*/u, '');
        if (inline !== '' && inline !== text) recipients.push(inline);
        break;
      }
      case 'item':
        if (startsItem(text, recipients)) recipients.push(text);
        else recipients[recipients.length - 1] += ` ${text}`;
        break;
      default:
        break;
    }
  }
  if (subject.length > 0) {
    parts.subject = subject.join(' ').replace(SUBJECT_PREFIX, '').replace(/\s+/g, ' ').replace(/[.;,]$/, '').trim() || null;
  }
  parts.recipients = recipients.flatMap((r) => r.split(/;\s*/)).map(cleanItem).filter((r) => r !== '');
  return parts;
}

const isBulleted = (text: string): boolean => ITEM.test(text) || /^\d{1,2}[.)]\s/u.test(text);

/**
 * Whether a recipients line starts an item or goes on with the one above. A dash or a number starts
 * one. In a list with no dash so far, a line after one that ends in ",", ";" or "." starts one too,
 * unless it starts in lower case; any other line is the item above, wrapped.
 */
function startsItem(text: string, items: string[]): boolean {
  const previous = items.at(-1);
  if (previous === undefined || isBulleted(text)) return true;
  return !items.some(isBulleted) && !/^[("“'«]?\p{Ll}/u.test(text) && /[,;.]$/.test(previous);
}

export interface SignatureParts {
  /** The source is a certified copy: a "SAO Y BẢN CHÍNH" block followed the signature. */
  copyCertified: boolean;
  signingAuthority: string | null;
  signerTitle: string | null;
  signerName: string | null;
  cc: string[];
}

const NAME = /^\p{Lu}[\p{Ll}]*(?:\s+\p{Lu}[\p{Ll}]*){1,5}$/u;
const isUpper = (t: string): boolean => !/\p{Ll}/u.test(t) && /\p{Lu}/u.test(t);

/**
 * Reads a signature block whose lines may interleave (PDF columns): "Nơi nhận:" items on the left,
 * authority, title, "(Đã ký)" and name on the right.
 */
export function readSignature(allLines: string[]): SignatureParts {
  const copyAt = copyCertificationStart(allLines);
  const lines = copyAt === -1 ? allLines : allLines.slice(0, copyAt);
  const authorities: string[] = [];
  const titles: string[] = [];
  const cc: string[] = [];
  let name: string | null = null;
  let lastWasItem = false;
  for (const raw of lines) {
    const t = raw.trim();
    if (t === '' || isSignedMark(t) || isMottoLine(t) || isDateLine(t)) continue;
    const noiNhan = NOI_NHAN.exec(t);
    if (noiNhan) {
      if (noiNhan[1]) cc.push(noiNhan[1]);
      lastWasItem = Boolean(noiNhan[1]);
      continue;
    }
    if (ITEM.test(t)) {
      cc.push(t);
      lastWasItem = true;
      continue;
    }
    if (lastWasItem && /^[\p{Ll}(]/u.test(t)) {
      cc[cc.length - 1] += ` ${t}`;
      continue;
    }
    lastWasItem = false;
    if (t.length < 70 && AUTHORITY.test(t)) authorities.push(normalizeAuthority(t));
    else if (isUpper(t) && t.length < 70) titles.push(officeCase(t));
    else if (NAME.test(t)) name = t;
  }
  return {
    copyCertified: copyAt !== -1,
    signingAuthority: authorities.length > 0 ? authorities.join(', ') : null,
    signerTitle: titles.length > 0 ? titles.join(', ') : null,
    signerName: name,
    cc: cc.map(cleanItem).filter((c) => c !== ''),
  };
}

export { parseDateLine, parseDocNumber, canonicalNumber };

/**
 * Where a copy certification ("SAO Y BẢN CHÍNH", with its own issuer, number and signer) begins
 * in a signature block, or -1. It belongs to the copy, not to the directive.
 */
/** A line of a copy certification's own header: blank, a rule, its number ("Số …") or capitals. */
const isCertificationHead = (t: string): boolean => t === '' || /^[*\-–_=\s]+$/u.test(t) || /^S[ốỐ]/u.test(t) || isUpper(t);

export function copyCertificationStart(lines: string[]): number {
  const at = lines.findIndex((l) => /^(SAO Y BẢN CHÍNH|SAO Y|SAO LỤC|TRÍCH SAO)$/iu.test(l.trim()));
  if (at === -1) return -1;
  let start = at;
  while (start > 0 && isCertificationHead(lines[start - 1]!.trim())) start--;
  // Keep the directive's own signer: stop below the last name line above the block.
  while (start < at && /^\p{Lu}\p{Ll}/u.test(lines[start]!.trim())) start++;
  return start;
}
