/**
 * Computing a cycle's results (SPEC APR-4..APR-7): the metric values from the KPI store for the
 * period, the review forms and hand-entered values from `appraisal_reviews`, `appraise()` per
 * agent, ranks within groups, the itemised bonus (red lines from `redline_violations`) and the
 * consequence proposals. Results are rewritten as a whole, so ranks and bonuses always agree.
 */
import {
  appraise,
  calibrate,
  computeBonus,
  CYCLE_KIND_SCOPE,
  proposeConsequences,
  rankWithinGroups,
  type AgentBonus,
  type AppraisalInputs,
  type AppraisalResult,
  type BonusSettings,
  type CalibrationInput,
  type CycleKind,
  type GradeBands,
  type IndicatorValue,
  type Proposal,
  type QuarterGrade,
  type RedLineKind,
  type RedLineViolation,
  type Scheme,
  type Standing,
} from '../../../domain/appraisal/index.ts';
import type { GroupKind, Level } from '../../../domain/org.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { queryKpis } from '../kpi/kpi.service.ts';
import type { Appeal } from './appraisal.schema.ts';
import * as repo from './appraisal.repository.ts';

/** Options frozen into a cycle when it is created (a later settings change leaves it alone). */
export interface CycleOptions {
  gradeBands: GradeBands;
  bonus: BonusSettings;
}

/** What a result row keeps: the appraisal and everything it was computed from. */
export interface Snapshot {
  appraisal: AppraisalResult;
  inputs: AppraisalInputs;
  standing: Standing;
  kpiAsOf: string;
  /** adopted process suggestions (hand-entered `adopted_suggestions`), for the innovation award */
  adoptedSuggestions: number;
}

/** One agent's result while the cycle is being (re)computed. */
export interface Draft {
  personId: string;
  groupId: string | null;
  departmentId: string | null;
  snapshot: Snapshot;
  acknowledgedAt: string | null;
  appeal: Appeal | null;
}

/** The hand-entered item for the innovation award (not a scheme indicator). */
export const ADOPTED_SUGGESTIONS = 'adopted_suggestions';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const hundredths = (x: number | null) => (x === null ? null : Math.round(x * 100));

export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

export function parseScheme(row: repo.SchemeRow): Scheme {
  return JSON.parse(row.json) as Scheme;
}

export function draftOf(row: repo.ResultRow): Draft {
  const snapshot = JSON.parse(row.snapshot) as Snapshot;
  return {
    personId: row.person_id,
    groupId: row.group_id,
    departmentId: row.department_id,
    snapshot,
    acknowledgedAt: row.acknowledged_at,
    appeal: row.appeal ? (JSON.parse(row.appeal) as Appeal) : null,
  };
}

/**
 * Appraises every agent in the cycle's scope afresh from the KPI store and the stored reviews.
 * A calibration made earlier is applied again to the new result (it stays explicit and audited);
 * an acknowledgement stands only if the final total did not change.
 */
export async function computeResults(conn: Conn, cycle: repo.CycleRow): Promise<number> {
  const schemeRow = await repo.findScheme(conn, cycle.scheme_id, cycle.scheme_version);
  if (!schemeRow) throw new Error(`scheme ${cycle.scheme_id} v${cycle.scheme_version} is missing`);
  const scheme = parseScheme(schemeRow);
  const options = JSON.parse(cycle.options) as CycleOptions;
  const kind = cycle.kind as CycleKind;
  const agents = await repo.agentsInScope(conn, JSON.parse(cycle.scope), cycle.period_from);
  const kpi = await queryKpis(conn, null, {
    from: cycle.period_from,
    to: cycle.period_to,
    by: 'agent',
    period: 'all',
    format: 'json',
  });
  const kpiByAgent = new Map(kpi.rows.map((r) => [r.agent_id ?? r.key, r as Record<string, unknown>]));
  const reviews = await repo.reviewsOf(conn, cycle.id);
  const previous = new Map((await repo.resultsOf(conn, cycle.id)).map((r) => [r.person_id, draftOf(r)]));

  const drafts: Draft[] = agents.map((agent) => {
    const mine = reviews.filter((r) => r.person_id === agent.id);
    const values: Record<string, IndicatorValue> = {};
    for (const s of scheme.sections) {
      for (const ind of s.indicators) {
        if (ind.kind !== 'metric') continue;
        const v = kpiByAgent.get(agent.id)?.[ind.metric];
        values[ind.id] = typeof v === 'number' || v === 'pending' ? v : null;
      }
    }
    let adoptedSuggestions = 0;
    for (const r of mine.filter((x) => x.kind === 'manual')) {
      if (r.item_id === ADOPTED_SUGGESTIONS) adoptedSuggestions = Math.floor(Number(r.value));
      else values[r.item_id] = Number(r.value);
    }
    const self = mine.filter((r) => r.kind === 'self' && r.reviewer_id === agent.id).at(-1);
    const supervisors = mine.filter((r) => r.kind === 'supervisor').map((r) => Number(r.value));
    const inputs: AppraisalInputs = {
      agentId: agent.id,
      level: agent.level as Level,
      values,
      reviews: {
        self: self ? Number(self.value) : null,
        supervisor: supervisors.length ? sum(supervisors) / supervisors.length : null,
        peers: mine.filter((r) => r.kind === 'peer360').map((r) => Number(r.value)),
      },
    };
    let appraisal = appraise(scheme, inputs, {
      sections: CYCLE_KIND_SCOPE[kind].sections,
      periodMonths: CYCLE_KIND_SCOPE[kind].months,
      gradeBands: options.gradeBands,
    });
    const before = previous.get(agent.id);
    const earlier = before?.snapshot.appraisal.calibration;
    if (earlier) {
      try {
        const input: CalibrationInput = {
          total: earlier.total,
          reason: earlier.reason,
          by: earlier.by,
          at: earlier.at,
        };
        appraisal = calibrate(appraisal, input);
      } catch {
        // the new result cannot carry it (now empty or provisional): the calibration lapses, the audit log keeps it
      }
    }
    const unchanged = before?.snapshot.appraisal.final.total === appraisal.final.total;
    return {
      personId: agent.id,
      groupId: agent.group_id,
      departmentId: agent.department_id,
      snapshot: {
        appraisal,
        inputs,
        standing: { level: agent.level as Level, star: agent.star },
        kpiAsOf: kpi.asOf,
        adoptedSuggestions,
      },
      acknowledgedAt: unchanged ? (before?.acknowledgedAt ?? null) : null,
      appeal: before?.appeal ?? null,
    };
  });
  await writeResults(conn, cycle, drafts);
  return drafts.length;
}

/** Ranks, bonuses and proposals for every draft, then the cycle's results replaced by them. */
export async function writeResults(conn: Conn, cycle: repo.CycleRow, drafts: Draft[]): Promise<void> {
  const options = JSON.parse(cycle.options) as CycleOptions;
  const ranks = rankWithinGroups(
    drafts.map((d) => ({ agentId: d.personId, groupId: d.groupId ?? '', total: d.snapshot.appraisal.final.total })),
  );
  const redLines = await repo.redLinesFor(conn, cycle.id, cycle.period_from, cycle.period_to);
  const groupKind = new Map((await repo.groupKinds(conn)).map((g) => [g.id, g.kind as GroupKind]));
  const history = await repo.quarterlyGrades(
    conn,
    drafts.map((d) => d.personId),
  );
  const mentors = new Map(
    (
      await repo.mentorsOf(
        conn,
        drafts.map((d) => d.personId),
      )
    ).map((p) => [p.id, p.mentor_id]),
  );
  const candidates = drafts.map((d) => ({
    agentId: d.personId,
    standing: d.snapshot.standing,
    total: d.snapshot.appraisal.final.total,
  }));
  const computedAt = nowIso();

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
      kind: 'regular',
      startOn: nextDay(cycle.period_to),
      redLines: violations,
      currentMentorId: mentors.get(d.personId) ?? null,
      mentorCandidates: candidates,
    });
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
}

/** Re-derives ranks, bonuses and proposals from the stored appraisals (after a calibration or a red line). */
export async function rederive(conn: Conn, cycle: repo.CycleRow, change?: (drafts: Draft[]) => void): Promise<Draft[]> {
  const drafts = (await repo.resultsOf(conn, cycle.id)).map(draftOf);
  change?.(drafts);
  await writeResults(conn, cycle, drafts);
  return drafts;
}
