/**
 * Calibration (校准, SPEC QA-5): several reviewers score the same conversations blind, then see
 * how far each stands from the benchmark, per item and per reviewer, so they can be trained.
 *
 * Precisely:
 * - Benchmark of a conversation: the ratings of the session's benchmark reviewer (set by the
 *   session's owner) when they scored it; otherwise, per item, the median of every reviewer's
 *   rating (mean of the middle two for an even count) — or N/A when more than half said N/A.
 *   A bonus item left unrated counts as N/A.
 * - One comparison (a reviewer, a conversation, an item): alignment = 1 − |rating − benchmark| /
 *   (scale max − scale min); both N/A = 1; one N/A and the other rated = 0.
 * - Aggregates are weighted by item range: Σ(range × alignment) / Σ range over the comparisons
 *   in question (per item, per reviewer, overall), so a 0–5 item counts five times a yes/no one.
 * - The benchmark reviewer is not compared with their own benchmark.
 * - Alignment is a fraction (1 = 100 %); `scoreGap` is the mean |review score − benchmark score|
 *   in points.
 */
import { roundTo } from '../appraisal/units.ts';
import { scoreRatings } from './score.ts';
import { itemsOf, type Ratings, type Scorecard } from './scorecard.ts';

/** One reviewer's blind ratings of one conversation. */
export interface CalibrationScore {
  reviewerId: string;
  conversationId: string;
  ratings: Ratings;
}

export interface CalibrationInput {
  scorecard: Scorecard;
  scores: readonly CalibrationScore[];
  /** whose ratings are the benchmark; null → the median */
  benchmarkReviewerId: string | null;
}

/** An alignment figure and how many comparisons it rests on. */
export interface Agreement {
  /** range-weighted mean alignment 0–1; null without comparisons */
  alignment: number | null;
  comparisons: number;
}

export interface CalibrationReport {
  benchmarkReviewerId: string | null;
  overall: Agreement;
  /** per item, in scorecard order */
  items: (Agreement & { itemId: string; categoryId: string; range: number })[];
  /** per reviewer compared (the benchmark reviewer is not), by id */
  reviewers: (Agreement & {
    reviewerId: string;
    scoreGap: number | null;
    items: { itemId: string; alignment: number | null }[];
  })[];
  /** the benchmark each conversation was compared with */
  benchmarks: {
    conversationId: string;
    basis: 'benchmark' | 'median';
    ratings: Record<string, number | null>;
    score: number | null;
  }[];
}

/** The median of numbers (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Alignment of one rating with the benchmark on an item of this range (N/A rules in the module comment). */
export function alignment(rating: number | null, benchmark: number | null, range: number): number {
  if (rating === null && benchmark === null) return 1;
  if (rating === null || benchmark === null) return 0;
  return 1 - Math.abs(rating - benchmark) / range;
}

const ratingOf = (r: Ratings, id: string): number | null => r[id] ?? null;

class Tally {
  private w = 0;
  private sum = 0;
  n = 0;
  add(range: number, a: number) {
    this.w += range;
    this.sum += range * a;
    this.n += 1;
  }
  get(): Agreement {
    return { alignment: this.w > 0 ? this.sum / this.w : null, comparisons: this.n };
  }
}

/** Agreement of a calibration session's blind scores with their benchmark (module comment). */
export function calibrationReport(input: CalibrationInput): CalibrationReport {
  const { scorecard, benchmarkReviewerId } = input;
  const items = itemsOf(scorecard).map(({ item, category }) => ({
    itemId: item.id,
    categoryId: category.id,
    range: item.scale.max - item.scale.min,
  }));
  const byConversation = new Map<string, CalibrationScore[]>();
  for (const s of input.scores) {
    const list = byConversation.get(s.conversationId);
    if (list) list.push(s);
    else byConversation.set(s.conversationId, [s]);
  }

  const overall = new Tally();
  const perItem = new Map(items.map((i) => [i.itemId, new Tally()]));
  const perReviewer = new Map<string, { all: Tally; items: Map<string, Tally>; gaps: number[] }>();
  const benchmarks: CalibrationReport['benchmarks'] = [];

  for (const conversationId of [...byConversation.keys()].sort()) {
    const scores = byConversation.get(conversationId)!;
    const own = benchmarkReviewerId ? scores.find((s) => s.reviewerId === benchmarkReviewerId) : undefined;
    const bench: Record<string, number | null> = {};
    for (const { itemId } of items) {
      if (own) {
        bench[itemId] = ratingOf(own.ratings, itemId);
        continue;
      }
      const given = scores.map((s) => ratingOf(s.ratings, itemId));
      const numbers = given.filter((r): r is number => r !== null);
      bench[itemId] = given.length - numbers.length > given.length / 2 || numbers.length === 0 ? null : median(numbers);
    }
    const benchScore = scoreRatings(scorecard, bench).score;
    benchmarks.push({ conversationId, basis: own ? 'benchmark' : 'median', ratings: bench, score: benchScore });

    for (const s of scores) {
      if (own && s.reviewerId === own.reviewerId) continue;
      let r = perReviewer.get(s.reviewerId);
      if (!r) perReviewer.set(s.reviewerId, (r = { all: new Tally(), items: new Map(), gaps: [] }));
      for (const { itemId, range } of items) {
        const a = alignment(ratingOf(s.ratings, itemId), bench[itemId], range);
        overall.add(range, a);
        perItem.get(itemId)!.add(range, a);
        r.all.add(range, a);
        let t = r.items.get(itemId);
        if (!t) r.items.set(itemId, (t = new Tally()));
        t.add(range, a);
      }
      const score = scoreRatings(scorecard, s.ratings).score;
      if (score !== null && benchScore !== null) r.gaps.push(Math.abs(score - benchScore));
    }
  }

  return {
    benchmarkReviewerId,
    overall: overall.get(),
    items: items.map((i) => ({ ...i, ...perItem.get(i.itemId)!.get() })),
    reviewers: [...perReviewer.keys()].sort().map((reviewerId) => {
      const r = perReviewer.get(reviewerId)!;
      return {
        reviewerId,
        ...r.all.get(),
        scoreGap: r.gaps.length ? roundTo(r.gaps.reduce((a, b) => a + b, 0) / r.gaps.length, 2) : null,
        items: items.map(({ itemId }) => ({ itemId, alignment: r.items.get(itemId)?.get().alignment ?? null })),
      };
    }),
    benchmarks,
  };
}
