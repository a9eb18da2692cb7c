import { describe, expect, it } from 'vitest';
import { aggregateKpis } from './aggregate.ts';
import type { ConversationFact } from './facts.ts';
import { buildRating, sh } from './factories.ts';
import { markRepeatComplaints, ratingFact } from './resolution.ts';
import { DEFAULT_METRIC_SETTINGS as S } from './settings.ts';

const DAY_MS = 86_400_000;
const T0 = sh('10:00', '2025-01-01');
const ASOF = sh('00:00', '2025-06-01');

type Complaint = Pick<
  ConversationFact,
  'conversationId' | 'shopId' | 'customerId' | 'category' | 'issueKey' | 'startedAt'
>;
const complaint = (conversationId: string, days: number, over: Partial<Complaint> = {}): Complaint => ({
  conversationId,
  shopId: 'shop1',
  customerId: 'cust1',
  category: 'complaint',
  issueKey: 'late-delivery',
  startedAt: T0 + days * DAY_MS,
  ...over,
});

describe('markRepeatComplaints', () => {
  it('flags a complaint repeating one from the same customer and issue within 30 days', () => {
    const repeats = markRepeatComplaints(
      [
        complaint('k1', 0),
        complaint('k2', 20), // 20 days after k1: repeat
        complaint('k3', 55), // 35 days after k2: not a repeat
        complaint('k4', 85), // exactly 30 days after k3: repeat
        complaint('k5', 21, { issueKey: 'wrong-size' }), // another issue
        complaint('k6', 22, { customerId: 'cust2' }), // another customer
        complaint('k7', 23, { category: 'after_sales' }), // not a complaint
        complaint('k8', 24, { issueKey: '' }), // no issue key: never a repeat
        complaint('k9', 25, { issueKey: '' }),
      ],
      S,
    );
    expect([...repeats].sort()).toEqual(['k2', 'k4']);
  });

  it('does not count two complaints opened at the same instant as repeating each other', () => {
    expect(markRepeatComplaints([complaint('k1', 0), complaint('k2', 0)], S).size).toBe(0);
  });

  it('rates repeat complaints among complaints', () => {
    const base = {
      shopId: 'shop1',
      channel: 'chat',
      day: '2025-01-01',
      agentId: 'a1',
      resolved: true,
      immediateResolved: true,
    } as const;
    const convs = [
      { ...base, conversationId: 'k1', category: 'complaint', repeatComplaint: false },
      { ...base, conversationId: 'k2', category: 'complaint', repeatComplaint: true },
      { ...base, conversationId: 'k3', category: 'complaint', repeatComplaint: false },
      { ...base, conversationId: 'k4', category: 'complaint', repeatComplaint: false },
      { ...base, conversationId: 'k5', category: 'consult', repeatComplaint: false },
    ] as unknown as ConversationFact[];
    const [a1] = aggregateKpis({ conversations: convs }, { by: 'agent', period: 'all', asOf: ASOF });
    expect(a1.repeat_complaint_rate).toBe(0.25);
  });
});

describe('ratings', () => {
  const conv = { shopId: 'shop1', channel: 'chat', agentId: 'final' } as const;
  const facts = (list: { csat: number; nps: number | null }[]) =>
    list.map((x, i) => ratingFact(buildRating({ conversationId: `c${i}`, agentId: null, ...x }), conv, S));

  it('computes NPS as promoters minus detractors over NPS answers', () => {
    const ratings = facts([
      { csat: 5, nps: 10 },
      { csat: 5, nps: 9 },
      { csat: 4, nps: 8 },
      { csat: 4, nps: 7 },
      { csat: 3, nps: 6 },
      { csat: 1, nps: 0 },
      { csat: 5, nps: null },
    ]);
    const [a1] = aggregateKpis({ ratings }, { by: 'agent', period: 'all', asOf: ASOF });
    // 2 promoters, 2 detractors of 6 answers
    expect(a1.nps).toBe(0);
  });

  it('scores 40 when 3 of 5 promote and 1 detracts', () => {
    const ratings = facts([10, 10, 9, 8, 3].map((nps) => ({ csat: 5, nps })));
    expect(aggregateKpis({ ratings }, { by: 'agent', period: 'all', asOf: ASOF })[0].nps).toBe(40);
  });

  it('counts satisfaction per level and the share of 4–5', () => {
    const ratings = facts([5, 5, 4, 3, 2, 1].map((csat) => ({ csat, nps: null })));
    expect(aggregateKpis({ ratings }, { by: 'agent', period: 'all', asOf: ASOF })[0]).toMatchObject({
      satisfaction_rate: 0.5,
      csat_5: 2,
      csat_4: 1,
      csat_3: 1,
      csat_2: 1,
      csat_1: 1,
      nps: null,
    });
  });

  it('credits a rating without an agent to the final owner, on the day it was given', () => {
    const f = ratingFact(buildRating({ agentId: null, ratedAt: sh('23:30', '2025-03-03') }), conv, S);
    expect(f).toMatchObject({ agentId: 'final', day: '2025-03-03' });
    expect(ratingFact(buildRating({ ratedAt: Date.parse('2025-03-03T16:30:00Z') }), conv, S).day).toBe('2025-03-04');
  });

  it('rates rated conversations over served conversations', () => {
    const ratings = facts([{ csat: 5, nps: null }]);
    const agentDays = ['c0', 'c1', 'c2', 'c3'].map((conversationId, i) => ({
      conversationId,
      shopId: 'shop1',
      channel: 'chat' as const,
      customerId: `cust${i}`,
      agentId: 'final',
      day: '2025-03-03',
      consulted: true,
      wrote: true,
      replied: true,
      served: true,
      owned: true,
      messagesSent: 1,
      transfersOut: 0,
      firstReplyAt: 0,
      lastReplyAt: 0,
    }));
    expect(aggregateKpis({ ratings, agentDays }, { by: 'agent', period: 'all', asOf: ASOF })[0].rating_rate).toBe(0.25);
  });
});
