import type { Conn } from '../../db/types.ts';
import type { Insertable } from 'kysely';
import type { AuditLogTable } from '../../db/schema.ts';

export async function insert(db: Conn, row: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto('audit_log').values(row).execute();
}

export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  before?: string;
  limit: number;
}

/** Newest first, with the actor's name. */
export async function list(db: Conn, f: AuditFilter) {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('people as p', 'p.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_id', 'p.name as actor_name', 'a.action', 'a.entity', 'a.entity_id', 'a.before', 'a.after']);
  if (f.entity) q = q.where('a.entity', '=', f.entity);
  if (f.entityId) q = q.where('a.entity_id', '=', f.entityId);
  if (f.actorId) q = q.where('a.actor_id', '=', f.actorId);
  if (f.before) q = q.where('a.id', '<', f.before);
  return q.orderBy('a.id', 'desc').limit(f.limit).execute();
}
