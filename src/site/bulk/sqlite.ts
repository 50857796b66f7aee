/**
 * The bulk data as one SQLite file, through Node's built-in node:sqlite (no native addon): the
 * tables van_ban, dan_chieu and tinh with the CSVs' columns (lists as JSON arrays, which SQLite's
 * json_each() reads), van_ban's body, a `codebook` table describing every column, and, where the
 * SQLite in use has FTS5, a full-text table over subject and body.
 *
 * Plain tables (no STRICT, which SQLite before 3.37 cannot open), so any client opens the file.
 * Identical inserts in the same order give identical bytes: the build is reproducible
 * (docs/decisions/0030-bulk-data.md).
 */
import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { DIRECTIVE_TABLE_COLUMNS, PROVINCE_COLUMNS, REFERENCE_COLUMNS, sqlValues, type Column, type DirectiveRow, type ProvinceRow, type ReferenceRow } from './columns.ts';
import type { CodebookTable } from './codebook.ts';

export const SQL_TABLES = { directives: 'van_ban', references: 'dan_chieu', provinces: 'tinh', fullText: 'van_ban_fts', codebook: 'codebook' } as const;

/**
 * van_ban's row number, its INTEGER PRIMARY KEY: the key the full-text table points at. A table
 * without one may have its rowids renumbered by VACUUM, which would point the index at other rows.
 */
export const ROW_KEY = 'seq';

/**
 * Unicode words, tone marks and other diacritics folded ("chi dao" finds "chỉ đạo"); "đ" is a
 * letter of its own, not a "d" with a mark, so "dich" does not find "địch".
 */
export const FTS_TOKENIZER = 'unicode61 remove_diacritics 2';

/** A column's name in SQL, quoted: `references` is a keyword of SQL. */
const quoted = (name: string): string => `"${name}"`;
const columnSql = (c: Column<never>): string => `${quoted(c.name)} ${c.kind === 'integer' ? 'INTEGER' : 'TEXT'}${c.nullable ? '' : ' NOT NULL'}`;
const columnsSql = <Row>(columns: ReadonlyArray<Column<Row>>): string => columns.map((c) => columnSql(c as unknown as Column<never>)).join(', ');
const insertSql = <Row>(table: string, columns: ReadonlyArray<Column<Row>>): string => `INSERT INTO ${table} (${columns.map((c) => quoted(c.name)).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;

export const hasFts5 = (db: DatabaseSync): boolean => db.prepare("SELECT 1 AS yes FROM pragma_compile_options WHERE compile_options = 'ENABLE_FTS5'").get() !== undefined;

/** Fills a new, empty database: create it, add the directives one by one, then finish with the rest. */
export class DatabaseWriter {
  private readonly db: DatabaseSync;
  private readonly insertDirective: StatementSync;

  constructor(db: DatabaseSync) {
    this.db = db;
    // Written once by the build into an output folder that is rebuilt whole after a crash: no journal.
    db.exec('PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;');
    db.exec(`CREATE TABLE ${SQL_TABLES.directives} (${ROW_KEY} INTEGER PRIMARY KEY, ${columnsSql(DIRECTIVE_TABLE_COLUMNS)}, UNIQUE (id))`);
    db.exec(
      `CREATE TABLE ${SQL_TABLES.references} (${columnsSql(REFERENCE_COLUMNS)}, PRIMARY KEY (citing_id, position), ` +
        `FOREIGN KEY (citing_id) REFERENCES ${SQL_TABLES.directives} (id), FOREIGN KEY (resolved_id) REFERENCES ${SQL_TABLES.directives} (id))`,
    );
    db.exec(`CREATE TABLE ${SQL_TABLES.provinces} (${columnsSql(PROVINCE_COLUMNS)}, PRIMARY KEY (code))`);
    db.exec(
      `CREATE TABLE ${SQL_TABLES.codebook} (table_name TEXT NOT NULL, column_name TEXT NOT NULL, label_vi TEXT NOT NULL, meaning_vi TEXT NOT NULL, ` +
        'meaning_en TEXT NOT NULL, type_vi TEXT NOT NULL, type_en TEXT NOT NULL, example TEXT NOT NULL, unknown_vi TEXT NOT NULL, unknown_en TEXT NOT NULL, PRIMARY KEY (table_name, column_name))',
    );
    db.exec('BEGIN');
    this.insertDirective = db.prepare(insertSql(SQL_TABLES.directives, DIRECTIVE_TABLE_COLUMNS));
  }

  addDirective(row: DirectiveRow): void {
    this.insertDirective.run(...sqlValues(DIRECTIVE_TABLE_COLUMNS, row));
  }

  /** Adds the other tables, indexes and the full-text table, and compacts the file. Returns whether full-text search is in it. */
  finish(references: readonly ReferenceRow[], provinces: readonly ProvinceRow[], codebook: readonly CodebookTable[]): { fullText: boolean } {
    const { db } = this;
    const addReference = db.prepare(insertSql(SQL_TABLES.references, REFERENCE_COLUMNS));
    for (const r of references) addReference.run(...sqlValues(REFERENCE_COLUMNS, r));
    const addProvince = db.prepare(insertSql(SQL_TABLES.provinces, PROVINCE_COLUMNS));
    for (const p of provinces) addProvince.run(...sqlValues(PROVINCE_COLUMNS, p));
    const addEntry = db.prepare(`INSERT INTO ${SQL_TABLES.codebook} VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (const t of codebook) for (const e of t.entries) addEntry.run(t.table, e.column, e.label, e.vi, e.en, e.typeVi, e.typeEn, e.example, e.unknownVi, e.unknownEn);
    db.exec('COMMIT');
    for (const column of ['province', 'date_issued', 'doc_number']) db.exec(`CREATE INDEX ${SQL_TABLES.directives}_${column} ON ${SQL_TABLES.directives} (${column})`);
    db.exec(`CREATE INDEX ${SQL_TABLES.references}_resolved_id ON ${SQL_TABLES.references} (resolved_id)`);
    const fullText = hasFts5(db);
    if (fullText) {
      const fts = SQL_TABLES.fullText;
      db.exec(`CREATE VIRTUAL TABLE ${fts} USING fts5(subject, body, content='${SQL_TABLES.directives}', content_rowid='${ROW_KEY}', tokenize='${FTS_TOKENIZER}')`);
      db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('rebuild')`);
      db.exec(`INSERT INTO ${fts} (${fts}) VALUES ('optimize')`);
    }
    db.exec('VACUUM');
    return { fullText };
  }
}
