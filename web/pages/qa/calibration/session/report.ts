/**
 * A calibration report as the console draws it (pure): per item, each reviewer's alignment in
 * percent (alignment = 100 % − |rating − benchmark| / item range, as the domain computes it),
 * and the reviewers ranked from the least aligned — the ones to train first.
 */
import type { CalibrationReportOut } from '../../../../../server/modules/qa/qa.calibration.schema.ts';

type Report = CalibrationReportOut;

export interface AgreementSeries {
  /** item ids, in the report's order */
  items: string[];
  /** one series per reviewer: alignment per item in percent (null: nothing to compare) */
  reviewers: { reviewerId: string; name: string; data: (number | null)[] }[];
  /** every reviewer together, per item, in percent */
  overall: (number | null)[];
}

const pct = (x: number | null | undefined): number | null => (x == null ? null : Math.round(x * 1000) / 10);

/** The chart's data: items on the axis, a bar per reviewer. */
export function agreementSeries(report: Report): AgreementSeries {
  const items = report.items.map((i) => i.itemId);
  return {
    items,
    reviewers: report.reviewers.map((r) => {
      const by = new Map(r.items.map((i) => [i.itemId, i.alignment]));
      return { reviewerId: r.reviewerId, name: r.name, data: items.map((id) => pct(by.get(id))) };
    }),
    overall: report.items.map((i) => pct(i.alignment)),
  };
}

/** Reviewers from the least aligned to the most (no comparisons last). */
export function rankReviewers(report: Report): Report['reviewers'] {
  return [...report.reviewers].sort(
    (a, b) => (a.alignment ?? Infinity) - (b.alignment ?? Infinity) || a.name.localeCompare(b.name),
  );
}

/** Who has scored how many of the session's conversations, and whether everyone has scored everything. */
export function progressOf(session: {
  reviewerIds: string[];
  conversationIds: string[];
  progress: { reviewerId: string; conversationIds: string[] }[];
}): { done: Map<string, Set<string>>; complete: boolean } {
  const done = new Map(session.reviewerIds.map((id) => [id, new Set<string>()]));
  for (const p of session.progress) for (const c of p.conversationIds) done.get(p.reviewerId)?.add(c);
  const complete = session.reviewerIds.every((r) => session.conversationIds.every((c) => done.get(r)?.has(c)));
  return { done, complete };
}
