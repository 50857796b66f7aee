import type { Directive } from '../../src/shared/schema.ts';

/** A minimal synthetic directive for view tests (not a real document). */
export const syntheticDirective = (id: string, date: string | null, province: string | null, extra: Partial<Directive> = {}): Directive => ({
  id,
  title: `Văn bản thử ${id}`,
  doc_number: null,
  doc_number_raw: null,
  doc_type: 'Công văn',
  issuer: null,
  parent_issuer: null,
  issuer_level: 'tỉnh',
  province,
  province_2025: null,
  district: null,
  place: null,
  date_issued: date,
  subject: null,
  recipients: [],
  cc: [],
  signing_authority: null,
  signer_title: null,
  signer_name: null,
  references: [],
  cited: [],
  principles: [],
  source_file: `${id}.txt`,
  source_sha256: '0'.repeat(64),
  duplicate_sources: [],
  inferred: [],
  warnings: [],
  curated: [],
  ...extra,
});

/**
 * The raw text of a small synthetic source (not a real document) that ingest reads as a provincial
 * party committee's công văn: Kon Tum's unless told otherwise; `extra` is added to the standard
 * body, `body` replaces it.
 */
export function syntheticSource({
  province = 'Kon Tum',
  place = province,
  number = '12-CV/TU',
  date = 'ngày 05 tháng 8 năm 2021',
  subject = 'văn bản thử nghiệm tổng hợp (synthetic)',
  extra = '',
  body = `Đây là văn bản tổng hợp dùng cho kiểm thử, không phải văn bản thật. ${extra}`,
}: { province?: string; place?: string; number?: string; date?: string; subject?: string; extra?: string; body?: string } = {}): string {
  return [
    `TỈNH ỦY ${province.toUpperCase()}`,
    '*',
    `Số ${number}`,
    'ĐẢNG CỘNG SẢN VIỆT NAM',
    `${place}, ${date}`,
    `V/v ${subject}`,
    'Kính gửi: - Các huyện ủy, thành ủy.',
    body,
    'Nơi nhận:',
    '- Như trên,',
    'T/M BAN THƯỜNG VỤ',
    'BÍ THƯ',
    'Nguyễn Văn An',
  ].join('\n');
}
