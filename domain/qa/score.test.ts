import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORECARD } from './defaults.ts';
import { buildItem, buildRatings, buildScorecard } from './factories.ts';
import { qaScore, scoreReview } from './score.ts';
import type { Ratings, Scorecard } from './scorecard.ts';

const card = DEFAULT_SCORECARD;
const rated = (over: Record<string, number | null> = {}) => buildRatings(card, over);

/**
 * Worked examples on the default scorecard (weights: compliance 10+10+10 critical yes/no,
 * efficiency 15+15 on 0–5, emotional care 10+15 on 0–5 with N/A, etiquette 8+7 on 0–2, bonus
 * 5 points; max score 100).
 */
describe('review score worked examples', () => {
  it.each<
    [
      string,
      Ratings,
      Scorecard,
      number | null,
      { base: number | null; bonus: number; critical: boolean; capped: boolean },
    ]
  >([
    ['every item at its best → 100', rated(), card, 100, { base: 100, bonus: 0, critical: false, capped: false }],
    [
      // repeated back-and-forth 3/5 = 0.6: loses 15 × 0.4 = 6
      'one efficiency item at 3 of 5 → 94',
      rated({ no_repeated_back_and_forth: 3 }),
      card,
      94,
      { base: 94, bonus: 0, critical: false, capped: false },
    ],
    [
      // emotional care N/A: rated weight 75; greeting 1/2 loses 8 × 0.5 = 4 → 71 / 75 = 94.666…
      'N/A items leave the weighted mean → 94.67',
      rated({ acknowledged_feelings: null, calmed_customer: null, standard_greeting: 1 }),
      card,
      94.67,
      { base: 94.67, bonus: 0, critical: false, capped: false },
    ],
    [
      // 15 × 1 + 10 × 0.6 + 15 × 0.2 + 7 × 0.5 = 27.5 lost; a non-critical 0 does not fail the review
      'several items lose points → 72.5',
      rated({ correct_first_time: 0, acknowledged_feelings: 2, calmed_customer: 4, standard_closing: 1 }),
      card,
      72.5,
      { base: 72.5, bonus: 0, critical: false, capped: false },
    ],
    [
      'a privacy breach (critical, rated 0) makes the review 0 whatever else',
      rated({ privacy: 0, proactive_care: 1 }),
      card,
      0,
      { base: 90, bonus: 5, critical: true, capped: false },
    ],
    [
      'a bonus point makes up lost points: 94 + 5 → 99',
      rated({ no_repeated_back_and_forth: 3, proactive_care: 1 }),
      card,
      99,
      { base: 94, bonus: 5, critical: false, capped: false },
    ],
    [
      'a bonus cannot lift a review above 100 where the scorecard does not allow it',
      rated({ proactive_care: 1 }),
      card,
      100,
      { base: 100, bonus: 5, critical: false, capped: true },
    ],
    [
      'a scorecard with max score 110 lets the bonus lift a review to 105',
      rated({ proactive_care: 1 }),
      { ...card, maxScore: 110 },
      105,
      { base: 100, bonus: 5, critical: false, capped: false },
    ],
    [
      'a bonus item marked N/A adds nothing',
      rated({ proactive_care: null }),
      card,
      100,
      { base: 100, bonus: 0, critical: false, capped: false },
    ],
  ])('%s', (_, ratings, scorecard, score, why) => {
    const r = scoreReview(scorecard, ratings);
    expect(r.score).toBe(score);
    expect({ base: r.base, bonus: r.bonus, critical: r.criticalFail, capped: r.capped }).toEqual(why);
  });

  it('passes a critical item rated exactly 50 % and fails it just below', () => {
    const gate = buildScorecard([
      buildItem('gate', 40, { critical: true, scale: { min: 0, max: 4 } }),
      buildItem('rest', 60),
    ]);
    // gate 2/4 = 0.5 → 40 × 0.5 + 60 = 80
    expect(scoreReview(gate, { gate: 2, rest: 5 }).score).toBe(80);
    const failed = scoreReview(gate, { gate: 1, rest: 5 });
    expect([failed.score, failed.failedCritical]).toEqual([0, ['gate']]);
  });

  it('uses the scale minimum: a 1–5 item rated 1 scores 0 and rated 4 scores 75 %', () => {
    const c = buildScorecard([buildItem('a', 50, { scale: { min: 1, max: 5 } }), buildItem('b', 50)]);
    expect(scoreReview(c, { a: 1, b: 5 }).score).toBe(50);
    expect(scoreReview(c, { a: 4, b: 5 }).score).toBe(87.5);
  });

  it('explains each item: its score, its points and the category means', () => {
    const r = scoreReview(card, rated({ acknowledged_feelings: null, calmed_customer: 3 }));
    const calmed = r.items.find((i) => i.itemId === 'calmed_customer');
    // rated weight 90: calmed 15 × 0.6 / 90 × 100 = 10
    expect(calmed).toMatchObject({ rating: 3, score: 0.6, points: 10, na: false, criticalFail: false });
    expect(r.items.find((i) => i.itemId === 'acknowledged_feelings')).toMatchObject({ na: true, points: null });
    expect(r.categories.find((c) => c.categoryId === 'emotional_care')?.score).toBe(60);
    expect(r.categories.find((c) => c.categoryId === 'extra')?.score).toBeNull();
    // loses 15 × 0.4 = 6 of the 90 rated: 84 / 90
    expect(r.score).toBe(93.33);
  });
});

describe('agent QA score for a period', () => {
  it.each<[string, number[], number | null]>([
    ['the mean of the review scores', [94, 0, 100], 64.67],
    ['one review', [72.5], 72.5],
    ['no reviews → no score', [], null],
  ])('%s', (_, scores, expected) => {
    expect(qaScore(scores)).toBe(expected);
  });
});
