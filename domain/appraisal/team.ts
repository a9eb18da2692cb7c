/**
 * Team awards (团队奖励, SPEC APR-5; seed 000: 根据团队绩效考核结果，给予团队奖励): the award of a
 * group that met its team targets, split among its members in whole cents.
 */
import { METRIC_DEFINITIONS, type MetricKey } from '../metrics/catalogue.ts';
import type { BonusSettings, TeamShare } from './bonus.ts';
import type { Direction } from './scheme.ts';
import { basisPoints, formatCents, formatValue, roundTo, type Bilingual } from './units.ts';

/** A team target (团队目标) on a group's metric, e.g. resolution ≥ 95 % (SPEC KPI-7), in the metric's unit. */
export interface TeamTarget {
  metric: MetricKey;
  target: number;
  direction: Direction;
}

/** A group's award for a cycle: the pool it shares when every team target is met. */
export interface TeamAwardSettings {
  /** cents per group that met its targets */
  poolCents: number;
  targets: readonly TeamTarget[];
}

/**
 * Whether a group met every team target, with the reason; a target without a value (no data,
 * or still pending) is not met. No targets at all is not met either: an award needs a measure.
 */
export function teamTargetsMet(
  values: Readonly<Record<string, unknown>> | undefined,
  targets: readonly TeamTarget[],
): { met: boolean; why: Bilingual } {
  if (targets.length === 0) return { met: false, why: { zh: '未设团队目标', en: 'no team targets set' } };
  const parts = targets.map((t) => {
    const v = values?.[t.metric];
    const d = METRIC_DEFINITIONS[t.metric];
    const tf = formatValue(d.unit, t.target);
    const cmp = t.direction === 'lower' ? '≤' : '≥';
    if (typeof v !== 'number') {
      return {
        ok: false,
        zh: `${d.nameZh} 无数据（目标 ${cmp} ${tf.zh}）`,
        en: `${d.nameEn}: no data (target ${cmp} ${tf.en})`,
      };
    }
    const diff = basisPoints(v) - basisPoints(t.target);
    const ok = t.direction === 'lower' ? diff <= 0 : diff >= 0;
    const vf = formatValue(d.unit, v);
    return {
      ok,
      zh: `${d.nameZh} ${vf.zh}（目标 ${cmp} ${tf.zh}）`,
      en: `${d.nameEn} ${vf.en} (target ${cmp} ${tf.en})`,
    };
  });
  return {
    met: parts.every((p) => p.ok),
    why: { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') },
  };
}

export interface TeamAward {
  groupId: string;
  /** the group met its team targets (e.g. team resolution ≥ 95 %, SPEC KPI-7) */
  met: boolean;
  poolCents: number;
  /** members in the period; coverage (default 1) matters for the `coverage` split */
  members: readonly { agentId: string; coverage?: number }[];
}

/**
 * Splits a group's award (团队奖励): `equal` gives each member floor(pool / n); `coverage` gives
 * floor(pool × coverage / Σ coverage), so a member present half the month gets half a share.
 * Cents lost to flooring stay in the pool (`remainderCents`). A member whose bonus a red line
 * voids forfeits the share; it is not handed to the others.
 */
export function teamAwardShares(
  award: TeamAward,
  split: BonusSettings['teamSplit'] = 'equal',
): { shares: TeamShare[]; remainderCents: number } {
  const n = award.members.length;
  if (!award.met || n === 0) {
    const reason = { zh: '小组未达成团队目标：无团队奖', en: 'the group missed its team targets: no team award' };
    return {
      shares: award.members.map((m) => ({ agentId: m.agentId, cents: 0, reason })),
      remainderCents: award.met ? award.poolCents : 0,
    };
  }
  const weights = award.members.map((m) => (split === 'equal' ? 1 : basisPoints(m.coverage ?? 1)));
  const sum = weights.reduce((a, b) => a + b, 0);
  const pool = formatCents(award.poolCents);
  const shares = award.members.map((m, i) => {
    const cents = sum > 0 ? Math.floor((award.poolCents * weights[i]) / sum) : 0;
    const reason =
      split === 'equal'
        ? {
            zh: `小组达成团队目标：团队奖 ${pool} ÷ ${n} 人`,
            en: `the group met its targets: team award ${pool} / ${n} members`,
          }
        : {
            zh: `小组达成团队目标：团队奖 ${pool} 按在岗比例分配（${roundTo((m.coverage ?? 1) * 100, 2)}%）`,
            en: `the group met its targets: team award ${pool} split by presence (${roundTo((m.coverage ?? 1) * 100, 2)}%)`,
          };
    return { agentId: m.agentId, cents, reason };
  });
  return { shares, remainderCents: award.poolCents - shares.reduce((a, s) => a + s.cents, 0) };
}
