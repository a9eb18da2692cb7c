/**
 * The weekly QA report (质检周报, SPEC QA-6, KPI-15) for the reader's scope: leads their groups,
 * supervisors their department, managers everything (agents and HR have no report). The week's
 * rows are read here, cut to the scope and handed to domain/qa/weekly.ts, which holds every
 * definition; improvement-action writes are in qa.weekly.actions.ts, the XLSX in qa.weekly.xlsx.ts.
 */
import { inScope, readScope, type Actor, type Scope } from '../../../domain/access.ts';
import { SHIPPED_COMPLAINT_LEXICON } from '../../../domain/qa/complaints.ts';
import type { Scorecard } from '../../../domain/qa/scorecard.ts';
import {
  buildWeeklyReport,
  isoWeekRange,
  itemOutcomes,
  qaWeeklySettings,
  type WeeklyReview,
} from '../../../domain/qa/weekly.ts';
import { localDay } from '../../../domain/time.ts';
import type { Conn } from '../../db/types.ts';
import { todayIn } from '../../lib/dates.ts';
import { badRequest, forbidden } from '../../lib/errors.ts';
import { record, type AuditActor } from '../audit/audit.service.ts';
import * as settingsRepo from '../settings/settings.repository.ts';
import { getSettings } from '../settings/settings.service.ts';
import { fromHundredths } from './qa.guard.ts';
import { storedScorecard } from './qa.scorecards.ts';
import {
  classifiedComplaints,
  coversAction,
  inActionScope,
  placementOfComplaint,
  type ClassCache,
} from './qa.weekly.complaints.ts';
import * as repo from './qa.weekly.repository.ts';
import { ActionScope, type ActionOut, type WeeklyOut, type WeeklySettings } from './qa.weekly.schema.ts';

const SETTINGS_KEY = 'qaWeekly';

/** The report's settings in force: stored values over the domain's defaults. */
export async function getWeeklySettings(conn: Conn): Promise<WeeklySettings> {
  const stored = (await settingsRepo.readAll(conn))[SETTINGS_KEY] as Partial<WeeklySettings> | undefined;
  try {
    return qaWeeklySettings(stored ?? {});
  } catch {
    return qaWeeklySettings(); // a stored value the checks no longer accept falls back to the defaults
  }
}

/** Changes the report's settings (checked by the domain), audited. */
export async function updateWeeklySettings(conn: Conn, actor: AuditActor, patch: Partial<WeeklySettings>) {
  const before = await getWeeklySettings(conn);
  let after: WeeklySettings;
  try {
    after = qaWeeklySettings({ ...before, ...patch });
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  await settingsRepo.write(conn, SETTINGS_KEY, after);
  await record(conn, actor, 'qa.weekly_settings_update', 'settings', SETTINGS_KEY, before, after);
  return after;
}

/** An action row as the API shows it. */
export function presentAction(r: repo.ActionRow): ActionOut {
  return {
    id: r.id,
    category: r.category as ActionOut['category'],
    week: r.week,
    scope: ActionScope.parse(JSON.parse(r.scope)),
    description: r.description,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    dueDate: r.due_date,
    status: r.status === 'done' ? 'done' : 'open',
    outcome: r.outcome,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    closedBy: r.closed_by,
    closedAt: r.closed_at,
  };
}

/** Whether the reader may see an action: their scope covers its scope, or they own or created it. */
export function actionVisible(
  actor: Actor,
  scope: Scope,
  a: ActionOut,
  departmentOfGroup: ReadonlyMap<string, string>,
) {
  return a.ownerId === actor.id || a.createdBy === actor.id || coversAction(scope, a.scope, departmentOfGroup);
}

/** The reader's scope as the report states it; refuses agents (and anyone placed nowhere). */
function reportScope(actor: Actor): { scope: Scope; out: WeeklyOut['scope'] } {
  const scope = readScope(actor);
  switch (scope.kind) {
    case 'all':
      return { scope, out: { kind: 'all', ids: [] } };
    case 'department':
      if (scope.departmentId) return { scope, out: { kind: 'department', ids: [scope.departmentId] } };
      break;
    case 'groups':
      return { scope, out: { kind: 'groups', ids: scope.groupIds } };
    case 'self':
      break;
  }
  throw forbidden('the weekly QA report is for leads, supervisors and managers');
}

/** Every scorecard version the reviews were scored with. */
async function scorecardsOf(conn: Conn, rows: readonly { scorecard_id: string; scorecard_version: number }[]) {
  const cards = new Map<string, Scorecard>();
  for (const r of rows) {
    const key = `${r.scorecard_id}@${r.scorecard_version}`;
    if (!cards.has(key)) cards.set(key, await storedScorecard(conn, r.scorecard_id, r.scorecard_version));
  }
  return cards;
}

/**
 * The report of an ISO week for the reader's scope. `cache` (or null) keeps the complaint
 * classifications the report makes for the next reader.
 */
export async function weeklyReport(
  read: Conn,
  cache: ClassCache | null,
  actor: Actor,
  week: string,
): Promise<WeeklyOut> {
  const range = isoWeekRange(week);
  if (!range) throw badRequest(`not an ISO week: ${week}`, [{ field: 'week', message: 'expected e.g. 2026-W47' }]);
  const { scope, out: scopeOut } = reportScope(actor);
  const mine = (personId: string | null, p: { group_id: string | null; department_id: string | null }) =>
    inScope(scope, { personId, groupId: p.group_id, departmentId: p.department_id });
  const settings = await getWeeklySettings(read);
  const { timezone } = await getSettings(read);
  const groups = await repo.allGroups(read);
  const departmentOfGroup = new Map(groups.map((g) => [g.id, g.department_id]));

  const assignments = (await repo.assignmentsOfDays(read, range.from, range.to)).filter((a) => mine(a.agent_id, a));
  const reviewRows = (await repo.reviewsOfDays(read, range.from, range.to)).filter((r) => mine(r.agent_id, r));
  const cards = await scorecardsOf(read, reviewRows);
  const reviews: WeeklyReview[] = reviewRows.map((r) => {
    const ratings = r.dispute_outcome === 'revised' && r.dispute_ratings ? r.dispute_ratings : r.ratings;
    const card = cards.get(`${r.scorecard_id}@${r.scorecard_version}`)!;
    return {
      agentId: r.agent_id,
      groupId: r.group_id,
      score: fromHundredths(r.final_score_hundredths),
      items: itemOutcomes(card, JSON.parse(ratings) as Record<string, number | null>),
    };
  });

  // actions flagged up to this week, still open or closed during or after it, that the reader may see
  const actions = (await repo.listActions(read, week))
    .map(presentAction)
    .filter(
      (a) => a.status === 'open' || (a.closedAt !== null && localDay(Date.parse(a.closedAt), timezone) >= range.from),
    )
    .filter((a) => actionVisible(actor, scope, a, departmentOfGroup));
  const firstWeek = actions.reduce((w, a) => (a.week < w ? a.week : w), week);
  const complaints = await classifiedComplaints(read, cache, isoWeekRange(firstWeek)!.from, range.to);

  const inspection = await repo.inspectionCountsOfDays(read, range.from, range.to);
  const inspected = inspection?.filter((r) => mine(r.agent_id, r)) ?? null;
  const FINDING_KINDS = [
    'banned_rude',
    'banned_promise',
    'banned_privacy',
    'banned_off_platform',
    'repeated_questions',
    'unanswered',
    'ended_upset',
  ] as const;

  const report = buildWeeklyReport({
    week,
    today: todayIn(timezone),
    settings,
    assignments: assignments.map((a) => ({ reviewerId: a.reviewer_id, done: a.status === 'done' })),
    reviews,
    findings:
      inspected && FINDING_KINDS.flatMap((kind) => inspected.map((r) => ({ kind, count: Number(r[kind] ?? 0) }))),
    complaints: complaints.filter((c) => c.week === week && inScope(scope, placementOfComplaint(c))),
    actions: actions.map((a) => ({
      ...a,
      complaints: complaints.filter((c) => c.week >= a.week && inActionScope(a.scope, placementOfComplaint(c))),
    })),
  });

  const reviewerName = new Map(assignments.map((a) => [a.reviewer_id, a.reviewer_name]));
  const agentName = new Map(reviewRows.map((r) => [r.agent_id, r.agent_name]));
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const itemInfo = new Map<string, { label: { zh: string; en: string }; categoryLabel: { zh: string; en: string } }>();
  for (const card of cards.values())
    for (const c of card.categories)
      for (const i of c.items) itemInfo.set(i.id, { label: i.label, categoryLabel: c.label });
  const label = new Map(SHIPPED_COMPLAINT_LEXICON.categories.map((c) => [c.id, { zh: c.zh, en: c.en }]));

  return {
    week,
    from: range.from,
    to: range.to,
    scope: scopeOut,
    settings,
    reviews: {
      ...report.reviews,
      byReviewer: report.reviews.byReviewer.map((r) => ({ ...r, reviewerName: reviewerName.get(r.reviewerId) ?? '' })),
    },
    scores: {
      ...report.scores,
      groups: report.scores.groups.map((g) => ({
        ...g,
        groupName: g.groupId ? (groupName.get(g.groupId) ?? null) : null,
      })),
      agents: report.scores.agents.map((a) => ({ ...a, agentName: agentName.get(a.agentId) ?? '' })),
    },
    failureItems: report.failureItems.map((i) => ({
      ...i,
      label: itemInfo.get(i.itemId)?.label ?? { zh: i.itemId, en: i.itemId },
      categoryLabel: itemInfo.get(i.itemId)?.categoryLabel ?? null,
    })),
    findings: { ...report.findings, conversations: inspected?.reduce((s, r) => s + Number(r.conversations), 0) ?? 0 },
    complaints: {
      ...report.complaints,
      categories: report.complaints.categories.map((c) => ({
        ...c,
        label: label.get(c.category) ?? { zh: c.category, en: c.category },
        actionIds: report.actions.filter((a) => a.status === 'open' && a.category === c.category).map((a) => a.id),
      })),
    },
    actions: report.actions,
  };
}
