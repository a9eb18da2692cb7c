import { describe, expect, it } from 'vitest';
import {
  allocate,
  assignRoundRobin,
  DEFAULT_SAMPLING_RULES,
  drawSample,
  NoReviewerError,
  sampleSeed,
  stableHash,
  validateSamplingRules,
  type SampleAgent,
  type SampleConversation,
  type SampleInput,
} from './sampling.ts';

const PERIOD = { from: '2026-11-01', to: '2026-11-30' };
const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}`;

/** `perStratum` conversations of an agent on each of `days` days in each shop. */
function conversationsOf(agentId: string, days: number[], shops: string[], perStratum = 1): SampleConversation[] {
  return days.flatMap((d) =>
    shops.flatMap((shopId) =>
      Array.from({ length: perStratum }, (_, i) => ({
        conversationId: `${agentId}-${day(d)}-${shopId}-${i}`,
        agentId,
        day: day(d),
        shopId,
      })),
    ),
  );
}

const veteran = (agentId: string, complaintRate: number | null = 0): SampleAgent => ({
  agentId,
  hireDate: '2024-01-01',
  complaintRate,
});

const input = (over: Partial<SampleInput>): SampleInput => ({
  period: PERIOD,
  conversations: [],
  agents: [],
  rules: DEFAULT_SAMPLING_RULES,
  newHireDays: 90,
  ...over,
});

const sampledIds = (i: SampleInput) => drawSample(i).conversations.map((c) => c.conversationId);

describe('sampling rates', () => {
  it.each<[string, SampleAgent, number, number, string]>([
    // 5 days × 2 shops × 2 = 20 conversations
    ['30 % of a veteran’s conversations', veteran('a'), 20, 6, 'random'],
    [
      'every conversation of a new hire',
      { agentId: 'a', hireDate: '2026-10-01', complaintRate: 0 },
      20,
      20,
      'new_hire',
    ],
    ['every conversation of an agent whose complaint rate is above 5 %', veteran('a', 0.1), 20, 20, 'high_complaints'],
    ['30 % of an agent exactly at the complaint threshold', veteran('a', 0.05), 20, 6, 'random'],
    ['30 % of an agent whose complaint rate is unknown', veteran('a', null), 20, 6, 'random'],
  ])('samples %s', (_, agent, conversations, sampled, reason) => {
    const s = drawSample(
      input({ agents: [agent], conversations: conversationsOf('a', [1, 2, 3, 4, 5], ['tmall', 'jd'], 2) }),
    );
    expect(s.agents).toEqual([
      { agentId: 'a', conversations, sampled, byReason: [expect.objectContaining({ reason, conversations, sampled })] },
    ]);
    expect(s.conversations.every((c) => c.reason === reason)).toBe(true);
  });

  it('samples a new hire fully only on the days they were new (hire day + 89)', () => {
    // hired 2026-08-05: day 89 is 2026-11-02, so 11-01 and 11-02 are new-hire days
    const agent = { agentId: 'a', hireDate: '2026-08-05', complaintRate: 0 };
    const s = drawSample(
      input({ agents: [agent], conversations: conversationsOf('a', [1, 2, 3, 4, 5, 6, 7], ['tmall'], 2) }),
    );
    expect(s.agents[0].byReason).toEqual([
      { reason: 'new_hire', rate: 1, conversations: 4, sampled: 4 },
      // 10 × 0.3 = 3
      { reason: 'random', rate: 0.3, conversations: 10, sampled: 3 },
    ]);
  });

  it('rounds the quota half up: 30 % of 15 conversations is 5', () => {
    const s = drawSample(
      input({ agents: [veteran('a')], conversations: conversationsOf('a', [1, 2, 3, 4, 5], ['tmall', 'jd', 'jd2']) }),
    );
    expect(s.agents[0].sampled).toBe(5);
  });

  it('gives every agent with conversations at least minPerAgent', () => {
    const one = conversationsOf('a', [3], ['tmall']);
    expect(drawSample(input({ agents: [veteran('a')], conversations: one })).agents[0].sampled).toBe(1);
    const rules = { ...DEFAULT_SAMPLING_RULES, minPerAgent: 0 };
    expect(drawSample(input({ agents: [veteran('a')], conversations: one, rules })).agents[0].sampled).toBe(0);
  });

  it('takes the editable rates: 50 % for everyone else', () => {
    const rules = { ...DEFAULT_SAMPLING_RULES, baseRate: 0.5 };
    const s = drawSample(
      input({ agents: [veteran('a')], rules, conversations: conversationsOf('a', [1, 2], ['tmall'], 5) }),
    );
    expect(s.agents[0].sampled).toBe(5);
  });
});

describe('a fair sample', () => {
  it('spreads a veteran’s 30 % over days and shops: at most one per day × shop when strata hold two', () => {
    const s = drawSample(
      input({ agents: [veteran('a')], conversations: conversationsOf('a', [1, 2, 3, 4, 5], ['tmall', 'jd'], 2) }),
    );
    const strata = s.conversations.map((c) => `${c.day}|${c.shopId}`);
    expect(new Set(strata).size).toBe(6);
    expect(new Set(s.conversations.map((c) => c.shopId))).toEqual(new Set(['tmall', 'jd']));
    expect(new Set(s.conversations.map((c) => c.day)).size).toBeGreaterThanOrEqual(3);
  });

  it('samples each stratum within one of its proportional share over a busy month', () => {
    const conversations = conversationsOf(
      'a',
      Array.from({ length: 30 }, (_, i) => i + 1),
      ['tmall', 'jd', 'pdd'],
      7,
    );
    const s = drawSample(input({ agents: [veteran('a')], conversations }));
    // 630 × 0.3 = 189 over 90 strata of 7: 2.1 each → 2 or 3
    expect(s.agents[0].sampled).toBe(189);
    const per = new Map<string, number>();
    for (const c of s.conversations) per.set(`${c.day}|${c.shopId}`, (per.get(`${c.day}|${c.shopId}`) ?? 0) + 1);
    expect(per.size).toBe(90);
    expect([...per.values()].every((n) => n === 2 || n === 3)).toBe(true);
  });

  it('splits a quota by largest remainder: 5 over strata of 4, 3 and 3 → 2 + 2 + 1 or 2 + 1 + 2', () => {
    const got = allocate(
      5,
      [
        { key: 'x', size: 4 },
        { key: 'y', size: 3 },
        { key: 'z', size: 3 },
      ],
      'seed',
    );
    expect(got.get('x')).toBe(2);
    expect([got.get('y'), got.get('z')].sort()).toEqual([1, 2]);
  });
});

describe('a reproducible sample', () => {
  const agents = [veteran('a'), veteran('b'), { agentId: 'n', hireDate: '2026-10-20', complaintRate: 0 }];
  const conversations = [
    ...conversationsOf('a', [1, 2, 3, 4, 5, 6], ['tmall', 'jd'], 3),
    ...conversationsOf('b', [2, 4, 6, 8], ['tmall'], 4),
    ...conversationsOf('n', [1, 2], ['jd'], 2),
  ];

  it('draws the same conversations again, whatever order the inputs come in', () => {
    const first = sampledIds(input({ agents, conversations }));
    const shuffled = [...conversations].sort((x, y) => stableHash(x.conversationId) - stableHash(y.conversationId));
    expect(sampledIds(input({ agents: [...agents].reverse(), conversations: shuffled }))).toEqual(first);
  });

  it('draws another sample for another period or salt, the same size', () => {
    const base = sampledIds(input({ agents, conversations }));
    const other = sampledIds(input({ agents, conversations, period: { from: '2026-11-01', to: '2026-11-29' } }));
    const salted = sampledIds(input({ agents, conversations, rules: { ...DEFAULT_SAMPLING_RULES, salt: 'redo' } }));
    expect(other).not.toEqual(base);
    expect(salted).not.toEqual(base);
    expect([other.length, salted.length]).toEqual([base.length, base.length]);
  });

  it('keeps an agent’s sample when another agent’s conversations change', () => {
    const onlyA = (ids: string[]) => ids.filter((id) => id.startsWith('a-'));
    const base = onlyA(sampledIds(input({ agents, conversations })));
    const fewer = conversations.filter((c) => c.agentId !== 'b');
    expect(onlyA(sampledIds(input({ agents, conversations: fewer })))).toEqual(base);
  });

  it('seeds by period and salt with a stable hash', () => {
    expect(sampleSeed(PERIOD)).toBe('2026-11-01..2026-11-30');
    expect(sampleSeed(PERIOD, 'redo')).toBe('2026-11-01..2026-11-30#redo');
    expect(stableHash('a')).toBe(7929297801672961);
    expect(stableHash('2026-11-01..2026-11-30|c1')).toBe(stableHash('2026-11-01..2026-11-30|c1'));
  });
});

describe('assigning the sample to reviewers', () => {
  const items = Array.from({ length: 7 }, (_, i) => ({ conversationId: `c${i}`, agentId: i < 2 ? 'lead1' : 'a' }));

  it('deals round-robin: 7 conversations over 3 reviewers → 3, 2, 2', () => {
    const got = assignRoundRobin(
      items.map((x) => ({ ...x, agentId: 'a' })),
      ['r1', 'r2', 'r3'],
      's',
    );
    const counts = ['r1', 'r2', 'r3'].map((r) => [...got.values()].filter((v) => v === r).length);
    expect(counts).toEqual([3, 2, 2]);
    expect(
      assignRoundRobin(
        items.map((x) => ({ ...x, agentId: 'a' })),
        ['r1', 'r2', 'r3'],
        's',
      ),
    ).toEqual(got);
  });

  it('never gives a reviewer their own conversation', () => {
    const got = assignRoundRobin(items, ['lead1', 'r2'], 's');
    expect(got.get('c0')).toBe('r2');
    expect(got.get('c1')).toBe('r2');
    expect(got.size).toBe(7);
  });

  it('refuses when the only reviewer is the conversation’s agent', () => {
    expect(() => assignRoundRobin(items, ['lead1'], 's')).toThrow(NoReviewerError);
  });
});

describe('sampling rules', () => {
  it('accepts the defaults and names a rate written as a percentage', () => {
    expect(validateSamplingRules(DEFAULT_SAMPLING_RULES)).toEqual([]);
    const problems = validateSamplingRules({ ...DEFAULT_SAMPLING_RULES, baseRate: 30, minPerAgent: -1 });
    expect(problems.map((p) => p.path.join('.'))).toEqual(['baseRate', 'minPerAgent']);
  });
});
