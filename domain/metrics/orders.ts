/**
 * Sales facts (SPEC KPI-14): which inquiries converted, and which agent each order is credited
 * to. Works per (shop, customer), so the server can recompute one customer's facts whenever an
 * order, a payment, a refund or a served conversation of theirs arrives.
 */
import { DAY_MS, dayNumberToString, dayStringToNumber, localDayNumber, wallClockToEpoch } from '../time.ts';
import type { AgentDayFact, InquiryFact, OrderAssistFact, OrderFact } from './facts.ts';
import type { OrderRecord } from './records.ts';
import { compile, type MetricSettings } from './settings.ts';

/** The AgentDayFact fields order crediting reads. */
export type ServedFields = Pick<
  AgentDayFact,
  'conversationId' | 'shopId' | 'channel' | 'customerId' | 'agentId' | 'day' | 'served' | 'firstReplyAt' | 'lastReplyAt'
>;

interface Serve {
  f: ServedFields;
  agentId: string;
  dayNumber: number;
  firstReplyAt: number;
  lastReplyAt: number;
}

export interface OrderCredits {
  orders: OrderFact[];
  assists: OrderAssistFact[];
  inquiries: InquiryFact[];
}

function groupBy<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const t of items) {
    const k = key(t);
    const list = m.get(k);
    if (list) list.push(t);
    else m.set(k, [t]);
  }
  return m;
}

const customerKey = (shopId: string, customerId: string): string => `${shopId}\u0000${customerId}`;

/**
 * Credits each order to one agent and settles each inquiry, as known at `asOf` (orders placed,
 * payments and refunds after `asOf` are not yet known).
 * - Candidates: agents who served the customer (AgentDayFact.served) in the same shop, on the
 *   order's day or up to `orderWindowDays` before, with a first reply before the order.
 * - `last_served_before_order`: the candidate whose last reply before the order is latest
 *   (an agent whose replies straddle the order counts as serving at the order; ties go to the
 *   one who joined later). `first_served_that_day`: on the latest candidate day, the candidate
 *   who replied first that day. The credited candidate's day is the order's inquiry day.
 * - Assist credit: every other agent who served the customer on the inquiry day before the order.
 * - An inquiry (served row) converts to an order placed after its first reply, on its day or
 *   within `orderWindowDays` after; it converts to payment if such an order was paid within
 *   `paymentWindowDays` of being placed.
 */
export function creditOrders(
  orders: readonly OrderRecord[],
  served: readonly ServedFields[],
  settings: MetricSettings,
  asOf: number,
): OrderCredits {
  const { s } = compile(settings);
  const tz = s.timeZone;
  const payWindowMs = s.paymentWindowDays * DAY_MS;
  const serves: Serve[] = [];
  for (const f of served) {
    if (!f.served || f.agentId === null || f.firstReplyAt === null) continue;
    const dayNumber = dayStringToNumber(f.day);
    serves.push({
      f,
      agentId: f.agentId,
      dayNumber,
      firstReplyAt: f.firstReplyAt,
      lastReplyAt: f.lastReplyAt ?? f.firstReplyAt,
    });
  }
  const known = orders.filter((o) => o.createdAt <= asOf);
  const servesByCustomer = groupBy(serves, (x) => customerKey(x.f.shopId, x.f.customerId));
  const ordersByCustomer = groupBy(known, (o) => customerKey(o.shopId, o.customerId));

  const result: OrderCredits = { orders: [], assists: [], inquiries: [] };
  for (const o of known) {
    const dayNumber = localDayNumber(o.createdAt, tz);
    const candidates = (servesByCustomer.get(customerKey(o.shopId, o.customerId)) ?? []).filter(
      (x) => x.dayNumber <= dayNumber && x.dayNumber >= dayNumber - s.orderWindowDays && x.firstReplyAt < o.createdAt,
    );
    const credited = pickCredited(candidates, o.createdAt, s.orderCrediting);
    const paidAt = o.paidAt !== null && o.paidAt <= asOf ? o.paidAt : null;
    const refunded = o.refundAmountCents > 0 && (o.refundedAt === null || o.refundedAt <= asOf);
    result.orders.push({
      orderId: o.orderId,
      shopId: o.shopId,
      customerId: o.customerId,
      day: dayNumberToString(dayNumber),
      createdAt: o.createdAt,
      agentId: credited?.agentId ?? null,
      channel: credited?.f.channel ?? null,
      conversationId: credited?.f.conversationId ?? null,
      inquiryDay: credited?.f.day ?? null,
      amountCents: o.amountCents,
      paid: paidAt !== null && paidAt - o.createdAt <= payWindowMs,
      paidAt,
      payDeadline: o.createdAt + payWindowMs,
      refunded,
      refundAmountCents: refunded ? o.refundAmountCents : 0,
    });
    if (!credited) continue;
    const assisted = new Set<string>();
    for (const x of candidates) {
      if (x.dayNumber === credited.dayNumber && x.agentId !== credited.agentId && !assisted.has(x.agentId)) {
        assisted.add(x.agentId);
        result.assists.push({
          orderId: o.orderId,
          agentId: x.agentId,
          shopId: o.shopId,
          channel: x.f.channel,
          day: credited.f.day,
        });
      }
    }
  }

  for (const list of ordersByCustomer.values()) list.sort((a, b) => a.createdAt - b.createdAt);
  for (const x of serves) {
    const windowEnd = wallClockToEpoch((x.dayNumber + s.orderWindowDays + 1) * DAY_MS, tz);
    const theirs = ordersByCustomer.get(customerKey(x.f.shopId, x.f.customerId));
    const converted = theirs ? theirs.filter((o) => o.createdAt > x.firstReplyAt && o.createdAt < windowEnd) : [];
    let settlesAt = windowEnd;
    let paid = false;
    for (const o of converted) {
      settlesAt = Math.max(settlesAt, o.createdAt + payWindowMs);
      if (o.paidAt !== null && o.paidAt <= asOf && o.paidAt - o.createdAt <= payWindowMs) paid = true;
    }
    result.inquiries.push({
      conversationId: x.f.conversationId,
      shopId: x.f.shopId,
      channel: x.f.channel,
      customerId: x.f.customerId,
      agentId: x.agentId,
      day: x.f.day,
      servedAt: x.firstReplyAt,
      ordered: converted.length > 0,
      orderId: converted[0]?.orderId ?? null,
      paid,
      settlesAt,
    });
  }
  return result;
}

function pickCredited(
  candidates: readonly Serve[],
  createdAt: number,
  rule: MetricSettings['orderCrediting'],
): Serve | null {
  let best: Serve | null = null;
  if (rule === 'last_served_before_order') {
    let bestAt = Number.NEGATIVE_INFINITY;
    for (const x of candidates) {
      const at = x.lastReplyAt < createdAt ? x.lastReplyAt : createdAt;
      if (!best || at > bestAt || (at === bestAt && laterJoiner(x, best))) {
        best = x;
        bestAt = at;
      }
    }
    return best;
  }
  let day = Number.NEGATIVE_INFINITY;
  for (const x of candidates) day = Math.max(day, x.dayNumber);
  for (const x of candidates) {
    if (x.dayNumber !== day) continue;
    if (
      !best ||
      x.firstReplyAt < best.firstReplyAt ||
      (x.firstReplyAt === best.firstReplyAt && x.agentId < best.agentId)
    ) {
      best = x;
    }
  }
  return best;
}

function laterJoiner(x: Serve, than: Serve): boolean {
  return x.firstReplyAt > than.firstReplyAt || (x.firstReplyAt === than.firstReplyAt && x.agentId < than.agentId);
}

/** Payment state of an order at `asOf`: paid in its window, still able to be paid, or not paid. */
export function paymentStatus(
  order: Pick<OrderFact, 'paid' | 'payDeadline'>,
  asOf: number,
): 'paid' | 'pending' | 'unpaid' {
  if (order.paid) return 'paid';
  return asOf < order.payDeadline ? 'pending' : 'unpaid';
}

/** Paid-conversion state of an inquiry at `asOf`. */
export function inquiryPaidStatus(
  inquiry: Pick<InquiryFact, 'paid' | 'settlesAt'>,
  asOf: number,
): 'paid' | 'pending' | 'unpaid' {
  if (inquiry.paid) return 'paid';
  return asOf < inquiry.settlesAt ? 'pending' : 'unpaid';
}
