/**
 * CSV as RFC 4180 writes it: fields separated by commas, records by CRLF, a field quoted when it
 * holds a comma, a double quote or a line break (its quotes doubled). The file starts with a UTF-8
 * byte order mark: without it Excel reads a CSV in the system's code page and garbles Vietnamese.
 */

export const CSV_BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

/**
 * What joins the items of a list in one CSV cell: easy to split on in pandas (`str.split('|')`),
 * R (`strsplit(x, '|', fixed = TRUE)`) and a spreadsheet. No value may contain it: the writer
 * refuses one that does (listSeparatorProblems in tables.ts), so a split never cuts a value.
 */
export const LIST_SEPARATOR = '|';

const NEEDS_QUOTES = /[",\r\n]/;

export const csvField = (value: string): string => (NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** One record, with its line ending. */
export const csvLine = (fields: readonly string[]): string => `${fields.map(csvField).join(',')}${CSV_EOL}`;

/** A whole file: the byte order mark, the header, the rows. */
export const csvFile = (header: readonly string[], rows: Iterable<readonly string[]>): string => {
  let out = CSV_BOM + csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
};
