/**
 * Scoring a review against its scorecard (SPEC QA-1), precisely:
 * - Item score = (rating − scale.min) / (scale.max − scale.min), a fraction 0–1.
 * - Standard (non-bonus) items carry `weight` as a percent of the scorecard; their weights add
 *   up to 100. Review base = Σ(weight × item score) / Σ(weight) over the standard items rated
 *   (N/A left out of both sums) × 100. Nothing rated → no score (null).
 * - A critical item whose score is below 50 % (strictly: 0.5 itself passes) makes the review 0,
 *   whatever else was rated; bonus points do not apply.
 * - Bonus items carry `weight` as points at a full rating: bonus = Σ(weight × item score) over
 *   the bonus items rated. Review score = min(base + bonus, scorecard.maxScore). With
 *   maxScore = 100 (the default) bonus points only make up points lost elsewhere; a scorecard
 *   with maxScore 110 lets a review reach 110. A bonus item not rated counts as N/A.
 * - Scores are points 0–maxScore rounded to hundredths (half away from zero).
 * - An agent's QA score for a period = the mean of their review scores (`qaScore`).
 */
import { roundTo } from '../appraisal/units.ts';
import {
  checkRatings,
  itemsOf,
  type Ratings,
  type Scorecard,
  type ScorecardItem,
  type ScorecardProblem,
} from './scorecard.ts';

const SUM_TOLERANCE = 1e-6;

/** A critical item rated below this share of its scale fails the whole review. */
export const CRITICAL_FAIL_BELOW = 0.5;

/** Thrown by `scoreReview` when the ratings do not fit the scorecard; carries every problem. */
export class RatingsInvalidError extends Error {
  constructor(readonly problems: ScorecardProblem[]) {
    super(`the ratings have ${problems.length} problem(s): ${problems.map((p) => p.en).join(' ')}`);
  }
}

/** One item's part in a review score. */
export interface ItemScore {
  itemId: string;
  categoryId: string;
  rating: number | null;
  /** marked N/A (or a bonus item left unrated) */
  na: boolean;
  /** (rating − min) / (max − min); null when N/A */
  score: number | null;
  /** the item's weight as set (percent, or bonus points) */
  weight: number;
  /** points this item adds to the review (standard: its share of the weighted mean; bonus: its points), hundredths */
  points: number | null;
  /** a critical item rated below 50 % */
  criticalFail: boolean;
}

/** A review's score and its "why". */
export interface ReviewScore {
  /** final score 0–maxScore (hundredths); 0 on a critical fail; null when nothing was rated */
  score: number | null;
  /** weighted mean of the standard items rated × 100, before bonus and critical items */
  base: number | null;
  /** bonus points earned (before the maxScore cap) */
  bonus: number;
  /** the maxScore cap took points off */
  capped: boolean;
  criticalFail: boolean;
  /** ids of the critical items that failed */
  failedCritical: string[];
  items: ItemScore[];
  /** per category: weighted mean of its standard items rated × 100 (null when none rated) */
  categories: { categoryId: string; score: number | null }[];
}

/**
 * Scores ratings that are already known to fit the scorecard (no checks): the formula of the
 * module comment. Calibration uses it for median benchmarks, which may fall between steps.
 */
export function scoreRatings(card: Scorecard, ratings: Ratings): ReviewScore {
  const items: ItemScore[] = [];
  const defs: ScorecardItem[] = [];
  let ratedWeight = 0;
  let weighted = 0;
  let bonus = 0;
  const perCategory = new Map<string, { w: number; sum: number }>();
  for (const { item, category } of itemsOf(card)) {
    const r = ratings[item.id];
    const rating = r === undefined || r === null ? null : r;
    const score = rating === null ? null : (rating - item.scale.min) / (item.scale.max - item.scale.min);
    const criticalFail = item.critical && score !== null && score < CRITICAL_FAIL_BELOW;
    items.push({
      itemId: item.id,
      categoryId: category.id,
      rating,
      na: rating === null,
      score,
      weight: item.weight,
      points: null,
      criticalFail,
    });
    defs.push(item);
    const c = perCategory.get(category.id) ?? { w: 0, sum: 0 };
    perCategory.set(category.id, c);
    if (score === null) continue;
    if (item.bonus) {
      bonus += item.weight * score;
    } else {
      ratedWeight += item.weight;
      weighted += item.weight * score;
      c.w += item.weight;
      c.sum += item.weight * score;
    }
  }
  items.forEach((x, i) => {
    const item = defs[i];
    if (x.score === null) return;
    x.points = item.bonus
      ? roundTo(item.weight * x.score, 2)
      : ratedWeight > 0
        ? roundTo(((item.weight * x.score) / ratedWeight) * 100, 2)
        : null;
  });
  const failedCritical = items.filter((i) => i.criticalFail).map((i) => i.itemId);
  const base = ratedWeight > 0 ? (weighted / ratedWeight) * 100 : null;
  const categories = card.categories.map((c) => {
    const s = perCategory.get(c.id);
    return { categoryId: c.id, score: s && s.w > 0 ? roundTo((s.sum / s.w) * 100, 2) : null };
  });
  const criticalFail = failedCritical.length > 0;
  let score: number | null = null;
  let capped = false;
  if (base !== null) {
    const uncapped = base + bonus;
    capped = uncapped > card.maxScore + SUM_TOLERANCE;
    score = criticalFail ? 0 : roundTo(Math.min(uncapped, card.maxScore), 2);
  }
  return {
    score,
    base: base === null ? null : roundTo(base, 2),
    bonus: roundTo(bonus, 2),
    capped: capped && !criticalFail,
    criticalFail,
    failedCritical,
    items,
    categories,
  };
}

/** Scores a review; throws RatingsInvalidError with every problem when the ratings do not fit the scorecard. */
export function scoreReview(card: Scorecard, ratings: Ratings): ReviewScore {
  const problems = checkRatings(card, ratings);
  if (problems.length > 0) throw new RatingsInvalidError(problems);
  return scoreRatings(card, ratings);
}

/** An agent's QA score for a period: the mean of their review scores (hundredths); null without reviews. */
export function qaScore(reviewScores: readonly number[]): number | null {
  if (reviewScores.length === 0) return null;
  return roundTo(reviewScores.reduce((a, b) => a + b, 0) / reviewScores.length, 2);
}
