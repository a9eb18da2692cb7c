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

/**
 * Which distinct kinds share a key space: the (customer, day) kinds and the conversation/order
 * kinds are kept as one map per bucket from key to a bit mask of kinds, not one set per kind —
 * a busy day's buckets hold a few hundred thousand keys, and seven sets of the same customers
 * cost seven times the memory of one mask map.
 */
const PAIR_KINDS: readonly DistinctKind[] = [D.consulted, D.wrote, D.replied, D.served, D.inquiries, D.ordered, D.paid];
const OTHER_KINDS: readonly DistinctKind[] = [D.owned, D.transferred, D.servedConversations, D.rated, D.assisted];
const SPACE = new Map<DistinctKind, { space: 'pair' | 'other'; bit: number }>([
  ...PAIR_KINDS.map((k, i) => [k, { space: 'pair' as const, bit: 1 << i }] as const),
  ...OTHER_KINDS.map((k, i) => [k, { space: 'other' as const, bit: 1 << i }] as const),
]);

/** Running sums of one (key, period) bucket; distinct keys are created on first use. */
class Totals {
  readonly c = emptyKpiCounters();
  readonly durations: number[] = [];
  /** (customer, day) → mask of PAIR_KINDS */
  private pairs: Map<number, number> | undefined;
  /** conversation or order → mask of OTHER_KINDS */
  private others: Map<number, number> | undefined;
  /** the kinds with a key space of their own: (agent, customer, day) and (agent, day) */
  private servedByAgent: Set<number> | undefined;
  private activeAgentDays: Set<number> | undefined;
  /** (customer, day) of unpaid inquiries → latest settlesAt */
  readonly unpaid = new Map<number, number>();

  add(kind: DistinctKind, key: number): void {
    if (kind === D.servedByAgent) (this.servedByAgent ??= new Set()).add(key);
    else if (kind === D.activeAgentDays) (this.activeAgentDays ??= new Set()).add(key);
    else {
      const { space, bit } = SPACE.get(kind)!;
      const map = space === 'pair' ? (this.pairs ??= new Map()) : (this.others ??= new Map());
      map.set(key, (map.get(key) ?? 0) | bit);
    }
  }

  /** how many keys of a mask map carry each bit */
  private static tally(map: Map<number, number> | undefined, kinds: number): number[] {
    const n = new Array<number>(kinds).fill(0);
    if (map) for (const mask of map.values()) for (let i = 0; i < kinds; i++) if (mask & (1 << i)) n[i]++;
    return n;
  }

  counters(): KpiCounters {
    const c = this.c;
    const p = Totals.tally(this.pairs, PAIR_KINDS.length);
    const o = Totals.tally(this.others, OTHER_KINDS.length);
    const pair = (k: DistinctKind) => p[PAIR_KINDS.indexOf(k)];
    const other = (k: DistinctKind) => o[OTHER_KINDS.indexOf(k)];
    c.consultCustomers = pair(D.consulted);
    c.wroteCustomers = pair(D.wrote);
    c.repliedCustomers = pair(D.replied);
    c.servedCustomers = pair(D.served);
    c.agentServedCustomers = this.servedByAgent?.size ?? 0;
    c.activeAgentDays = this.activeAgentDays?.size ?? 0;
    c.ownedConversations = other(D.owned);
    c.transferredConversations = other(D.transferred);
    c.servedConversations = other(D.servedConversations);
    c.ratedConversations = other(D.rated);
    c.inquiryCustomers = pair(D.inquiries);
    c.orderedCustomers = pair(D.ordered);
    c.paidCustomers = pair(D.paid);
    c.assistedOrders = other(D.assisted);
    const paidBit = SPACE.get(D.paid)!.bit;
    for (const [key, settlesAt] of this.unpaid) {
      if (!((this.pairs?.get(key) ?? 0) & paidBit)) c.pendingUntil = Math.max(c.pendingUntil, settlesAt);
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

/** One dimension's buckets being filled, with the last bucket used (facts of a conversation come together). */
interface DimensionTally {
  by: Dimension;
  buckets: Map<string, Map<string, Totals>>;
  lastKey: string | null;
  lastDay: string;
  lastTotals: Totals | null;
}

/**
 * Counts facts into KPI buckets for several breakdowns at once, one fact at a time, so a caller
 * can stream facts from storage instead of holding them: memory grows with the buckets and
 * their distinct sets, not with the facts (a 双11 day of 2,000 agents is 400,000 rounds).
 * Facts may come in any order; `countKpis` is the same over arrays.
 */
export class KpiTally {
  private readonly dims: DimensionTally[];
  private readonly periods = new Map<string, string>();
  private readonly ids = new Ids();

  constructor(
    dimensions: readonly Dimension[],
    private readonly period: Period,
    private readonly agentGroups?: ReadonlyMap<string, string>,
  ) {
    if (dimensions.includes('group') && !agentGroups) throw new RangeError('grouping by group needs agentGroups');
    this.dims = dimensions.map((by) => ({ by, buckets: new Map(), lastKey: null, lastDay: '', lastTotals: null }));
  }

  /** The bucket of a fact in one breakdown, or null when the fact does not count there (no agent, no group). */
  private bucket(d: DimensionTally, agentId: string | null, shopId: string, channel: string | null, day: string): Totals | null {
    let key: string | null | undefined;
    switch (d.by) {
      case 'agent':
        key = agentId;
        break;
      case 'group':
        key = agentId === null ? null : this.agentGroups?.get(agentId);
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
    if (key === d.lastKey && day === d.lastDay) return d.lastTotals;
    let pk = this.periods.get(day);
    if (pk === undefined) {
      pk = periodKey(day, this.period);
      this.periods.set(day, pk);
    }
    let inner = d.buckets.get(key);
    if (!inner) d.buckets.set(key, (inner = new Map()));
    let t = inner.get(pk);
    if (!t) inner.set(pk, (t = new Totals()));
    d.lastKey = key;
    d.lastDay = day;
    d.lastTotals = t;
    return t;
  }

  round(r: RoundFact): void {
    if (!r.countsForResponse) return;
    for (const d of this.dims) {
      const t = this.bucket(d, r.agentId, r.shopId, r.channel, r.day);
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
  }

  agentDay(a: AgentDayFact): void {
    const ids = this.ids;
    for (const d of this.dims) {
      const t = this.bucket(d, a.agentId, a.shopId, a.channel, a.day);
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
  }

  offline(o: OfflineMessageFact): void {
    for (const d of this.dims) {
      const t = this.bucket(d, o.agentId, o.shopId, o.channel, o.day);
      if (!t) continue;
      t.c.offlineMessages++;
      if (o.handled) t.c.offlineHandled++;
    }
  }

  conversation(x: ConversationFact): void {
    if (x.category === null) return;
    for (const d of this.dims) {
      const t = this.bucket(d, x.agentId, x.shopId, x.channel, x.day);
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
  }

  rating(r: RatingFact): void {
    for (const d of this.dims) {
      const t = this.bucket(d, r.agentId, r.shopId, r.channel, r.day);
      if (!t) continue;
      const c = t.c;
      c.ratings++;
      t.add(D.rated, this.ids.other(r.conversationId));
      if (r.csat >= 4) c.satisfiedRatings++;
      const level = CSAT_COUNTERS[r.csat - 1];
      if (level) c[level]++;
      if (r.nps !== null) {
        c.npsAnswers++;
        if (r.nps >= 9) c.promoters++;
        else if (r.nps <= 6) c.detractors++;
      }
    }
  }

  inquiry(q: InquiryFact): void {
    for (const d of this.dims) {
      const t = this.bucket(d, q.agentId, q.shopId, q.channel, q.day);
      if (!t) continue;
      const pair = this.ids.pair(q.customerId, q.day);
      t.add(D.inquiries, pair);
      if (q.ordered) t.add(D.ordered, pair);
      if (q.paid) t.add(D.paid, pair);
      else t.unpaid.set(pair, Math.max(t.unpaid.get(pair) ?? 0, q.settlesAt));
    }
  }

  order(o: OrderFact): void {
    if (!o.paid) return;
    for (const d of this.dims) {
      const t = this.bucket(d, o.agentId, o.shopId, o.channel, o.day);
      if (!t) continue;
      const c = t.c;
      c.paidCents += o.amountCents;
      if (o.agentId === null) continue;
      c.creditedOrders++;
      c.salesCents += o.amountCents;
      if (o.refunded) c.refundedOrders++;
    }
  }

  assist(a: OrderAssistFact): void {
    for (const d of this.dims) {
      const t = this.bucket(d, a.agentId, a.shopId, a.channel, a.day);
      if (t) t.add(D.assisted, this.ids.other(a.orderId));
    }
  }

  /** The counters of every (key, period) bucket of a breakdown holding any fact, sorted by key then period. */
  buckets(by: Dimension): KpiBucket[] {
    const d = this.dims.find((x) => x.by === by);
    if (!d) throw new RangeError(`this tally does not count by ${by}`);
    const out: KpiBucket[] = [];
    for (const key of [...d.buckets.keys()].sort()) {
      const inner = d.buckets.get(key) as Map<string, Totals>;
      for (const pk of [...inner.keys()].sort()) {
        out.push({ dimension: by, key, period: this.period, periodKey: pk, counters: (inner.get(pk) as Totals).counters() });
      }
    }
    return out;
  }
}

/** The counters of every (key, period) bucket holding any fact, sorted by key then period. */
export function countKpis(facts: KpiFacts, query: Omit<KpiQuery, 'asOf'>): KpiBucket[] {
  const t = new KpiTally([query.by], query.period, query.agentGroups);
  for (const r of facts.rounds ?? []) t.round(r);
  for (const a of facts.agentDays ?? []) t.agentDay(a);
  for (const o of facts.offline ?? []) t.offline(o);
  for (const x of facts.conversations ?? []) t.conversation(x);
  for (const r of facts.ratings ?? []) t.rating(r);
  for (const q of facts.inquiries ?? []) t.inquiry(q);
  for (const o of facts.orders ?? []) t.order(o);
  for (const a of facts.assists ?? []) t.assist(a);
  return t.buckets(query.by);
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
