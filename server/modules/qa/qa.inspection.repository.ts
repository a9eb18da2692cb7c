/**
 * What automatic inspection reads and writes (Kysely, one query per method; the hot-path
 * writes go through the bulk dialect helper like the facts do).
 */
import type { Selectable } from 'kysely';
import type { MessageRecord } from '../../../domain/metrics/records.ts';
import type { Db } from '../../db/database.ts';
import { bulkInsert, deleteIn, insertReporting, type BulkTable } from '../../db/bulk.ts';
import type { QaInspectionTable } from '../../db/schema.ts';
import type { Conn } from '../../db/types.ts';

export type InspectionRow = Selectable<QaInspectionTable>;

/** qa_inspections in bulk-insert column order. */
export const INSPECTIONS: BulkTable = {
  table: 'qa_inspections',
  key: ['conversation_id'],
  columns: [
    { name: 'conversation_id', type: 'text' },
    { name: 'agent_id', type: 'text' },
    { name: 'group_id', type: 'text' },
    { name: 'day', type: 'text' },
    { name: 'rules_version', type: 'text' },
    { name: 'customer_messages', type: 'int' },
    { name: 'negative_words', type: 'int' },
    { name: 'negative_share_ppm', type: 'int' },
    { name: 'sentiment_bp', type: 'int' },
    { name: 'banned_hits', type: 'int' },
    { name: 'banned_rude', type: 'int' },
    { name: 'banned_promise', type: 'int' },
    { name: 'banned_privacy', type: 'int' },
    { name: 'banned_off_platform', type: 'int' },
    { name: 'repeated_questions', type: 'int' },
    { name: 'unanswered', type: 'int' },
    { name: 'ended_upset', type: 'int' },
    { name: 'longest_wait_s', type: 'int' },
    { name: 'findings', type: 'text' },
    { name: 'inspected_at', type: 'text' },
  ],
};

/** qa_alerts as inspection raises them (the handling columns start empty); unique per (conversation, kind, anchor). */
export const ALERTS: BulkTable = {
  table: 'qa_alerts',
  key: ['conversation_id', 'kind', 'anchor'],
  columns: [
    { name: 'id', type: 'text' },
    { name: 'conversation_id', type: 'text' },
    { name: 'kind', type: 'text' },
    { name: 'anchor', type: 'text' },
    { name: 'message_id', type: 'text' },
    { name: 'agent_id', type: 'text' },
    { name: 'group_id', type: 'text' },
    { name: 'department_id', type: 'text' },
    { name: 'day', type: 'text' },
    { name: 'at', type: 'bigint' },
    { name: 'detail', type: 'text' },
    { name: 'live', type: 'int' },
    { name: 'raised_at', type: 'text' },
    { name: 'status', type: 'text' },
  ],
};

/** Stored messages per conversation (to tell whether an import's in-memory messages are all of them). */
export async function messageCounts(conn: Conn, ids: readonly string[]): Promise<Map<string, number>> {
  const rows = await conn
    .selectFrom('messages')
    .select(['conversation_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('conversation_id', 'in', [...ids])
    .groupBy('conversation_id')
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, Number(r.n)]));
}

/** The conversations' messages with their text, in conversation, time, message id order. */
export async function messagesOf(conn: Conn, ids: readonly string[]): Promise<Map<string, MessageRecord[]>> {
  const rows = await conn
    .selectFrom('messages')
    .selectAll()
    .where('conversation_id', 'in', [...ids])
    .orderBy('conversation_id')
    .orderBy('sent_at')
    .orderBy('message_id')
    .execute();
  const out = new Map<string, MessageRecord[]>();
  for (const r of rows) {
    const m: MessageRecord = {
      conversationId: r.conversation_id,
      messageId: r.message_id,
      shopId: r.shop_id,
      channel: r.channel as MessageRecord['channel'],
      customerId: r.customer_id,
      sender: r.sender as MessageRecord['sender'],
      agentId: r.agent_id,
      sentAt: Number(r.sent_at),
      text: r.text,
      autoReply: Number(r.auto_reply) === 1,
      event: r.event as MessageRecord['event'],
      toAgentId: r.to_agent_id,
    };
    const list = out.get(m.conversationId);
    if (list) list.push(m);
    else out.set(m.conversationId, [m]);
  }
  return out;
}

/** Credited agent and local day of each conversation, from its facts. */
export async function owners(conn: Conn, ids: readonly string[]) {
  const rows = await conn
    .selectFrom('fact_conversations')
    .select(['conversation_id', 'agent_id', 'day'])
    .where('conversation_id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.conversation_id, { agentId: r.agent_id, day: r.day }]));
}

/** Everyone's name and current place (inspection records an agent's group as it is now). */
export const placements = (conn: Conn) =>
  conn.selectFrom('people').select(['id', 'name', 'group_id', 'department_id']).execute();

/** Replaces the inspections of these conversations with the given rows (INSPECTIONS column order). */
export async function replaceInspections(db: Db, conn: Conn, ids: readonly string[], rows: unknown[][]) {
  await deleteIn(conn, 'qa_inspections', 'conversation_id', ids);
  await bulkInsert(db, conn, INSPECTIONS, rows);
}

/** Inserts alerts (ALERTS column order) that are not raised yet; says which went in. */
export const insertAlerts = (db: Db, conn: Conn, rows: unknown[][]) => insertReporting(db, conn, ALERTS, rows);

/** One conversation's inspection, or undefined. */
export const findInspection = (conn: Conn, id: string) =>
  conn.selectFrom('qa_inspections').selectAll().where('conversation_id', '=', id).executeTakeFirst();

/** How many conversations have facts within [from, to] (either end optional). */
export async function countConversations(conn: Conn, from?: string, to?: string): Promise<number> {
  let q = conn.selectFrom('fact_conversations').select((eb) => eb.fn.countAll<number>().as('n'));
  if (from) q = q.where('day', '>=', from);
  if (to) q = q.where('day', '<=', to);
  return Number((await q.executeTakeFirst())?.n ?? 0);
}

/** The next page of conversation ids with facts within [from, to], after `after` in id order. */
export async function conversationPage(conn: Conn, after: string, limit: number, from?: string, to?: string) {
  let q = conn
    .selectFrom('fact_conversations')
    .select('conversation_id')
    .where('conversation_id', '>', after)
    .orderBy('conversation_id')
    .limit(limit);
  if (from) q = q.where('day', '>=', from);
  if (to) q = q.where('day', '<=', to);
  return (await q.execute()).map((r) => r.conversation_id);
}

/** A conversation's facts row (owners, day) for the access check. */
export const conversationFact = (conn: Conn, id: string) =>
  conn
    .selectFrom('fact_conversations')
    .select(['conversation_id', 'agent_id', 'day', 'data'])
    .where('conversation_id', '=', id)
    .executeTakeFirst();

/**
 * Automatic-inspection figures per credited agent for conversations dated in [from, to]
 * (SPEC KPI-12 sentiment, KPI-15 compliance): conversations inspected, the sum of the
 * conversation sentiment indexes (× 10,000) over those with customer messages and their number,
 * conversations whose negative-word share reached `negativePpm`, conversations with any banned
 * word, and banned-word hits by category.
 */
export const inspectionByAgent = (conn: Conn, agentIds: readonly string[], from: string, to: string, negativePpm: number) =>
  agentIds.length === 0
    ? Promise.resolve([])
    : conn
        .selectFrom('qa_inspections')
        .select((eb) => [
          'agent_id',
          eb.fn.countAll<number>().as('conversations'),
          eb.fn.sum<number>(eb.case().when('customer_messages', '>', 0).then(eb.ref('sentiment_bp')).else(0).end()).as('sentiment_bp_sum'),
          eb.fn.sum<number>(eb.case().when('customer_messages', '>', 0).then(1).else(0).end()).as('with_customer'),
          eb.fn.sum<number>(eb.case().when('negative_share_ppm', '>=', negativePpm).then(1).else(0).end()).as('negative'),
          eb.fn.sum<number>(eb.case().when('banned_hits', '>', 0).then(1).else(0).end()).as('with_banned'),
          eb.fn.sum<number>('banned_rude').as('banned_rude'),
          eb.fn.sum<number>('banned_promise').as('banned_promise'),
          eb.fn.sum<number>('banned_privacy').as('banned_privacy'),
          eb.fn.sum<number>('banned_off_platform').as('banned_off_platform'),
        ])
        .where('agent_id', 'in', [...agentIds])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .groupBy('agent_id')
        .execute();

/** Agents credited with an inspected conversation dated in [from, to]. */
export const inspectedAgents = (conn: Conn, from: string, to: string) =>
  conn.selectFrom('qa_inspections').select('agent_id').distinct().where('day', '>=', from).where('day', '<=', to).where('agent_id', 'is not', null).execute();
