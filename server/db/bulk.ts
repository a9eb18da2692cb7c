/**
 * The dialect helper for bulk writes (the import hot path). SQLite: one prepared statement
 * per row on the raw handle — the same single connection Kysely's transaction runs on, so the
 * rows join that transaction. PostgreSQL inside a transaction: COPY (text format) straight
 * into a table without a key, or into a temporary table and from there `INSERT … ON CONFLICT DO
 * NOTHING` into one with a key; outside a transaction, one multi-row `INSERT … SELECT FROM
 * unnest(…)` per batch. All skip rows whose key already exists and report how many were inserted.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
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
  if (db.pgClientOf && conn.isTransaction) {
    if (t.key.length === 0) {
      await copyRows(await db.pgClientOf(conn), t.table, t, rows);
      return rows.length;
    }
    const result = await insertStaged(conn, t, await stage(db, conn, t, rows), false);
    return Number(result.numAffectedRows ?? 0);
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
  if (db.pgClientOf && conn.isTransaction) {
    const result = await insertStaged(conn, t, await stage(db, conn, t, rows), true);
    for (const r of result.rows) went.add(t.key.map((k) => String(r[k])).join('\u0001'));
    return rows.map((r) => went.delete(keyOf(r)));
  }
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

/** Staging tables made in this transaction (dropped at its commit or rollback). */
const stagingTables = new WeakMap<Conn, Set<string>>();

/**
 * COPYs rows into this transaction's empty temporary twin of the table, which the caller then
 * inserts from with the conflict rule it needs; returns the twin's name.
 */
async function stage(db: Db, conn: Conn, t: BulkTable, rows: readonly unknown[][]): Promise<string> {
  const name = `bulk_${t.table}`;
  let made = stagingTables.get(conn);
  if (!made) stagingTables.set(conn, (made = new Set()));
  if (made.has(name)) await sql`truncate ${sql.table(name)}`.execute(conn);
  else {
    await sql`create temporary table ${sql.table(name)} (like ${sql.table(t.table)} including defaults) on commit drop`.execute(conn);
    made.add(name);
  }
  await copyRows(await db.pgClientOf!(conn), name, t, rows);
  return name;
}

/** Inserts the staged rows into the table, skipping existing keys; with `returning`, says which keys went in. */
function insertStaged(conn: Conn, t: BulkTable, staged: string, returning: boolean) {
  const cols = sql.join(t.columns.map((c) => sql.ref(c.name)));
  const keys = sql.join(t.key.map((k) => sql.ref(k)));
  return sql<Record<string, unknown>>`insert into ${sql.table(t.table)} (${cols}) select ${cols} from ${sql.table(staged)} on conflict (${keys}) do nothing${returning ? sql` returning ${keys}` : sql``}`.execute(conn);
}

/** One value in COPY's text format: \N for null, backslash escapes for the separators. */
function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const s = String(v);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r')) : s;
}

/** Streams rows into a table with COPY … FROM STDIN, in pieces of about a megabyte. */
async function copyRows(client: import('pg').PoolClient, table: string, t: BulkTable, rows: readonly unknown[][]): Promise<void> {
  const cols = t.columns.map((c) => `"${c.name}"`).join(', ');
  const stream = client.query(copyFrom(`copy "${table}" (${cols}) from stdin`));
  function* pieces() {
    let buf = '';
    for (const r of rows) {
      for (let i = 0; i < r.length; i++) buf += (i ? '\t' : '') + copyValue(r[i]);
      buf += '\n';
      if (buf.length >= 1 << 20) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  await pipeline(Readable.from(pieces()), stream);
}
