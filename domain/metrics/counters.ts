/**
 * KPI counters: the additive numbers every KPI is a formula of, and the one formula of each
 * metric key (definitions in METRIC_DEFINITIONS). Counters are plain serialisable objects, and
 * since every distinct count is over (customer, day) pairs, the counters of one key on disjoint
 * days add up exactly — so the server can store one row of counters per (key, day) and answer
 * any week, month or quarter by summing ≤ 92 rows per key (`mergeKpiCounters`). The only
 * exception is the three conversation counts, which summed over days count a conversation that
 * spans midnight once per day.
 */
import type { MetricKey } from './catalogue.ts';
import { percentileOfCounts } from './percentile.ts';

export const DIMENSIONS = ['agent', 'group', 'shop', 'channel', 'all'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface KpiCounters {
  /** counted rounds (countsForResponse) */
  rounds: number;
  roundSumS: number;
  withinLevelRounds: number;
  slowRounds: number;
  unansweredRounds: number;
  firstRounds: number;
  firstSumS: number;
  /** [durationS rounded to whole seconds, counted rounds] sorted by duration: the percentiles come from it */
  durationHistogram: [number, number][];
  /** distinct (customer, day) counts */
  consultCustomers: number;
  wroteCustomers: number;
  repliedCustomers: number;
  servedCustomers: number;
  /** distinct (agent, customer, day) served */
  agentServedCustomers: number;
  /** distinct (agent, day) with a valid reply */
  activeAgentDays: number;
  /** distinct conversations */
  ownedConversations: number;
  transferredConversations: number;
  servedConversations: number;
  ratedConversations: number;
  messagesSent: number;
  offlineMessages: number;
  offlineHandled: number;
  conversationsWithAttributes: number;
  resolved: number;
  immediateResolved: number;
  complaints: number;
  repeatComplaints: number;
  ratings: number;
  satisfiedRatings: number;
  csat1: number;
  csat2: number;
  csat3: number;
  csat4: number;
  csat5: number;
  npsAnswers: number;
  promoters: number;
  detractors: number;
  /** distinct (customer, day) inquiries, and those that ordered / paid */
  inquiryCustomers: number;
  orderedCustomers: number;
  paidCustomers: number;
  /** latest settlesAt of an inquiry (customer, day) not paid; paid conversion is pending while asOf < it (0 = none) */
  pendingUntil: number;
  /** credited orders paid within the window, their sum and how many were refunded */
  creditedOrders: number;
  salesCents: number;
  refundedOrders: number;
  assistedOrders: number;
  /** every paid order of the bucket, credited or not (for silent sales) */
  paidCents: number;
}

export function emptyKpiCounters(): KpiCounters {
  return {
    rounds: 0,
    roundSumS: 0,
    withinLevelRounds: 0,
    slowRounds: 0,
    unansweredRounds: 0,
    firstRounds: 0,
    firstSumS: 0,
    durationHistogram: [],
    consultCustomers: 0,
    wroteCustomers: 0,
    repliedCustomers: 0,
    servedCustomers: 0,
    agentServedCustomers: 0,
    activeAgentDays: 0,
    ownedConversations: 0,
    transferredConversations: 0,
    servedConversations: 0,
    ratedConversations: 0,
    messagesSent: 0,
    offlineMessages: 0,
    offlineHandled: 0,
    conversationsWithAttributes: 0,
    resolved: 0,
    immediateResolved: 0,
    complaints: 0,
    repeatComplaints: 0,
    ratings: 0,
    satisfiedRatings: 0,
    csat1: 0,
    csat2: 0,
    csat3: 0,
    csat4: 0,
    csat5: 0,
    npsAnswers: 0,
    promoters: 0,
    detractors: 0,
    inquiryCustomers: 0,
    orderedCustomers: 0,
    paidCustomers: 0,
    pendingUntil: 0,
    creditedOrders: 0,
    salesCents: 0,
    refundedOrders: 0,
    assistedOrders: 0,
    paidCents: 0,
  };
}

/** Adds `p` into `o` (every counter but the histogram; pendingUntil takes the max). Written out: it runs per stored row. */
function addInto(o: KpiCounters, p: KpiCounters): void {
  o.rounds += p.rounds;
  o.roundSumS += p.roundSumS;
  o.withinLevelRounds += p.withinLevelRounds;
  o.slowRounds += p.slowRounds;
  o.unansweredRounds += p.unansweredRounds;
  o.firstRounds += p.firstRounds;
  o.firstSumS += p.firstSumS;
  o.consultCustomers += p.consultCustomers;
  o.wroteCustomers += p.wroteCustomers;
  o.repliedCustomers += p.repliedCustomers;
  o.servedCustomers += p.servedCustomers;
  o.agentServedCustomers += p.agentServedCustomers;
  o.activeAgentDays += p.activeAgentDays;
  o.ownedConversations += p.ownedConversations;
  o.transferredConversations += p.transferredConversations;
  o.servedConversations += p.servedConversations;
  o.ratedConversations += p.ratedConversations;
  o.messagesSent += p.messagesSent;
  o.offlineMessages += p.offlineMessages;
  o.offlineHandled += p.offlineHandled;
  o.conversationsWithAttributes += p.conversationsWithAttributes;
  o.resolved += p.resolved;
  o.immediateResolved += p.immediateResolved;
  o.complaints += p.complaints;
  o.repeatComplaints += p.repeatComplaints;
  o.ratings += p.ratings;
  o.satisfiedRatings += p.satisfiedRatings;
  o.csat1 += p.csat1;
  o.csat2 += p.csat2;
  o.csat3 += p.csat3;
  o.csat4 += p.csat4;
  o.csat5 += p.csat5;
  o.npsAnswers += p.npsAnswers;
  o.promoters += p.promoters;
  o.detractors += p.detractors;
  o.inquiryCustomers += p.inquiryCustomers;
  o.orderedCustomers += p.orderedCustomers;
  o.paidCustomers += p.paidCustomers;
  o.creditedOrders += p.creditedOrders;
  o.salesCents += p.salesCents;
  o.refundedOrders += p.refundedOrders;
  o.assistedOrders += p.assistedOrders;
  o.paidCents += p.paidCents;
  o.pendingUntil = Math.max(o.pendingUntil, p.pendingUntil);
}

const DENSE_LIMIT = 100_000;

function mergeHistograms(lists: readonly (readonly [number, number])[][]): [number, number][] {
  let max = 0;
  let dense = true;
  for (const list of lists) {
    for (let i = 0; i < list.length; i++) {
      const v = list[i][0];
      if (Number.isInteger(v) && v >= 0 && v <= DENSE_LIMIT) max = v > max ? v : max;
      else dense = false;
    }
  }
  const out: [number, number][] = [];
  if (dense) {
    // whole seconds (the usual case): count into an array indexed by duration
    const counts = new Float64Array(max + 1);
    for (const list of lists) for (let i = 0; i < list.length; i++) counts[list[i][0]] += list[i][1];
    for (let v = 0; v <= max; v++) if (counts[v] > 0) out.push([v, counts[v]]);
    return out;
  }
  const counts = new Map<number, number>();
  for (const list of lists) for (const [v, c] of list) counts.set(v, (counts.get(v) ?? 0) + c);
  return [...counts].sort((a, b) => a[0] - b[0]);
}

/** Counters of the union of buckets that share no (customer, day): sums, max of pendingUntil. */
export function mergeKpiCounters(parts: readonly KpiCounters[]): KpiCounters {
  const out = emptyKpiCounters();
  for (const p of parts) addInto(out, p);
  out.durationHistogram = mergeHistograms(parts.map((p) => p.durationHistogram));
  return out;
}

/** Rates and means are null when their denominator is zero; counts and sums are numbers. */
export type KpiValues = {
  [K in MetricKey]: K extends 'conversion_rate_paid' ? number | 'pending' | null : number | null;
};

interface Ctx {
  by: Dimension;
  asOf: number;
}

const ratio = (n: number, d: number): number | null => (d > 0 ? n / d : null);

/** The one formula of each metric. */
const FORMULAS: { [K in MetricKey]: (c: KpiCounters, ctx: Ctx) => KpiValues[K] } = {
  first_response_avg_s: (c) => ratio(c.firstSumS, c.firstRounds),
  avg_response_s: (c) => ratio(c.roundSumS, c.rounds),
  response_within_180s_rate: (c) => ratio(c.withinLevelRounds, c.rounds),
  p50_response_s: (c) => percentileOfCounts(c.durationHistogram, 0.5),
  p90_response_s: (c) => percentileOfCounts(c.durationHistogram, 0.9),
  slow_rounds: (c) => c.slowRounds,
  unanswered_rounds: (c) => c.unansweredRounds,
  rounds: (c) => c.rounds,
  consult_customers: (c) => c.consultCustomers,
  served_customers: (c) => c.servedCustomers,
  unanswered_customers: (c) => c.wroteCustomers - c.repliedCustomers,
  reply_rate: (c) => ratio(c.repliedCustomers, c.wroteCustomers),
  offline_handled_rate: (c) => ratio(c.offlineHandled, c.offlineMessages),
  conversations: (c) => c.ownedConversations,
  messages_sent: (c) => c.messagesSent,
  customers_served_per_day: (c) => ratio(c.agentServedCustomers, c.activeAgentDays),
  resolution_rate: (c) => ratio(c.resolved, c.conversationsWithAttributes),
  immediate_resolution_rate: (c) => ratio(c.immediateResolved, c.conversationsWithAttributes),
  repeat_complaint_rate: (c) => ratio(c.repeatComplaints, c.complaints),
  transfer_rate: (c) => ratio(c.transferredConversations, c.ownedConversations),
  satisfaction_rate: (c) => ratio(c.satisfiedRatings, c.ratings),
  rating_rate: (c) => ratio(c.ratedConversations, c.servedConversations),
  nps: (c) => (c.npsAnswers > 0 ? (100 * (c.promoters - c.detractors)) / c.npsAnswers : null),
  csat_5: (c) => c.csat5,
  csat_4: (c) => c.csat4,
  csat_3: (c) => c.csat3,
  csat_2: (c) => c.csat2,
  csat_1: (c) => c.csat1,
  inquiry_customers: (c) => c.inquiryCustomers,
  conversion_rate_order: (c) => ratio(c.orderedCustomers, c.inquiryCustomers),
  conversion_rate_paid: (c, ctx) => {
    if (c.inquiryCustomers === 0) return null;
    return ctx.asOf < c.pendingUntil ? 'pending' : c.paidCustomers / c.inquiryCustomers;
  },
  credited_orders: (c) => c.creditedOrders,
  assisted_orders: (c) => c.assistedOrders,
  sales_amount: (c) => c.salesCents,
  avg_order_value: (c) => ratio(c.salesCents, c.creditedOrders),
  refund_rate: (c) => ratio(c.refundedOrders, c.creditedOrders),
  silent_sales: (c, ctx) => (ctx.by === 'shop' || ctx.by === 'all' ? c.paidCents - c.salesCents : null),
};

const FORMULA_ENTRIES = Object.entries(FORMULAS) as [MetricKey, (c: KpiCounters, ctx: Ctx) => KpiValues[MetricKey]][];

/** Every KPI of one bucket; `by` decides silent sales, `asOf` whether paid conversion is pending. */
export function kpiValues(counters: KpiCounters, by: Dimension, asOf: number): KpiValues {
  const ctx: Ctx = { by, asOf };
  const values = {} as Record<MetricKey, KpiValues[MetricKey]>;
  for (const [k, f] of FORMULA_ENTRIES) values[k] = f(counters, ctx);
  return values as KpiValues;
}
