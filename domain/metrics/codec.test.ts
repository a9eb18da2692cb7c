import { describe, expect, it } from 'vitest';
import {
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
} from './codec.ts';
import { conversationFacts } from './conversation.ts';
import { agent, autoReply, bot, buildConversation, buildOrder, buildServed, customer, handoff, sh, transfer } from './factories.ts';
import { creditOrders } from './orders.ts';
import { ratingFact } from './resolution.ts';
import { DEFAULT_METRIC_SETTINGS as S } from './settings.ts';

/** What the object form (JSON) gives back, which is what every reader saw before the array form. */
const viaJson = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function roundTrips<T>(c: FactCodec<T>, facts: readonly T[]) {
  expect(facts.length).toBeGreaterThan(0);
  for (const f of facts) {
    const stored = c.encode(f);
    expect(stored.startsWith('[')).toBe(true);
    expect(c.decode(stored)).toEqual(viaJson(f));
    // rows written before the array form still read
    expect(c.decode(JSON.stringify(f))).toEqual(viaJson(f));
  }
}

describe('fact codecs', () => {
  // an overnight offline message, a bot hand-off, an auto-reply, a transfer with an open round
  const messages = buildConversation([
    customer('07:30'),
    bot('07:30:05'),
    handoff('a1', '08:01'),
    autoReply('a1', '08:01:02'),
    agent('a1', '08:02'),
    customer('09:00'),
    transfer('a1', 'a2', '09:03'),
    agent('a2', '09:05'),
    customer('22:59'),
  ]);
  const facts = conversationFacts(messages, S, { conversationId: 'c1', category: 'complaint', resolved: true, resolvedAt: sh('09:06'), issueKey: 'order-9' });

  it('round-trips every fact the engine produces, field for field', () => {
    roundTrips(roundCodec, facts.rounds);
    roundTrips(conversationCodec, [facts.conversation, { ...facts.conversation, repeatComplaint: true }]);
    roundTrips(agentDayCodec, facts.agentDays);
    const overnight = conversationFacts(buildConversation([customer('23:30', '2025-03-02'), agent('a1', '08:05')], { conversationId: 'c2' }), S, null);
    roundTrips(offlineCodec, [...facts.offline, ...overnight.offline]);
    roundTrips(transferCodec, facts.transfers);
    roundTrips(ratingCodec, [ratingFact({ conversationId: 'c1', customerId: 'cust1', agentId: 'a2', ratedAt: sh('09:10'), csat: 4, nps: 9 }, facts.conversation, S)]);
    const credits = creditOrders(
      [buildOrder({ paidAt: sh('15:05') }), buildOrder({ orderId: 'o2', createdAt: sh('16:00'), refundAmountCents: 500, refundedAt: sh('17:00') })],
      [buildServed({ agentId: 'a1' }), buildServed({ agentId: 'a2', firstReplyAt: sh('11:00') })],
      S,
      sh('00:00', '2025-04-01'),
    );
    roundTrips(orderCodec, credits.orders);
    roundTrips(assistCodec, credits.assists);
    roundTrips(inquiryCodec, credits.inquiries);
  });

  it('stores a round in less than half the bytes of its object form', () => {
    for (const r of facts.rounds) expect(roundCodec.encode(r).length).toBeLessThan(JSON.stringify(r).length / 2);
  });

  it('keeps booleans and nulls apart', () => {
    const r = facts.rounds.find((x) => x.closeAt === null) ?? { ...facts.rounds[0], closeAt: null, closeMessageId: null };
    const back = roundCodec.decode(roundCodec.encode({ ...r, unanswered: true, slow: false, waitS: 0 }));
    expect(back.unanswered).toBe(true);
    expect(back.slow).toBe(false);
    expect(back.waitS).toBe(0);
    expect(back.closeAt).toBeNull();
  });
});
