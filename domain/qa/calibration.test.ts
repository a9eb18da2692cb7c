import { describe, expect, it } from 'vitest';
import { alignment, calibrationReport, median, type CalibrationScore } from './calibration.ts';
import { buildItem, buildScorecard } from './factories.ts';

/** x yes/no critical (range 1, weight 20), y 0–5 (range 5, weight 50), z 0–2 with N/A (range 2, weight 30). */
const CARD = buildScorecard([
  buildItem('x', 20, { critical: true, scale: { min: 0, max: 1 } }),
  buildItem('y', 50),
  buildItem('z', 30, { allowNa: true, scale: { min: 0, max: 2 } }),
]);

const score = (
  reviewerId: string,
  conversationId: string,
  x: number,
  y: number,
  z: number | null,
): CalibrationScore => ({
  reviewerId,
  conversationId,
  ratings: { x, y, z },
});

/** Three reviewers on c1: r1 (1, 5, 2), r2 (1, 3, N/A), r3 (0, 4, 2). */
const C1 = [score('r1', 'c1', 1, 5, 2), score('r2', 'c1', 1, 3, null), score('r3', 'c1', 0, 4, 2)];

describe('alignment of one rating', () => {
  it.each<[string, number | null, number | null, number, number]>([
    ['equal ratings', 4, 4, 5, 1],
    ['one point off on a 0–5 item', 3, 4, 5, 0.8],
    ['the whole range off', 0, 1, 1, 0],
    ['both N/A', null, null, 2, 1],
    ['N/A against a rating', null, 2, 2, 0],
    ['a rating against an N/A benchmark', 1, null, 2, 0],
  ])('%s', (_, rating, benchmark, range, expected) => {
    expect(alignment(rating, benchmark, range)).toBeCloseTo(expected, 10);
  });

  it('takes the middle of an even count as the median', () => {
    expect([median([5, 3, 4]), median([2, 4]), median([1])]).toEqual([4, 3, 1]);
  });
});

describe('agreement against the median (no benchmark reviewer)', () => {
  // benchmark: x median(1,1,0) = 1; y median(5,3,4) = 4; z one N/A of three → median(2,2) = 2
  // r1: x 1, y 1 − 1/5 = 0.8, z 1 → (1 + 5×0.8 + 2) / 8 = 7/8
  // r2: x 1, y 0.8, z N/A vs 2 = 0 → (1 + 4 + 0) / 8 = 5/8
  // r3: x 0, y 1, z 1 → (0 + 5 + 2) / 8 = 7/8
  const report = calibrationReport({ scorecard: CARD, scores: C1, benchmarkReviewerId: null });

  it('builds the benchmark from the medians and scores it', () => {
    // 20 + 50 × 0.8 + 30 = 90
    expect(report.benchmarks).toEqual([
      { conversationId: 'c1', basis: 'median', ratings: { x: 1, y: 4, z: 2 }, score: 90 },
    ]);
  });

  it('gives each reviewer their range-weighted alignment', () => {
    expect(report.reviewers.map((r) => [r.reviewerId, r.alignment, r.comparisons])).toEqual([
      ['r1', 7 / 8, 3],
      ['r2', 5 / 8, 3],
      ['r3', 7 / 8, 3],
    ]);
  });

  it('gives each item its alignment over the reviewers', () => {
    const items = report.items.map((i) => [i.itemId, i.range, i.alignment, i.comparisons]);
    expect(items[0]).toEqual(['x', 1, 2 / 3, 3]);
    expect(items[1][3]).toBe(3);
    expect(items[1][2]).toBeCloseTo((0.8 + 0.8 + 1) / 3, 10);
    expect(items[2]).toEqual(['z', 2, 2 / 3, 3]);
  });

  it('weights the overall figure by item range: 19/24', () => {
    expect(report.overall.alignment).toBeCloseTo(19 / 24, 10);
    expect(report.overall.comparisons).toBe(9);
  });

  it('reports how far each reviewer’s review score is from the benchmark’s', () => {
    // r1 100 → 10; r2 (20 + 50 × 0.6) / 70 = 71.43 → 18.57; r3 critical x = 0 → 0 → 90
    expect(report.reviewers.map((r) => r.scoreGap)).toEqual([10, 18.57, 90]);
  });

  it('takes N/A as the benchmark when more than half the reviewers said N/A', () => {
    const r = calibrationReport({
      scorecard: CARD,
      scores: [score('r1', 'c1', 1, 5, null), score('r2', 'c1', 1, 5, null), score('r3', 'c1', 1, 5, 2)],
      benchmarkReviewerId: null,
    });
    expect(r.benchmarks[0].ratings.z).toBeNull();
    // r3: (1 + 5 + 0) / 8
    expect(r.reviewers.map((x) => x.alignment)).toEqual([1, 1, 6 / 8]);
  });
});

describe('agreement against the benchmark reviewer', () => {
  // r1's ratings are the benchmark on c1; c2 has no score of r1, so its benchmark is the median
  // c1: r2: x 1, y 1 − 2/5 = 0.6, z 0 → (1 + 3 + 0) / 8 = 0.5; r3: x 0, y 0.8, z 1 → (0 + 4 + 2) / 8 = 0.75
  // c2: r2 (1, 2, 1), r3 (1, 4, 1) → y median 3: each 0.8 on y → (1 + 4 + 2) / 8 = 0.875
  const report = calibrationReport({
    scorecard: CARD,
    scores: [...C1, score('r2', 'c2', 1, 2, 1), score('r3', 'c2', 1, 4, 1)],
    benchmarkReviewerId: 'r1',
  });

  it('compares everyone but the benchmark reviewer with their ratings, and falls back to the median', () => {
    expect(report.benchmarks.map((b) => [b.conversationId, b.basis, b.ratings])).toEqual([
      ['c1', 'benchmark', { x: 1, y: 5, z: 2 }],
      ['c2', 'median', { x: 1, y: 3, z: 1 }],
    ]);
    expect(report.reviewers.map((r) => r.reviewerId)).toEqual(['r2', 'r3']);
  });

  it('averages each reviewer over both conversations, weighted by range', () => {
    // r2: (4 + 7) / 16; r3: (6 + 7) / 16
    expect(report.reviewers.map((r) => r.alignment)).toEqual([11 / 16, 13 / 16]);
    expect(report.overall.alignment).toBe(24 / 32);
    expect(report.reviewers[0].items).toEqual([
      { itemId: 'x', alignment: 1 },
      { itemId: 'y', alignment: 0.7 },
      { itemId: 'z', alignment: 0.5 },
    ]);
  });

  it('has no figures without scores', () => {
    const empty = calibrationReport({ scorecard: CARD, scores: [], benchmarkReviewerId: 'r1' });
    expect([empty.overall, empty.reviewers, empty.benchmarks]).toEqual([{ alignment: null, comparisons: 0 }, [], []]);
  });
});
