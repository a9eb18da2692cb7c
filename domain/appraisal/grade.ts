/**
 * Grades, ranks and calibration of appraisal results (SPEC APR-2, APR-4). Grades come from
 * configurable bands over the final total; ranks are per group with shared ranks for ties;
 * calibration changes the final total only with a reason and keeps the computed one.
 */
import type { AppraisalResult } from './result.ts';
import { roundTo } from './units.ts';

/** Letter grades, best first. */
export const GRADES = ['S', 'A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

/** The least total for each grade; below `C` is `D`. */
export type GradeBands = Readonly<Record<Exclude<Grade, 'D'>, number>>;

/**
 * S ≥ 95, A ≥ 85, B ≥ 75, C ≥ 60, else D. The seeds name no letter bands; seed 004's "< 70 待改进"
 * threshold is a consequence rule (consequences.ts), not a grade, so it stays independent.
 */
export const DEFAULT_GRADE_BANDS: GradeBands = { S: 95, A: 85, B: 75, C: 60 };

/** Problems with a set of bands (must be numbers, strictly descending S > A > B > C ≥ 0). */
export function validateGradeBands(bands: GradeBands): string[] {
  const order = [bands.S, bands.A, bands.B, bands.C];
  const problems: string[] = [];
  if (order.some((x) => !Number.isFinite(x))) problems.push('every band needs a number');
  else if (!(order[0] > order[1] && order[1] > order[2] && order[2] > order[3] && order[3] >= 0)) {
    problems.push('bands must descend strictly: S > A > B > C ≥ 0');
  }
  return problems;
}

/** The grade of a total (a total exactly on a band's bound earns that band). */
export function gradeFor(total: number, bands: GradeBands = DEFAULT_GRADE_BANDS): Grade {
  if (total >= bands.S) return 'S';
  if (total >= bands.A) return 'A';
  if (total >= bands.B) return 'B';
  if (total >= bands.C) return 'C';
  return 'D';
}

export interface RankRow {
  agentId: string;
  groupId: string;
  /** the final total; null = not ranked */
  total: number | null;
}

export interface Ranked extends RankRow {
  /** 1 = best; tied totals (to the hundredth) share a rank and the next rank skips (1, 2, 2, 4) */
  rank: number | null;
  /** ranked agents in the group */
  of: number;
}

/** Ranks agents within their groups by total, highest first; output in input order. */
export function rankWithinGroups(rows: readonly RankRow[]): Ranked[] {
  const byGroup = new Map<string, number[]>();
  for (const r of rows) {
    if (r.total === null) continue;
    const list = byGroup.get(r.groupId) ?? [];
    list.push(Math.round(r.total * 100));
    byGroup.set(r.groupId, list);
  }
  return rows.map((r) => {
    const totals = byGroup.get(r.groupId) ?? [];
    if (r.total === null) return { ...r, rank: null, of: totals.length };
    const mine = Math.round(r.total * 100);
    return { ...r, rank: 1 + totals.filter((t) => t > mine).length, of: totals.length };
  });
}

export interface CalibrationInput {
  /** the adjusted total */
  total: number;
  /** required: kept in the audit log and shown to the agent */
  reason: string;
  /** who calibrated (person id) */
  by: string;
  /** when (ISO timestamp) */
  at: string;
}

export interface Calibration extends CalibrationInput {
  grade: Grade;
  originalTotal: number;
  originalGrade: Grade;
  /** total − originalTotal */
  delta: number;
}

export type CalibrationErrorCode = 'reason_required' | 'total_out_of_range' | 'nothing_to_calibrate' | 'provisional';

/** A calibration the rules refuse. */
export class CalibrationError extends Error {
  constructor(
    readonly code: CalibrationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CalibrationError';
  }
}

/**
 * Calibrates a result: returns a copy whose `final` total and grade are the adjusted ones and
 * whose `total`/`grade` stay as computed. Refuses without a reason, outside 0…max(100,
 * maxTotal), on an empty result, and on a provisional one (pending values would change the
 * computed total under it). Calibrating again replaces the adjustment; the log keeps each one.
 */
export function calibrate(result: AppraisalResult, input: CalibrationInput): AppraisalResult {
  if (result.total === null || result.grade === null) {
    throw new CalibrationError('nothing_to_calibrate', 'the result has no total to calibrate');
  }
  if (result.status === 'provisional') {
    throw new CalibrationError('provisional', 'pending values must settle before calibration');
  }
  if (input.reason.trim() === '') {
    throw new CalibrationError('reason_required', 'a calibration needs a reason');
  }
  const upper = Math.max(100, result.maxTotal);
  if (!Number.isFinite(input.total) || input.total < 0 || input.total > upper) {
    throw new CalibrationError('total_out_of_range', `the adjusted total must be between 0 and ${upper}`);
  }
  const total = roundTo(input.total, 2);
  const grade = gradeFor(total, result.gradeBands);
  const calibration: Calibration = {
    ...input,
    reason: input.reason.trim(),
    total,
    grade,
    originalTotal: result.total,
    originalGrade: result.grade,
    delta: roundTo(total - result.total, 2),
  };
  return { ...result, calibration, final: { total, grade } };
}
