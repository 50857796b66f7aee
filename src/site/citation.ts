/**
 * Suggested citations of a directive, in Vietnamese and in English (APA-like), and the English
 * names foreign researchers need. Pure: the permalink comes in as an argument.
 */
import type { Directive } from '../shared/schema.ts';
import { englishDate, shortDate } from './format.ts';

/** English names of document types (for the English citation). */
export const DOC_TYPE_EN: Record<string, string> = {
  'Công văn': 'Official letter',
  'Chỉ thị': 'Directive',
  'Thông báo': 'Notice',
  'Kết luận': 'Conclusion',
  'Công điện': 'Official dispatch',
  'Nghị quyết': 'Resolution',
  'Quyết định': 'Decision',
  'Kế hoạch': 'Plan',
  'Hướng dẫn': 'Guidance',
  'Báo cáo': 'Report',
  'Tờ trình': 'Submission',
  'Quy định': 'Regulation',
};

/** English gloss of an issuer's kind: "Tỉnh ủy Kon Tum" → "Kon Tum Provincial Party Committee". */
export function issuerEnglish(issuer: string): string | null {
  const kinds: Array<[RegExp, string]> = [
    [/^Tỉnh ủy (.+)$/u, '$1 Provincial Party Committee'],
    [/^Thành ủy (?:Thành phố )?(.+)$/u, '$1 City Party Committee'],
    [/^Huyện ủy (.+)$/u, '$1 District Party Committee'],
    [/^Thị ủy (.+)$/u, '$1 Town Party Committee'],
    [/^Quận ủy (.+)$/u, '$1 Urban District Party Committee'],
    [/^Ủy ban nhân dân (?:tỉnh|thành phố) (.+)$/u, "$1 Provincial People's Committee"],
    [/^Ủy ban nhân dân (?:huyện|quận|thị xã) (.+)$/u, "$1 District People's Committee"],
  ];
  for (const [re, en] of kinds) if (re.test(issuer)) return issuer.replace(re, en);
  return null;
}

export const PUBLISHER_VI = 'Lưu trữ văn bản chỉ đạo phòng, chống COVID-19';
export const PUBLISHER_EN = 'Archive of Vietnamese COVID-19 Directives';

/** "Tỉnh ủy Kon Tum (2021). Công văn số 235-CV/TU ngày 21/07/2021 về …. Lưu trữ …. <url>" */
export function citationVi(d: Directive, url: string): string {
  const who = d.issuer ?? 'Không rõ cơ quan ban hành';
  const year = d.date_issued?.slice(0, 4) ?? 'không rõ năm';
  const what = [d.doc_type ?? 'Văn bản', d.doc_number ? `số ${d.doc_number}` : 'không số'].join(' ');
  const when = d.date_issued ? ` ngày ${shortDate(d.date_issued)}` : '';
  const about = d.subject ? ` về ${d.subject.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase())}` : '';
  return `${who} (${year}). ${what}${when}${about}. ${PUBLISHER_VI}. ${url}`;
}

/** "Tỉnh ủy Kon Tum [Kon Tum Provincial Party Committee]. (2021, July 21). Công văn 235-CV/TU … [Official letter]. Archive …. <url>" */
export function citationEn(d: Directive, url: string): string {
  const english = d.issuer ? issuerEnglish(d.issuer) : null;
  const who = d.issuer ? `${d.issuer}${english ? ` [${english}]` : ''}` : 'Unknown issuer';
  const when = d.date_issued ? englishDate(d.date_issued) : 'n.d.';
  const type = d.doc_type ? ` [${DOC_TYPE_EN[d.doc_type] ?? d.doc_type}]` : '';
  return `${who}. (${when}). ${d.title}${type}. ${PUBLISHER_EN}. ${url}`;
}
