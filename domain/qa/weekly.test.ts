import { describe, expect, it } from 'vitest';
import type { ComplaintCategory } from './complaints.ts';
import { DEFAULT_SCORECARD } from './defaults.ts';
import { buildItem, buildRatings, buildScorecard } from './factories.ts';
import {
  actionEffect,
  addWeeks,
  buildWeeklyReport,
  DEFAULT_QA_WEEKLY_SETTINGS,
  isoWeekRange,
  itemOutcomes,
  qaWeeklySettings,
  reviewProgress,
  summariseFindings,
  topFailureItems,
  weeklyScores,
  weeksBetween,
  type ActionInput,
  type WeeklyReview,
} from './weekly.ts';

describe('ISO weeks', () => {
  it.each<[string, { from: string; to: string } | null]>([
    ['2026-W47', { from: '2026-11-16', to: '2026-11-22' }],
    ['2026-W01', { from: '2025-12-29', to: '2026-01-04' }],
    ['2026-W53', { from: '2026-12-28', to: '2027-01-03' }],
    ['2025-W53', null], // 2025 has 52 weeks
    ['2026-W00', null],
    ['2026-47', null],
  ])('%s covers %j', (week, range) => {
    expect(isoWeekRange(week)).toEqual(range);
  });

  it('steps and lists weeks across a year end', () => {
    expect(addWeeks('2026-W52', 2)).toBe('2027-W01');
    expect(addWeeks('2026-W01', -1)).toBe('2025-W52');
    expect(weeksBetween('2026-W52', '2027-W02')).toEqual(['2026-W52', '2026-W53', '2027-W01', '2027-W02']);
    expect(weeksBetween('2026-W48', '2026-W47')).toEqual([]);
  });
});

describe('reviews done vs due', () => {
  it('counts the week’s assignments and the done ones, per reviewer', () => {
    const p = reviewProgress([
      { reviewerId: 'r1', done: true },
      { reviewerId: 'r1', done: false },
      { reviewerId: 'r1', done: true },
      { reviewerId: 'r2', done: true },
    ]);
    expect([p.due, p.done, p.rate]).toEqual([4, 3, 0.75]);
    expect(p.byReviewer).toEqual([
      { reviewerId: 'r1', due: 3, done: 2, rate: 2 / 3 },
      { reviewerId: 'r2', due: 1, done: 1, rate: 1 },
    ]);
    expect(reviewProgress([]).rate).toBeNull();
  });
});

describe('item outcomes', () => {
  it('leaves out N/A and bonus items and marks anything below the best rating', () => {
    const card = buildScorecard([
      buildItem('a', 50),
      buildItem('b', 50, { allowNa: true }),
      buildItem('x', 5, { bonus: true }),
    ]);
    expect(itemOutcomes(card, { a: 4, b: null, x: 0 })).toEqual([{ itemId: 'a', belowFull: true }]);
    expect(itemOutcomes(DEFAULT_SCORECARD, buildRatings(DEFAULT_SCORECARD)).every((i) => !i.belowFull)).toBe(true);
  });
});

const review = (
  agentId: string,
  groupId: string | null,
  score: number,
  below: string[] = [],
  ok: string[] = [],
): WeeklyReview => ({
  agentId,
  groupId,
  score,
  items: [
    ...below.map((itemId) => ({ itemId, belowFull: true })),
    ...ok.map((itemId) => ({ itemId, belowFull: false })),
  ],
});

describe('QA scores', () => {
  it('means the review scores per agent, per group (over its reviews) and overall', () => {
    const s = weeklyScores(
      [review('a1', 'g1', 100), review('a1', 'g1', 80), review('a2', 'g1', 96), review('b1', 'g2', 94.67)],
      90,
    );
    // a1 (100 + 80) / 2 = 90 (not below 90); g1 (100 + 80 + 96) / 3 = 92; all 370.67 / 4 = 92.6675 → 92.67
    expect(s.agents).toEqual([
      { agentId: 'a1', groupId: 'g1', reviews: 2, score: 90, belowTarget: false },
      { agentId: 'a2', groupId: 'g1', reviews: 1, score: 96, belowTarget: false },
      { agentId: 'b1', groupId: 'g2', reviews: 1, score: 94.67, belowTarget: false },
    ]);
    expect(s.groups).toEqual([
      { groupId: 'g1', agents: 2, reviews: 3, score: 92, belowTarget: false },
      { groupId: 'g2', agents: 1, reviews: 1, score: 94.67, belowTarget: false },
    ]);
    expect(s.overall).toEqual({ reviews: 4, score: 92.67, belowTarget: false });
    expect(weeklyScores([review('a1', 'g1', 89.99)], 90).overall.belowTarget).toBe(true);
  });
});

describe('top failure items', () => {
  it('ranks by failures, then share, and leaves out items never failed', () => {
    const items = topFailureItems(
      [
        review('a', null, 90, ['greeting', 'closing'], ['calm']),
        review('a', null, 90, ['greeting'], ['closing', 'calm']),
        review('a', null, 90, ['calm'], ['greeting']),
        review('a', null, 90, ['closing'], []),
      ],
      10,
    );
    // greeting 2 of 3; closing 2 of 3; calm 1 of 3
    expect(items.map((i) => [i.itemId, i.failures, i.rated, i.share])).toEqual([
      ['closing', 2, 3, 2 / 3],
      ['greeting', 2, 3, 2 / 3],
      ['calm', 1, 3, 1 / 3],
    ]);
    expect(topFailureItems([review('a', null, 0, ['x', 'y'])], 1)).toHaveLength(1);
  });
});

describe('automatic findings', () => {
  it('merges counts by kind, largest first, and says when there are no results at all', () => {
    expect(
      summariseFindings([
        { kind: 'banned:rude', count: 2 },
        { kind: 'negative_share', count: 5 },
        { kind: 'banned:rude', count: 1 },
      ]),
    ).toEqual({
      available: true,
      total: 8,
      kinds: [
        { kind: 'negative_share', count: 5 },
        { kind: 'banned:rude', count: 3 },
      ],
    });
    expect(summariseFindings(null)).toEqual({ available: false, total: 0, kinds: [] });
  });
});

const tagged = (week: string, counts: Partial<Record<ComplaintCategory, number>>) =>
  Object.entries(counts).flatMap(([category, n]) =>
    Array.from({ length: n }, () => ({ week, category: category as ComplaintCategory })),
  );

describe('improvement action effect', () => {
  const action: ActionInput & { id: string } = {
    id: 'act1',
    category: 'logistics',
    week: '2026-W47',
    status: 'open',
    dueDate: '2026-11-30',
    complaints: [
      ...tagged('2026-W47', { logistics: 3, quality: 2 }),
      ...tagged('2026-W48', { logistics: 1, quality: 3 }),
    ],
  };

  it('tracks the share from the flagged week to the report’s week', () => {
    const e = actionEffect(action, '2026-W49', '2026-12-01');
    // W47 3 / 5 = 0.6 (baseline); W48 1 / 4 = 0.25; W49 no complaints → latest stays W48
    expect(e.effect.map((w) => [w.week, w.share])).toEqual([
      ['2026-W47', 0.6],
      ['2026-W48', 0.25],
      ['2026-W49', null],
    ]);
    expect([e.baseline, e.latest, e.change, e.overdue, e.id]).toEqual([0.6, 0.25, -0.35, true, 'act1']);
    expect('complaints' in e).toBe(false);
  });

  it('has no later share in its own week and is not overdue on its due date', () => {
    const e = actionEffect(action, '2026-W47', '2026-11-30');
    expect([e.effect.length, e.baseline, e.latest, e.change, e.overdue]).toEqual([1, 0.6, null, null, false]);
  });
});

describe('the week’s report', () => {
  it('puts the sections together and leaves out actions flagged after the week', () => {
    const r = buildWeeklyReport({
      week: '2026-W47',
      today: '2026-11-23',
      settings: DEFAULT_QA_WEEKLY_SETTINGS,
      assignments: [
        { reviewerId: 'r1', done: true },
        { reviewerId: 'r1', done: false },
      ],
      reviews: [review('a1', 'g1', 80, ['greeting'])],
      findings: null,
      complaints: [
        { category: 'logistics', source: 'lexicon' },
        { category: 'logistics', source: 'attribute' },
        { category: 'quality', source: 'lexicon' },
        { category: 'other', source: 'none' },
        { category: 'price', source: 'lexicon' },
      ],
      actions: [
        { category: 'logistics', week: '2026-W47', status: 'open', dueDate: '2026-12-01', complaints: [] },
        { category: 'quality', week: '2026-W48', status: 'open', dueDate: '2026-12-01', complaints: [] },
      ],
    });
    expect([r.from, r.to, r.reviews.due, r.reviews.done, r.scores.overall.score]).toEqual([
      '2026-11-16',
      '2026-11-22',
      2,
      1,
      80,
    ]);
    // 5 complaints: logistics 2 = 40 % flagged; quality, price, other 1 = 20 % each, not above
    expect(r.complaints.flagged).toEqual(['logistics']);
    expect(r.complaints.bySource).toEqual({ attribute: 1, lexicon: 3, none: 1 });
    expect(r.failureItems).toEqual([{ itemId: 'greeting', failures: 1, rated: 1, share: 1 }]);
    expect(r.findings.available).toBe(false);
    expect(r.actions.map((a) => a.category)).toEqual(['logistics']);
  });

  it('checks its settings', () => {
    expect(qaWeeklySettings({ topItems: 5 }).topItems).toBe(5);
    expect(() => qaWeeklySettings({ topItems: 0 })).toThrow(RangeError);
    expect(() => qaWeeklySettings({ flagShare: -0.1 })).toThrow(RangeError);
    expect(() => buildWeeklyReport({ week: '2026-W99' } as never)).toThrow(RangeError);
  });
});
