import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';

/** Stored settings as raw JSON strings by key. */
export async function readAll(db: Conn): Promise<Record<string, unknown>> {
  const rows = await db.selectFrom('settings').select(['key', 'value']).execute();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
}

export async function write(db: Conn, key: string, value: unknown): Promise<void> {
  const row = { key, value: JSON.stringify(value), updated_at: nowIso() };
  await db
    .insertInto('settings')
    .values(row)
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at }))
    .execute();
}
