/**
 * What follows from results (SPEC APR-7; seed 004 考核结果应用, seed 001 星级客服): proposals a
 * supervisor confirms — reserve supervisor (储备主管), improvement plan with a mentor, transfer or
 * exit, moves to the difficult-complaints or basic-inquiries group, star promotion — plus the
 * red-line demotion, which applies at once (APR-6). Rules are data with defaults a manager edits.
 */
import type { GroupKind } from '../org.ts';
import type { Grade } from './grade.ts';
import { redLineEffect, type RedLineViolation, type Standing } from './redline.ts';
import { basisPoints, roundTo, type Bilingual } from './units.ts';

/** Thresholds of one star level (seed 001: 转化率、客单价提升比、复购引导成功率作为晋级标准). */
export interface StarCriterion {
  star: number;
  /** paid inquiry conversion, fraction */
  minConversion: number;
  /** agent AOV ÷ shop's silent-sales AOV − 1, fraction */
  minAovUplift: number;
  /** agent's guided repeat-purchase rate ÷ the new-customer rate − 1, fraction */
  minRepeatGuidanceLift: number;
}

/**
 * Star 1 is seed 001's floor: conversion at the industry mean 28 %, AOV uplift 15 %, repeat
 * guidance 30 % above new customers; star 5 reaches the top of its ranges (apparel 35 %, uplift
 * 20 %). The steps between are evenly spread placeholders.
 */
export const DEFAULT_STAR_CRITERIA: readonly StarCriterion[] = [
  { star: 1, minConversion: 0.28, minAovUplift: 0.15, minRepeatGuidanceLift: 0.3 },
  { star: 2, minConversion: 0.3, minAovUplift: 0.16, minRepeatGuidanceLift: 0.35 },
  { star: 3, minConversion: 0.32, minAovUplift: 0.17, minRepeatGuidanceLift: 0.4 },
  { star: 4, minConversion: 0.34, minAovUplift: 0.18, minRepeatGuidanceLift: 0.45 },
  { star: 5, minConversion: 0.35, minAovUplift: 0.2, minRepeatGuidanceLift: 0.5 },
];

export interface ConsequenceRules {
  /** grades that count as excellent (优秀) */
  excellentGrades: readonly Grade[];
  /** consecutive excellent quarters for a reserve-supervisor proposal (seed 004: 连续2个季度) */
  excellentQuarters: number;
  /** a total below this starts an improvement plan (seed 004: 得分<70) */
  improvementBelow: number;
  /** length of the plan before re-appraisal (seed 004: 限期1个月) */
  improvementMonths: number;
  /** proposed for the difficult-complaints group (seed 004: 高能力员工调至疑难投诉组) */
  highPerformerGrades: readonly Grade[];
  /** proposed for the basic-inquiries group (低绩效者转岗至基础咨询组) */
  lowPerformerGrades: readonly Grade[];
  starCriteria: readonly StarCriterion[];
}

/** Seed 004's rules: S/A excellent, 2 quarters, < 70 for one month; S to complaints, D to basic. */
export const DEFAULT_CONSEQUENCE_RULES: ConsequenceRules = {
  excellentGrades: ['S', 'A'],
  excellentQuarters: 2,
  improvementBelow: 70,
  improvementMonths: 1,
  highPerformerGrades: ['S'],
  lowPerformerGrades: ['D'],
  starCriteria: DEFAULT_STAR_CRITERIA,
};

interface ProposalBase {
  agentId: string;
  reason: Bilingual;
  /** false only for the red-line demotion, which applies at once */
  requiresConfirmation: boolean;
}

export type Proposal =
  | (ProposalBase & { kind: 'reserve_supervisor'; periods: string[] })
  | (ProposalBase & { kind: 'improvement_plan'; mentorId: string | null; startOn: string; reappraiseOn: string })
  | (ProposalBase & { kind: 'improvement_passed' })
  | (ProposalBase & { kind: 'transfer_or_exit' })
  | (ProposalBase & { kind: 'move_group'; to: Extract<GroupKind, 'complaints' | 'basic'> })
  | (ProposalBase & { kind: 'star_promotion'; from: Standing; to: Standing })
  | (ProposalBase & { kind: 'red_line_demotion'; from: Standing; to: Standing });

/** A quarterly result; `period` is `YYYY-Qn`. */
export interface QuarterGrade {
  period: string;
  grade: Grade | null;
  /** a red line was crossed in that quarter */
  redLine?: boolean;
}

function quarterIndex(period: string): number {
  const m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (!m) throw new RangeError(`not a quarter: ${period} (expected YYYY-Qn)`);
  return Number(m[1]) * 4 + Number(m[2]) - 1;
}

/**
 * Reserve-supervisor candidate: the latest `excellentQuarters` quarters are consecutive, all
 * graded excellent and free of red lines.
 */
export function reserveSupervisorProposal(
  agentId: string,
  quarters: readonly QuarterGrade[],
  rules: ConsequenceRules = DEFAULT_CONSEQUENCE_RULES,
): Proposal | null {
  const n = rules.excellentQuarters;
  const last = [...quarters].sort((a, b) => quarterIndex(a.period) - quarterIndex(b.period)).slice(-n);
  if (last.length < n) return null;
  const consecutive = last.every((q, i) => i === 0 || quarterIndex(q.period) === quarterIndex(last[i - 1].period) + 1);
  const excellent = last.every((q) => q.grade !== null && rules.excellentGrades.includes(q.grade) && !q.redLine);
  if (!consecutive || !excellent) return null;
  const periods = last.map((q) => q.period);
  const grades = last.map((q) => `${q.period} ${q.grade}`).join(', ');
  return {
    kind: 'reserve_supervisor',
    agentId,
    periods,
    requiresConfirmation: true,
    reason: {
      zh: `连续 ${n} 个季度考核优秀（${grades}）：建议列为储备主管培养对象`,
      en: `${n} consecutive excellent quarters (${grades}): proposed as a reserve-supervisor candidate`,
    },
  };
}

/** `YYYY-MM-DD` plus whole months; the day is clamped to the month's end (01-31 + 1 → 02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const idx = y * 12 + (m - 1) + months;
  const ny = Math.floor(idx / 12);
  const nm = (idx % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export interface MentorCandidate {
  agentId: string;
  standing: Standing;
  /** latest final total */
  total: number | null;
}

/** The mentor to propose: the agent's own mentor if set, else the best-scoring senior or star colleague. */
export function suggestMentor(
  agentId: string,
  currentMentorId: string | null,
  candidates: readonly MentorCandidate[],
): string | null {
  if (currentMentorId !== null) return currentMentorId;
  const eligible = candidates
    .filter((c) => c.agentId !== agentId && c.standing.level !== 'junior' && c.total !== null)
    .sort((a, b) => (b.total ?? 0) - (a.total ?? 0) || a.agentId.localeCompare(b.agentId));
  return eligible[0]?.agentId ?? null;
}

export interface ImprovementInput {
  agentId: string;
  /** final total of this appraisal */
  total: number;
  /** `reappraisal` = the one-month re-check of an improvement plan */
  kind: 'regular' | 'reappraisal';
  /** first day of the plan if one is proposed (the day after the appraisal is confirmed) */
  startOn: string;
  currentMentorId?: string | null;
  mentorCandidates?: readonly MentorCandidate[];
}

/**
 * Seed 004's 待改进 rule: a total below 70 → one-to-one mentoring plan for one month, then a
 * re-appraisal; still below 70 at the re-appraisal → transfer or exit (调岗或优化); reaching 70
 * closes the plan.
 */
export function improvementProposal(
  input: ImprovementInput,
  rules: ConsequenceRules = DEFAULT_CONSEQUENCE_RULES,
): Proposal | null {
  const below = input.total < rules.improvementBelow;
  const t = roundTo(input.total, 2);
  const line = rules.improvementBelow;
  if (input.kind === 'regular') {
    if (!below) return null;
    const startOn = input.startOn;
    return {
      kind: 'improvement_plan',
      agentId: input.agentId,
      mentorId: suggestMentor(input.agentId, input.currentMentorId ?? null, input.mentorCandidates ?? []),
      startOn,
      reappraiseOn: addMonths(startOn, rules.improvementMonths),
      requiresConfirmation: true,
      reason: {
        zh: `总分 ${t} 低于 ${line}：建议一对一导师带教 ${rules.improvementMonths} 个月，期满再次考核`,
        en: `total ${t} below ${line}: one-to-one mentoring for ${rules.improvementMonths} month(s), then a re-appraisal`,
      },
    };
  }
  if (below) {
    return {
      kind: 'transfer_or_exit',
      agentId: input.agentId,
      requiresConfirmation: true,
      reason: {
        zh: `带教期满再次考核总分 ${t}，仍低于 ${line}：建议调岗或优化`,
        en: `re-appraisal after mentoring scored ${t}, still below ${line}: transfer or exit proposed`,
      },
    };
  }
  return {
    kind: 'improvement_passed',
    agentId: input.agentId,
    requiresConfirmation: true,
    reason: {
      zh: `再次考核总分 ${t}，达到 ${line}：结束改进计划`,
      en: `re-appraisal scored ${t}, at least ${line}: the plan closes`,
    },
  };
}

/** High performers to the difficult-complaints group, low performers to the basic-inquiries group. */
export function groupPlacementProposal(
  agentId: string,
  grade: Grade | null,
  currentGroup: GroupKind,
  rules: ConsequenceRules = DEFAULT_CONSEQUENCE_RULES,
): Proposal | null {
  if (grade === null) return null;
  if (rules.highPerformerGrades.includes(grade) && currentGroup !== 'complaints') {
    return {
      kind: 'move_group',
      agentId,
      to: 'complaints',
      requiresConfirmation: true,
      reason: {
        zh: `考核 ${grade}：建议调至疑难投诉组攻坚`,
        en: `graded ${grade}: proposed for the difficult-complaints group`,
      },
    };
  }
  if (rules.lowPerformerGrades.includes(grade) && currentGroup !== 'basic') {
    return {
      kind: 'move_group',
      agentId,
      to: 'basic',
      requiresConfirmation: true,
      reason: {
        zh: `考核 ${grade}：建议转至基础咨询组沉淀`,
        en: `graded ${grade}: proposed for the basic-inquiries group`,
      },
    };
  }
  return null;
}

/** The sales evidence for a star promotion; 'pending' while the payment window is open. */
export interface StarEvidence {
  conversion: number | null | 'pending';
  aovUplift: number | null;
  repeatGuidanceLift: number | null;
}

const pct = (x: number): string => `${roundTo(x * 100, 2)}%`;

/** The next standing up the star ladder: senior → star 1, star n → n + 1 (≤ 5); juniors are not on it. */
export function nextStar(s: Standing): Standing | null {
  if (s.level === 'senior') return { level: 'star', star: 1 };
  if (s.level === 'star' && (s.star ?? 1) < 5) return { level: 'star', star: (s.star ?? 1) + 1 };
  return null;
}

/** Star promotion when conversion, AOV uplift and repeat-purchase guidance all reach the next star's criteria. */
export function starPromotionProposal(
  agentId: string,
  standing: Standing,
  evidence: StarEvidence,
  redLine: boolean,
  rules: ConsequenceRules = DEFAULT_CONSEQUENCE_RULES,
): Proposal | null {
  const to = nextStar(standing);
  if (to === null || redLine) return null;
  const c = rules.starCriteria.find((x) => x.star === to.star);
  const { conversion, aovUplift, repeatGuidanceLift } = evidence;
  if (!c || typeof conversion !== 'number' || aovUplift === null || repeatGuidanceLift === null) return null;
  const ok =
    basisPoints(conversion) >= basisPoints(c.minConversion) &&
    basisPoints(aovUplift) >= basisPoints(c.minAovUplift) &&
    basisPoints(repeatGuidanceLift) >= basisPoints(c.minRepeatGuidanceLift);
  if (!ok) return null;
  const facts = `${pct(conversion)} ≥ ${pct(c.minConversion)}, ${pct(aovUplift)} ≥ ${pct(c.minAovUplift)}, ${pct(repeatGuidanceLift)} ≥ ${pct(c.minRepeatGuidanceLift)}`;
  return {
    kind: 'star_promotion',
    agentId,
    from: standing,
    to,
    requiresConfirmation: true,
    reason: {
      zh: `转化率、客单价提升比、复购引导均达到 ${to.star} 星标准（${facts}）：建议晋升`,
      en: `conversion, AOV uplift and repeat-purchase guidance meet the ${to.star}-star criteria (${facts}): promotion proposed`,
    },
  };
}

export interface ConsequenceInput {
  agentId: string;
  standing: Standing;
  group: GroupKind;
  /** quarterly results so far, including this one when the cycle is quarterly */
  quarters: readonly QuarterGrade[];
  /** this cycle's final total and grade */
  total: number | null;
  grade: Grade | null;
  kind: 'regular' | 'reappraisal';
  startOn: string;
  redLines: readonly RedLineViolation[];
  evidence?: StarEvidence;
  currentMentorId?: string | null;
  mentorCandidates?: readonly MentorCandidate[];
}

/**
 * Every consequence of one result, red-line demotion first. A red line also blocks the
 * proposals that reward (reserve supervisor, complaints group, star promotion).
 */
export function proposeConsequences(
  input: ConsequenceInput,
  rules: ConsequenceRules = DEFAULT_CONSEQUENCE_RULES,
): Proposal[] {
  const out: Proposal[] = [];
  const effect = redLineEffect(input.standing, input.redLines);
  if (effect.demoted && effect.reason) {
    out.push({
      kind: 'red_line_demotion',
      agentId: input.agentId,
      from: input.standing,
      to: effect.standing,
      requiresConfirmation: false,
      reason: {
        zh: `${effect.reason.zh}：星级立即下调一级`,
        en: `${effect.reason.en}: star level lowered by one at once`,
      },
    });
  }
  const clean = !effect.voidBonus;
  const push = (p: Proposal | null): void => {
    if (p) out.push(p);
  };
  if (clean) push(reserveSupervisorProposal(input.agentId, input.quarters, rules));
  if (input.total !== null) {
    push(
      improvementProposal(
        {
          agentId: input.agentId,
          total: input.total,
          kind: input.kind,
          startOn: input.startOn,
          currentMentorId: input.currentMentorId,
          mentorCandidates: input.mentorCandidates,
        },
        rules,
      ),
    );
  }
  const placement = groupPlacementProposal(input.agentId, input.grade, input.group, rules);
  if (placement && (clean || (placement.kind === 'move_group' && placement.to === 'basic'))) out.push(placement);
  if (input.evidence) push(starPromotionProposal(input.agentId, effect.standing, input.evidence, !clean, rules));
  return out;
}
