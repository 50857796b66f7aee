/**
 * The five real seeds: every field, written down by reading the texts (not copied from output).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import matter from 'gray-matter';
import { beforeAll, describe, expect, test } from 'vitest';
import { ingest } from '../../scripts/ingest/pipeline.ts';
import { memoryIO, OPTIONS, text } from '../helpers/memory-io.ts';

const SOURCES = new URL('../../content/sources/', import.meta.url);
const sources = Object.fromEntries(readdirSync(SOURCES).map((f) => [`content/sources/${f}`, readFileSync(new URL(f, SOURCES))]));

const EXPECTED: Record<string, Record<string, unknown>> = {
  '000_4711a643476f2105.txt': {
    id: 'kon-tum/2021-07-21-235-cv-tu',
    title: 'Công văn 235-CV/TU của Tỉnh ủy Kon Tum về tăng cường các biện pháp cấp bách phòng, chống dịch COVID-19',
    doc_number: '235-CV/TU',
    doc_number_raw: '235-CV/TU',
    doc_type: 'Công văn',
    issuer: 'Tỉnh ủy Kon Tum',
    parent_issuer: null,
    issuer_level: 'tỉnh',
    province: 'Kon Tum',
    province_2025: 'Quảng Ngãi',
    district: null,
    place: 'Kon Tum',
    date_issued: '2021-07-21',
    subject: 'tăng cường các biện pháp cấp bách phòng, chống dịch COVID-19',
    recipients: [
      'Ban Chỉ đạo phòng, chống dịch COVID-19 tỉnh',
      'Các cơ quan tham mưu, giúp việc Tỉnh ủy',
      'Các ban cán sự đảng, đảng đoàn, đảng ủy trực thuộc Tỉnh ủy',
      'Các sở, ban, ngành, đoàn thể tỉnh',
      'Các huyện ủy, thành ủy',
    ],
    cc: ['Như trên', 'Các đ/c Ủy viên Ban Thường vụ Tỉnh ủy', 'Lưu Văn phòng Tỉnh ủy'],
    signing_authority: 'T/L Ban Thường vụ',
    signer_title: 'Chánh Văn phòng',
    signer_name: 'Thái Văn Tưởng',
    references: [],
    cited: [],
    principles: ['4 tại chỗ', 'chống dịch như chống giặc'],
    duplicate_sources: [],
    inferred: [],
    warnings: [],
    curated: [],
  },
  '001_67b6119d1876043e.txt': {
    id: 'kien-giang/2021-07-13-203-cv-tu',
    doc_number: '203-CV/TU',
    doc_type: 'Công văn',
    issuer: 'Tỉnh ủy Kiên Giang',
    issuer_level: 'tỉnh',
    province: 'Kiên Giang',
    province_2025: 'An Giang',
    place: 'Kiên Giang',
    date_issued: '2021-07-13',
    subject: 'Tăng cường công tác phòng, chống dịch bệnh Covid-19',
    recipients: [
      'Các đồng chí Tỉnh ủy viên',
      'Ban cán sự đảng Ủy ban nhân dân tỉnh',
      'Ban Chỉ đạo phòng, chống dịch Covid-19 tỉnh',
      'Các sở, ban, ngành, đoàn thể cấp tỉnh',
      'Các huyện, thành ủy, đảng ủy trực thuộc',
    ],
    cc: ['Như trên (để thực hiện)', 'Lưu Văn phòng Tỉnh ủy'],
    signing_authority: 'T/M Ban Thường vụ',
    signer_title: 'Phó Bí thư Thường trực',
    signer_name: 'Mai Văn Huỳnh',
    references: ['15/CT-TTg', '16/CT-TTg'],
    // "theo Chỉ thị số 15/CT-TTg, ngày 27-3-2020 của Thủ tướng Chính phủ “về quyết liệt …”" and the same of 16/CT-TTg, 31-3-2020.
    cited: [
      {
        number: '15/CT-TTg',
        number_as_written: '15/CT-TTg',
        type: 'Chỉ thị',
        date: '2020-03-27',
        issuer_as_written: 'Thủ tướng Chính phủ',
        scope: 'trung ương',
        province: null,
        district: null,
        place_from_text: false,
        text: 'Chỉ thị số 15/CT-TTg, ngày 27-3-2020 của Thủ tướng Chính phủ',
      },
      {
        number: '16/CT-TTg',
        number_as_written: '16/CT-TTg',
        type: 'Chỉ thị',
        date: '2020-03-31',
        issuer_as_written: 'Thủ tướng Chính phủ',
        scope: 'trung ương',
        province: null,
        district: null,
        place_from_text: false,
        text: 'Chỉ thị số 16/CT-TTg, ngày 31-3-2020 của Thủ tướng Chính phủ',
      },
    ],
    principles: ['5K', 'mục tiêu kép'],
    warnings: [],
  },
  '002_0549bf549650297a.txt': {
    id: 'gia-lai/khong-ro-ngay-chi-thi',
    title: 'Chỉ thị của Tỉnh ủy Gia Lai về tăng cường công tác phòng, chống dịch Covid-19 trên địa bàn tỉnh',
    doc_number: null,
    doc_number_raw: null,
    doc_type: 'Chỉ thị',
    issuer: 'Tỉnh ủy Gia Lai',
    issuer_level: 'tỉnh',
    province: 'Gia Lai',
    province_2025: 'Gia Lai',
    district: null,
    place: null,
    date_issued: null,
    subject: 'tăng cường công tác phòng, chống dịch Covid-19 trên địa bàn tỉnh',
    recipients: [],
    cc: [],
    signing_authority: null,
    signer_title: null,
    signer_name: null,
    references: [],
    cited: [],
    principles: ['4 tại chỗ', '5K', 'mục tiêu kép', 'chống dịch như chống giặc'],
  },
  '003_8ba483fca14449b1.txt': {
    id: 'thai-binh/kien-xuong/2021-05-07-114-cv-hu',
    doc_number: '114-CV/HU',
    doc_number_raw: '114 -CV/HU',
    doc_type: 'Công văn',
    issuer: 'Huyện ủy Kiến Xương',
    parent_issuer: 'Đảng bộ tỉnh Thái Bình',
    issuer_level: 'huyện',
    province: 'Thái Bình',
    province_2025: 'Hưng Yên',
    district: 'Kiến Xương',
    place: 'Kiến Xương',
    date_issued: '2021-05-07',
    subject: 'thực hiện các biện pháp cấp bách phòng, chống dịch Covid-19',
    recipients: [
      'Ủy ban nhân dân huyện',
      'Các phòng, ban, ngành, Mặt trận Tổ quốc, đoàn thể, cơ quan đơn vị trong toàn huyện',
      'Các tổ chức cơ sở đảng',
    ],
    cc: ['TT Tỉnh ủy (để báo cáo)', 'Như trên', 'Lưu Văn phòng Huyện ủy'],
    signing_authority: 'T/M Ban Thường vụ',
    signer_title: 'Phó Bí thư',
    signer_name: 'Nguyễn Mạnh Lực',
    references: ['135-TB/TU', '05/CĐ-UBND', '15/CT-TTg'],
    // A district directive of Thái Bình: the Tỉnh ủy's notice and the UBND tỉnh's dispatch are Thái Bình's
    // (the text names no other province); the Prime Minister's 15/CT-TTg is cited without a date.
    cited: [
      {
        number: '135-TB/TU',
        number_as_written: '135-TB/TU',
        type: 'Thông báo',
        date: '2021-05-06',
        issuer_as_written: 'Ban Thường vụ Tỉnh ủy',
        scope: 'tỉnh',
        province: 'Thái Bình',
        district: null,
        place_from_text: false,
        text: 'Thông báo kết luận số 135-TB/TU ngày 06/5/2021 của Ban Thường vụ Tỉnh ủy',
      },
      {
        number: '05/CĐ-UBND',
        number_as_written: '05/CĐ-UBND',
        type: 'Công điện',
        date: '2021-05-05',
        issuer_as_written: 'Ủy ban nhân dân Tỉnh',
        scope: 'tỉnh',
        province: 'Thái Bình',
        district: null,
        place_from_text: false,
        text: 'Công điện khẩn số 05/CĐ-UBND, ngày 05/5/2021 của Ủy ban nhân dân Tỉnh',
      },
      {
        number: '15/CT-TTg',
        number_as_written: '15/CT-TTg',
        type: 'Chỉ thị',
        date: null,
        issuer_as_written: 'Thủ tướng Chính phủ',
        scope: 'trung ương',
        province: null,
        district: null,
        place_from_text: false,
        text: 'Chỉ thị số 15/CT-TTg của Thủ tướng Chính phủ',
      },
    ],
    principles: [],
    warnings: [],
  },
  '004_6f84e048c3964779.txt': {
    id: 'soc-trang/2021-02-09-62-cv-tu',
    doc_number: '62-CV/TU',
    doc_number_raw: '62 -CV/TU',
    doc_type: 'Công văn',
    issuer: 'Tỉnh ủy Sóc Trăng',
    issuer_level: 'tỉnh',
    province: 'Sóc Trăng',
    province_2025: 'Cần Thơ',
    place: 'Sóc Trăng',
    date_issued: '2021-02-09',
    subject: 'thực hiện một số nhiệm vụ cấp bách phòng, chống dịch Covid-19',
    recipients: [
      'Thành viên Ban Thường vụ Tỉnh uỷ',
      'Các ban đảng, ban cán sự đảng, đảng đoàn, đảng uỷ trực thuộc Tỉnh uỷ',
      'Ban Thường vụ Tỉnh đoàn',
      'Các sở, ban, ngành, đoàn thể cấp tỉnh',
      'Các huyện uỷ, thị uỷ, thành uỷ',
    ],
    cc: ['Như kính gửi', 'Lưu Văn phòng Tỉnh ủy'],
    signing_authority: 'T/M Ban Thường vụ',
    signer_title: 'Phó Bí thư Thường trực',
    signer_name: 'Hồ Thị Cẩm Đào',
    references: [],
    cited: [],
    principles: ['4 tại chỗ', '5K'],
  },
};

let written: Record<string, { data: Record<string, unknown>; body: string }>;

beforeAll(async () => {
  const io = memoryIO(sources);
  const result = await ingest(OPTIONS, io);
  expect(result.exitCode).toBe(0);
  written = Object.fromEntries(
    Object.keys(EXPECTED).map((source) => {
      const parsed = matter(text(io, `content/directives/${source.replace('.txt', '.md')}`));
      return [source, { data: parsed.data, body: parsed.content }];
    }),
  );
});

describe.each(Object.entries(EXPECTED))('seed %s', (source, expected) => {
  test.each(Object.entries(expected))('has the right %s', (field, value) => {
    expect(written[source]!.data[field]).toEqual(value);
  });
  test('records the SHA-256 of the source bytes', () => {
    const sha = createHash('sha256').update(sources[`content/sources/${source}`]!).digest('hex');
    expect(written[source]!.data.source_sha256).toBe(sha);
  });
});

describe('seed 002 (no header, truncated)', () => {
  test('says the province was inferred from the district names in its text', () => {
    expect(written['002_0549bf549650297a.txt']!.data.inferred).toEqual([
      { field: 'province', from: 'tên các huyện, thị xã nhắc trong văn bản: Ayun Pa, Ia Pa, Krông Pa, Phú Thiện' },
      { field: 'issuer', from: 'văn bản chỉ ghi "Ban Thường vụ Tỉnh ủy", không ghi tên tỉnh; tên tỉnh suy ra như trên' },
    ]);
  });
  test('warns that number and date are missing and that the text is cut off', () => {
    expect(written['002_0549bf549650297a.txt']!.data.warnings).toEqual([
      'Văn bản không ghi số và ngày ban hành',
      'Văn bản gốc bị cắt cụt: kết thúc giữa câu, không có phần chữ ký',
    ]);
  });
  test('joins the italic quote split by a page break into one paragraph', () => {
    expect(written['002_0549bf549650297a.txt']!.body).toContain('khai báo y* tế”, kiên quyết xử lý');
  });
});

describe('seed bodies', () => {
  test('seed 000: hard wraps are joined and "COVID-" / "19" becomes "COVID-19"', () => {
    const body = written['000_4711a643476f2105.txt']!.body;
    expect(body).toContain('tiếp xúc với ca mắc COVID-19 để cách ly');
    expect(body).not.toMatch(/COVID- 19|COVID-\n/);
    expect(body.split('\n\n')).toHaveLength(9);
  });
  test('seed 000: numbered points stay numbered and escaped so Markdown keeps them as text', () => {
    expect(written['000_4711a643476f2105.txt']!.body).toMatch(/^1\\\. Các cơ quan tham mưu/m);
  });
  test('no body holds header or signature lines', () => {
    for (const { body } of Object.values(written)) {
      expect(body).not.toMatch(/Kính gửi|Nơi nhận|ĐẢNG CỘNG SẢN VIỆT NAM|T\/M BAN THƯỜNG VỤ|\(Đã ký\)/);
    }
  });
  test('seed 003: "&" is escaped, so HĐND&UBND stays text', () => {
    expect(written['003_8ba483fca14449b1.txt']!.body).toContain('HĐND\\&UBND');
  });
});
