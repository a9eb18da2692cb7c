/**
 * What follows from a cycle's appraisals (SPEC APR-4..APR-7): ranks within groups, team-award
 * shares, the itemised bonus (red lines from `redline_violations`, commission when the cycle
 * pays it) and the consequence proposals, which are also kept as decisions-to-make in
 * `appraisal_proposals`. Called whenever results are (re)computed or re-derived.
 */
import {
  computeBonus,
  proposeConsequences,
  rankWithinGroups,
  teamAwardShares,
  type AgentBonus,
  type Proposal,
  type QuarterGrade,
  type RedLineKind,
  type RedLineViolation,
  type TeamShare,
} from '../../../domain/appraisal/index.ts';
import type { GroupKind } from '../../../domain/org.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import type { CycleOptions, Draft } from './appraisal.compute.ts';
import { syncProposals } from './appraisal.proposals.ts';
import * as repo from './appraisal.repository.ts';
import * as reviewsRepo from './appraisal.reviews.repository.ts';

const hundredths = (x: number | null) => (x === null ? null : Math.round(x * 100));

/** `YYYY-Qn` of a day. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The calendar day after `day` (YYYY-MM-DD). */
export function nextDay(day: string, days = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Team-award shares per agent: every group with a team verdict shares the cycle's pool when it
 * met its targets (teamAwardShares: equally or by presence), and nothing otherwise.
 */
function teamShares(drafts: Draft[], options: CycleOptions): Map<string, TeamShare> {
  const out = new Map<string, TeamShare>();
  const award = options.teamAward;
  if (!award) return out;
  const groups = new Map<string, Draft[]>();
  for (const d of drafts) {
    if (!d.groupId || !d.snapshot.team) continue;
    groups.set(d.groupId, [...(groups.get(d.groupId) ?? []), d]);
  }
  for (const [groupId, members] of groups) {
    const verdict = members[0].snapshot.team;
    const { shares } = teamAwardShares(
      {
        groupId,
        met: verdict?.met ?? false,
        poolCents: award.poolCents,
        members: members.map((m) => ({ agentId: m.personId, coverage: m.snapshot.appraisal.coverage })),
      },
      options.bonus.teamSplit,
    );
    for (const s of shares) {
      const why = verdict?.why;
      out.set(
        s.agentId,
        why ? { ...s, reason: { zh: `${s.reason.zh}（${why.zh}）`, en: `${s.reason.en} (${why.en})` } } : s,
      );
    }
  }
  return out;
}

/**
 * Whether this cycle re-appraises an agent after a confirmed improvement plan: the cycle's period
 * holds the plan's last day (the day before its re-appraisal date) and the plan came from another cycle.
 */
function reappraised(plans: { cycle_id: string; reappraise_on: string | null }[], cycle: repo.CycleRow): boolean {
  return plans.some((p) => {
    if (p.cycle_id === cycle.id || !p.reappraise_on) return false;
    const last = nextDay(p.reappraise_on, -1);
    return cycle.period_from <= last && last <= cycle.period_to;
  });
}

/** Ranks, bonuses and proposals for every draft, then the cycle's results replaced by them. */
export async function writeResults(conn: Conn, cycle: repo.CycleRow, drafts: Draft[]): Promise<void> {
  const options = JSON.parse(cycle.options) as CycleOptions;
  const ids = drafts.map((d) => d.personId);
  const ranks = rankWithinGroups(
    drafts.map((d) => ({ agentId: d.personId, groupId: d.groupId ?? '', total: d.snapshot.appraisal.final.total })),
  );
  const redLines = await repo.redLinesFor(conn, cycle.id, cycle.period_from, cycle.period_to);
  const groupKind = new Map((await repo.groupKinds(conn)).map((g) => [g.id, g.kind as GroupKind]));
  const history = await repo.quarterlyGrades(conn, ids);
  const mentors = new Map((await repo.mentorsOf(conn, ids)).map((p) => [p.id, p.mentor_id]));
  const plans = await reviewsRepo.confirmedPlans(conn, ids);
  const team = teamShares(drafts, options);
  const candidates = drafts.map((d) => ({
    agentId: d.personId,
    standing: d.snapshot.standing,
    total: d.snapshot.appraisal.final.total,
  }));
  const computedAt = nowIso();
  const proposalsByPerson = new Map<string, Proposal[]>();

  const rows = drafts.map((d, i) => {
    const a = d.snapshot.appraisal;
    const violations: RedLineViolation[] = redLines
      .filter((r) => r.person_id === d.personId)
      .map((r) => ({
        kind: r.kind as RedLineKind,
        at: r.on_date,
        recordId: r.id,
        ...(r.note ? { note: r.note } : {}),
      }));
    const bonus: AgentBonus = computeBonus(
      {
        appraisal: a,
        standing: d.snapshot.standing,
        adoptedSuggestions: d.snapshot.adoptedSuggestions,
        redLines: violations,
        team: team.get(d.personId),
        sales: options.bonus.commission ? d.snapshot.sales : undefined,
      },
      options.bonus,
    );
    const quarters: QuarterGrade[] = history
      .filter((h) => h.person_id === d.personId && h.cycle_id !== cycle.id)
      .map((h) => ({
        period: quarterOf(h.period_from),
        grade: h.final_grade as QuarterGrade['grade'],
        redLine: h.bonus ? (JSON.parse(h.bonus) as AgentBonus).voided : false,
      }));
    if (cycle.kind === 'quarterly') {
      quarters.push({ period: quarterOf(cycle.period_from), grade: a.final.grade, redLine: violations.length > 0 });
    }
    const proposals: Proposal[] = proposeConsequences({
      agentId: d.personId,
      standing: d.snapshot.standing,
      group: (d.groupId && groupKind.get(d.groupId)) || 'other',
      quarters,
      total: a.final.total,
      grade: a.final.grade,
      kind: reappraised(
        plans.filter((p) => p.person_id === d.personId),
        cycle,
      )
        ? 'reappraisal'
        : 'regular',
      startOn: nextDay(cycle.period_to),
      redLines: violations,
      evidence: d.snapshot.evidence,
      currentMentorId: mentors.get(d.personId) ?? null,
      mentorCandidates: candidates,
    });
    proposalsByPerson.set(d.personId, proposals);
    return {
      cycle_id: cycle.id,
      person_id: d.personId,
      group_id: d.groupId,
      department_id: d.departmentId,
      total_hundredths: hundredths(a.total),
      grade: a.grade,
      final_total_hundredths: hundredths(a.final.total),
      final_grade: a.final.grade,
      rank: ranks[i].rank,
      rank_of: ranks[i].of,
      snapshot: JSON.stringify(d.snapshot),
      calibration_reason: a.calibration?.reason ?? null,
      calibrated_by: a.calibration?.by ?? null,
      calibrated_at: a.calibration?.at ?? null,
      bonus: JSON.stringify(bonus),
      bonus_cents: bonus.totalCents,
      proposals: JSON.stringify(proposals),
      acknowledged_at: d.acknowledgedAt,
      appeal: d.appeal ? JSON.stringify(d.appeal) : null,
      appeal_open: d.appeal && d.appeal.answer === null ? 1 : 0,
      computed_at: computedAt,
    };
  });
  await repo.deleteResults(conn, cycle.id);
  for (let i = 0; i < rows.length; i += 500) await repo.insertResults(conn, rows.slice(i, i + 500));
  await syncProposals(conn, cycle.id, proposalsByPerson);
}
