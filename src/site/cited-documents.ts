/**
 * Cited documents (văn bản được dẫn chiếu) across the archive: which directives cite which
 * document, the document's page (/dan-chieu/<slug>/) and what the citing texts say of it, and which
 * citations name a directive of the archive. Pure views over the records' `cited` field.
 *
 * Two citations are of the same document when their numbers slug alike (case and "Đ"/"D" aside),
 * they belong to the same body (national, or the same province, or the same district of it), and
 * they do not give different years. The rules and the slug are in docs/architecture.md ("Cited documents").
 */
import type { CitedDocument, Directive } from '../shared/schema.ts';
import { provinceByName } from '../shared/gazetteer.ts';
import { slugify } from '../shared/vietnamese.ts';
import { sortByDate } from './archive.ts';
import { citedPath, directivePath, UNDATED_ANCHOR } from './routes.ts';

type Scope = CitedDocument['scope'];

/** What the index needs of a directive: the site gives it whole records, the bulk data a few fields. */
export type CitingFields = Pick<Directive, 'id' | 'doc_number' | 'date_issued' | 'issuer_level' | 'province' | 'district' | 'cited'>;

/** One citation: a directive, and what its text says of the document it cites. */
export interface Citation<D extends CitingFields = Directive> {
  directive: D;
  cited: CitedDocument;
}

/** One value of a fact (kind, date, issuer) as some citing texts give it, and those directives. */
export interface Variant<D extends CitingFields = Directive> {
  value: string;
  by: D[];
}

/** A cited document, as every citing text in the archive gives it. */
export interface CitedDoc<D extends CitingFields = Directive> {
  /** Its page: /dan-chieu/<slug>/. */
  slug: string;
  /** The number as the citations write it canonically; more than one when they spell it differently ("CĐ", "CD"). */
  numbers: string[];
  scope: Scope;
  province: string | null;
  district: string | null;
  /** The year that tells this document from others of the same number and body; null when one document has the number. */
  year: string | null;
  /** Its citations, in the date order of the citing directives. */
  citations: Array<Citation<D>>;
  /** The same, one per citing directive (its first citation of the document). */
  citing: Array<Citation<D>>;
  /** Each fact as the citing texts give it (only the texts that give it). */
  types: Array<Variant<D>>;
  dates: Array<Variant<D>>;
  issuers: Array<Variant<D>>;
  /** The directive of the archive every citation names, when they all name one; its page is then the document's. */
  inArchive: D | null;
  /** The directives of the archive some of its citations name (by number, body and date). */
  named: D[];
  /** Other documents of the same number and body, told apart by year (and the page of citations that give no year). */
  sameNumber: Array<CitedDoc<D>>;
}

/** Where one of a directive's references leads: its cited facts and the page that answers for it. */
export interface ReferenceLink<D extends CitingFields = Directive> {
  cited: CitedDocument;
  href: string;
  /** The cited document's slug (its /dan-chieu/<slug>/ page, when it has one). */
  slug: string;
  /** The directive of the archive it names, or null. */
  directive: D | null;
  /** How many directives of the archive fit the citation (number, body, date); it names one only when one fits. */
  matches: number;
}

export interface CitationIndex<D extends CitingFields = Directive> {
  /** Every cited document: national ones first, then by citations (most first), then by number. */
  documents: Array<CitedDoc<D>>;
  /** The documents that have a page of their own (not every citation names a directive of the archive). */
  pages: Array<CitedDoc<D>>;
  /** A directive's references, in its order, each with its link. */
  linksOf(id: string): Array<ReferenceLink<D>>;
  /** The directives whose references name this directive, by date. */
  citedBy(id: string): D[];
  /** The cited document of a slug. */
  document(slug: string): CitedDoc<D> | undefined;
}

const PLACE_UNKNOWN = { province: 'tinh-khong-ro', district: 'huyen-khong-ro', level: 'cap-khong-ro' } as const;

/** The slug of a province, or the name's own slug when the gazetteer does not know it. */
const provinceSlug = (name: string | null): string => (name === null ? PLACE_UNKNOWN.province : (provinceByName(name)?.slug ?? slugify(name)));

/**
 * The page of a cited number and its body, without a year: `16-ct-ttg` (national),
 * `135-tb-tu-thai-binh` (a province's), `25-cv-hu-thai-binh-vu-thu` (a district's),
 * `45-kh-ubnd-thai-binh-cap-khong-ro` (its level unknown). Two provinces' 135-TB/TU never share one.
 */
export function citedSlug(c: Pick<CitedDocument, 'number' | 'scope' | 'province' | 'district'>): string {
  const number = slugify(c.number);
  if (c.scope === 'trung ương') return number;
  const province = provinceSlug(c.province);
  if (c.scope === 'tỉnh') return `${number}-${province}`;
  if (c.scope === 'huyện') return `${number}-${province}-${c.district === null ? PLACE_UNKNOWN.district : slugify(c.district)}`;
  return `${number}-${province}-${PLACE_UNKNOWN.level}`;
}

const yearOf = (c: CitedDocument): string | null => c.date?.slice(0, 4) ?? null;

/**
 * The directives of the archive a citation may name: same number, same body (national; the
 * province; the district), the same date when the citation gives one, and not the citing directive
 * itself nor one dated after it (a text cannot cite what was not yet issued).
 */
export function namedCandidates<D extends CitingFields>(c: CitedDocument, citing: Pick<CitingFields, 'id' | 'date_issued'>, byNumber: ReadonlyMap<string, readonly D[]>): D[] {
  return (byNumber.get(c.number) ?? []).filter((d) => {
    if (d.id === citing.id) return false;
    if (d.date_issued !== null && citing.date_issued !== null && d.date_issued > citing.date_issued) return false;
    if (c.date !== null && d.date_issued !== c.date) return false;
    const district = d.issuer_level === 'huyện' || d.issuer_level === 'xã';
    if (c.scope === 'trung ương') return d.issuer_level === 'trung ương';
    if (d.province !== c.province) return false;
    if (c.scope === 'tỉnh') return !district;
    if (c.scope === 'huyện') return district && (c.district === null || d.district === c.district);
    return true;
  });
}

/** The one directive of the archive a citation names (namedCandidates); null when none or several fit. */
export function namedDirective<D extends CitingFields>(c: CitedDocument, citing: Pick<CitingFields, 'id' | 'date_issued'>, byNumber: ReadonlyMap<string, readonly D[]>): D | null {
  const matches = namedCandidates(c, citing, byNumber);
  return matches.length === 1 ? matches[0]! : null;
}

/** `list` under `key` in `map`, made when missing. */
function bucket<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Each value given, with the directives that give it, most given first (then as first given). */
function variants<D extends CitingFields>(citations: ReadonlyArray<Citation<D>>, fact: (c: CitedDocument) => string | null): Array<Variant<D>> {
  const by = new Map<string, Map<string, D>>();
  for (const { directive, cited } of citations) {
    const value = fact(cited);
    if (value === null) continue;
    if (!by.has(value)) by.set(value, new Map());
    by.get(value)!.set(directive.id, directive);
  }
  return [...by].map(([value, list]) => ({ value, by: [...list.values()] })).sort((a, b) => b.by.length - a.by.length);
}

function makeDoc<D extends CitingFields>(slug: string, year: string | null, citations: Array<Citation<D>>, named: ReadonlyMap<Citation<D>, D | null>): CitedDoc<D> {
  const first = citations[0]!.cited;
  const sorted = sortByDate(citations.map((c) => c.directive));
  const order = new Map(sorted.map((d, i) => [d.id, i]));
  const inOrder = [...citations].sort((a, b) => order.get(a.directive.id)! - order.get(b.directive.id)!);
  const targets = new Set(citations.map((c) => named.get(c) ?? null));
  const [only] = targets;
  const seen = new Set<string>();
  return {
    slug,
    numbers: [...new Set(citations.map((c) => c.cited.number))],
    scope: first.scope,
    province: first.province,
    district: first.district,
    year,
    citations: inOrder,
    citing: inOrder.filter((c) => !seen.has(c.directive.id) && seen.add(c.directive.id)),
    types: variants(inOrder, (c) => c.type),
    dates: variants(inOrder, (c) => c.date),
    issuers: variants(inOrder, (c) => c.issuer_as_written),
    inArchive: targets.size === 1 && only ? only : null,
    named: [...targets].filter((t): t is D => t !== null),
    sameNumber: [],
  };
}

/** National first, then the most cited, then by slug. */
const documentOrder = (a: CitedDoc<CitingFields>, b: CitedDoc<CitingFields>): number =>
  Number(b.scope === 'trung ương') - Number(a.scope === 'trung ương') || b.citing.length - a.citing.length || (a.slug < b.slug ? -1 : 1);

/**
 * The index of every citation in the archive. A number and body cited with one year (or none) is
 * one document at its slug; cited with several years, each year is a document at `<slug>-<year>`,
 * and the citations that give no year stay at `<slug>`, which lists the years.
 */
export function indexCitations<D extends CitingFields>(directives: readonly D[]): CitationIndex<D> {
  const byNumber = new Map<string, D[]>();
  for (const d of directives) if (d.doc_number) bucket(byNumber, d.doc_number).push(d);
  const named = new Map<Citation<D>, D | null>();
  const matches = new Map<Citation<D>, number>();
  const bySlug = new Map<string, Array<Citation<D>>>();
  const ofDirective = new Map<string, Array<Citation<D>>>();
  for (const directive of directives) {
    const own: Array<Citation<D>> = [];
    for (const cited of directive.cited) {
      const citation = { directive, cited };
      const candidates = namedCandidates(cited, directive, byNumber);
      named.set(citation, candidates.length === 1 ? candidates[0]! : null);
      matches.set(citation, candidates.length);
      own.push(citation);
      bucket(bySlug, citedSlug(cited)).push(citation);
    }
    ofDirective.set(directive.id, own);
  }

  const documents: Array<CitedDoc<D>> = [];
  const docOf = new Map<Citation<D>, CitedDoc<D>>();
  for (const [slug, citations] of bySlug) {
    const years = [...new Set(citations.map((c) => yearOf(c.cited)).filter((y): y is string => y !== null))].sort();
    const groups: Array<[string, string | null, Array<Citation<D>>]> =
      years.length <= 1
        ? [[slug, null, citations]]
        : [
            ...years.map((y): [string, string | null, Array<Citation<D>>] => [`${slug}-${y}`, y, citations.filter((c) => yearOf(c.cited) === y)]),
            ...(citations.some((c) => yearOf(c.cited) === null) ? [[slug, null, citations.filter((c) => yearOf(c.cited) === null)] as [string, null, Array<Citation<D>>]] : []),
          ];
    const docs = groups.map(([s, y, list]) => makeDoc(s, y, list, named));
    for (const doc of docs) {
      doc.sameNumber = docs.filter((other) => other !== doc);
      for (const c of doc.citations) docOf.set(c, doc);
    }
    documents.push(...docs);
  }
  documents.sort(documentOrder);
  const bySlugDoc = new Map(documents.map((doc) => [doc.slug, doc]));

  const citedBy = new Map<string, Map<string, D>>();
  for (const [citation, target] of named) {
    if (!target) continue;
    if (!citedBy.has(target.id)) citedBy.set(target.id, new Map());
    citedBy.get(target.id)!.set(citation.directive.id, citation.directive);
  }
  const links = (id: string): Array<ReferenceLink<D>> =>
    (ofDirective.get(id) ?? []).map((citation) => {
      const directive = named.get(citation) ?? null;
      const { slug } = docOf.get(citation)!;
      return { cited: citation.cited, slug, directive, matches: matches.get(citation)!, href: directive ? directivePath(directive.id) : citedPath(slug) };
    });
  return {
    documents,
    pages: documents.filter((doc) => doc.citations.some((c) => !named.get(c))),
    linksOf: links,
    citedBy: (id) => sortByDate([...(citedBy.get(id)?.values() ?? [])]),
    document: (slug) => bySlugDoc.get(slug),
  };
}

/** Citing directives per month ("YYYY-MM"), for the chart; undated ones counted apart. */
export function citationsByMonth(doc: CitedDoc, months: readonly string[]): { counts: Array<[string, number]>; undated: number } {
  const perMonth = new Map(months.map((m) => [m, new Set<string>()]));
  const undated = new Set<string>();
  for (const { directive } of doc.citing) {
    const month = directive.date_issued?.slice(0, 7);
    if (month === undefined) undated.add(directive.id);
    else perMonth.get(month)?.add(directive.id);
  }
  return { counts: [...perMonth].map(([m, ids]) => [m, ids.size]), undated: undated.size };
}

/**
 * Past this many citing directives a cited document's page lists them by month, one page per month,
 * instead of all on one page: a national directive cited thousands of times made a page of over a
 * megabyte (docs/decisions/0034-cited-document-months.md). At or under it the page lists them all.
 */
export const CITED_LIST_LIMIT = 100;

/** One month's citing directives of a cited document ("2021-07", or UNDATED_ANCHOR), in date order. */
export interface CitedMonth<D extends CitingFields = Directive> {
  month: string;
  citing: Array<Citation<D>>;
}

/**
 * The month pages of a cited document: none when `limit` or fewer directives cite it (its page lists
 * them all); else each month with a citing directive, in order, then the undated ones under
 * UNDATED_ANCHOR. Every citing directive is on exactly one month page, months outside 2020–2022 too.
 */
export function citedMonthPages<D extends CitingFields>(doc: CitedDoc<D>, limit: number = CITED_LIST_LIMIT): Array<CitedMonth<D>> {
  if (doc.citing.length <= limit) return [];
  const byMonth = new Map<string, Array<Citation<D>>>();
  const undated: Array<Citation<D>> = [];
  for (const citation of doc.citing) {
    const month = citation.directive.date_issued?.slice(0, 7);
    if (month === undefined) undated.push(citation);
    else bucket(byMonth, month).push(citation);
  }
  const months = [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1)).map(([month, citing]) => ({ month, citing }));
  return undated.length > 0 ? [...months, { month: UNDATED_ANCHOR, citing: undated }] : months;
}

/** A cited document's name, as its page's heading gives it: "Chỉ thị 16/CT-TTg", "Chỉ thị 05/CT-TTg (năm 2021)". */
export const citedName = <D extends CitingFields>(doc: CitedDoc<D>): string => `${mainValue(doc.types) ?? 'Văn bản'} ${doc.numbers[0]}${doc.year ? ` (năm ${doc.year})` : ''}`;

/** Where a cited document is read: the directive of the archive every citation names, else its own page. */
export const citedHref = <D extends CitingFields>(doc: CitedDoc<D>): string => (doc.inArchive ? directivePath(doc.inArchive.id) : citedPath(doc.slug));

/** A cited document in a list of the most cited, with how many of the listed directives cite it. */
export interface CitedCount {
  slug: string;
  name: string;
  href: string;
  owner: string;
  directives: number;
}

/**
 * The documents a set of directives (a province's) cites most, counted by document (its slug), not
 * by the number's spelling: 05/CT-TTg of 2020 and of 2021 are two, "05/CĐ-UBND" and "05/CD-UBND"
 * of one province one. A directive citing a document twice counts once. Most cited first, then by name.
 */
export function mostCitedDocuments<D extends CitingFields>(index: CitationIndex<D>, directives: readonly Pick<CitingFields, 'id'>[], limit: number): CitedCount[] {
  const citing = new Map<string, Set<string>>();
  for (const d of directives) for (const link of index.linksOf(d.id)) bucketSet(citing, link.slug).add(d.id);
  return [...citing]
    .map(([slug, ids]) => {
      const doc = index.document(slug)!;
      return { slug, name: citedName(doc), href: citedHref(doc), owner: ownerLabel(doc), directives: ids.size };
    })
    .sort((a, b) => b.directives - a.directives || a.name.localeCompare(b.name, 'vi', { numeric: true }))
    .slice(0, limit);
}

function bucketSet<K, V>(map: Map<K, Set<V>>, key: K): Set<V> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}

/** How many directives cite a document (a directive citing it twice counts once). */
export const citingCount = <D extends CitingFields>(doc: CitedDoc<D>): number => doc.citing.length;

/** The one value the texts agree on, or the most given one: "Chỉ thị", "Thủ tướng Chính phủ". */
export const mainValue = (list: ReadonlyArray<Pick<Variant, 'value'>>): string | null => list[0]?.value ?? null;

/** Who the document is of, for lists: "Trung ương", "Thái Bình", "Kiến Xương, Thái Bình", with the level when unknown. */
export function ownerLabel(doc: Pick<CitedDoc, 'scope' | 'province' | 'district'>): string {
  if (doc.scope === 'trung ương') return 'Trung ương';
  const province = doc.province ?? 'Không rõ tỉnh';
  if (doc.scope === 'huyện') return `${doc.district ?? 'Không rõ huyện'}, ${province}`;
  return doc.scope === 'tỉnh' ? province : `${province} (không rõ cấp)`;
}
