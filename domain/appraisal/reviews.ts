/**
 * Review inputs and the two scores built from them (SPEC APR-3, KPI-13): the peer/360 score
 * (团队协作, shown only with enough anonymous raters — APR-8) and the service-attitude score
 * (服务态度, customer ratings plus the self-review — seed 000).
 */
import type { ReviewKind } from './scheme.ts';

/** Review forms of one agent for one cycle; null or absent = not submitted. */
export interface ReviewInputs {
  /** 自评, 0–100 */
  self?: number | null;
  /** 上级评, 0–100 */
  supervisor?: number | null;
  /** anonymous peer/360 scores, 0–100 each; raters' identities never reach this module */
  peers?: readonly number[];
  /** how many peers answered: what the appraisee is shown instead of `peers` (APR-8) */
  peerRaters?: number;
  /** share of the surveyed sample who answered satisfied, 0–1 */
  customerSurvey?: number | null;
}

/** APR-8: fewer raters than this and the 360 score is withheld (counts as missing, not 0). */
export const DEFAULT_MIN_PEER_RATERS = 3;

/**
 * The peer/360 score — also the team-collaboration score of KPI-13 (target ≥ 85, seed 000):
 * the mean of the peers' scores, or null when fewer than `minRaters` answered, so that no single
 * answer can be read back by the appraisee.
 */
export function peerReviewScore(
  peers: readonly number[] | undefined,
  minRaters = DEFAULT_MIN_PEER_RATERS,
): number | null {
  if (peers === undefined || peers.length === 0 || peers.length < minRaters) return null;
  return peers.reduce((a, b) => a + b, 0) / peers.length;
}

/** How much each side counts in the service-attitude score; ours — seed 000 names the sources only. */
export interface AttitudeWeights {
  customer: number;
  self: number;
}
/** Customers 70, self-review 30: the customer's view weighs more than the agent's own. */
export const DEFAULT_ATTITUDE_WEIGHTS: Readonly<AttitudeWeights> = { customer: 70, self: 30 };

/**
 * Service attitude (服务态度, KPI-13; seed 000: 通过客户评价和客服人员自评, target ≥ 90): customer
 * satisfaction (0–1, as points ×100) and the self-review (0–100), weighted; a missing side leaves
 * the other at full weight; null when both are missing.
 */
export function serviceAttitudeScore(
  customerSatisfaction: number | null,
  self: number | null,
  weights: AttitudeWeights = DEFAULT_ATTITUDE_WEIGHTS,
): number | null {
  const parts: [number, number][] = [];
  if (customerSatisfaction !== null) parts.push([customerSatisfaction * 100, weights.customer]);
  if (self !== null) parts.push([self, weights.self]);
  const w = parts.reduce((a, [, x]) => a + x, 0);
  if (parts.length === 0 || w <= 0) return null;
  return parts.reduce((a, [v, x]) => a + v * x, 0) / w;
}

/**
 * The value a review-kind indicator takes from the review forms; `undefined` for kinds the forms
 * do not carry (QA score, training, case contributions, manual figures come as values).
 */
export function reviewValue(
  kind: ReviewKind,
  reviews: ReviewInputs | undefined,
  minPeerRaters = DEFAULT_MIN_PEER_RATERS,
): number | null | undefined {
  switch (kind) {
    case 'self':
      return reviews?.self ?? null;
    case 'supervisor':
      return reviews?.supervisor ?? null;
    case 'peer360':
      return peerReviewScore(reviews?.peers, minPeerRaters);
    case 'customer_survey':
      return reviews?.customerSurvey ?? null;
    case 'qa_score':
    case 'training_pass_rate':
    case 'case_contributions':
    case 'manual':
      return undefined;
  }
}
