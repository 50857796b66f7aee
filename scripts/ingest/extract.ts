/**
 * One source text → one draft directive: the chain of small steps, in order.
 * Pure: strings in, values out. Files, registry and duplicates are the batch's business (pipeline.ts).
 */
import { createHash } from 'node:crypto';
import type { Directive } from '../../src/shared/schema.ts';
import { convertedWarning, type ConvertibleEncoding } from '../../src/shared/legacy-encoding.ts';
import { countControlCharacters, countLookalikeLetters, normalizeText, runningHeaders } from './normalize.ts';
import { isDateLine, splitLayout } from './layout.ts';
import { readHeader, readSignature } from './parts.ts';
import { dropPageNoise, looksTruncated, paragraphToMarkdown, paragraphToPlain, toParagraphs } from './body.ts';
import { docTypeFromNumber, docTypeFromTitle, findReferences, officeCase, parseDateLine, parseDocNumber } from './fields.ts';
import { inferProvince, resolveIssuer, settleDistrict } from './issuer.ts';
import { tagPrinciples, type PrincipleMatcher } from './principles.ts';
import { findCited } from './citations.ts';

/** Everything but the id and duplicates, which depend on the whole batch. */
export type Draft = Omit<Directive, 'id' | 'duplicate_sources'> & {
  /** Markdown body: paragraphs separated by blank lines, only emphasis as markup. */
  body: string;
  /** SHA-256 of the normalized text, to recognise the same text saved twice. */
  text_sha256: string;
};

export const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

const lcFirst = (s: string): string => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

/** "Công văn 235-CV/TU của Tỉnh ủy Kon Tum về tăng cường …", from whatever is known. */
export function buildTitle(d: Pick<Directive, 'doc_type' | 'doc_number' | 'issuer' | 'subject'>): string {
  const parts = [d.doc_type ?? 'Văn bản'];
  if (d.doc_number) parts.push(d.doc_number);
  if (d.issuer) parts.push(`của ${d.issuer}`);
  if (d.subject) parts.push(`về ${lcFirst(d.subject)}`);
  return parts.join(' ');
}

/**
 * `bytes` are the source as received (its SHA-256 is the record's); `text` is what decodeSource read
 * from them, converted from the legacy encoding `convertedFrom` when that is not null.
 */
export function extractDraft(
  sourceFile: string,
  bytes: Uint8Array,
  text: string,
  principles: PrincipleMatcher[],
  convertedFrom: ConvertibleEncoding | null = null,
): Draft {
  const normalized = normalizeText(text);
  const lines = normalized.split('\n');
  const layout = splitLayout(lines);
  const head = readHeader(layout.header);
  const warnings: string[] = [];
  if (convertedFrom) warnings.push(convertedWarning(convertedFrom));
  const controls = countControlCharacters(text);
  if (controls > 0) warnings.push(`Bản nguồn có ${controls} ký tự điều khiển hoặc ký tự đảo chiều văn bản; các ký tự này đã được loại bỏ`);
  const lookalikes = countLookalikeLetters(text);
  if (lookalikes > 0) warnings.push(`Bản nguồn dùng ${lookalikes} ký tự giống chữ Đ/đ (Ð, ð, Ɖ, ɖ); các ký tự này đã được thay bằng Đ/đ`);
  const inferred: Directive['inferred'] = [];
  const sig = readSignature(layout.signature);
  if (sig.copyCertified) warnings.push('Bản nguồn là bản sao y bản chính; phần xác nhận sao y không đưa vào phần chữ ký');
  const noise = runningHeaders(layout.body, layout.header.filter((h) => h.kind === 'upper' || h.kind === 'motto').map((h) => h.text));
  const paragraphs = toParagraphs(dropPageNoise(layout.body, noise));
  const plainBody = paragraphs.map(paragraphToPlain).join('\n');

  const number = head.docNumberRaw !== null ? parseDocNumber(head.docNumberRaw) : null;
  if (number && number.canonical === null && /\d/.test(head.docNumberRaw ?? '')) {
    warnings.push(`Số hiệu "${head.docNumberRaw}" không đúng thể thức nên không chuẩn hóa được`);
  }
  let docType = (head.docTitle ? docTypeFromTitle(head.docTitle) : null) ?? (number ? docTypeFromNumber(number) : null);
  if (!docType && head.subjectPrefixed) {
    docType = 'Công văn';
    inferred.push({ field: 'doc_type', from: 'trích yếu mở đầu bằng "V/v" (thể thức công văn)' });
  }

  // Some layouts print the place and date under the signature instead of in the header.
  const printedDate = head.dateLine ?? layout.signature.find(isDateLine) ?? null;
  const dateLine = printedDate ? parseDateLine(printedDate) : null;
  if (dateLine?.problem) warnings.push(`Không đọc được ngày ban hành: ${dateLine.problem}`);

  const who = resolveIssuer(head.issuerLines);
  warnings.push(...who.warnings);
  let province = who.province;
  let district = who.district;
  if (!province && who.districtCandidates.length > 0) {
    const settled = settleDistrict(who.districtCandidates, plainBody);
    if (settled) {
      ({ province, district } = settled);
      inferred.push({ field: 'province', from: settled.from }, { field: 'district', from: settled.from });
    }
  }
  if (!province) {
    const guess = inferProvince(dateLine?.place ?? null, plainBody);
    if (guess) {
      province = guess.province;
      inferred.push({ field: 'province', from: guess.from });
    }
  }
  let issuer = who.issuer;
  if (issuer && province && /^(Tỉnh ủy|Thành ủy|Ủy ban nhân dân tỉnh)$/u.test(issuer)) {
    issuer = `${issuer} ${province.name}`;
    const printed = head.issuerLines.map((l) => officeCase(l.replace(/^của\s+/iu, ''))).join(' ');
    inferred.push({ field: 'issuer', from: `văn bản chỉ ghi "${printed}", không ghi tên tỉnh; tên tỉnh suy ra như trên` });
  }

  const ownNumber = number?.canonical ?? null;
  // What the directive says, subject first: where its references and principles are read.
  const citingText = `${head.subject ?? ''}\n${plainBody}`;
  const missing = [ownNumber ? null : 'số', dateLine?.date ? null : 'ngày ban hành'].filter(Boolean);
  if (missing.length > 0) warnings.push(`Văn bản không ghi ${missing.join(' và ')}`);
  if (layout.header.length === 0) warnings.push('Văn bản không có phần đầu (cơ quan ban hành, số, ngày tháng)');
  if (paragraphs.length === 0) warnings.push('Bản nguồn không có nội dung văn bản, chỉ có phần đầu hoặc phần chữ ký');
  const truncated = layout.signature.length === 0 && looksTruncated(paragraphs);
  if (truncated) warnings.push('Văn bản gốc bị cắt cụt: kết thúc giữa câu, không có phần chữ ký');
  else if (layout.signature.length === 0) warnings.push('Văn bản không có phần chữ ký');

  const draft: Draft = {
    title: '',
    doc_number: ownNumber,
    doc_number_raw: head.docNumberRaw,
    doc_type: docType,
    issuer,
    parent_issuer: who.parent_issuer,
    issuer_level: who.issuer_level,
    province: province?.name ?? null,
    province_2025: province?.name_2025 ?? null,
    district: district?.name ?? null,
    place: dateLine?.place ?? null,
    date_issued: dateLine?.date ?? null,
    subject: head.subject,
    recipients: head.recipients,
    cc: sig.cc,
    signing_authority: sig.signingAuthority,
    signer_title: sig.signerTitle,
    signer_name: sig.signerName,
    references: findReferences(citingText, ownNumber),
    cited: findCited(citingText, ownNumber, { province: province?.name ?? null, district: district?.name ?? null, level: who.issuer_level }),
    principles: tagPrinciples(citingText, principles),
    source_file: sourceFile,
    source_sha256: sha256(bytes),
    inferred,
    warnings,
    curated: [],
    body: paragraphs.map(paragraphToMarkdown).join('\n\n'),
    // Blank lines and indentation do not make another text.
    text_sha256: sha256(lines.map((l) => l.trim()).filter((l) => l !== '').join('\n')),
  };
  draft.title = buildTitle(draft);
  return draft;
}
