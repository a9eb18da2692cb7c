/** Alerts raised by inspection and how they were handled (Kysely, one query per method). */
import { sql, type Expression, type ExpressionBuilder, type Selectable, type SqlBool, type Updateable } from 'kysely';
import type { Scope } from '../../../domain/access.ts';
import type { Database, QaAlertTable } from '../../db/schema.ts';
import type { Conn } from '../../db/types.ts';

export type AlertRow = Selectable<QaAlertTable>;

/** Which alerts a list reads: the caller's scope and the filters of AlertsQuery. */
export interface AlertFilter {
  scope: Scope;
  statuses?: string[];
  kind?: string;
  groupId?: string;
  agentId?: string;
  from?: string;
  to?: string;
  live?: boolean;
  conversationId?: string;
}

/** The alerts of agents in the scope (stored group and department as when raised). */
function scoped(eb: ExpressionBuilder<Database, 'qa_alerts'>, scope: Scope): Expression<SqlBool> {
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'department':
      return scope.departmentId === null ? sql<SqlBool>`1 = 0` : eb('department_id', '=', scope.departmentId);
    case 'groups':
      return eb.or([
        eb('agent_id', '=', scope.personId),
        ...(scope.groupIds.length ? [eb('group_id', 'in', scope.groupIds)] : []),
      ]);
    case 'self':
      return eb('agent_id', '=', scope.personId);
  }
}

function where(eb: ExpressionBuilder<Database, 'qa_alerts'>, f: AlertFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [scoped(eb, f.scope)];
  if (f.statuses?.length) parts.push(eb('status', 'in', f.statuses));
  if (f.kind) parts.push(eb('kind', '=', f.kind));
  if (f.groupId) parts.push(eb('group_id', '=', f.groupId));
  if (f.agentId) parts.push(eb('agent_id', '=', f.agentId));
  if (f.from) parts.push(eb('day', '>=', f.from));
  if (f.to) parts.push(eb('day', '<=', f.to));
  if (f.live !== undefined) parts.push(eb('live', '=', f.live ? 1 : 0));
  if (f.conversationId) parts.push(eb('conversation_id', '=', f.conversationId));
  return eb.and(parts);
}

/** A page of alerts, newest raised first. */
export const listAlerts = (db: Conn, f: AlertFilter, limit: number, offset: number) =>
  db
    .selectFrom('qa_alerts')
    .selectAll()
    .where((eb) => where(eb, f))
    .orderBy('raised_at', 'desc')
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();

/** How many alerts match. */
export async function countAlerts(db: Conn, f: AlertFilter): Promise<number> {
  const r = await db
    .selectFrom('qa_alerts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where((eb) => where(eb, f))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/** What the success-rate figures need of the matching alerts. */
export const alertOutcomes = (db: Conn, f: AlertFilter) =>
  db
    .selectFrom('qa_alerts')
    .select(['day', 'group_id', 'status', 'outcome'])
    .where((eb) => where(eb, f))
    .execute();

/** One alert, or undefined. */
export const findAlert = (db: Conn, id: string) =>
  db.selectFrom('qa_alerts').selectAll().where('id', '=', id).executeTakeFirst();

/** Changes an alert's handling columns. */
export const updateAlert = (db: Conn, id: string, patch: Updateable<QaAlertTable>) =>
  db.updateTable('qa_alerts').set(patch).where('id', '=', id).execute();

/** Names of these people by id. */
export async function namesOf(db: Conn, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', unique).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
