/**
 * Handling alerts (危机预警, SPEC QA-3, SVC-7): the list a supervisor or lead works from (only
 * agents in their scope), acknowledging and resolving with an outcome (audited), and the
 * intervention success rate = resolved alerts whose outcome is `intervened` or
 * `bad_review_avoided` / resolved alerts, per period (of the conversation's day) and group.
 */
import { readScope, type Actor } from '../../../domain/access.ts';
import { periodKey } from '../../../domain/time.ts';
import type { Conn } from '../../db/types.ts';
import { conflict, forbidden, notFound } from '../../lib/errors.ts';
import { nowIso } from '../../lib/dates.ts';
import { record } from '../audit/audit.service.ts';
import { alertForActor, alertVisibleTo } from './qa.alerts.hub.ts';
import * as repo from './qa.alerts.repository.ts';
import type {
  AlertDetail,
  AlertOut,
  AlertResolve,
  AlertsQuery,
  AlertStats,
  AlertStatsQuery,
  AlertStatsRow,
} from './qa.alerts.schema.ts';

/** A stored alert as the API shows it (before masking for the reader). */
export function presentAlert(r: repo.AlertRow, names: ReadonlyMap<string, string>): AlertOut {
  return {
    id: r.id,
    conversationId: r.conversation_id,
    messageId: r.message_id,
    kind: r.kind as AlertOut['kind'],
    agentId: r.agent_id,
    agentName: r.agent_id ? (names.get(r.agent_id) ?? null) : null,
    groupId: r.group_id,
    departmentId: r.department_id,
    day: r.day,
    at: new Date(Number(r.at)).toISOString(),
    detail: JSON.parse(r.detail) as AlertDetail,
    live: Number(r.live) === 1,
    raisedAt: r.raised_at,
    status: r.status as AlertOut['status'],
    outcome: r.outcome as AlertOut['outcome'],
    note: r.note,
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at,
    resolvedBy: r.resolved_by,
    resolvedAt: r.resolved_at,
  };
}

async function presentAll(conn: Conn, actor: Actor, rows: repo.AlertRow[]): Promise<AlertOut[]> {
  const names = await repo.namesOf(
    conn,
    rows.flatMap((r) => (r.agent_id ? [r.agent_id] : [])),
  );
  return rows.map((r) => alertForActor(actor, presentAlert(r, names)));
}

/** The alerts in the caller's scope matching the filters, newest first, and how many match. */
export async function listAlerts(
  conn: Conn,
  actor: Actor,
  q: AlertsQuery,
): Promise<{ items: AlertOut[]; total: number }> {
  const filter: repo.AlertFilter = {
    scope: readScope(actor),
    statuses: q.status === 'active' ? ['open', 'acknowledged'] : q.status ? [q.status] : undefined,
    kind: q.kind,
    groupId: q.groupId,
    agentId: q.agentId,
    from: q.from,
    to: q.to,
    live: q.live === undefined ? undefined : q.live === 'true',
  };
  const rows = await repo.listAlerts(conn, filter, q.limit, q.offset);
  return { items: await presentAll(conn, actor, rows), total: await repo.countAlerts(conn, filter) };
}

/** One conversation's alerts the caller handles (none for those without qa.review). */
export async function alertsOfConversation(conn: Conn, actor: Actor, conversationId: string): Promise<AlertOut[]> {
  const rows = await repo.listAlerts(conn, { scope: readScope(actor), conversationId }, 200, 0);
  const out = await presentAll(conn, actor, rows);
  return out.filter((a) => alertVisibleTo(actor, a));
}

/** The alert if the caller handles it: 404 unknown, 403 an agent outside their scope. */
async function alertInScope(conn: Conn, actor: Actor, id: string): Promise<repo.AlertRow> {
  const row = await repo.findAlert(conn, id);
  if (!row) throw notFound('alert');
  if (!alertVisibleTo(actor, { agentId: row.agent_id, groupId: row.group_id, departmentId: row.department_id })) {
    throw forbidden('this alert concerns an agent outside your scope');
  }
  return row;
}

/** The alert as stored now, unmasked (the routes mask it for the caller, the hub for each subscriber). */
async function reread(conn: Conn, id: string): Promise<AlertOut> {
  const row = (await repo.findAlert(conn, id))!;
  return presentAlert(row, await repo.namesOf(conn, row.agent_id ? [row.agent_id] : []));
}

/** Marks an open alert acknowledged (someone is on it); acknowledging again changes nothing; 409 once resolved. Unmasked. */
export async function acknowledgeAlert(trx: Conn, actor: Actor, id: string): Promise<AlertOut> {
  const row = await alertInScope(trx, actor, id);
  if (row.status === 'resolved') throw conflict('this alert is already resolved');
  if (row.status === 'open') {
    const at = nowIso();
    await repo.updateAlert(trx, id, { status: 'acknowledged', acknowledged_by: actor.id, acknowledged_at: at });
    await record(
      trx,
      actor,
      'qa.alert.acknowledge',
      'qa_alert',
      id,
      { status: row.status },
      { status: 'acknowledged' },
    );
  }
  return reread(trx, id);
}

/** Resolves an open or acknowledged alert with its outcome (acknowledging it on the way); 409 once resolved. Unmasked. */
export async function resolveAlert(trx: Conn, actor: Actor, id: string, body: AlertResolve): Promise<AlertOut> {
  const row = await alertInScope(trx, actor, id);
  if (row.status === 'resolved') throw conflict('this alert is already resolved');
  const at = nowIso();
  await repo.updateAlert(trx, id, {
    status: 'resolved',
    outcome: body.outcome,
    note: body.note || null,
    resolved_by: actor.id,
    resolved_at: at,
    acknowledged_by: row.acknowledged_by ?? actor.id,
    acknowledged_at: row.acknowledged_at ?? at,
  });
  await record(
    trx,
    actor,
    'qa.alert.resolve',
    'qa_alert',
    id,
    { status: row.status },
    { status: 'resolved', outcome: body.outcome, note: body.note ?? null },
  );
  return reread(trx, id);
}

const SUCCESS = new Set(['intervened', 'bad_review_avoided']);

function emptyRow(periodKey: string, groupId: string | null): AlertStatsRow {
  return { periodKey, groupId, raised: 0, open: 0, acknowledged: 0, resolved: 0, succeeded: 0, successRate: null };
}

function add(row: AlertStatsRow, status: string, outcome: string | null) {
  row.raised++;
  if (status === 'open') row.open++;
  else if (status === 'acknowledged') row.acknowledged++;
  else {
    row.resolved++;
    if (outcome && SUCCESS.has(outcome)) row.succeeded++;
  }
  row.successRate = row.resolved ? row.succeeded / row.resolved : null;
}

/** Alerts raised and handled, and the intervention success rate, per period and group, in the caller's scope. */
export async function alertStats(conn: Conn, actor: Actor, q: AlertStatsQuery): Promise<AlertStats> {
  const rows = await repo.alertOutcomes(conn, { scope: readScope(actor), from: q.from, to: q.to });
  const buckets = new Map<string, AlertStatsRow>();
  const total = emptyRow(periodKey(q.from, 'all'), null);
  for (const r of rows) {
    const key = periodKey(r.day, q.period);
    const group = q.by === 'group' ? r.group_id : null;
    const id = `${key}\u0000${group ?? ''}`;
    let b = buckets.get(id);
    if (!b) buckets.set(id, (b = emptyRow(key, group)));
    add(b, r.status, r.outcome);
    add(total, r.status, r.outcome);
  }
  const out = [...buckets.values()].sort(
    (a, b) => a.periodKey.localeCompare(b.periodKey) || (a.groupId ?? '').localeCompare(b.groupId ?? ''),
  );
  return { rows: out, total };
}
