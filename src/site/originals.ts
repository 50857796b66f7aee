/**
 * How the page names a directive's original file and the way its text was made (bản gốc, cách
 * lấy văn bản): one place for the words the provenance panel and the downloads list use.
 */
import type { Directive } from '../shared/schema.ts';

type Original = NonNullable<Directive['original']>;

/** "Bản gốc (PDF)", "Bản gốc (Word)": the link to the original, by its media type. */
export function originalLabel(original: Original): string {
  return `Bản gốc (${original.media_type === 'application/pdf' ? 'PDF' : 'Word'})`;
}

/** How the archive made the text on the page from the original. */
export const TEXT_FROM_LABELS: Record<Original['text_from'], string> = {
  'text-layer': 'Chép tự động từ lớp chữ của tệp PDF',
  word: 'Chép tự động từ tệp Word',
  ocr: 'Nhận dạng ký tự (OCR) từ bản quét; có thể có lỗi, hãy đối chiếu với bản gốc',
  text: 'Văn bản gõ sẵn',
};

/** The sentence that says whose each file is. */
export const TRANSCRIPTION_NOTE = 'Văn bản trên trang này và tệp nguon.txt là bản chép của kho lưu trữ; bản gốc là của cơ quan ban hành.';

/** "245 KB", "1,2 MB": a size as Vietnamese readers write it (comma decimals). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
