import { describe, expect, it } from 'vitest';
import { aggregateKpis, countKpis, KpiTally, rollUpKpis, type KpiFacts, type KpiRow } from './aggregate.ts';
import { METRIC_DEFINITIONS, METRIC_KEYS } from './catalogue.ts';
import { conversationFacts } from './conversation.ts';
import type { ConversationFacts } from './facts.ts';
import { agent, bot, buildConversation, customer, sh, transfer, type Step } from './factories.ts';

function factsOf(...conversations: [id: string, customerId: string, steps: Step[]][]): KpiFacts {
  const all: ConversationFacts[] = conversations.map(([conversationId, customerId, steps]) =>
    conversationFacts(buildConversation(steps, { conversationId, customerId })),
  );
  return {
    rounds: all.flatMap((f) => f.rounds),
    agentDays: all.flatMap((f) => f.agentDays),
    offline: all.flatMap((f) => f.offline),
    conversations: all.map((f) => f.conversation),
  };
}

const ASOF = sh('12:00', '2025-04-01');

// a1: c1 rounds 20 s (first), 100 s, unanswered transfer (600 s); c2 round 190 s (first).
// a2: c1 round 30 s, opened by the transfer. c3 is bot-only.
const DAY_FACTS = factsOf(
  [
    'c1',
    'cust1',
    [
      customer('10:00:00'),
      agent('a1', '10:00:20'),
      customer('10:05:00'),
      agent('a1', '10:06:40'),
      customer('10:10:00'),
      transfer('a1', 'a2', '10:12:00'),
      agent('a2', '10:12:30'),
    ],
  ],
  ['c2', 'cust2', [customer('11:00:00'), agent('a1', '11:03:10')]],
  ['c3', 'cust3', [customer('12:00:00'), bot('12:00:01')]],
);

function row(rows: KpiRow[], key: string): KpiRow {
  const r = rows.find((x) => x.key === key);
  if (!r) throw new Error(`no row ${key}`);
  return r;
}

describe('aggregateKpis response and volume', () => {
  const byAgent = aggregateKpis(DAY_FACTS, { by: 'agent', period: 'day', asOf: ASOF });

  it('produces one row per agent and leaves the bot-only conversation out', () => {
    expect(byAgent.map((r) => [r.key, r.periodKey])).toEqual([
      ['a1', '2025-03-03'],
      ['a2', '2025-03-03'],
    ]);
  });

  it('computes the response figures of an agent by hand', () => {
    expect(row(byAgent, 'a1')).toMatchObject({
      rounds: 4,
      first_response_avg_s: 105, // (20 + 190) / 2
      avg_response_s: 227.5, // (20 + 100 + 600 + 190) / 4
      response_within_180s_rate: 0.5, // 20 and 100
      p50_response_s: 100, // sorted 20,100,190,600: 2nd
      p90_response_s: 600, // 4th
      slow_rounds: 2, // 190 and 600 (100 is not > 100)
      unanswered_rounds: 1,
    });
    expect(row(byAgent, 'a2')).toMatchObject({ rounds: 1, first_response_avg_s: null, avg_response_s: 30 });
  });

  it('computes customers, volume and transfers per agent', () => {
    expect(row(byAgent, 'a1')).toMatchObject({
      consult_customers: 2,
      served_customers: 2,
      unanswered_customers: 0,
      reply_rate: 1,
      conversations: 2,
      messages_sent: 3,
      customers_served_per_day: 2,
      transfer_rate: 0.5,
    });
    expect(row(byAgent, 'a2')).toMatchObject({
      served_customers: 1,
      reply_rate: 1,
      conversations: 1,
      transfer_rate: 0,
    });
  });

  it('counts the bot-only customer as consulting the shop, not as unanswered', () => {
    const [shop] = aggregateKpis(DAY_FACTS, { by: 'shop', period: 'day', asOf: ASOF });
    expect(shop).toMatchObject({
      key: 'shop1',
      consult_customers: 3,
      served_customers: 2,
      unanswered_customers: 0,
      rounds: 5,
      avg_response_s: 188, // (20 + 100 + 600 + 190 + 30) / 5
      p50_response_s: 100, // 20,30,100,190,600: 3rd
      conversations: 2,
      transfer_rate: 0.5,
    });
  });

  it('counts a customer served by two agents of a group once, and per agent-day for the average', () => {
    const [g] = aggregateKpis(DAY_FACTS, {
      by: 'group',
      period: 'month',
      asOf: ASOF,
      agentGroups: new Map([
        ['a1', 'g1'],
        ['a2', 'g1'],
      ]),
    });
    expect(g).toMatchObject({ key: 'g1', periodKey: '2025-03', served_customers: 2, customers_served_per_day: 1.5 });
  });

  it('buckets by ISO week and quarter', () => {
    expect(aggregateKpis(DAY_FACTS, { by: 'all', period: 'week', asOf: ASOF })[0].periodKey).toBe('2025-W10');
    expect(aggregateKpis(DAY_FACTS, { by: 'channel', period: 'quarter', asOf: ASOF })[0]).toMatchObject({
      key: 'chat',
      periodKey: '2025-Q1',
    });
  });

  it('counts an agent who transferred without replying as not replying to the customer', () => {
    const facts = factsOf(['c1', 'cust1', [customer('10:00'), transfer('a1', 'a2', '10:01'), agent('a2', '10:01:30')]]);
    const rows = aggregateKpis(facts, { by: 'agent', period: 'all', asOf: ASOF });
    expect(row(rows, 'a1')).toMatchObject({
      unanswered_customers: 1,
      reply_rate: 0,
      unanswered_rounds: 1,
      avg_response_s: 600,
    });
    expect(row(rows, 'a2')).toMatchObject({ unanswered_customers: 0, reply_rate: 1, avg_response_s: 30 });
  });
});

describe('aggregateKpis offline messages', () => {
  it('rates offline messages handled by the next morning deadline', () => {
    const facts = factsOf(
      ['c4', 'cust4', [customer('23:30'), agent('a1', '08:40', '2025-03-04')]],
      ['c5', 'cust5', [customer('23:40'), agent('a1', '09:30', '2025-03-04')]],
    );
    const [a1] = aggregateKpis(facts, { by: 'agent', period: 'all', asOf: ASOF });
    expect(a1).toMatchObject({ offline_handled_rate: 0.5, rounds: 0, avg_response_s: null });
  });
});

describe('aggregateKpis resolution', () => {
  it('rates resolution and immediate resolution of conversations with attributes', () => {
    const convs = [
      { id: 'c1', resolved: true, resolvedAt: sh('10:05') },
      { id: 'c2', resolved: true, resolvedAt: sh('18:00') },
      { id: 'c3', resolved: false, resolvedAt: null },
      { id: 'c4', resolved: true, resolvedAt: null },
    ].map(
      ({ id, resolved, resolvedAt }) =>
        conversationFacts(
          buildConversation([customer('10:00'), agent('a1', '10:01')], { conversationId: id }),
          undefined,
          {
            conversationId: id,
            category: 'after_sales',
            resolved,
            resolvedAt,
            issueKey: '',
          },
        ).conversation,
    );
    const unrated = conversationFacts(
      buildConversation([customer('10:00'), agent('a1', '10:01')], { conversationId: 'c5' }),
    );
    const [a1] = aggregateKpis(
      { conversations: [...convs, unrated.conversation] },
      { by: 'agent', period: 'all', asOf: ASOF },
    );
    expect(a1).toMatchObject({ resolution_rate: 0.75, immediate_resolution_rate: 0.5, repeat_complaint_rate: null });
  });
});

describe('rollUpKpis', () => {
  it('sums stored daily counters into the same month figures as aggregating the facts', () => {
    const twoDays = factsOf(
      ['c1', 'cust1', [customer('10:00:00'), agent('a1', '10:00:20'), customer('10:05:00'), agent('a1', '10:08:00')]],
      ['c2', 'cust1', [customer('11:00:00', '2025-03-04'), agent('a1', '11:00:40', '2025-03-04')]],
      ['c3', 'cust2', [customer('15:00:00', '2025-03-04'), agent('a2', '15:00:10', '2025-03-04')]],
    );
    const daily = countKpis(twoDays, { by: 'shop', period: 'day' });
    expect(daily.map((b) => b.periodKey)).toEqual(['2025-03-03', '2025-03-04']);
    const stored = JSON.parse(JSON.stringify(daily)) as typeof daily; // survives a round trip through a table
    const [month] = rollUpKpis(stored, 'month', ASOF);
    expect(month).toEqual(aggregateKpis(twoDays, { by: 'shop', period: 'month', asOf: ASOF })[0]);
    expect(month).toMatchObject({
      periodKey: '2025-03',
      rounds: 4,
      avg_response_s: 62.5, // (20 + 180 + 40 + 10) / 4
      p50_response_s: 20, // 10, 20, 40, 180: 2nd
      served_customers: 3, // (cust1, 3 Mar), (cust1, 4 Mar), (cust2, 4 Mar)
      customers_served_per_day: 1, // 3 served / 3 active agent-days
    });
  });
});

describe('KpiTally', () => {
  it('counts every breakdown in one pass, fact by fact in any order, as countKpis does per breakdown', () => {
    const agentGroups = new Map([
      ['a1', 'g1'],
      ['a2', 'g1'],
    ]);
    const dims = ['agent', 'group', 'shop', 'channel', 'all'] as const;
    // the facts interleaved and reversed, as rows streamed from several tables might come
    const tally = new KpiTally(dims, 'day', agentGroups);
    const f = DAY_FACTS;
    for (const r of [...(f.rounds ?? [])].reverse()) tally.round(r);
    for (const x of [...(f.conversations ?? [])].reverse()) tally.conversation(x);
    for (const a of [...(f.agentDays ?? [])].reverse()) tally.agentDay(a);
    for (const o of f.offline ?? []) tally.offline(o);
    for (const r of f.ratings ?? []) tally.rating(r);
    for (const q of f.inquiries ?? []) tally.inquiry(q);
    for (const o of f.orders ?? []) tally.order(o);
    for (const a of f.assists ?? []) tally.assist(a);
    for (const by of dims) {
      const expected = countKpis(f, { by, period: 'day', agentGroups });
      expect(expected.length).toBeGreaterThan(0);
      const got = tally.buckets(by);
      // the same buckets and counters; histograms compare as multisets
      expect(got).toEqual(expected);
    }
  });
});

describe('METRIC_DEFINITIONS', () => {
  it('defines every metric key the aggregator produces, in both languages', () => {
    const [r] = aggregateKpis(DAY_FACTS, { by: 'all', period: 'all', asOf: ASOF });
    for (const key of METRIC_KEYS) {
      expect(r).toHaveProperty(key);
      expect(METRIC_DEFINITIONS[key].nameZh).not.toBe('');
      expect(METRIC_DEFINITIONS[key].definitionEn).not.toBe('');
    }
  });
});
