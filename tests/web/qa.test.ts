/**
 * The QA console's pure helpers: rating controls and the live score (computed with the domain's
 * own scoring), scorecard-draft edits and problem places, why an agent was sampled, the
 * calibration report's chart data and the mean QA score.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORECARD } from '../../domain/qa/defaults.ts';
import { buildItem, buildRatings, buildScorecard, copyDefaultScorecard } from '../../domain/qa/factories.ts';
import { validateScorecard } from '../../domain/qa/scorecard.ts';
import { bestRatings, fitRatings, liveScore, scaleValues, setRating } from '../../web/components/qa/ratings.ts';
import { percentText, pointsText } from '../../web/components/qa/text.ts';
import {
  addCategory,
  addItem,
  bodyOf,
  parseField,
  placeOf,
  problemsAt,
  removeItem,
  standardSum,
  updateItem,
} from '../../web/pages/qa/scorecards/editor/draft.ts';
import { perReviewer, whyLines, type AgentSample } from '../../web/pages/qa/sampling/explain.ts';
import { agreementSeries, progressOf, rankReviewers } from '../../web/pages/qa/calibration/session/report.ts';
import { meanScore } from '../../web/pages/qa/scores/mean.ts';
import type { CalibrationReportOut } from '../../server/modules/qa/qa.calibration.schema.ts';

describe('rating controls', () => {
  it.each([
    [{ min: 0, max: 1 }, [0, 1]],
    [{ min: 0, max: 5 }, [0, 1, 2, 3, 4, 5]],
    [{ min: 1, max: 2, step: 0.5 }, [1, 1.5, 2]],
    [{ min: 0, max: 100 }, null],
  ])('offers the values of the scale %o as buttons', (scale, values) => {
    expect(scaleValues(scale)).toEqual(values);
  });

  it('sets, marks N/A and clears one item without touching the others', () => {
    const a = setRating({ x: 1 }, 'y', 'na');
    expect(a).toEqual({ x: 1, y: null });
    expect(setRating(a, 'x', undefined)).toEqual({ y: null });
  });

  it('drops ratings of items the edited scorecard no longer has or whose scale shrank', () => {
    const card = buildScorecard([buildItem('a', 60, { scale: { min: 0, max: 2 } }), buildItem('b', 40)]);
    expect(fitRatings(card, { a: 5, b: 1, gone: 1 })).toEqual({ b: 1 });
  });
});

describe('live score', () => {
  it('scores a complete review like the server (correct first time 3 of 5 loses 6 points)', () => {
    const live = liveScore(DEFAULT_SCORECARD, buildRatings(DEFAULT_SCORECARD, { correct_first_time: 3 }));
    expect(live.complete).toBe(true);
    expect(live.result?.score).toBe(94);
  });

  it('leaves an N/A item out of the weighted mean', () => {
    const card = buildScorecard([buildItem('a', 50, { allowNa: true }), buildItem('b', 50)]);
    const live = liveScore(card, { a: null, b: 5 });
    expect([live.complete, live.result?.score]).toEqual([true, 100]);
  });

  it('shows the score so far while items are still open, and says how many', () => {
    const card = buildScorecard([buildItem('a', 50), buildItem('b', 50)]);
    const live = liveScore(card, { a: 0 });
    expect([live.complete, live.open, live.result?.score]).toEqual([false, 1, 0]);
    expect(live.problems.map((p) => p.code)).toEqual(['rating_missing']);
  });

  it('gives no score before anything is rated', () => {
    expect(liveScore(DEFAULT_SCORECARD, {}).result).toBeNull();
  });

  it('makes the review 0 when a critical item fails', () => {
    const live = liveScore(DEFAULT_SCORECARD, buildRatings(DEFAULT_SCORECARD, { no_banned_words: 0 }));
    expect([live.result?.score, live.result?.criticalFail]).toEqual([0, true]);
  });

  it('starts a preview at full marks on every item', () => {
    expect(liveScore(DEFAULT_SCORECARD, bestRatings(DEFAULT_SCORECARD)).result?.score).toBe(100);
  });
});

describe('scorecard draft', () => {
  it('adds an item with a free id and weight 0, so the sum shows what is left', () => {
    const card = addItem(copyDefaultScorecard(), 0);
    const added = card.categories[0].items.at(-1)!;
    expect([added.id, added.weight]).toEqual(['item_1', 0]);
    expect(standardSum(card)).toBe(100);
    expect(validateScorecard(card)).toEqual([]);
  });

  it('adds a category with one item', () => {
    const card = addCategory(copyDefaultScorecard());
    expect(card.categories.at(-1)).toMatchObject({ id: 'category_1', items: [{ id: 'item_1' }] });
  });

  it('never leaves an item both bonus and critical', () => {
    let card = copyDefaultScorecard();
    card = updateItem(card, 0, 0, { bonus: true });
    expect(card.categories[0].items[0]).toMatchObject({ bonus: true, critical: false });
    card = updateItem(card, 0, 0, { critical: true });
    expect(card.categories[0].items[0]).toMatchObject({ bonus: false, critical: true });
  });

  it('sums the standard weights only', () => {
    const card = removeItem(copyDefaultScorecard(), 0, 0);
    expect(standardSum(card)).toBe(90);
    expect(problemsAt(validateScorecard(card), ['categories']).map((p) => p.code)).toContain('weights_sum');
  });

  it('sends the content without id, version, empty guides or unset steps', () => {
    const card = updateItem(copyDefaultScorecard(), 0, 0, { guide: { zh: ' ', en: '' } });
    const body = bodyOf(card);
    expect(body).not.toHaveProperty('id');
    expect(body.categories[0].items[0]).not.toHaveProperty('guide');
    expect(body.categories[0].items[0].scale).toEqual({ min: 0, max: 1 });
  });

  it('names the place of a problem path, from the server’s dotted field too', () => {
    const path = parseField('categories.1.items.0.weight');
    expect(path).toEqual(['categories', 1, 'items', 0, 'weight']);
    expect(placeOf(DEFAULT_SCORECARD, path)).toEqual({
      category: DEFAULT_SCORECARD.categories[1].label,
      item: DEFAULT_SCORECARD.categories[1].items[0].label,
      field: 'weight',
    });
    expect(placeOf(DEFAULT_SCORECARD, ['maxScore'])).toEqual({ category: null, item: null, field: 'maxScore' });
    expect(placeOf(DEFAULT_SCORECARD, ['categories'])).toEqual({ category: null, item: null, field: '' });
  });
});

describe('why an agent was sampled', () => {
  const rules = { complaintRateThreshold: 0.05, minPerAgent: 1 };
  const agent = (over: Partial<AgentSample>): AgentSample => ({
    agentId: 'a',
    agentName: 'A',
    conversations: 10,
    sampled: 3,
    complaintRate: 0,
    byReason: [{ reason: 'random', rate: 0.3, conversations: 10, sampled: 3 }],
    ...over,
  });

  it('explains the 30 % random share', () => {
    expect(whyLines(agent({}), rules)).toEqual([{ key: 'qa.why.random', vars: { rate: '30%', sampled: 3, n: 10 } }]);
  });

  it('names the complaint rate and the threshold it is above', () => {
    const lines = whyLines(
      agent({
        complaintRate: 0.08,
        sampled: 10,
        byReason: [{ reason: 'high_complaints', rate: 1, conversations: 10, sampled: 10 }],
      }),
      rules,
    );
    expect(lines).toEqual([
      {
        key: 'qa.why.highComplaints',
        vars: { rate: '100%', sampled: 10, n: 10, complaintRate: '8%', threshold: '5%' },
      },
    ]);
  });

  it('says when the one-per-agent floor topped the sample up', () => {
    const lines = whyLines(
      agent({
        conversations: 1,
        sampled: 1,
        byReason: [{ reason: 'random', rate: 0.3, conversations: 1, sampled: 1 }],
      }),
      rules,
    );
    expect(lines.map((l) => l.key)).toEqual(['qa.why.random', 'qa.why.floor']);
  });

  it('counts each reviewer’s share of the sample, most first', () => {
    const c = (reviewerId: string) => ({
      conversationId: 'x',
      agentId: 'a',
      day: '2026-11-11',
      shopId: 's',
      reason: 'random' as const,
      reviewerId,
    });
    expect(perReviewer([c('r2'), c('r1'), c('r2')])).toEqual([
      { reviewerId: 'r2', n: 2 },
      { reviewerId: 'r1', n: 1 },
    ]);
  });
});

describe('calibration report', () => {
  const report: CalibrationReportOut = {
    sessionId: 's',
    benchmarkReviewerId: null,
    overall: { alignment: 0.9, comparisons: 4 },
    items: [
      { itemId: 'a', categoryId: 'c', range: 1, alignment: 1, comparisons: 2 },
      { itemId: 'b', categoryId: 'c', range: 5, alignment: 0.8, comparisons: 2 },
    ],
    reviewers: [
      {
        reviewerId: 'r1',
        name: '甲',
        alignment: 0.95,
        comparisons: 2,
        scoreGap: 1,
        items: [
          { itemId: 'b', alignment: 0.9 },
          { itemId: 'a', alignment: 1 },
        ],
      },
      {
        reviewerId: 'r2',
        name: '乙',
        alignment: 0.85,
        comparisons: 2,
        scoreGap: 4,
        items: [{ itemId: 'a', alignment: 1 }],
      },
    ],
    benchmarks: [],
  };

  it('puts each reviewer’s alignment per item in percent, in the items’ order', () => {
    const s = agreementSeries(report);
    expect(s.items).toEqual(['a', 'b']);
    expect(s.reviewers).toEqual([
      { reviewerId: 'r1', name: '甲', data: [100, 90] },
      { reviewerId: 'r2', name: '乙', data: [100, null] },
    ]);
    expect(s.overall).toEqual([100, 80]);
  });

  it('ranks the least aligned reviewer first', () => {
    expect(rankReviewers(report).map((r) => r.reviewerId)).toEqual(['r2', 'r1']);
  });

  it('knows when every reviewer has scored every conversation', () => {
    const base = { reviewerIds: ['r1', 'r2'], conversationIds: ['c1', 'c2'] };
    const partial = progressOf({ ...base, progress: [{ reviewerId: 'r1', conversationIds: ['c1', 'c2'] }] });
    expect([partial.complete, partial.done.get('r2')?.size]).toEqual([false, 0]);
    const full = progressOf({
      ...base,
      progress: [
        { reviewerId: 'r1', conversationIds: ['c1', 'c2'] },
        { reviewerId: 'r2', conversationIds: ['c2', 'c1'] },
      ],
    });
    expect(full.complete).toBe(true);
  });
});

describe('numbers', () => {
  it('averages the agents who have a QA score', () => {
    expect(meanScore([{ score: 90 }, { score: null }, { score: 85.5 }])).toBe(87.75);
    expect(meanScore([{ score: null }])).toBeNull();
  });

  it('writes points and shares without trailing zeros', () => {
    expect([pointsText(94), pointsText(87.456), pointsText(null)]).toEqual(['94', '87.46', '—']);
    expect([percentText(0.925), percentText(1), percentText(null)]).toEqual(['92.5%', '100%', '—']);
  });
});
