/**
 * KPI queries over the stored daily counters, the drill-down to rounds and conversations,
 * and full recomputation. Every read is scoped by the caller's role (SPEC ORG-3).
 */
import { sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { canReadChatContent, canSeeCustomerContact, readScope, type Actor } from '../../../domain/access.ts';
import { explainRound, rollUpKpis, METRIC_KEYS, type KpiBucket, roundCodec, conversationCodec, type RoundFact, type Dimension } from '../../../domain/metrics/index.ts';
import { maskPhonesInText } from '../../../domain/mask.ts';
import type { Db } from '../../db/database.ts';
import type { Conn } from '../../db/types.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { agentGroupMap, rebuildDays, refreshFacts } from './kpi.refresh.ts';
import { getMetricSettings } from './kpi.settings.ts';
import type { ConversationDetail, KpiQuery, KpiResult, KpiRow, RoundOut } from './kpi.schema.ts';

interface Directory {
  people: Map<string, { name: string; groupId: string | null; departmentId: string | null }>;
  groups: Map<string, { name: string; departmentId: string }>;
  shops: Map<string, string>;
}

async function directory(conn: Conn): Promise<Directory> {
  const [people, groups, shops] = await Promise.all([
    conn.selectFrom('people').select(['id', 'name', 'group_id', 'department_id']).execute(),
    conn.selectFrom('groups').select(['id', 'name', 'department_id']).execute(),
    conn.selectFrom('shops').select(['id', 'name']).execute(),
  ]);
  return {
    people: new Map(people.map((p) => [p.id, { name: p.name, groupId: p.group_id, departmentId: p.department_id }])),
    groups: new Map(groups.map((g) => [g.id, { name: g.name, departmentId: g.department_id }])),
    shops: new Map(shops.map((s) => [s.id, s.name])),
  };
}

/**
 * The keys of `dimension` the actor may see, or null for all. Agents see their own figures,
 * leads their group's agents and group, supervisors their department's agents and groups;
 * shop, channel and organisation-wide breakdowns are for HR, managers and admins.
 */
function allowedKeys(actor: Actor | null, dimension: Dimension, dir: Directory): Set<string> | null {
  if (!actor) return null;
  const scope = readScope(actor);
  if (scope.kind === 'all') return null;
  if (dimension !== 'agent' && dimension !== 'group') {
    throw forbidden(`breakdown by ${dimension === 'all' ? 'day/organisation' : dimension} is for managers, HR and admins; choose by agent or by group`);
  }
  const keys = new Set<string>();
  if (dimension === 'agent') {
    for (const [id, p] of dir.people) {
      const ok =
        scope.kind === 'self' ? id === scope.personId
        : scope.kind === 'groups' ? id === scope.personId || (p.groupId !== null && scope.groupIds.includes(p.groupId))
        : p.departmentId === scope.departmentId;
      if (ok) keys.add(id);
    }
  } else {
    if (scope.kind === 'self') throw forbidden('agents see their own figures: choose by agent');
    for (const [id, g] of dir.groups) {
      if (scope.kind === 'groups' ? scope.groupIds.includes(id) : g.departmentId === scope.departmentId) keys.add(id);
    }
  }
  return keys;
}

/** KPIs for a date range by a breakdown, rolled up into periods, scoped to the actor. */
export async function queryKpis(conn: Conn, actor: Actor | null, q: KpiQuery): Promise<KpiResult> {
  const started = performance.now();
  const settings = await getMetricSettings(conn);
  const dimension: Dimension = q.by === 'day' ? 'all' : q.by;
  const period = q.by === 'day' ? 'day' : q.period;
  const dir = await directory(conn);
  let keys = allowedKeys(actor, dimension, dir);
  const narrow = (pred: (key: string) => boolean) => {
    const base = keys ?? new Set(dimension === 'agent' ? dir.people.keys() : dimension === 'group' ? dir.groups.keys() : []);
    keys = new Set([...base].filter(pred));
  };
  if (q.agentId && dimension === 'agent') narrow((k) => k === q.agentId);
  if (q.groupId && dimension === 'agent') narrow((k) => dir.people.get(k)?.groupId === q.groupId);
  if (q.groupId && dimension === 'group') narrow((k) => k === q.groupId);
  if (q.shopId && dimension === 'shop') narrow((k) => k === q.shopId);
  if (q.channel && dimension === 'channel') narrow((k) => k === q.channel);

  const keyList = keys ? [...keys] : null;
  const buckets: KpiBucket[] = [];
  const add = (key: string, day: string, counters: string) => {
    if (keys && !keys.has(key)) return;
    buckets.push({ dimension, key, period: 'day', periodKey: day, counters: JSON.parse(counters) });
  };
  // Whole months come from the monthly counters when the buckets are months or coarser;
  // the days at the edges of the range, and day or week buckets, from the daily ones.
  const { months, dayRanges } = period === 'day' || period === 'week' ? { months: [], dayRanges: [[q.from, q.to]] } : splitMonths(q.from, q.to);
  if (months.length) {
    let mq = conn.selectFrom('kpi_monthly').select(['key', 'month', 'counters']).where('dimension', '=', dimension).where('month', 'in', months);
    if (keyList && keyList.length <= 500) mq = mq.where('key', 'in', keyList.length ? keyList : ['\u0000']);
    for (const r of await mq.execute()) add(r.key, r.month, r.counters);
  }
  for (const [from, to] of dayRanges) {
    let dq = conn.selectFrom('kpi_daily').select(['key', 'day', 'counters']).where('dimension', '=', dimension).where('day', '>=', from).where('day', '<=', to);
    if (keyList && keyList.length <= 500) dq = dq.where('key', 'in', keyList.length ? keyList : ['\u0000']);
    for (const r of await dq.execute()) add(r.key, r.day, r.counters);
  }
  const asOf = Date.now();
  const rows: KpiRow[] = rollUpKpis(buckets, period, asOf).map((r) => {
    const out: Record<string, unknown> = { key: r.key, name: nameOf(dimension, r.key, dir), period_key: r.periodKey };
    if (dimension === 'agent') Object.assign(out, { agent_id: r.key, group_id: dir.people.get(r.key)?.groupId ?? null });
    if (dimension === 'group') out.group_id = r.key;
    if (dimension === 'shop') out.shop_id = r.key;
    if (dimension === 'channel') out.channel = r.key;
    if (period === 'day') out.day = r.periodKey;
    for (const k of METRIC_KEYS) out[k] = r[k];
    return out as KpiRow;
  });
  return {
    from: q.from,
    to: q.to,
    by: q.by,
    period,
    asOf: new Date(asOf).toISOString(),
    settings: { ...settings, closedDays: [...settings.closedDays] },
    rows,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Splits [from, to] into the whole calendar months it covers (as YYYY-MM-01) and the day
 * ranges left at its edges.
 */
export function splitMonths(from: string, to: string): { months: string[]; dayRanges: [string, string][] } {
  const months: string[] = [];
  const dayRanges: [string, string][] = [];
  const lastDay = (m: string) => new Date(Date.UTC(Number(m.slice(0, 4)), Number(m.slice(5, 7)), 0)).toISOString().slice(0, 10);
  let cursor = from;
  while (cursor <= to) {
    const monthStart = `${cursor.slice(0, 7)}-01`;
    const monthEnd = lastDay(monthStart);
    if (cursor === monthStart && monthEnd <= to) months.push(monthStart);
    else dayRanges.push([cursor, monthEnd < to ? monthEnd : to]);
    const next = new Date(Date.parse(`${monthEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    cursor = next;
  }
  return { months, dayRanges };
}

function nameOf(dimension: Dimension, key: string, dir: Directory): string {
  switch (dimension) {
    case 'agent':
      return dir.people.get(key)?.name ?? key;
    case 'group':
      return dir.groups.get(key)?.name ?? key;
    case 'shop':
      return dir.shops.get(key) ?? key;
    case 'channel':
    case 'all':
      return key;
  }
}

/** KPI rows as CSV (UTF-8 with BOM so Excel opens Chinese names correctly). */
export function kpiToCsv(rows: readonly KpiRow[]): string {
  const fields = ['key', 'name', 'period_key', 'agent_id', 'group_id', 'shop_id', 'channel', 'day', ...METRIC_KEYS] as const;
  const used = fields.filter((f) => rows.some((r) => (r as Record<string, unknown>)[f] !== undefined) || METRIC_KEYS.includes(f as never));
  return `\ufeff${stringify([used, ...rows.map((r) => used.map((f) => (r as Record<string, unknown>)[f] ?? ''))])}`;
}

/**
 * Recomputes every fact and every day's counters (after a settings change), in one
 * transaction; `onProgress` hears conversations done of the total.
 */
export async function rebuildAll(db: Db, onProgress?: (done: number, total: number) => void): Promise<{ conversations: number; days: number }> {
  return db.kysely.transaction().execute(async (trx) => {
    const total = Number((await trx.selectFrom('messages').select((eb) => eb.fn.count('conversation_id').distinct().as('n')).executeTakeFirstOrThrow()).n);
    onProgress?.(0, total);
    for (const t of ['kpi_monthly', 'kpi_daily', 'fact_sales', 'fact_ratings', 'fact_transfers', 'fact_offline', 'fact_agent_days', 'fact_rounds', 'fact_conversations'] as const) {
      await trx.deleteFrom(t).execute();
    }
    const settings = await getMetricSettings(trx);
    const days = new Set<string>();
    let conversations = 0;
    let after = '';
    for (;;) {
      const ids = (await trx.selectFrom('messages').select('conversation_id').distinct().where('conversation_id', '>', after).orderBy('conversation_id').limit(5000).execute()).map((r) => r.conversation_id);
      if (ids.length === 0) break;
      await refreshFacts(db, trx, { conversations: new Set(ids), customers: new Set(), days }, settings);
      conversations += ids.length;
      after = ids[ids.length - 1];
      onProgress?.(conversations, total);
    }
    const orderCustomers = (await trx.selectFrom('orders').select('customer_id').distinct().execute()).map((r) => r.customer_id);
    for (let i = 0; i < orderCustomers.length; i += 5000) {
      await refreshFacts(db, trx, { conversations: new Set(), customers: new Set(orderCustomers.slice(i, i + 5000)), days }, settings);
    }
    const n = await rebuildDays(db, trx, days, await agentGroupMap(trx));
    return { conversations, days: n };
  });
}

function presentRound(r: RoundFact, dir: Directory, settings: Awaited<ReturnType<typeof getMetricSettings>>, locale: 'zh-CN' | 'en-US', maskCustomer: boolean): RoundOut {
  const agentName = r.agentId ? (dir.people.get(r.agentId)?.name ?? null) : null;
  let explanation = explainRound(r, settings, locale);
  if (r.agentId && agentName) explanation = explanation.split(r.agentId).join(agentName);
  return {
    conversationId: r.conversationId,
    seq: r.seq,
    agentId: r.agentId,
    agentName,
    shopId: r.shopId,
    channel: r.channel,
    customerId: maskCustomer ? maskPhonesInText(r.customerId) : r.customerId,
    day: r.day,
    openAt: new Date(r.openAt).toISOString(),
    closeAt: r.closeAt === null ? null : new Date(r.closeAt).toISOString(),
    waitS: r.waitS,
    durationS: r.durationS,
    countsForResponse: r.countsForResponse,
    isFirst: r.isFirst,
    unanswered: r.unanswered,
    slow: r.slow,
    reason: r.reason,
    explanation,
  };
}

export interface RoundsFilter {
  from: string;
  to: string;
  agentId?: string;
  shopId?: string;
  filter: 'counted' | 'first' | 'slow' | 'unanswered' | 'not_counted' | 'all';
  limit: number;
  offset: number;
}

/** The rounds behind a figure, newest first, each with why it counted. */
export async function listRounds(conn: Conn, actor: Actor, f: RoundsFilter, locale: 'zh-CN' | 'en-US') {
  const dir = await directory(conn);
  const keys = allowedKeys(actor, 'agent', dir);
  if (keys && f.agentId && !keys.has(f.agentId)) throw forbidden('this agent is outside your scope');
  let q = conn.selectFrom('fact_rounds').where('day', '>=', f.from).where('day', '<=', f.to);
  if (f.agentId) q = q.where('agent_id', '=', f.agentId);
  else if (keys) q = q.where('agent_id', 'in', keys.size ? [...keys] : ['\u0000']);
  if (f.shopId) q = q.where('shop_id', '=', f.shopId);
  switch (f.filter) {
    case 'counted':
      q = q.where('counts', '=', 1);
      break;
    case 'first':
      q = q.where('counts', '=', 1).where('is_first', '=', 1);
      break;
    case 'slow':
      q = q.where('counts', '=', 1).where('slow', '=', 1);
      break;
    case 'unanswered':
      q = q.where('counts', '=', 1).where('unanswered', '=', 1);
      break;
    case 'not_counted':
      q = q.where('counts', '=', 0);
      break;
    case 'all':
      break;
  }
  const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const rows = await q.select('data').orderBy('open_at', 'desc').limit(f.limit).offset(f.offset).execute();
  const settings = await getMetricSettings(conn);
  const mask = !canSeeCustomerContact(actor);
  return { total, rounds: rows.map((r) => presentRound(roundCodec.decode(r.data), dir, settings, locale, mask)) };
}

/** One conversation with its messages and rounds; chat content stays inside the actor's scope. */
export async function getConversation(conn: Conn, actor: Actor, id: string, locale: 'zh-CN' | 'en-US'): Promise<ConversationDetail> {
  const factRow = await conn.selectFrom('fact_conversations').select('data').where('conversation_id', '=', id).executeTakeFirst();
  if (!factRow) throw notFound('conversation');
  const fact = conversationCodec.decode(factRow.data);
  const dir = await directory(conn);
  const owners = fact.ownerIds ? fact.ownerIds.split(',') : [];
  const visible = owners.some((o) => {
    const p = dir.people.get(o);
    return p && canReadChatContent(actor, { personId: o, groupId: p.groupId, departmentId: p.departmentId });
  });
  const orgWide = readScope(actor).kind === 'all' && actor.role !== 'hr';
  if (!visible && !orgWide) throw forbidden('this conversation is outside your scope');
  const mask = !canSeeCustomerContact(actor);
  const msgs = await conn.selectFrom('messages').selectAll().where('conversation_id', '=', id).orderBy('sent_at').orderBy('message_id').execute();
  const rounds = await conn.selectFrom('fact_rounds').select('data').where('conversation_id', '=', id).orderBy('seq').execute();
  const attrs = await conn.selectFrom('conversation_attrs').selectAll().where('conversation_id', '=', id).executeTakeFirst();
  const settings = await getMetricSettings(conn);
  return {
    conversationId: id,
    shopId: fact.shopId,
    channel: fact.channel,
    customerId: mask ? maskPhonesInText(fact.customerId) : fact.customerId,
    agentId: fact.agentId,
    category: attrs?.category ?? null,
    resolved: attrs ? Number(attrs.resolved) === 1 : false,
    messages: msgs.map((m) => ({
      messageId: m.message_id,
      sender: m.sender as 'customer' | 'agent' | 'bot' | 'system',
      agentId: m.agent_id,
      agentName: m.agent_id ? (dir.people.get(m.agent_id)?.name ?? null) : null,
      sentAt: new Date(Number(m.sent_at)).toISOString(),
      text: mask ? maskPhonesInText(m.text) : m.text,
      autoReply: Number(m.auto_reply) === 1,
      event: m.event,
      toAgentId: m.to_agent_id,
    })),
    rounds: rounds.map((r) => presentRound(roundCodec.decode(r.data), dir, settings, locale, mask)),
  };
}

/** Days that have any KPI counters (for the console's default period). */
export async function dataRange(conn: Conn): Promise<{ first: string | null; last: string | null }> {
  const r = await sql<{ first: string | null; last: string | null }>`select min(day) as first, max(day) as last from kpi_daily`.execute(conn);
  return r.rows[0] ?? { first: null, last: null };
}
