/**
 * Atom feeds (RFC 4287) of what changed in the archive: the whole archive's (/feed.xml) and one
 * per province (/tinh/<slug>/feed.xml). Every entry is dated from the permalink registry, never
 * from the build: a directive added (`added`), its facts corrected by a curator (`corrected`), a
 * directive withdrawn (`withdrawn`). Each links to the permalink and says what changed. Pure.
 */
import { provinceByName, provinceBySlug } from '../shared/gazetteer.ts';
import type { Registry } from '../shared/registry.ts';
import { DIRECTIVE_FIELDS, fieldDoc, type Directive, type DirectiveField } from '../shared/schema.ts';
import { PUBLISHER_VI } from './citation.ts';
import { shortDate } from './format.ts';

/** Entries in a feed: a reader polls it, and the archive's pages list everything else. */
export const FEED_ENTRIES = 100;

export type ChangeKind = 'added' | 'corrected' | 'withdrawn';

export interface FeedEntry {
  /** The entry's permanent id: the permalink with a fragment naming the change. */
  id: string;
  kind: ChangeKind;
  /** YYYY-MM-DD. */
  date: string;
  title: string;
  /** The directive's permalink. */
  link: string;
  /** What changed, in Vietnamese. */
  summary: string;
  /** Slug of the province it belongs to, when known. */
  province: string | null;
}

const KIND_ORDER: Record<ChangeKind, number> = { withdrawn: 0, corrected: 1, added: 2 };
const HEADING: Record<ChangeKind, string> = { added: 'Thêm mới', corrected: 'Sửa', withdrawn: 'Rút khỏi lưu trữ' };

const fieldLabel = (field: string): string => ((DIRECTIVE_FIELDS as string[]).includes(field) ? fieldDoc(field as DirectiveField).label : field);

/** "ngày ban hành (Bản lưu ghi ngày 6/8/2021); người ký (bỏ sửa đổi của biên tập viên)". */
export function correctionSummary(fields: readonly string[], d: Directive): string {
  return fields
    .map((field) => {
      const curated = d.curated.find((c) => c.field === field);
      return `${fieldLabel(field)} (${curated ? curated.note : 'bỏ sửa đổi trước đây của biên tập viên'})`;
    })
    .join('; ');
}

/**
 * Every change the registry records, newest first (then withdrawals, corrections, additions, then
 * by id: one order in every build). A correction made the day a directive was added is part of
 * its addition.
 */
export function feedEntries(directives: readonly Directive[], registry: Registry, permalink: (id: string) => string): FeedEntry[] {
  const out: FeedEntry[] = [];
  for (const d of directives) {
    const province = d.province ? (provinceByName(d.province)?.slug ?? null) : null;
    const base = { title: d.title, link: permalink(d.id), province };
    const added = registry.added[d.id];
    const correction = registry.corrected[d.id];
    if (added) {
      const curated = correction?.date === added && d.curated.length > 0 ? ` Có thông tin do biên tập viên bổ sung: ${correctionSummary(d.curated.map((c) => c.field), d)}.` : '';
      out.push({ ...base, id: `${base.link}#them-moi`, kind: 'added', date: added, summary: `Thêm mới vào lưu trữ ngày ${shortDate(added)}.${curated}` });
    }
    if (correction && correction.date !== added) {
      out.push({ ...base, id: `${base.link}#sua-${correction.date}`, kind: 'corrected', date: correction.date, summary: `Sửa ngày ${shortDate(correction.date)}: ${correctionSummary(correction.fields, d)}.` });
    }
  }
  for (const [id, w] of Object.entries(registry.withdrawn)) {
    const link = permalink(id);
    const title = w.title ?? ([w.doc_number, w.issuer].filter(Boolean).join(', ') || id);
    out.push({ id: `${link}#rut-${w.date}`, kind: 'withdrawn', date: w.date, title, link, summary: `Rút khỏi lưu trữ ngày ${shortDate(w.date)}: ${w.reason}`, province: provinceBySlug(id.split('/')[0]!)?.slug ?? null });
  }
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const xmlText = (s: string): string => s.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
const instant = (day: string): string => `${day}T00:00:00Z`;

export interface FeedOptions {
  /** The feed's own absolute URL: its id and its `self` link. */
  self: string;
  /** The page it covers (absolute URL). */
  page: string;
  /** The site's home (absolute URL), the author's address. */
  home: string;
  title: string;
  subtitle: string;
  /** When no entry gives one: the edition's day (editionDate). */
  updated: string | null;
  entries: readonly FeedEntry[];
}

/** The feed's XML, the newest FEED_ENTRIES entries. */
export function atomFeed(o: FeedOptions): string {
  const entries = o.entries.slice(0, FEED_ENTRIES);
  // The Unix epoch stands for "never": Atom requires a date, and an archive with no registry has none.
  const updated = entries[0]?.date ?? o.updated ?? '1970-01-01';
  const entry = (e: FeedEntry): string =>
    [
      '  <entry>',
      `    <id>${xmlText(e.id)}</id>`,
      `    <title>${xmlText(`${HEADING[e.kind]}: ${e.title}`)}</title>`,
      `    <updated>${instant(e.date)}</updated>`,
      ...(e.kind === 'added' ? [`    <published>${instant(e.date)}</published>`] : []),
      `    <link rel="alternate" type="text/html" href="${xmlText(e.link)}"/>`,
      `    <category term="${e.kind}" label="${HEADING[e.kind]}"/>`,
      `    <summary type="text">${xmlText(e.summary)}</summary>`,
      '  </entry>',
    ].join('\n');
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <id>${xmlText(o.self)}</id>`,
    `  <title>${xmlText(o.title)}</title>`,
    `  <subtitle>${xmlText(o.subtitle)}</subtitle>`,
    `  <updated>${instant(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${xmlText(o.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlText(o.page)}"/>`,
    `  <author><name>${xmlText(PUBLISHER_VI)}</name><uri>${xmlText(o.home)}</uri></author>`,
    ...entries.map(entry),
    '</feed>',
    '',
  ].join('\n');
}
