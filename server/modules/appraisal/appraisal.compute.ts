/**
 * Computing a cycle's results (SPEC APR-4..APR-7): the metric values from the KPI store for the
 * period, the review forms, peer reviews, survey answers and hand-entered values, each agent's
 * presence and level from their employment history, `appraise()` per agent; then ranks, bonuses
 * and proposals (appraisal.derive.ts). Results are rewritten as a whole, so ranks and bonuses
 * always agree.
 */
import {
  appraise,
  calibrate,
  CYCLE_KIND_SCOPE,
  periodCoverage,
  standingAt,
  teamTargetsMet,
  type AppraisalInputs,
  type AppraisalResult,
  type Bilingual,
  type BonusSettings,
  type CalibrationInput,
  type CycleKind,
  type GradeBands,
  type HistoryEvent,
  type IndicatorValue,
  type Scheme,
  type Standing,
  type StarEvidence,
  type TeamAwardSettings,
} from '../../../domain/appraisal/index.ts';
import type { EmploymentEventKind, Level } from '../../../domain/org.ts';
import type { Conn } from '../../db/types.ts';
import { queryKpis } from '../kpi/kpi.service.ts';
import type { Appeal } from './appraisal.schema.ts';
import * as repo from './appraisal.repository.ts';
import * as reviewsRepo from './appraisal.reviews.repository.ts';
import { writeResults } from './appraisal.derive.ts';
import { qaScoreFor } from '../qa/qa.scores.ts';

/** Options frozen into a cycle when it is created (a later settings change leaves it alone). */
export interface CycleOptions {
  gradeBands: GradeBands;
  bonus: BonusSettings;
  /** the team award (团队奖) a group shares when it meets its targets; null/absent = none */
  teamAward?: TeamAwardSettings | null;
  /** fewer peer raters than this and the 360 score is withheld; default 3 (APR-8) */
  minPeerRaters?: number;
  /** share of each agent's served customers surveyed; default 10 % */
  surveyRate?: number;
}

/** What a result row keeps: the appraisal and everything it was computed from. */
export interface Snapshot {
  appraisal: AppraisalResult;
  inputs: AppraisalInputs;
  /** the level held at the end of the period (later changes in the history are undone) */
  standing: Standing;
  kpiAsOf: string;
  /** adopted process suggestions (hand-entered `adopted_suggestions`), for the innovation award */
  adoptedSuggestions: number;
  /** credited sales (KPI store) and AOV uplift (hand-entered), for the optional commission */
  sales?: { creditedSalesCents: number; aovUplift: number | null };
  /** conversion (KPI store), AOV uplift and repeat-purchase guidance (hand-entered), for star promotion */
  evidence?: StarEvidence;
  /** whether the agent's group met its team targets; null when the cycle has no team award */
  team?: { met: boolean; why: Bilingual } | null;
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

/**
 * Hand-entered items that are not scheme indicators, with their unit: adopted suggestions
 * (innovation award), AOV uplift (AOV bonus, star criteria) and repeat-purchase guidance lift
 * (star criteria). A scheme indicator with the same id takes the value too.
 */
export const EXTRA_ITEMS: Readonly<Record<string, 'count' | 'ratio'>> = {
  [ADOPTED_SUGGESTIONS]: 'count',
  aov_uplift: 'ratio',
  repeat_guidance_lift: 'ratio',
};

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

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

/** The employment history per person, as the domain reads it. */
async function historyOf(conn: Conn, ids: string[]): Promise<Map<string, HistoryEvent[]>> {
  const out = new Map<string, HistoryEvent[]>();
  for (const e of await reviewsRepo.employmentEvents(conn, ids)) {
    const list = out.get(e.person_id) ?? [];
    list.push({
      kind: e.kind as EmploymentEventKind,
      onDate: e.on_date,
      detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
    });
    out.set(e.person_id, list);
  }
  return out;
}

/** Each agent's share of satisfied answers among the survey answers entered, or null when none. */
async function surveyShares(conn: Conn, cycleId: string): Promise<Map<string, number>> {
  const by = new Map<string, { yes: number; n: number }>();
  for (const a of await reviewsRepo.surveyAnswersOf(conn, cycleId)) {
    const x = by.get(a.person_id) ?? { yes: 0, n: 0 };
    x.n++;
    x.yes += Number(a.satisfied) === 1 ? 1 : 0;
    by.set(a.person_id, x);
  }
  return new Map([...by].map(([id, x]) => [id, x.yes / x.n]));
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
  const period = { from: cycle.period_from, to: cycle.period_to, period: 'all', format: 'json' } as const;
  const kpi = await queryKpis(conn, null, { ...period, by: 'agent' });
  const kpiByAgent = new Map(kpi.rows.map((r) => [r.agent_id ?? r.key, r as Record<string, unknown>]));
  const team = options.teamAward ?? null;
  const kpiByGroup = team
    ? new Map(
        (await queryKpis(conn, null, { ...period, by: 'group' })).rows.map((r) => [
          r.key,
          r as Record<string, unknown>,
        ]),
      )
    : new Map<string, Record<string, unknown>>();
  const reviews = await repo.reviewsOf(conn, cycle.id);
  const surveys = await surveyShares(conn, cycle.id);
  const qaIndicators = scheme.sections.flatMap((s) => s.indicators).filter((i) => i.kind === 'review' && i.review === 'qa_score');
  const qa = qaIndicators.length
    ? await qaScoreFor(
        conn,
        agents.map((a) => a.id),
        cycle.period_from,
        cycle.period_to,
      )
    : new Map<string, { score: number | null; reviews: number }>();
  const history = await historyOf(
    conn,
    agents.map((a) => a.id),
  );
  const previous = new Map((await repo.resultsOf(conn, cycle.id)).map((r) => [r.person_id, draftOf(r)]));

  const drafts: Draft[] = agents.map((agent) => {
    const mine = reviews.filter((r) => r.person_id === agent.id);
    const figures = kpiByAgent.get(agent.id);
    const values: Record<string, IndicatorValue> = {};
    for (const s of scheme.sections) {
      for (const ind of s.indicators) {
        if (ind.kind !== 'metric') continue;
        const v = figures?.[ind.metric];
        values[ind.id] = typeof v === 'number' || v === 'pending' ? v : null;
      }
    }
    let adoptedSuggestions = 0;
    const extra = new Map<string, number>();
    for (const r of mine.filter((x) => x.kind === 'manual')) {
      if (r.item_id === ADOPTED_SUGGESTIONS) adoptedSuggestions = Math.floor(Number(r.value));
      else values[r.item_id] = Number(r.value);
      extra.set(r.item_id, Number(r.value));
    }
    // the QA module's score when it reviewed the agent's conversations in the period; else the hand-entered figure
    const qaScore = qa.get(agent.id);
    if (qaScore && qaScore.reviews > 0 && qaScore.score !== null) for (const ind of qaIndicators) values[ind.id] = qaScore.score;
    const events = history.get(agent.id) ?? [];
    const standing = standingAt({ level: agent.level as Level, star: agent.star }, events, cycle.period_to);
    const coverage = periodCoverage(cycle.period_from, cycle.period_to, agent.hire_date, events);
    const self = mine.filter((r) => r.kind === 'self' && r.reviewer_id === agent.id).at(-1);
    const supervisors = mine.filter((r) => r.kind === 'supervisor').map((r) => Number(r.value));
    const inputs: AppraisalInputs = {
      agentId: agent.id,
      level: standing.level,
      values,
      reviews: {
        self: self ? Number(self.value) : null,
        supervisor: supervisors.length ? sum(supervisors) / supervisors.length : null,
        peers: mine.filter((r) => r.kind === 'peer360').map((r) => Number(r.value)),
        customerSurvey: surveys.get(agent.id) ?? null,
      },
    };
    let appraisal = appraise(scheme, inputs, {
      sections: CYCLE_KIND_SCOPE[kind].sections,
      periodMonths: CYCLE_KIND_SCOPE[kind].months,
      gradeBands: options.gradeBands,
      coverage,
      minPeerRaters: options.minPeerRaters,
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
    const sales = figures?.sales_amount;
    const conversion = figures?.conversion_rate_paid;
    const aovUplift = extra.get('aov_uplift') ?? null;
    return {
      personId: agent.id,
      groupId: agent.group_id,
      departmentId: agent.department_id,
      snapshot: {
        appraisal,
        inputs,
        standing,
        kpiAsOf: kpi.asOf,
        adoptedSuggestions,
        sales: { creditedSalesCents: typeof sales === 'number' ? Math.round(sales) : 0, aovUplift },
        evidence: {
          conversion: typeof conversion === 'number' || conversion === 'pending' ? conversion : null,
          aovUplift,
          repeatGuidanceLift: extra.get('repeat_guidance_lift') ?? null,
        },
        team: team && agent.group_id ? teamTargetsMet(kpiByGroup.get(agent.group_id), team.targets) : null,
      },
      acknowledgedAt: unchanged ? (before?.acknowledgedAt ?? null) : null,
      appeal: before?.appeal ?? null,
    };
  });
  await writeResults(conn, cycle, drafts);
  return drafts.length;
}

/** Re-derives ranks, bonuses and proposals from the stored appraisals (after a calibration or a red line). */
export async function rederive(conn: Conn, cycle: repo.CycleRow, change?: (drafts: Draft[]) => void): Promise<Draft[]> {
  const drafts = (await repo.resultsOf(conn, cycle.id)).map(draftOf);
  change?.(drafts);
  await writeResults(conn, cycle, drafts);
  return drafts;
}
