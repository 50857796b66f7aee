/**
 * A SYNTHETIC source made of the shapes that once made extraction super-linear: a line of 150,000
 * spaces, long runs of spaces inside and at the end of lines, runs of 100,000 dots, dashes and
 * stars, a 300 kB line without a break, 100,000 one-letter lines, thousands of column gaps, of
 * issuer words and of cited numbers. It is not a directive; its text says so. Used by the linear-time
 * test (tests/unit/ingest/linear-time.test.ts) and the ingest benchmark (scripts/bench/ingest.ts).
 */

/** Just under the 2 MiB limit of one source (scripts/ingest/decode.ts). */
export const PATHOLOGICAL_BYTES = 1_900_000;

const repeat = (s: string, n: number): string => s.repeat(n);
const lines = (n: number, line: (i: number) => string): string => Array.from({ length: n }, (_, i) => line(i)).join('\n');

/** Header lines: wide column gaps, an issuer name of thousands of words, a number line of spaces. */
const HEADER = [
  `TỈNH ỦY KON TUM${repeat('   A', 20_000)}`,
  `BAN CHỈ ĐẠO ${repeat('HUYỆN ', 8_000)}, X`,
  `Số ${repeat(' ', 30_000)}12-CV/TU${repeat(' ', 30_000)}x`,
  `Kon Tum, ngày${repeat(' ', 50_000)}x`,
  'V/v văn bản tổng hợp (synthetic) để kiểm thử thời gian xử lý, không phải văn bản thật',
  `Kính gửi:${repeat(' ', 30_000)}- Các huyện ủy${repeat(',', 30_000)}x`,
];

/** Body pieces, one shape each. */
const BODY = [
  'Văn bản tổng hợp (synthetic) dùng để kiểm thử thời gian xử lý, không phải văn bản thật.',
  repeat(' ', 150_000),
  `Nội dung${repeat(' ', 100_000)}tiếp theo.`,
  lines(100, (i) => `Dòng ${i + 1} kết thúc bằng nhiều dấu cách${repeat(' ', 1_000)}`),
  repeat('.', 100_000),
  repeat('-', 100_000),
  `a${repeat('*', 50_000)}x`,
  repeat('*a ', 30_000),
  repeat('chống dịch ', 10_000),
  lines(100_000, () => 'a'),
  lines(5_000, (i) => `A${i % 10}`),
  `a${repeat('   -', 25_000)}`,
  Array.from({ length: 8_000 }, (_, i) => `${i + 1}-CV/TU`).join(' '),
  `1${repeat(' ', 50_000)}x ${repeat('1/', 20_000)}`,
];

/** Signature pieces: dotted cc items, an authority line of spaces, a long capital line before "SAO Y". */
const SIGNATURE = [
  'Nơi nhận:',
  `- Lưu VT${repeat('.', 50_000)}x`,
  lines(2_000, () => '- a,'),
  `T/M${repeat(' ', 50_000)}x`,
  'BÍ THƯ',
  'Nguyễn Văn Tổng Hợp',
  `${repeat('A', 50_000)}b`,
  'SAO Y BẢN CHÍNH',
];

/** The source text, padded with one line of words to `bytes` UTF-8 bytes. */
export function pathologicalSource(bytes = PATHOLOGICAL_BYTES): string {
  const text = [...HEADER, ...BODY, ...SIGNATURE].join('\n');
  const missing = bytes - Buffer.byteLength(text, 'utf8') - 1;
  if (missing < 0) throw new Error(`the pathological pieces are ${-missing} bytes over ${bytes}`);
  return `${text}\n${'x'.repeat(missing)}`;
}
