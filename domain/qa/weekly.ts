/**
 * The weekly QA report (质检周报, SPEC QA-6, KPI-15) assembled from plain inputs the server has
 * already cut to one ISO week (Monday–Sunday local days in the organisation's time zone) and to
 * the reader's scope. Definitions:
 * - Reviews done vs due: due = assignments of conversations dated in the week; done = those
 *   with status done; rate = done / due (null without assignments). Also per reviewer.
 * - QA score (KPI-15) = the mean of the scores that count (revised after a dispute, else the
 *   reviewer's) of the reviews of conversations dated in the week, per agent, per group (the
 *   mean over the group's reviews, not of its agents' means) and overall; below `scoreTarget`
 *   (setting, default 90) is marked.
 * - Failure item = a standard (non-bonus) scorecard item rated below its best rating in a
 *   review (N/A left out); share = failures / reviews that rated the item. Top `topItems`
 *   (setting, default 10) by failures, then share, then item id.
 * - Automatic findings: counts by kind as the inspection results give them, largest first.
 * - Complaint categories: see complaints.ts (share of the week's complaints; flagged above
 *   `flagShare`, setting, default 20 %).
 * - Improvement action effect: the action's category's share of complaints (in the action's
 *   scope) in its flagged week (the baseline) and each later week up to the report's week;
 *   change = latest share − baseline. Overdue = still open after its due date.
 */
import { roundTo } from '../appraisal/units.ts';
import { addDays, dayStringToNumber, isoWeekKey } from '../time.ts';
import {
  complaintSettings,
  complaintShares,
  shareByWeek,
  type ComplaintCategory,
  type ComplaintSettings,
  type ComplaintSource,
} from './complaints.ts';
import { qaScore } from './score.ts';
import { itemsOf, type Ratings, type Scorecard } from './scorecard.ts';

/** Settings of the weekly report; each a manager may change. */
export interface QaWeeklySettings extends ComplaintSettings {
  /** how many failure items the report lists. Default 10. */
  topItems: number;
  /** the QA-score target (KPI-15: 质检得分 ≥ 90); scores below it are marked. Default 90. */
  scoreTarget: number;
}

export const DEFAULT_QA_WEEKLY_SETTINGS: Readonly<QaWeeklySettings> = Object.freeze({
  flagShare: 0.2,
  topItems: 10,
  scoreTarget: 90,
});

/** Complete, checked settings from a partial override (throws RangeError on nonsense). */
export function qaWeeklySettings(over: Partial<QaWeeklySettings> = {}): QaWeeklySettings {
  const s = { ...DEFAULT_QA_WEEKLY_SETTINGS, ...over };
  complaintSettings(s);
  if (!Number.isInteger(s.topItems) || s.topItems < 1 || s.topItems > 100) {
    throw new RangeError(`topItems must be a whole number 1–100, got ${s.topItems}`);
  }
  if (!Number.isFinite(s.scoreTarget) || s.scoreTarget < 0 || s.scoreTarget > 200) {
    throw new RangeError(`scoreTarget must be within 0–200, got ${s.scoreTarget}`);
  }
  return s;
}

// ---- ISO weeks ----

const WEEK_KEY = /^(\d{4})-W(\d{2})$/;

/** Monday of ISO week 1 of `year` (the week holding 4 January), as a day number. */
function week1Monday(year: number): number {
  const jan4 = Math.round(Date.UTC(year, 0, 4) / 86_400_000);
  const weekday = (((jan4 + 3) % 7) + 7) % 7; // 0 = Monday (1970-01-01 was a Thursday)
  return jan4 - weekday;
}

/** The local days an ISO week key (`2026-W47`) covers, Monday to Sunday; null when it names no week. */
export function isoWeekRange(week: string): { from: string; to: string } | null {
  const m = WEEK_KEY.exec(week);
  if (!m) return null;
  const n = Number(m[2]);
  if (n < 1) return null;
  const monday = new Date((week1Monday(Number(m[1])) + (n - 1) * 7) * 86_400_000).toISOString().slice(0, 10);
  return isoWeekKey(monday) === week ? { from: monday, to: addDays(monday, 6) } : null;
}

/** The ISO week `n` weeks after `week` (negative goes back). */
export function addWeeks(week: string, n: number): string {
  const r = isoWeekRange(week);
  if (!r) throw new RangeError(`not an ISO week: ${week}`);
  return isoWeekKey(addDays(r.from, n * 7));
}

/** Every ISO week from `first` to `last` inclusive (empty when last is before first). */
export function weeksBetween(first: string, last: string): string[] {
  const a = isoWeekRange(first);
  const b = isoWeekRange(last);
  if (!a || !b) throw new RangeError(`not an ISO week: ${a ? last : first}`);
  const out: string[] = [];
  for (let d = dayStringToNumber(a.from); d <= dayStringToNumber(b.from); d += 7) {
    out.push(isoWeekKey(new Date(d * 86_400_000).toISOString().slice(0, 10)));
  }
  return out;
}

// ---- sections ----

/** Reviews done vs due, overall and per reviewer (largest queue first). */
export function reviewProgress(assignments: readonly { reviewerId: string; done: boolean }[]) {
  const rate = (done: number, due: number) => (due === 0 ? null : done / due);
  const per = new Map<string, { due: number; done: number }>();
  for (const a of assignments) {
    const r = per.get(a.reviewerId) ?? { due: 0, done: 0 };
    r.due += 1;
    if (a.done) r.done += 1;
    per.set(a.reviewerId, r);
  }
  const done = assignments.filter((a) => a.done).length;
  return {
    due: assignments.length,
    done,
    rate: rate(done, assignments.length),
    byReviewer: [...per]
      .map(([reviewerId, r]) => ({ reviewerId, ...r, rate: rate(r.done, r.due) }))
      .sort((a, b) => b.due - a.due || (a.reviewerId < b.reviewerId ? -1 : 1)),
  };
}

/** One review as the report reads it: whose, which group, the score that counts, item outcomes. */
export interface WeeklyReview {
  agentId: string;
  groupId: string | null;
  /** points (the final score: revised after a dispute, else the reviewer's) */
  score: number;
  items: readonly ItemOutcome[];
}

/** Whether a standard item was rated, and rated below its best. */
export interface ItemOutcome {
  itemId: string;
  belowFull: boolean;
}

/** The standard items a review rated (N/A and bonus items left out), each below its best rating or not. */
export function itemOutcomes(card: Scorecard, ratings: Ratings): ItemOutcome[] {
  return itemsOf(card)
    .filter(({ item }) => !item.bonus && ratings[item.id] !== undefined && ratings[item.id] !== null)
    .map(({ item }) => ({ itemId: item.id, belowFull: (ratings[item.id] as number) < item.scale.max - 1e-9 }));
}

/** QA scores (mean of review scores) per agent, per group and overall, marked below the target. */
export function weeklyScores(reviews: readonly WeeklyReview[], target: number) {
  const mean = (xs: number[]) => {
    const score = qaScore(xs);
    return { reviews: xs.length, score, belowTarget: score !== null && score < target };
  };
  const byAgent = new Map<string, { groupId: string | null; scores: number[] }>();
  const byGroup = new Map<string | null, { agents: Set<string>; scores: number[] }>();
  for (const r of reviews) {
    const a = byAgent.get(r.agentId) ?? { groupId: r.groupId, scores: [] };
    a.scores.push(r.score);
    byAgent.set(r.agentId, a);
    const g = byGroup.get(r.groupId) ?? { agents: new Set(), scores: [] };
    g.agents.add(r.agentId);
    g.scores.push(r.score);
    byGroup.set(r.groupId, g);
  }
  return {
    target,
    overall: mean(reviews.map((r) => r.score)),
    groups: [...byGroup].map(([groupId, g]) => ({ groupId, agents: g.agents.size, ...mean(g.scores) })),
    agents: [...byAgent].map(([agentId, a]) => ({ agentId, groupId: a.groupId, ...mean(a.scores) })),
  };
}

/** The items most often rated below full: failures, reviews rating the item, share; top `limit`. */
export function topFailureItems(reviews: readonly WeeklyReview[], limit: number) {
  const per = new Map<string, { failures: number; rated: number }>();
  for (const r of reviews)
    for (const i of r.items) {
      const x = per.get(i.itemId) ?? { failures: 0, rated: 0 };
      x.rated += 1;
      if (i.belowFull) x.failures += 1;
      per.set(i.itemId, x);
    }
  return [...per]
    .filter(([, x]) => x.failures > 0)
    .map(([itemId, x]) => ({ itemId, ...x, share: x.failures / x.rated }))
    .sort((a, b) => b.failures - a.failures || b.share - a.share || (a.itemId < b.itemId ? -1 : 1))
    .slice(0, limit);
}

/** Finding counts merged by kind, largest first; `available` false when there are no inspection results to read. */
export function summariseFindings(rows: readonly { kind: string; count: number }[] | null) {
  const per = new Map<string, number>();
  for (const r of rows ?? []) per.set(r.kind, (per.get(r.kind) ?? 0) + r.count);
  const kinds = [...per]
    .map(([kind, count]) => ({ kind, count }))
    .sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1));
  return { available: rows !== null, total: kinds.reduce((s, k) => s + k.count, 0), kinds };
}

/** What the effect of an improvement action needs: its category, flagged week, status and due date. */
export interface ActionInput {
  category: ComplaintCategory;
  /** the ISO week the category was flagged in */
  week: string;
  status: 'open' | 'done';
  /** YYYY-MM-DD */
  dueDate: string;
  /** the classified complaints of the action's scope from its week on, tagged with their week */
  complaints: readonly { week: string; category: ComplaintCategory }[];
}

/** An action's tracked effect: the category's share from the flagged week to the report's week. */
export function actionEffect<T extends ActionInput>(action: T, reportWeek: string, today: string) {
  const { complaints, ...rest } = action;
  const weeks = weeksBetween(action.week, reportWeek);
  const effect = shareByWeek(complaints, action.category, weeks);
  const baseline = effect[0]?.share ?? null;
  const latest = [...effect].reverse().find((e, i) => i < effect.length - 1 && e.share !== null)?.share ?? null;
  return {
    ...rest,
    overdue: action.status === 'open' && today > action.dueDate,
    effect,
    baseline,
    /** the share in the latest later week with complaints (null before there is one) */
    latest,
    change: baseline !== null && latest !== null ? roundTo(latest - baseline, 6) : null,
  };
}

/** The inputs of one week's report, already cut to the week and the reader's scope. */
export interface WeeklyInput<A extends ActionInput = ActionInput> {
  week: string;
  /** local day the report is read on (for overdue actions) */
  today: string;
  settings: QaWeeklySettings;
  assignments: readonly { reviewerId: string; done: boolean }[];
  reviews: readonly WeeklyReview[];
  /** automatic-inspection finding counts by kind; null when there are no inspection results */
  findings: readonly { kind: string; count: number }[] | null;
  complaints: readonly { category: ComplaintCategory; source: ComplaintSource }[];
  /** the improvement actions to track (flagged in this week or before) */
  actions: readonly A[];
}

/** The week's report (see the module comment for every definition). */
export function buildWeeklyReport<A extends ActionInput>(input: WeeklyInput<A>) {
  const range = isoWeekRange(input.week);
  if (!range) throw new RangeError(`not an ISO week: ${input.week}`);
  const bySource: Record<ComplaintSource, number> = { attribute: 0, lexicon: 0, none: 0 };
  for (const c of input.complaints) bySource[c.source] += 1;
  const shares = complaintShares(
    input.complaints.map((c) => c.category),
    input.settings,
  );
  return {
    week: input.week,
    ...range,
    settings: input.settings,
    reviews: reviewProgress(input.assignments),
    scores: weeklyScores(input.reviews, input.settings.scoreTarget),
    failureItems: topFailureItems(input.reviews, input.settings.topItems),
    findings: summariseFindings(input.findings),
    complaints: { ...shares, bySource, flagged: shares.categories.filter((c) => c.flagged).map((c) => c.category) },
    actions: input.actions.filter((a) => a.week <= input.week).map((a) => actionEffect(a, input.week, input.today)),
  };
}

export type WeeklyReport = ReturnType<typeof buildWeeklyReport>;
