/**
 * The dialect helper for bulk writes (the import hot path). SQLite: one prepared statement
 * per row on the raw handle — the same single connection Kysely's transaction runs on, so the
 * rows join that transaction. PostgreSQL: one multi-row `INSERT … SELECT FROM unnest(…)` per
 * batch. Both skip rows whose key already exists and report how many were inserted.
 */
import { sql } from 'kysely';
import type { Db } from './database.ts';
import type { Conn } from './types.ts';

export type ColumnType = 'text' | 'bigint' | 'int';

export interface BulkTable {
  table: string;
  columns: readonly { name: string; type: ColumnType }[];
  /** natural key: conflicting rows are skipped; empty = plain append */
  key: readonly string[];
}

const statements = new WeakMap<object, Map<string, { run(...args: unknown[]): { changes: number } }>>();

type Sqlite = NonNullable<Db['sqlite']>;

/** The cached prepared insert of a table on a SQLite handle. */
function statementFor(sqlite: Sqlite, t: BulkTable) {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let stmt = cache.get(t.table);
  if (!stmt) {
    const cols = t.columns.map((c) => c.name);
    stmt = sqlite.prepare(
      `insert into ${t.table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})${t.key.length ? ` on conflict (${t.key.join(', ')}) do nothing` : ''}`,
    );
    cache.set(t.table, stmt);
  }
  return stmt;
}

/** Inserts rows (arrays in column order), skipping existing keys; returns the number inserted. */
export async function bulkInsert(db: Db, conn: Conn, t: BulkTable, rows: unknown[][]): Promise<number> {
  if (rows.length === 0) return 0;
  const cols = t.columns.map((c) => c.name);
  if (db.dialect === 'sqlite' && db.sqlite) {
    const stmt = statementFor(db.sqlite, t);
    let inserted = 0;
    for (const r of rows) inserted += stmt.run(...r).changes;
    return inserted;
  }
  const arrays = t.columns.map((_, i) => rows.map((r) => r[i]));
  const onConflict = t.key.length ? sql` on conflict (${sql.join(t.key.map((k) => sql.ref(k)))}) do nothing` : sql``;
  let inserted = 0;
  // a few thousand rows per statement keeps each bind parameter array reasonable
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = i === 0 && rows.length <= 10_000 ? arrays : arrays.map((a) => a.slice(i, i + 10_000));
    const unnestPart = sql.join(t.columns.map((c, j) => sql`${part[j]}::${sql.raw(c.type)}[]`));
    const result = await sql`insert into ${sql.table(t.table)} (${sql.join(cols.map((c) => sql.ref(c)))}) select * from unnest(${unnestPart})${onConflict}`.execute(conn);
    inserted += Number(result.numAffectedRows ?? 0);
  }
  return inserted;
}

/**
 * Inserts rows (arrays in column order) into a table with a natural key, skipping existing
 * keys, and says which rows went in: the import inserts first and looks up only the rows that
 * collided, instead of looking every row up before inserting.
 */
export async function insertReporting(db: Db, conn: Conn, t: BulkTable, rows: unknown[][]): Promise<boolean[]> {
  if (t.key.length === 0) throw new TypeError(`${t.table}: insertReporting needs a natural key`);
  if (rows.length === 0) return [];
  if (db.dialect === 'sqlite' && db.sqlite) {
    const stmt = statementFor(db.sqlite, t);
    return rows.map((r) => stmt.run(...r).changes > 0);
  }
  const keyIdx = t.key.map((k) => t.columns.findIndex((c) => c.name === k));
  const keyOf = (r: readonly unknown[]) => keyIdx.map((i) => String(r[i])).join('\u0001');
  const cols = t.columns.map((c) => c.name);
  const went = new Set<string>();
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    const unnestPart = sql.join(t.columns.map((c, j) => sql`${part.map((r) => r[j])}::${sql.raw(c.type)}[]`));
    const keys = sql.join(t.key.map((k) => sql.ref(k)));
    const result = await sql<Record<string, unknown>>`insert into ${sql.table(t.table)} (${sql.join(cols.map((c) => sql.ref(c)))}) select * from unnest(${unnestPart}) on conflict (${keys}) do nothing returning ${keys}`.execute(conn);
    for (const r of result.rows) went.add(t.key.map((k) => String(r[k])).join('\u0001'));
  }
  return rows.map((r) => went.delete(keyOf(r)));
}

/** Deletes rows whose `column` is in `values`, in chunks the drivers accept. */
export async function deleteIn(conn: Conn, table: string, column: string, values: readonly string[]): Promise<void> {
  for (let i = 0; i < values.length; i += 5000) {
    const chunk = values.slice(i, i + 5000);
    await sql`delete from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(chunk)})`.execute(conn);
  }
}
