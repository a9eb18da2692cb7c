/**
 * Red lines (高压线, SPEC APR-6; seed 001: 服务态度差、泄露等触线行为直接降级): a recorded serious
 * violation voids the period's whole bonus and demotes the star level by one at once, whatever
 * the score. The grade itself is not changed — the score stays what the work earned.
 */
import type { Level } from '../org.ts';
import type { Bilingual } from './units.ts';

/** The violations that count as red lines (SPEC APR-6). */
export const RED_LINE_KINDS = ['rude_to_customer', 'data_leak', 'unauthorised_promise'] as const;
/** 服务态度恶劣 rude to a customer, 泄露客户信息 leaking customer data, 擅自承诺 unauthorised promise. */
export type RedLineKind = (typeof RED_LINE_KINDS)[number];

/** Display names of the red lines. */
export const RED_LINE_NAMES: Readonly<Record<RedLineKind, Bilingual>> = {
  rude_to_customer: { zh: '服务态度恶劣', en: 'rude to a customer' },
  data_leak: { zh: '泄露客户信息', en: 'leaked customer data' },
  unauthorised_promise: { zh: '擅自承诺', en: 'unauthorised promise' },
};

/** A recorded violation (the record it rests on is linked by `recordId`). */
export interface RedLineViolation {
  kind: RedLineKind;
  /** ISO date or timestamp */
  at: string;
  recordId?: string;
  note?: string;
}

/** A person's level with the star count (1–5) when the level is star. */
export interface Standing {
  level: Level;
  star: number | null;
}

/**
 * One star down: star n → star n − 1, star 1 → senior. Junior and senior have no star to lose
 * and stay where they are (the red line still voids their bonus).
 */
export function demoteOneStar(s: Standing): Standing {
  if (s.level !== 'star') return s;
  const star = s.star ?? 1;
  return star > 1 ? { level: 'star', star: star - 1 } : { level: 'senior', star: null };
}

export interface RedLineEffect {
  /** the period's bonus is void */
  voidBonus: boolean;
  /** the standing after the immediate demotion (same as before when there is nothing to demote) */
  standing: Standing;
  demoted: boolean;
  reason: Bilingual | null;
}

/** What the period's violations do: any one voids the bonus and demotes one star (not one per violation). */
export function redLineEffect(standing: Standing, violations: readonly RedLineViolation[]): RedLineEffect {
  if (violations.length === 0) return { voidBonus: false, standing, demoted: false, reason: null };
  const next = demoteOneStar(standing);
  const kinds = [...new Set(violations.map((v) => v.kind))];
  return {
    voidBonus: true,
    standing: next,
    demoted: next !== standing,
    reason: {
      zh: `触犯高压线（${kinds.map((k) => RED_LINE_NAMES[k].zh).join('、')}）`,
      en: `red line crossed (${kinds.map((k) => RED_LINE_NAMES[k].en).join(', ')})`,
    },
  };
}
