import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Conn } from '../../db/types.ts';
import { bulkInsert, type BulkTable } from '../../db/bulk.ts';
import type { RecordType } from './ingest.formats.ts';

/** Table layout per record type: columns in insert order and the natural key. */
export const TABLES: Record<RecordType, BulkTable & { updatable: boolean }> = {
  messages: {
    table: 'messages',
    key: ['message_id'],
    updatable: false,
    columns: [
      { name: 'message_id', type: 'text' },
      { name: 'conversation_id', type: 'text' },
      { name: 'shop_id', type: 'text' },
      { name: 'channel', type: 'text' },
      { name: 'customer_id', type: 'text' },
      { name: 'sender', type: 'text' },
      { name: 'agent_id', type: 'text' },
      { name: 'sent_at', type: 'bigint' },
      { name: 'text', type: 'text' },
      { name: 'auto_reply', type: 'int' },
      { name: 'event', type: 'text' },
      { name: 'to_agent_id', type: 'text' },
    ],
  },
  conversations: {
    table: 'conversation_attrs',
    key: ['conversation_id'],
    updatable: true,
    columns: [
      { name: 'conversation_id', type: 'text' },
      { name: 'category', type: 'text' },
      { name: 'resolved', type: 'int' },
      { name: 'resolved_at', type: 'bigint' },
      { name: 'issue_key', type: 'text' },
    ],
  },
  ratings: {
    table: 'ratings',
    key: ['conversation_id', 'customer_id', 'rated_at'],
    updatable: true,
    columns: [
      { name: 'conversation_id', type: 'text' },
      { name: 'customer_id', type: 'text' },
      { name: 'rated_at', type: 'bigint' },
      { name: 'agent_id', type: 'text' },
      { name: 'csat', type: 'int' },
      { name: 'nps', type: 'int' },
      { name: 'comment', type: 'text' },
    ],
  },
  orders: {
    table: 'orders',
    key: ['order_id'],
    updatable: true,
    columns: [
      { name: 'order_id', type: 'text' },
      { name: 'shop_id', type: 'text' },
      { name: 'customer_id', type: 'text' },
      { name: 'created_at', type: 'bigint' },
      { name: 'paid_at', type: 'bigint' },
      { name: 'amount_cents', type: 'bigint' },
      { name: 'refund_amount_cents', type: 'bigint' },
      { name: 'refunded_at', type: 'bigint' },
    ],
  },
};

/** A row's natural key as one string. */
export function keyOf(t: BulkTable, row: readonly unknown[]): string {
  if (t.key.length === 1) return String(row[0]);
  return t.key.map((k) => String(row[t.columns.findIndex((c) => c.name === k)])).join('\u0001');
}

/** The stored rows among `rows` (same natural key), as arrays in column order, by key. */
export async function existing(conn: Conn, t: BulkTable, rows: readonly unknown[][]): Promise<Map<string, unknown[]>> {
  const out = new Map<string, unknown[]>();
  if (rows.length === 0) return out;
  const cols = t.columns.map((c) => sql.ref(c.name));
  const firstKey = t.key[0];
  const firstIdx = t.columns.findIndex((c) => c.name === firstKey);
  const firstValues = [...new Set(rows.map((r) => r[firstIdx]))];
  for (let i = 0; i < firstValues.length; i += 5000) {
    const chunk = firstValues.slice(i, i + 5000);
    const res = await sql<Record<string, unknown>>`select ${sql.join(cols)} from ${sql.table(t.table)} where ${sql.ref(firstKey)} in (${sql.join(chunk)})`.execute(conn);
    for (const r of res.rows) {
      const arr = t.columns.map((c) => normalise(r[c.name]));
      out.set(keyOf(t, arr), arr);
    }
  }
  return out;
}

/** Database values → comparable JS values (bigint strings and booleans differ by driver). */
function normalise(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

export function sameRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? null) !== (b[i] ?? null)) return false;
  return true;
}

export async function insertNew(db: Db, conn: Conn, t: BulkTable, rows: unknown[][]): Promise<number> {
  return bulkInsert(db, conn, t, rows);
}

/** Replaces stored rows (same key) with new content. */
export async function updateRows(conn: Conn, t: BulkTable, rows: readonly unknown[][]): Promise<void> {
  for (const r of rows) {
    const sets = t.columns.filter((c) => !t.key.includes(c.name)).map((c) => sql`${sql.ref(c.name)} = ${r[t.columns.indexOf(c)]}`);
    const where = t.key.map((k) => sql`${sql.ref(k)} = ${r[t.columns.findIndex((c) => c.name === k)]}`);
    await sql`update ${sql.table(t.table)} set ${sql.join(sets)} where ${sql.join(where, sql` and `)}`.execute(conn);
  }
}
