/**
 * Rating a conversation against a scorecard in the console (pure): the values an item's scale
 * offers, and the live score of ratings that may still be incomplete — computed with the
 * domain's own scoring, so the number on screen is the number the server will store.
 */
import { scoreRatings, type ReviewScore } from '../../../domain/qa/score.ts';
import {
  checkRatings,
  itemsOf,
  type Ratings,
  type RatingScale,
  type Scorecard,
  type ScorecardItem,
  type ScorecardProblem,
} from '../../../domain/qa/scorecard.ts';

/** A rating as a person picks it: a value of the scale, or 'na'. */
export type RatingPick = number | 'na';

/** The values a scale accepts (min, min + step … max), or null when there are more than `limit` of them. */
export function scaleValues(scale: RatingScale, limit = 11): number[] | null {
  const step = scale.step ?? 1;
  if (!(step > 0) || !(scale.max > scale.min)) return null;
  const n = Math.round((scale.max - scale.min) / step) + 1;
  if (n > limit) return null;
  return Array.from({ length: n }, (_, k) => Math.round((scale.min + k * step) * 1e9) / 1e9);
}

/** Whether the reviewer may mark the item N/A (bonus items always may). */
export const mayBeNa = (item: ScorecardItem): boolean => item.allowNa || item.bonus;

/** The ratings with one item set (a value or N/A) or cleared (undefined). */
export function setRating(ratings: Ratings, itemId: string, pick: RatingPick | undefined): Ratings {
  const next: Record<string, number | null> = { ...ratings };
  if (pick === undefined) delete next[itemId];
  else next[itemId] = pick === 'na' ? null : pick;
  return next;
}

/** The ratings of the items the scorecard still has, within their scales (after the scorecard was edited). */
export function fitRatings(card: Scorecard, ratings: Ratings): Ratings {
  const out: Record<string, number | null> = {};
  for (const { item } of itemsOf(card)) {
    const r = ratings[item.id];
    if (r === undefined) continue;
    if (r === null ? mayBeNa(item) : r >= item.scale.min && r <= item.scale.max) out[item.id] = r;
  }
  return out;
}

export interface LiveScore {
  /** what still keeps the ratings from being submitted (the domain's checkRatings) */
  problems: ScorecardProblem[];
  /** the score of what is rated so far (null when nothing is rated) */
  result: ReviewScore | null;
  /** every item rated or marked N/A and nothing wrong: ready to submit */
  complete: boolean;
  /** items neither rated nor N/A (bonus items may stay open) */
  open: number;
}

/** The score of the ratings as they stand, and whether they can be submitted. */
export function liveScore(card: Scorecard, ratings: Ratings): LiveScore {
  const fitted = fitRatings(card, ratings);
  const problems = checkRatings(card, ratings);
  const result = scoreRatings(card, fitted);
  const open = itemsOf(card).filter(({ item }) => !item.bonus && ratings[item.id] === undefined).length;
  return { problems, result: result.score === null ? null : result, complete: problems.length === 0, open };
}

/** Best rating on every item (a starting point for a calibration or a preview). */
export function bestRatings(card: Scorecard): Ratings {
  return Object.fromEntries(itemsOf(card).map(({ item }) => [item.id, item.scale.max]));
}

/** An item's label by id, or the id itself when the scorecard has no such item. */
export function itemOf(card: Scorecard | undefined, itemId: string): ScorecardItem | undefined {
  return card ? itemsOf(card).find((x) => x.item.id === itemId)?.item : undefined;
}
