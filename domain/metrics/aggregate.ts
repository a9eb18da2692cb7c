/**
 * Layer 2 of the metric engine: fact rows → KPI counters → KPI rows, per agent, group, shop,
 * channel or all, per day, ISO week, month, quarter or all time. Rows whose agent is null (no
 * agent was ever assigned) count for shop, channel and all, never for an agent or group.
 * Two paths to the same formulas (`kpiValues`): `aggregateKpis` straight from facts, or
 * `countKpis(…, period 'day')` stored per (key, day) at import and `rollUpKpis` at query time.
 */
import { periodKey, type Period } from '../time.ts';
import {
  emptyKpiCounters,
  kpiValues,
  mergeKpiCounters,
  type Dimension,
  type KpiCounters,
  type KpiValues,
} from './counters.ts';
import type {
  AgentDayFact,
  ConversationFact,
  InquiryFact,
  OfflineMessageFact,
  OrderAssistFact,
  OrderFact,
  RatingFact,
  RoundFact,
} from './facts.ts';

/** The fact rows to aggregate, already filtered to the date range and scope wanted. */
export interface KpiFacts {
  rounds?: readonly RoundFact[];
  agentDays?: readonly AgentDayFact[];
  offline?: readonly OfflineMessageFact[];
  conversations?: readonly ConversationFact[];
  ratings?: readonly RatingFact[];
  inquiries?: readonly InquiryFact[];
  orders?: readonly OrderFact[];
  assists?: readonly OrderAssistFact[];
}

export interface KpiQuery {
  by: Dimension;
  period: Period;
  /** the moment the report is for: payment windows still open at asOf show as 'pending' */
  asOf: number;
  /** agentId → groupId; required for `by: 'group'` (agents not in it are left out) */
  agentGroups?: ReadonlyMap<string, string>;
}

export type KpiRow = { dimension: Dimension; key: string; period: Period; periodKey: string } & KpiValues;

/** The counters of one (key, period) bucket; store the `period: 'day'` ones to roll up later. */
export interface KpiBucket {
  dimension: Dimension;
  key: string;
  period: Period;
  periodKey: string;
  counters: KpiCounters;
}

/** Distinct-count kinds; keys are numbers built from interned ids (see `Ids`). */
const D = {
  consulted: 0,
  wrote: 1,
  replied: 2,
  served: 3,
  servedByAgent: 4,
  activeAgentDays: 5,
  owned: 6,
  transferred: 7,
  servedConversations: 8,
  rated: 9,
  inquiries: 10,
  ordered: 11,
  paid: 12,
  assisted: 13,
} as const;
type DistinctKind = (typeof D)[keyof typeof D];

/** Running sums of one (key, period) bucket; distinct sets are created on first use. */
class Totals {
  readonly c = emptyKpiCounters();
  readonly durations: number[] = [];
  private readonly sets: (Set<number> | undefined)[] = [];
  /** (customer, day) of unpaid inquiries → latest settlesAt */
  readonly unpaid = new Map<number, number>();

  add(kind: DistinctKind, key: number): void {
    let set = this.sets[kind];
    if (!set) this.sets[kind] = set = new Set();
    set.add(key);
  }

  private count(kind: DistinctKind): number {
    return this.sets[kind]?.size ?? 0;
  }

  counters(): KpiCounters {
    const c = this.c;
    c.consultCustomers = this.count(D.consulted);
    c.wroteCustomers = this.count(D.wrote);
    c.repliedCustomers = this.count(D.replied);
    c.servedCustomers = this.count(D.served);
    c.agentServedCustomers = this.count(D.servedByAgent);
    c.activeAgentDays = this.count(D.activeAgentDays);
    c.ownedConversations = this.count(D.owned);
    c.transferredConversations = this.count(D.transferred);
    c.servedConversations = this.count(D.servedConversations);
    c.ratedConversations = this.count(D.rated);
    c.inquiryCustomers = this.count(D.inquiries);
    c.orderedCustomers = this.count(D.ordered);
    c.paidCustomers = this.count(D.paid);
    c.assistedOrders = this.count(D.assisted);
    const paid = this.sets[D.paid];
    for (const [pair, settlesAt] of this.unpaid) {
      if (!paid?.has(pair)) c.pendingUntil = Math.max(c.pendingUntil, settlesAt);
    }
    const sorted = Float64Array.from(this.durations).sort();
    const histogram: [number, number][] = [];
    for (const v of sorted) {
      const last = histogram[histogram.length - 1];
      if (last && last[0] === v) last[1]++;
      else histogram.push([v, 1]);
    }
    c.durationHistogram = histogram;
    return c;
  }
}

const DAY_SLOTS = 8192;
const PAIR_SLOTS = 2 ** 26;

/** Interns ids to small integers so distinct keys are numbers, not concatenated strings. */
class Ids {
  private readonly maps = {
    customer: new Map<string, number>(),
    day: new Map<string, number>(),
    agent: new Map<string, number>(),
    other: new Map<string, number>(),
  };
  private readonly pairs = new Map<number, number>();

  private id(map: Map<string, number>, s: string): number {
    let i = map.get(s);
    if (i === undefined) map.set(s, (i = map.size));
    return i;
  }
  day(day: string): number {
    const i = this.id(this.maps.day, day);
    if (i >= DAY_SLOTS) throw new RangeError(`aggregateKpis handles at most ${DAY_SLOTS} distinct days per call`);
    return i;
  }
  /** (customer, day) */
  pair(customerId: string, day: string): number {
    return this.id(this.maps.customer, customerId) * DAY_SLOTS + this.day(day);
  }
  agentDay(agentId: string, day: string): number {
    return this.id(this.maps.agent, agentId) * DAY_SLOTS + this.day(day);
  }
  /** (agent, customer, day) */
  agentPair(agentId: string, pair: number): number {
    let p = this.pairs.get(pair);
    if (p === undefined) this.pairs.set(pair, (p = this.pairs.size));
    if (p >= PAIR_SLOTS) throw new RangeError('too many (customer, day) pairs for one aggregateKpis call');
    return this.id(this.maps.agent, agentId) * PAIR_SLOTS + p;
  }
  /** conversation or order id */
  other(id: string): number {
    return this.id(this.maps.other, id);
  }
}

const CSAT_COUNTERS = ['csat1', 'csat2', 'csat3', 'csat4', 'csat5'] as const;

/** The counters of every (key, period) bucket holding any fact, sorted by key then period. */
export function countKpis(facts: KpiFacts, query: Omit<KpiQuery, 'asOf'>): KpiBucket[] {
  const { by, period, agentGroups } = query;
  if (by === 'group' && !agentGroups) throw new RangeError('grouping by group needs agentGroups');
  const buckets = new Map<string, Map<string, Totals>>();
  const periods = new Map<string, string>();
  const ids = new Ids();
  let lastKey: string | null = null;
  let lastDay = '';
  let lastTotals: Totals | null = null;

  const bucket = (agentId: string | null, shopId: string, channel: string | null, day: string): Totals | null => {
    let key: string | null | undefined;
    switch (by) {
      case 'agent':
        key = agentId;
        break;
      case 'group':
        key = agentId === null ? null : agentGroups?.get(agentId);
        break;
      case 'shop':
        key = shopId;
        break;
      case 'channel':
        key = channel;
        break;
      case 'all':
        key = 'all';
        break;
    }
    if (key === null || key === undefined) return null;
    if (key === lastKey && day === lastDay) return lastTotals; // facts of one conversation come together
    let pk = periods.get(day);
    if (pk === undefined) {
      pk = periodKey(day, period);
      periods.set(day, pk);
    }
    let inner = buckets.get(key);
    if (!inner) buckets.set(key, (inner = new Map()));
    let t = inner.get(pk);
    if (!t) inner.set(pk, (t = new Totals()));
    lastKey = key;
    lastDay = day;
    lastTotals = t;
    return t;
  };

  for (const r of facts.rounds ?? []) {
    if (!r.countsForResponse) continue;
    const t = bucket(r.agentId, r.shopId, r.channel, r.day);
    if (!t) continue;
    const c = t.c;
    c.rounds++;
    c.roundSumS += r.durationS;
    t.durations.push(Math.round(r.durationS)); // percentiles in whole seconds keep histograms ≤ cap + 1 entries
    if (r.withinServiceLevel) c.withinLevelRounds++;
    if (r.slow) c.slowRounds++;
    if (r.unanswered) c.unansweredRounds++;
    if (r.isFirst) {
      c.firstRounds++;
      c.firstSumS += r.durationS;
    }
  }
  for (const a of facts.agentDays ?? []) {
    const t = bucket(a.agentId, a.shopId, a.channel, a.day);
    if (!t) continue;
    const pair = ids.pair(a.customerId, a.day);
    if (a.consulted) t.add(D.consulted, pair);
    if (a.wrote) t.add(D.wrote, pair);
    if (a.replied && a.wrote) t.add(D.replied, pair);
    if (a.agentId !== null && a.served) {
      t.add(D.served, pair);
      t.add(D.servedByAgent, ids.agentPair(a.agentId, pair));
      t.add(D.servedConversations, ids.other(a.conversationId));
    }
    if (a.agentId !== null && a.messagesSent > 0) t.add(D.activeAgentDays, ids.agentDay(a.agentId, a.day));
    if (a.owned) t.add(D.owned, ids.other(a.conversationId));
    if (a.transfersOut > 0) t.add(D.transferred, ids.other(a.conversationId));
    t.c.messagesSent += a.messagesSent;
  }
  for (const o of facts.offline ?? []) {
    const t = bucket(o.agentId, o.shopId, o.channel, o.day);
    if (!t) continue;
    t.c.offlineMessages++;
    if (o.handled) t.c.offlineHandled++;
  }
  for (const x of facts.conversations ?? []) {
    if (x.category === null) continue;
    const t = bucket(x.agentId, x.shopId, x.channel, x.day);
    if (!t) continue;
    const c = t.c;
    c.conversationsWithAttributes++;
    if (x.resolved) c.resolved++;
    if (x.immediateResolved) c.immediateResolved++;
    if (x.category === 'complaint') {
      c.complaints++;
      if (x.repeatComplaint) c.repeatComplaints++;
    }
  }
  for (const r of facts.ratings ?? []) {
    const t = bucket(r.agentId, r.shopId, r.channel, r.day);
    if (!t) continue;
    const c = t.c;
    c.ratings++;
    t.add(D.rated, ids.other(r.conversationId));
    if (r.csat >= 4) c.satisfiedRatings++;
    const level = CSAT_COUNTERS[r.csat - 1];
    if (level) c[level]++;
    if (r.nps !== null) {
      c.npsAnswers++;
      if (r.nps >= 9) c.promoters++;
      else if (r.nps <= 6) c.detractors++;
    }
  }
  for (const q of facts.inquiries ?? []) {
    const t = bucket(q.agentId, q.shopId, q.channel, q.day);
    if (!t) continue;
    const pair = ids.pair(q.customerId, q.day);
    t.add(D.inquiries, pair);
    if (q.ordered) t.add(D.ordered, pair);
    if (q.paid) t.add(D.paid, pair);
    else t.unpaid.set(pair, Math.max(t.unpaid.get(pair) ?? 0, q.settlesAt));
  }
  for (const o of facts.orders ?? []) {
    if (!o.paid) continue;
    const t = bucket(o.agentId, o.shopId, o.channel, o.day);
    if (!t) continue;
    const c = t.c;
    c.paidCents += o.amountCents;
    if (o.agentId === null) continue;
    c.creditedOrders++;
    c.salesCents += o.amountCents;
    if (o.refunded) c.refundedOrders++;
  }
  for (const a of facts.assists ?? []) {
    const t = bucket(a.agentId, a.shopId, a.channel, a.day);
    if (t) t.add(D.assisted, ids.other(a.orderId));
  }

  const out: KpiBucket[] = [];
  for (const key of [...buckets.keys()].sort()) {
    const inner = buckets.get(key) as Map<string, Totals>;
    for (const pk of [...inner.keys()].sort()) {
      out.push({ dimension: by, key, period, periodKey: pk, counters: (inner.get(pk) as Totals).counters() });
    }
  }
  return out;
}

function toRow(b: KpiBucket, asOf: number): KpiRow {
  return {
    dimension: b.dimension,
    key: b.key,
    period: b.period,
    periodKey: b.periodKey,
    ...kpiValues(b.counters, b.dimension, asOf),
  };
}

/** KPI rows straight from fact rows: one per (key, period) bucket holding any fact, sorted by key then period. */
export function aggregateKpis(facts: KpiFacts, query: KpiQuery): KpiRow[] {
  return countKpis(facts, query).map((b) => toRow(b, query.asOf));
}

/**
 * KPI rows from stored daily buckets (`countKpis` with period 'day'), summed into `period`.
 * Exact except that a conversation spanning midnight counts once per day in the three
 * conversation counts (conversations, transfer_rate, rating_rate).
 */
export function rollUpKpis(daily: readonly KpiBucket[], period: Period, asOf: number): KpiRow[] {
  const groups = new Map<string, { first: KpiBucket; periodKey: string; parts: KpiCounters[] }>();
  for (const b of daily) {
    if (b.period !== 'day') throw new RangeError('rollUpKpis sums daily buckets only');
    const pk = periodKey(b.periodKey, period);
    const id = `${b.dimension}\u0000${b.key}\u0000${pk}`;
    const g = groups.get(id);
    if (g) g.parts.push(b.counters);
    else groups.set(id, { first: b, periodKey: pk, parts: [b.counters] });
  }
  return [...groups.values()]
    .map(({ first, periodKey: pk, parts }) =>
      toRow(
        { dimension: first.dimension, key: first.key, period, periodKey: pk, counters: mergeKpiCounters(parts) },
        asOf,
      ),
    )
    .sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : a.periodKey < b.periodKey ? -1 : a.periodKey > b.periodKey ? 1 : 0,
    );
}
