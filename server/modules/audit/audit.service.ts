import type { Conn } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/dates.ts';
import * as repo from './audit.repository.ts';
import type { AuditEntry } from './audit.schema.ts';

/** Who did a write: a person, or the system (migrations, demo seeding, CLI without a login). */
export interface AuditActor {
  id: string | null;
}
export const SYSTEM: AuditActor = { id: null };

/** Secrets never reach the audit log. */
function scrub(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(scrub);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'password' || k === 'password_hash' || k === 'passwordHash') out[k] = v ? '[set]' : null;
    else out[k] = v;
  }
  return out;
}

/** Records one write with its before/after state; call inside the write's transaction. */
export async function record(
  db: Conn,
  actor: AuditActor,
  action: string,
  entity: string,
  entityId: string | null,
  before: unknown,
  after: unknown,
): Promise<void> {
  await repo.insert(db, {
    id: newId(),
    at: nowIso(),
    actor_id: actor.id,
    action,
    entity,
    entity_id: entityId,
    before: before == null ? null : JSON.stringify(scrub(before)),
    after: after == null ? null : JSON.stringify(scrub(after)),
  });
}

export async function listAudit(db: Conn, filter: repo.AuditFilter): Promise<AuditEntry[]> {
  const rows = await repo.list(db, filter);
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name ?? null,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before ? (JSON.parse(r.before) as unknown) : null,
    after: r.after ? (JSON.parse(r.after) as unknown) : null,
  }));
}
