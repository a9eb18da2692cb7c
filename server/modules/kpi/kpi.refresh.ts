/**
 * Keeps facts in step with the raw data (the import's last step). For the conversations a write
 * touched: recompute their facts from all their messages; for the customers touched: their
 * repeat-complaint marks and their sales credit. The days whose facts changed are remembered,
 * and `rebuildDays` recomputes those days' KPI counters (kpi_daily) once at the end.
 */
import { sql } from 'kysely';
import {
  conversationFacts,
  KpiTally,
  creditOrders,
  markRepeatComplaints,
  ratingFact,
  type ConversationFact,
  type MessageRecord,
  type MetricSettings,
  type ConversationAttributes,
  type OrderRecord,
  type KpiCounters,
  mergeKpiCounters,
  agentDayCodec,
  assistCodec,
  conversationCodec,
  inquiryCodec,
  offlineCodec,
  orderCodec,
  ratingCodec,
  roundCodec,
  transferCodec,
  type FactCodec,
} from '../../../domain/metrics/index.ts';
import type { Db } from '../../db/database.ts';
import type { Conn } from '../../db/types.ts';
import { bulkInsert, deleteIn, type BulkTable } from '../../db/bulk.ts';
import { getMetricSettings } from './kpi.settings.ts';

/** What a write touched. `days` collects the local days whose facts changed. */
export interface Touched {
  conversations: Set<string>;
  customers: Set<string>;
  days?: Set<string>;
  /**
   * Messages this write inserted, by conversation. A touched conversation without facts yet has
   * all its messages here (facts are refreshed for every conversation a write touches, so one
   * with stored messages has facts), and its facts are computed from them without reading the
   * messages back.
   */
  fresh?: Map<string, MessageRecord[]>;
}

/** Orders a conversation's messages as the database read does: by time, then message id. */
const byTime = (a: MessageRecord, b: MessageRecord) => a.sentAt - b.sentAt || (a.messageId < b.messageId ? -1 : a.messageId > b.messageId ? 1 : 0);

const CHUNK = 500;

const byConversation = (table: string): BulkTable => ({
  table,
  key: [],
  columns: [
    { name: 'conversation_id', type: 'text' },
    { name: 'customer_id', type: 'text' },
    { name: 'agent_id', type: 'text' },
    { name: 'day', type: 'text' },
    { name: 'data', type: 'text' },
  ],
});

const T = {
  conversations: {
    table: 'fact_conversations',
    key: ['conversation_id'],
    columns: [
      { name: 'conversation_id', type: 'text' },
      { name: 'customer_id', type: 'text' },
      { name: 'day', type: 'text' },
      { name: 'agent_id', type: 'text' },
      { name: 'category', type: 'text' },
      { name: 'repeat_complaint', type: 'int' },
      { name: 'data', type: 'text' },
    ],
  },
  rounds: {
    table: 'fact_rounds',
    key: ['conversation_id', 'seq'],
    columns: [
      { name: 'conversation_id', type: 'text' },
      { name: 'seq', type: 'int' },
      { name: 'agent_id', type: 'text' },
      { name: 'shop_id', type: 'text' },
      { name: 'day', type: 'text' },
      { name: 'open_at', type: 'bigint' },
      { name: 'counts', type: 'int' },
      { name: 'is_first', type: 'int' },
      { name: 'slow', type: 'int' },
      { name: 'unanswered', type: 'int' },
      { name: 'data', type: 'text' },
    ],
  },
  agentDays: byConversation('fact_agent_days'),
  offline: byConversation('fact_offline'),
  transfers: byConversation('fact_transfers'),
  ratings: byConversation('fact_ratings'),
  sales: {
    table: 'fact_sales',
    key: [],
    columns: [
      { name: 'customer_id', type: 'text' },
      { name: 'kind', type: 'text' },
      { name: 'agent_id', type: 'text' },
      { name: 'day', type: 'text' },
      { name: 'data', type: 'text' },
    ],
  },
} satisfies Record<string, BulkTable>;

const b = (v: boolean) => (v ? 1 : 0);

function toMessage(r: Record<string, unknown>): MessageRecord {
  return {
    conversationId: r.conversation_id as string,
    messageId: r.message_id as string,
    shopId: r.shop_id as string,
    channel: r.channel as MessageRecord['channel'],
    customerId: r.customer_id as string,
    sender: r.sender as MessageRecord['sender'],
    agentId: (r.agent_id as string | null) ?? null,
    sentAt: Number(r.sent_at),
    text: r.text as string,
    autoReply: Number(r.auto_reply) === 1,
    event: r.event as MessageRecord['event'],
    toAgentId: (r.to_agent_id as string | null) ?? null,
  };
}

async function daysOf(conn: Conn, table: string, column: string, values: string[], into: Set<string>) {
  for (let i = 0; i < values.length; i += CHUNK) {
    const res = await sql<{ day: string }>`select distinct day from ${sql.table(table)} where ${sql.ref(column)} in (${sql.join(values.slice(i, i + CHUNK))})`.execute(conn);
    for (const r of res.rows) into.add(r.day);
  }
}

/**
 * Recomputes the facts of touched conversations and customers; returns how many were
 * refreshed. With `deferCustomers`, the customers (given and those of the conversations) are
 * added to that set instead of being refreshed: a bulk import refreshes each customer's sales
 * and repeat complaints once at its end rather than at every batch.
 */
export async function refreshFacts(db: Db, conn: Conn, touched: Touched, settings?: MetricSettings, deferCustomers?: Set<string>) {
  const s = settings ?? (await getMetricSettings(conn));
  const days = (touched.days ??= new Set());
  const convIds = [...touched.conversations];
  const customers = deferCustomers ?? new Set<string>();
  for (const c of touched.customers) customers.add(c);

  for (let i = 0; i < convIds.length; i += CHUNK) {
    const ids = convIds.slice(i, i + CHUNK);
    // Only conversations that already have facts need their old facts (and days) cleared;
    // on a bulk import of new data that is almost none, which saves a dozen queries per chunk.
    // (one query for both: `rated` marks a conversation known only by a rating fact)
    const knownRows = await conn
      .selectFrom('fact_conversations')
      .select(['conversation_id', sql<number>`0`.as('rated')])
      .where('conversation_id', 'in', ids)
      .union(conn.selectFrom('fact_ratings').select(['conversation_id', sql<number>`1`.as('rated')]).where('conversation_id', 'in', ids))
      .execute();
    const known = knownRows.filter((r) => Number(r.rated) === 0).map((r) => r.conversation_id);
    const stale = [...new Set(knownRows.map((r) => r.conversation_id))];
    if (stale.length) {
      for (const t of ['fact_conversations', 'fact_rounds', 'fact_agent_days', 'fact_offline', 'fact_transfers', 'fact_ratings']) {
        await daysOf(conn, t, 'conversation_id', stale, days);
        await deleteIn(conn, t, 'conversation_id', stale);
      }
    }
    const knownSet = new Set(known);
    const fromMemory: MessageRecord[][] = [];
    const toRead: string[] = [];
    for (const id of ids) {
      const mem = knownSet.has(id) ? undefined : touched.fresh?.get(id);
      if (mem) fromMemory.push(mem.sort(byTime));
      else toRead.push(id);
    }
    const attrs = new Map<string, ConversationAttributes>();
    const attrRows = await conn.selectFrom('conversation_attrs').selectAll().where('conversation_id', 'in', ids).execute();
    for (const a of attrRows) {
      attrs.set(a.conversation_id, {
        conversationId: a.conversation_id,
        category: a.category as ConversationAttributes['category'],
        resolved: Number(a.resolved) === 1,
        resolvedAt: a.resolved_at === null ? null : Number(a.resolved_at),
        issueKey: a.issue_key,
      });
    }
    const ratings = await conn.selectFrom('ratings').selectAll().where('conversation_id', 'in', ids).execute();
    const rows = { conversations: [] as unknown[][], rounds: [] as unknown[][], agentDays: [] as unknown[][], offline: [] as unknown[][], transfers: [] as unknown[][], ratings: [] as unknown[][] };
    const convFacts = new Map<string, ConversationFact>();
    const addFacts = (messages: readonly MessageRecord[]) => {
      const f = conversationFacts(messages, s, attrs.get(messages[0].conversationId) ?? null);
      const c = f.conversation;
      convFacts.set(c.conversationId, c);
      customers.add(c.customerId);
      rows.conversations.push([c.conversationId, c.customerId, c.day, c.agentId, c.category, 0, conversationCodec.encode(c)]);
      for (const r of f.rounds) {
        rows.rounds.push([r.conversationId, r.seq, r.agentId, r.shopId, r.day, r.openAt, b(r.countsForResponse), b(r.isFirst), b(r.slow), b(r.unanswered), roundCodec.encode(r)]);
      }
      for (const a of f.agentDays) rows.agentDays.push([a.conversationId, a.customerId, a.agentId, a.day, agentDayCodec.encode(a)]);
      for (const o of f.offline) rows.offline.push([o.conversationId, o.customerId, o.agentId, o.day, offlineCodec.encode(o)]);
      for (const t of f.transfers) rows.transfers.push([t.conversationId, c.customerId, t.fromAgentId, t.day, transferCodec.encode(t)]);
    };
    for (const messages of fromMemory) addFacts(messages);
    if (toRead.length) {
      const all = (await sql<Record<string, unknown>>`select message_id, conversation_id, shop_id, channel, customer_id, sender, agent_id, sent_at, '' as text, auto_reply, event, to_agent_id from messages where conversation_id in (${sql.join(toRead)}) order by conversation_id, sent_at, message_id`.execute(conn)).rows;
      let start = 0;
      while (start < all.length) {
        let end = start + 1;
        while (end < all.length && all[end].conversation_id === all[start].conversation_id) end++;
        addFacts(all.slice(start, end).map(toMessage));
        start = end;
      }
    }
    for (const r of ratings) {
      const c = convFacts.get(r.conversation_id);
      if (!c) continue; // a rating of a conversation whose messages have not arrived yet
      const rf = ratingFact(
        { conversationId: r.conversation_id, customerId: r.customer_id, agentId: r.agent_id, ratedAt: Number(r.rated_at), csat: r.csat, nps: r.nps },
        c,
        s,
      );
      rows.ratings.push([rf.conversationId, rf.customerId, rf.agentId, rf.day, ratingCodec.encode(rf)]);
    }
    for (const [k, t] of Object.entries(rows) as [keyof typeof rows, unknown[][]][]) {
      await bulkInsert(db, conn, T[k], t);
      const dayIdx = T[k].columns.findIndex((c) => c.name === 'day');
      for (const r of t) days.add(r[dayIdx] as string);
    }
  }

  if (deferCustomers) return { conversations: convIds.length, customers: 0 };
  const customerIds = [...customers];
  for (let i = 0; i < customerIds.length; i += CHUNK) {
    const ids = customerIds.slice(i, i + CHUNK);
    await refreshRepeatComplaints(conn, ids, s, days);
    await refreshSales(db, conn, ids, s, days);
  }
  return { conversations: convIds.length, customers: customerIds.length };
}

/** Re-marks repeat complaints among the customers' complaint conversations. */
async function refreshRepeatComplaints(conn: Conn, customerIds: string[], s: MetricSettings, days: Set<string>) {
  const rows = await conn
    .selectFrom('fact_conversations')
    .select(['conversation_id', 'day', 'repeat_complaint', 'data'])
    .where('customer_id', 'in', customerIds)
    .where('category', '=', 'complaint')
    .execute();
  if (rows.length === 0) return;
  const facts = rows.map((r) => conversationCodec.decode(r.data));
  const repeats = markRepeatComplaints(facts, s);
  for (const r of rows) {
    const flag = repeats.has(r.conversation_id) ? 1 : 0;
    if (Number(r.repeat_complaint) !== flag) {
      await conn.updateTable('fact_conversations').set({ repeat_complaint: flag }).where('conversation_id', '=', r.conversation_id).execute();
      days.add(r.day);
    }
  }
}

/**
 * Recredits the customers' orders and settles their inquiries (as known now). Only the days
 * whose sales facts really changed are marked for the KPI rebuild: a returning customer's
 * old days are usually untouched, and rebuilding them at every import would grow with history.
 */
async function refreshSales(db: Db, conn: Conn, customerIds: string[], s: MetricSettings, days: Set<string>) {
  const old = await conn.selectFrom('fact_sales').select(['day', 'data']).where('customer_id', 'in', customerIds).execute();
  const served = (await conn.selectFrom('fact_agent_days').select('data').where('customer_id', 'in', customerIds).execute())
    .map((r) => agentDayCodec.decode(r.data))
    .filter((f) => f.served);
  const orders: OrderRecord[] = (await conn.selectFrom('orders').selectAll().where('customer_id', 'in', customerIds).execute()).map((o) => ({
    orderId: o.order_id,
    shopId: o.shop_id,
    customerId: o.customer_id,
    createdAt: Number(o.created_at),
    paidAt: o.paid_at === null ? null : Number(o.paid_at),
    amountCents: Number(o.amount_cents),
    refundAmountCents: Number(o.refund_amount_cents),
    refundedAt: o.refunded_at === null ? null : Number(o.refunded_at),
  }));
  const rows: unknown[][] = [];
  if (served.length > 0 || orders.length > 0) {
    const credits = creditOrders(orders, served, s, Date.now());
    for (const o of credits.orders) rows.push([o.customerId, 'order', o.agentId, o.day, orderCodec.encode(o)]);
    for (const a of credits.assists) rows.push([customerOfOrder(credits.orders, a.orderId), 'assist', a.agentId, a.day, assistCodec.encode(a)]);
    for (const q of credits.inquiries) rows.push([q.customerId, 'inquiry', q.agentId, q.day, inquiryCodec.encode(q)]);
  }
  // compare old and new facts day by day
  const byDay = new Map<string, string[]>();
  for (const r of old) (byDay.get(r.day) ?? byDay.set(r.day, []).get(r.day)!).push(`-${r.data}`);
  for (const r of rows) (byDay.get(r[3] as string) ?? byDay.set(r[3] as string, []).get(r[3] as string)!).push(`+${r[4] as string}`);
  let changed = false;
  for (const [day, list] of byDay) {
    const minus = list.filter((x) => x[0] === '-').map((x) => x.slice(1)).sort();
    const plus = list.filter((x) => x[0] === '+').map((x) => x.slice(1)).sort();
    if (minus.length !== plus.length || minus.some((m, i) => m !== plus[i])) {
      days.add(day);
      changed = true;
    }
  }
  if (!changed) return;
  await deleteIn(conn, 'fact_sales', 'customer_id', customerIds);
  await bulkInsert(db, conn, T.sales, rows);
}

function customerOfOrder(orders: { orderId: string; customerId: string }[], orderId: string): string {
  return orders.find((o) => o.orderId === orderId)?.customerId ?? '';
}

/** Rows fetched per round trip when a day's facts are streamed from PostgreSQL. */
const CURSOR_ROWS = 5000;

/**
 * Calls `onRow` with the given columns of each row of a fact table dated `day`, streamed: on
 * SQLite through the raw handle (the connection the transaction runs on), on PostgreSQL through
 * a server-side cursor fetched a few thousand rows at a time (in the caller's transaction, or in
 * one of its own: a cursor lives in a transaction). A busy day's facts (a 双11 of 2,000 agents: 400,000 rounds) are
 * never all in memory at once, and no promise is made per row.
 */
async function streamDay(db: Db, conn: Conn, table: string, columns: readonly string[], day: string, onRow: (row: unknown[]) => void): Promise<void> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`not a day: ${day}`);
  if (db.dialect === 'sqlite' && db.sqlite) {
    const stmt = db.sqlite.prepare(`select ${columns.join(', ')} from ${table} where day = ?`).raw();
    for (const row of stmt.iterate(day) as IterableIterator<unknown[]>) onRow(row);
    return;
  }
  const read = async (trx: Conn) => {
    // DECLARE takes no bind parameters: the day (checked above) goes in as a quoted literal
    await sql`declare kpi_day_rows no scroll cursor for select ${sql.join(columns.map((c) => sql.ref(c)))} from ${sql.table(table)} where day = ${sql.lit(day)}`.execute(trx);
    for (;;) {
      const page = await sql<Record<string, unknown>>`fetch forward ${sql.raw(String(CURSOR_ROWS))} from kpi_day_rows`.execute(trx);
      for (const r of page.rows) onRow(columns.map((c) => r[c]));
      if (page.rows.length < CURSOR_ROWS) break;
    }
    await sql`close kpi_day_rows`.execute(trx);
  };
  if (conn.isTransaction) await read(conn);
  else await conn.transaction().execute(read);
}

/** Streams every fact of one day into the tally, decoding one row at a time. */
async function tallyDay(db: Db, conn: Conn, day: string, tally: KpiTally): Promise<void> {
  const data = <T>(table: string, codec: FactCodec<T>, add: (fact: T) => void) =>
    streamDay(db, conn, table, ['data'], day, (row) => add(codec.decode(row[0] as string)));
  await streamDay(db, conn, 'fact_conversations', ['data', 'repeat_complaint'], day, ([d, repeat]) => {
    const c = conversationCodec.decode(d as string);
    c.repeatComplaint = Number(repeat) === 1;
    tally.conversation(c);
  });
  await data('fact_rounds', roundCodec, (r) => tally.round(r));
  await data('fact_agent_days', agentDayCodec, (a) => tally.agentDay(a));
  await data('fact_offline', offlineCodec, (o) => tally.offline(o));
  await data('fact_ratings', ratingCodec, (r) => tally.rating(r));
  await streamDay(db, conn, 'fact_sales', ['kind', 'data'], day, ([kind, d]) => {
    if (kind === 'order') tally.order(orderCodec.decode(d as string));
    else if (kind === 'assist') tally.assist(assistCodec.decode(d as string));
    else if (kind === 'inquiry') tally.inquiry(inquiryCodec.decode(d as string));
  });
}

const STORED_DIMENSIONS = ['agent', 'group', 'shop', 'channel', 'all'] as const;

/** Recomputes the KPI counters of the given days for every dimension (group = current membership). */
export async function rebuildDays(db: Db, conn: Conn, days: Iterable<string>, agentGroups: ReadonlyMap<string, string>): Promise<number> {
  let n = 0;
  for (const day of [...days].sort()) {
    const tally = new KpiTally(STORED_DIMENSIONS, 'day', agentGroups);
    await tallyDay(db, conn, day, tally);
    await conn.deleteFrom('kpi_daily').where('day', '=', day).execute();
    const rows: { dimension: string; key: string; day: string; counters: string }[] = [];
    for (const by of STORED_DIMENSIONS) {
      for (const bucket of tally.buckets(by)) {
        rows.push({ dimension: by, key: bucket.key, day, counters: JSON.stringify(bucket.counters) });
      }
    }
    for (let i = 0; i < rows.length; i += 500) await conn.insertInto('kpi_daily').values(rows.slice(i, i + 500)).execute();
    n++;
  }
  await rebuildMonths(conn, new Set([...days].map((d) => `${d.slice(0, 7)}-01`)));
  return n;
}

/** Keys whose daily counters are summed at a time: 500 keys × 31 days of counters stay a few tens of MB. */
const MONTH_KEYS = 500;

/**
 * Sums the daily counters of the given months (YYYY-MM-01) into kpi_monthly, a few hundred keys
 * at a time: a month of 2,000 agents holds 60,000 daily counters, too many to hold at once.
 */
async function rebuildMonths(conn: Conn, months: Set<string>): Promise<void> {
  for (const month of [...months].sort()) {
    const last = `${month.slice(0, 7)}-31`;
    await conn.deleteFrom('kpi_monthly').where('month', '=', month).execute();
    const keys = await conn.selectFrom('kpi_daily').select(['dimension', 'key']).distinct().where('day', '>=', month).where('day', '<=', last).execute();
    const byDimension = new Map<string, string[]>();
    for (const k of keys) (byDimension.get(k.dimension) ?? byDimension.set(k.dimension, []).get(k.dimension)!).push(k.key);
    for (const [dimension, list] of byDimension) {
      for (let i = 0; i < list.length; i += MONTH_KEYS) {
        const daily = await conn
          .selectFrom('kpi_daily')
          .select(['key', 'counters'])
          .where('dimension', '=', dimension)
          .where('day', '>=', month)
          .where('day', '<=', last)
          .where('key', 'in', list.slice(i, i + MONTH_KEYS))
          .execute();
        const parts = new Map<string, KpiCounters[]>();
        for (const r of daily) {
          const counters = JSON.parse(r.counters) as KpiCounters;
          const p = parts.get(r.key);
          if (p) p.push(counters);
          else parts.set(r.key, [counters]);
        }
        const rows = [...parts].map(([key, ps]) => ({ dimension, key, month, counters: JSON.stringify(mergeKpiCounters(ps)) }));
        for (let j = 0; j < rows.length; j += 500) await conn.insertInto('kpi_monthly').values(rows.slice(j, j + 500)).execute();
      }
    }
  }
}

/** Current agent → group membership. */
export async function agentGroupMap(conn: Conn): Promise<Map<string, string>> {
  const rows = await conn.selectFrom('people').select(['id', 'group_id']).where('group_id', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, r.group_id as string]));
}
