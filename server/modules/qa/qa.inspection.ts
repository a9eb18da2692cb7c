/**
 * Automatic inspection of every conversation (SPEC QA-3, KPI-12, KPI-15 compliance; the alert
 * part of SVC-7). `inspectConversations` reads a set of conversations' messages (or takes them
 * from an import's memory), runs the domain's inspection, replaces their stored results and
 * raises the alerts not raised before: an alert is one per (conversation, kind, message) — one
 * per conversation for the negative share — so re-importing or re-inspecting never repeats one.
 * The import calls it through `importInspection` after refreshing facts, in its transaction;
 * the alerts reach the consoles once that transaction has committed.
 */
import { compile, isServiceTime, type MessageRecord } from '../../../domain/metrics/index.ts';
import { inspectConversation, type CompiledLexicons, type InspectionSettings } from '../../../domain/qa/text/index.ts';
import { localDay, localDayNumber, localMinuteOfDay } from '../../../domain/time.ts';
import type { Db } from '../../db/database.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { newId } from '../../lib/ids.ts';
import type { Touched } from '../kpi/kpi.refresh.ts';
import { getMetricSettings } from '../kpi/kpi.settings.ts';
import { alertHub, type PlacedCount } from './qa.alerts.hub.ts';
import type { AlertOut } from './qa.alerts.schema.ts';
import * as repo from './qa.inspection.repository.ts';
import { alertDetail, inspectionRow } from './qa.inspection.present.ts';
import { compiledFor, loadRules } from './qa.lexicons.ts';

/** A message younger than this when inspected is live: its conversation may still be going on. */
export const LIVE_WINDOW_MS = 3_600_000;

const CHUNK = 500;
/** alerts an import keeps whole for the consoles; beyond, it counts them per placement */
const HELD = 1000;

/** Everything inspection needs that does not change during one import or re-inspection. */
export interface Inspector {
  lexicons: CompiledLexicons;
  settings: InspectionSettings;
  version: string;
  timeZone: string;
  inServiceHours(epochMs: number): boolean;
  /** people: name and current group and department */
  people: Map<string, { name: string; groupId: string | null; departmentId: string | null }>;
}

/** Loads the rules, compiled lexicons (cached per version), service hours and placements. */
export async function loadInspector(conn: Conn): Promise<Inspector> {
  const rules = await loadRules(conn);
  const metric = compile(await getMetricSettings(conn));
  const tz = metric.s.timeZone;
  const people = new Map(
    (await repo.placements(conn)).map((p) => [
      p.id,
      { name: p.name, groupId: p.group_id, departmentId: p.department_id },
    ]),
  );
  return {
    lexicons: compiledFor(rules),
    settings: rules.settings,
    version: rules.version,
    timeZone: tz,
    inServiceHours: (ms) => isServiceTime(metric, localDayNumber(ms, tz), localMinuteOfDay(ms, tz)),
    people,
  };
}

/** What one inspection pass did. */
export interface InspectRun {
  inspected: number;
  /** the alerts raised now for the first time */
  raised: AlertOut[];
}

const byTime = (a: MessageRecord, b: MessageRecord) =>
  a.sentAt - b.sentAt || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0);

/**
 * Inspects conversations and stores the results (see the module comment). `memory` holds
 * messages already in hand by conversation (an import's inserted ones); they are used when they
 * are all of the conversation's stored messages, otherwise the messages are read back.
 */
export async function inspectConversations(
  db: Db,
  conn: Conn,
  ids: readonly string[],
  inspector: Inspector,
  memory?: ReadonlyMap<string, MessageRecord[]>,
  now: number = Date.now(),
): Promise<InspectRun> {
  const run: InspectRun = { inspected: 0, raised: [] };
  const at = nowIso();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const messages = new Map<string, MessageRecord[]>();
    const toRead: string[] = [];
    const counts = memory ? await repo.messageCounts(conn, chunk) : null;
    for (const id of chunk) {
      const mem = memory?.get(id);
      if (mem && counts?.get(id) === mem.length) messages.set(id, mem.sort(byTime));
      else toRead.push(id);
    }
    if (toRead.length) for (const [id, list] of await repo.messagesOf(conn, toRead)) messages.set(id, list);
    const owners = await repo.owners(conn, chunk);
    const rows: unknown[][] = [];
    const alertRows: unknown[][] = [];
    const candidates: AlertOut[] = [];
    for (const [id, list] of messages) {
      if (list.length === 0) continue;
      const last = list[list.length - 1].sentAt;
      const live = last >= now - LIVE_WINDOW_MS;
      const result = inspectConversation(list, inspector.lexicons, inspector.settings, {
        inServiceHours: inspector.inServiceHours,
        ...(live ? { now } : {}),
      });
      const owner = owners.get(id);
      const agentId = owner?.agentId ?? null;
      const place = agentId ? inspector.people.get(agentId) : undefined;
      const day = owner?.day ?? localDay(list[0].sentAt, inspector.timeZone);
      rows.push(inspectionRow(result, list, { agentId, groupId: place?.groupId ?? null, day }, inspector.version, at));
      for (const a of result.alerts) {
        const m = list[a.messageIndex];
        // a banned word is the sender's; the rest is the conversation's credited agent's
        const who = a.kind === 'banned_word' && m.sender === 'agent' && m.agentId ? m.agentId : agentId;
        const p = who ? inspector.people.get(who) : undefined;
        const alert: AlertOut = {
          id: newId(),
          conversationId: id,
          messageId: a.messageId,
          kind: a.kind,
          agentId: who,
          agentName: p?.name ?? null,
          groupId: p?.groupId ?? null,
          departmentId: p?.departmentId ?? null,
          day,
          at: new Date(a.at).toISOString(),
          detail: alertDetail(a, result, list, inspector.settings.negativeShareThreshold),
          live: a.at >= now - LIVE_WINDOW_MS,
          raisedAt: at,
          status: 'open',
          outcome: null,
          note: null,
          acknowledgedBy: null,
          acknowledgedAt: null,
          resolvedBy: null,
          resolvedAt: null,
        };
        candidates.push(alert);
        alertRows.push([
          alert.id,
          id,
          a.kind,
          a.kind === 'negative_share' ? '' : a.messageId,
          a.messageId,
          who,
          alert.groupId,
          alert.departmentId,
          day,
          a.at,
          JSON.stringify(alert.detail),
          alert.live ? 1 : 0,
          at,
          'open',
        ]);
      }
    }
    await repo.replaceInspections(db, conn, chunk, rows);
    const went = await repo.insertAlerts(db, conn, alertRows);
    candidates.forEach((a, k) => went[k] && run.raised.push(a));
    run.inspected += rows.length;
  }
  return run;
}

/**
 * The import's inspection hook: `run` inspects the conversations that got new messages (their
 * in-memory messages, text included, from `touched.fresh`), inside the import's transaction,
 * with the lexicons compiled once per import; `publish` sends the alerts raised to the
 * consoles — call it after the transaction has committed.
 */
export function importInspection(db: Db) {
  let inspector: Inspector | null = null;
  const raised: AlertOut[] = [];
  // past HELD alerts only their placements are counted, so a huge import stays in bounded memory
  const more = new Map<string, PlacedCount>();
  return {
    async run(trx: Conn, touched: Touched): Promise<void> {
      if (!touched.fresh?.size) return;
      inspector ??= await loadInspector(trx);
      const r = await inspectConversations(db, trx, [...touched.fresh.keys()], inspector, touched.fresh);
      for (const a of r.raised) {
        if (raised.length < HELD) raised.push(a);
        else {
          const key = `${a.agentId}\u0000${a.groupId}\u0000${a.departmentId}`;
          const m = more.get(key);
          if (m) m.count++;
          else more.set(key, { agentId: a.agentId, groupId: a.groupId, departmentId: a.departmentId, count: 1 });
        }
      }
    },
    publish(): void {
      alertHub(db).publish(raised.splice(0), more);
      more.clear();
    },
  };
}

/** Progress of a re-inspection: conversations done of total, alerts raised so far. */
export type ReinspectProgress = (done: number, total: number, alerts: number) => void;

/**
 * Re-inspects stored history (every conversation with facts, or those of days within
 * [from, to]) under the rules in force, a page at a time, each page in its own transaction so
 * imports are not held up; alerts newly raised go to the consoles after each page.
 */
export async function reinspect(
  db: Db,
  range: { from?: string; to?: string } = {},
  onProgress?: ReinspectProgress,
): Promise<{ conversations: number; alerts: number }> {
  const total = await repo.countConversations(db.kysely, range.from, range.to);
  const inspector = await loadInspector(db.kysely);
  let done = 0;
  let alerts = 0;
  let after = '';
  onProgress?.(0, total, 0);
  for (;;) {
    const ids = await repo.conversationPage(db.kysely, after, CHUNK, range.from, range.to);
    if (ids.length === 0) break;
    after = ids[ids.length - 1];
    const r = await db.kysely.transaction().execute((trx) => inspectConversations(db, trx, ids, inspector));
    alertHub(db).publish(r.raised);
    done += ids.length;
    alerts += r.raised.length;
    onProgress?.(done, Math.max(total, done), alerts);
  }
  return { conversations: done, alerts };
}
