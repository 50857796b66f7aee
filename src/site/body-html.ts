/**
 * A directive body (the Markdown ingest writes) → HTML. Ingest writes a deliberately tiny
 * Markdown: paragraphs separated by blank lines, `*em*` and `**strong**`, and backslash escapes
 * for everything else (scripts/ingest/body.ts, paragraphToMarkdown). This is its exact inverse,
 * so it is small, and far faster than a general Markdown processor giving the same HTML
 * (docs/decisions/0020-own-body-renderer.md). Every text character is HTML-escaped, so a source's
 * raw HTML stays text.
 *
 * Each paragraph gets a stable anchor `#doan-N` from its order in the body, and a self-link.
 */
export const paragraphId = (n: number): string => `doan-${n}`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** What inline Markdown marks: a backslash escape, `**` or `*`; everything between is plain text. */
const INLINE_TOKEN = /\\([\s\S])|\*\*|\*/g;

/**
 * One paragraph's inline Markdown → HTML: escapes resolved, emphasis as <em>/<strong>. Text between
 * marks is escaped a run at a time, not a character at a time, which was slow (decision 0020).
 */
export function inlineToHtml(md: string): string {
  let out = '';
  const open: string[] = [];
  let from = 0;
  for (const m of md.matchAll(INLINE_TOKEN)) {
    out += escapeHtml(md.slice(from, m.index));
    from = m.index + m[0].length;
    if (m[1] !== undefined) {
      out += escapeHtml(m[1]);
      continue;
    }
    const tag = m[0] === '**' ? 'strong' : 'em';
    if (open.at(-1) === tag) out += `</${open.pop()}>`;
    else {
      open.push(tag);
      out += `<${tag}>`;
    }
  }
  out += escapeHtml(md.slice(from));
  // Ingest only writes balanced emphasis; close anything left open rather than break the page.
  while (open.length > 0) out += `</${open.pop()}>`;
  return out;
}

export function bodyToHtml(md: string): string {
  return md
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p, i) => {
      const id = paragraphId(i + 1);
      const link = `<a href="#${id}" class="para-link" data-pagefind-ignore>¶<span class="visually-hidden"> Liên kết tới đoạn ${i + 1}</span></a>`;
      return `<p id="${id}" class="para">${link} ${inlineToHtml(p.replace(/\n/g, ' '))}</p>`;
    })
    .join('\n');
}

/**
 * A body's plain text, as ingest read it before writing Markdown: escapes resolved, emphasis marks
 * dropped, paragraphs on lines of their own. For matching words in it, not for display.
 */
export function bodyToText(md: string): string {
  return md
    .split(/\n{2,}/)
    .map((p) => p.trim().replace(/\n/g, ' ').replace(INLINE_TOKEN, (_m, escaped: string | undefined) => escaped ?? ''))
    .filter((p) => p !== '')
    .join('\n');
}
