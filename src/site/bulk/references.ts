/**
 * The references table (dan-chieu): one row per number a directive cites, resolved to a directive
 * of the archive when exactly one carries that number where the number belongs. A number is only
 * unique for one issuer, so a local body's number (-TB/TU, /CĐ-UBND) is looked up among the citing
 * directive's province and a national body's (/CT-TTg, /NQ-CP, /QĐ-BYT, -CT/TW) in the whole archive;
 * a cited document cannot be dated after the one citing it. Pure.
 */
import type { ReferenceRow, ReferenceScope } from './columns.ts';

/** What resolution needs of a directive: a few short fields, kept for the whole archive. */
export interface CitingEntry {
  id: string;
  province: string | null;
  date_issued: string | null;
  doc_number: string | null;
  references: readonly string[];
}

/**
 * Issuer codes of national bodies, as they end a number: the Prime Minister, the Government and its
 * Office, the National Assembly and its Standing Committee, the President, the ministries; and every
 * central Party body, whose codes end in "TW" (TW, VPTW, BTGTW, …). Any other code is a local body's.
 */
const NATIONAL_CODES = new Set(['TTg', 'CP', 'VPCP', 'CTN', 'BYT', 'BCA', 'BQP', 'BNG', 'BNV', 'BTP', 'BTC', 'BCT', 'BXD', 'BKHĐT', 'BGDĐT', 'BGTVT', 'BTTTT', 'BLĐTBXH', 'BVHTTDL', 'BTNMT', 'BNNPTNT', 'BKHCN', 'NHNN', 'TTCP', 'UBDT', 'BCĐQG']);
const NATIONAL_PATTERN = /^(?:[A-ZĐ]*TW|QH\d*|UBTVQH\d*)$/u;

/** The codes after a number's last "/": "15/CT-TTg" → CT, TTg; "135-TB/TU" → TU; "4000/BYT-DP" → BYT, DP. */
const codesOf = (number: string): string[] => number.slice(number.lastIndexOf('/') + 1).split('-');

export const scopeOf = (number: string): ReferenceScope => (codesOf(number).some((c) => NATIONAL_CODES.has(c) || NATIONAL_PATTERN.test(c)) ? 'trung ương' : 'địa phương');

/** Every reference of every entry, in the entries' order and each one's own order. */
export function referenceRows(entries: readonly CitingEntry[]): ReferenceRow[] {
  const byNumber = new Map<string, CitingEntry[]>();
  for (const e of entries) {
    if (e.doc_number === null) continue;
    const same = byNumber.get(e.doc_number);
    if (same) same.push(e);
    else byNumber.set(e.doc_number, [e]);
  }
  const rows: ReferenceRow[] = [];
  for (const citing of entries) {
    citing.references.forEach((number, i) => {
      const scope = scopeOf(number);
      const candidates = (byNumber.get(number) ?? []).filter(
        (c) =>
          c.id !== citing.id &&
          (scope === 'trung ương' || (citing.province !== null && c.province === citing.province)) &&
          !(c.date_issued !== null && citing.date_issued !== null && c.date_issued > citing.date_issued),
      );
      rows.push({
        citing_id: citing.id,
        position: i + 1,
        number_as_cited: null,
        number,
        scope,
        matches: candidates.length,
        resolved_id: candidates.length === 1 ? candidates[0]!.id : null,
      });
    });
  }
  return rows;
}
