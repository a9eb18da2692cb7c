/**
 * The stepped bonus pool (阶梯式奖金池, SPEC APR-5; seed 004: 基础绩效（指标达标得100%）+ 超额奖
 * （解决率、满意度每超额1%，奖金上浮2%）+ 创新奖（流程优化建议被采纳）; seed 001: 转化提成 +
 * 客单价奖金) and red lines (APR-6). Itemised: every component is a line with its reason, for the
 * payroll export.
 *
 * Money is integer cents, CNY. Every division floors to the cent (Math.floor on an integer
 * numerator), so no line is ever rounded up; shares are computed from integers (coverage and
 * totals are first turned into basis points / hundredths of a point). Rules:
 * - base: the level's base (× coverage when `prorateByCoverage`). Paid 100 % when every scored
 *   indicator met its target; otherwise `pro_rata` pays base × min(final total, 100) / 100, `zero`
 *   pays nothing.
 * - excess: for each configured indicator (resolution, satisfaction), +`percentPerPoint` % of the
 *   base for every FULL percentage point above its target (0.9549 vs 0.90 → 5 points), at most
 *   `capPercent` % per indicator. Paid whether or not the base was paid in full.
 * - innovation: a fixed amount per adopted process suggestion.
 * - team: the agent's share of the group's award (teamAwardShares), when the group met its targets.
 * - commission (optional): rate on credited sales + a fixed AOV bonus at an uplift threshold.
 * - red line: every line is voided (kept as `voidedCents` for the record) and the star level drops.
 */
import type { Level } from '../org.ts';
import { redLineEffect, type RedLineViolation, type Standing } from './redline.ts';
import type { AppraisalResult, IndicatorResult } from './result.ts';
import { basisPoints, formatCents, formatValue, roundTo, type Bilingual } from './units.ts';

export interface BonusSettings {
  /** base bonus per level, cents */
  baseCents: Readonly<Record<Level, number>>;
  belowTarget: 'pro_rata' | 'zero';
  /** scale the base (and so the excess) by the agent's coverage of the period */
  prorateByCoverage: boolean;
  excess: {
    indicatorIds: readonly string[];
    /** whole percent of the base per full point above target */
    percentPerPoint: number;
    /** whole percent of the base, per indicator */
    capPercent: number;
  };
  /** per adopted suggestion, cents (seed 004 leaves the amount blank: 奖励____元) */
  innovationCents: number;
  /** how a team award is split: equally, or in proportion to coverage */
  teamSplit: 'equal' | 'coverage';
  commission: {
    /** of credited sales, in basis points (100 = 1 %) */
    rateBasisPoints: number;
    aovBonus: { minUplift: number; cents: number } | null;
  } | null;
}

/** Amounts are placeholders (the seeds give the structure, not the sums): set them per department. */
export const DEFAULT_BONUS_SETTINGS: BonusSettings = {
  baseCents: { junior: 80_000, senior: 120_000, star: 160_000 },
  belowTarget: 'pro_rata',
  prorateByCoverage: true,
  excess: { indicatorIds: ['immediate_resolution', 'satisfaction'], percentPerPoint: 2, capPercent: 20 },
  innovationCents: 20_000,
  teamSplit: 'equal',
  commission: null,
};

const isCents = (x: number): boolean => Number.isSafeInteger(x) && x >= 0;

/** Problems with bonus settings (amounts whole non-negative cents, percents whole). */
export function validateBonusSettings(s: BonusSettings): string[] {
  const p: string[] = [];
  for (const [level, c] of Object.entries(s.baseCents))
    if (!isCents(c)) p.push(`baseCents.${level} must be whole cents ≥ 0`);
  if (!isCents(s.innovationCents)) p.push('innovationCents must be whole cents ≥ 0');
  if (!isCents(s.excess.percentPerPoint)) p.push('excess.percentPerPoint must be a whole percent ≥ 0');
  if (!isCents(s.excess.capPercent)) p.push('excess.capPercent must be a whole percent ≥ 0');
  if (s.commission) {
    const r = s.commission.rateBasisPoints;
    if (!Number.isInteger(r) || r < 0 || r > 10_000) p.push('commission.rateBasisPoints must be 0–10000');
    if (s.commission.aovBonus && !isCents(s.commission.aovBonus.cents))
      p.push('commission.aovBonus.cents must be whole cents ≥ 0');
  }
  return p;
}

export type BonusComponent = 'base' | 'excess' | 'innovation' | 'team' | 'commission' | 'aov_bonus';

export interface BonusLine {
  component: BonusComponent;
  /** for `excess`: the indicator it rewards */
  indicatorId?: string;
  /** paid */
  cents: number;
  /** what a red line took away (0 otherwise) */
  voidedCents: number;
  reason: Bilingual;
}

export interface TeamShare {
  agentId: string;
  cents: number;
  reason: Bilingual;
}

export interface BonusInput {
  appraisal: AppraisalResult;
  standing: Standing;
  adoptedSuggestions: number;
  redLines: readonly RedLineViolation[];
  /** this agent's share from teamAwardShares; absent = the agent's group has no award */
  team?: TeamShare;
  /** for the optional commission */
  sales?: { creditedSalesCents: number; aovUplift: number | null };
}

export interface AgentBonus {
  agentId: string;
  standing: Standing;
  /** after a red line's demotion; same as `standing` otherwise */
  nextStanding: Standing;
  lines: BonusLine[];
  totalCents: number;
  voided: boolean;
  /** the appraisal still has pending values: not for payroll yet */
  provisional: boolean;
}

function baseLine(a: AppraisalResult, base: number, s: BonusSettings): BonusLine {
  const scored = a.indicators.filter((i) => i.status === 'scored');
  const missed = scored.filter((i) => i.met === false);
  if (scored.length > 0 && missed.length === 0) {
    return {
      component: 'base',
      cents: base,
      voidedCents: 0,
      reason: { zh: '全部指标达标：基础奖金 100%', en: 'every target met: 100% of the base' },
    };
  }
  const names = {
    zh: missed.map((i) => i.label.zh).join('、'),
    en: missed.map((i) => i.label.en).join(', '),
  };
  const total = a.final.total;
  if (s.belowTarget === 'zero' || total === null) {
    return {
      component: 'base',
      cents: 0,
      voidedCents: 0,
      reason: { zh: `未达标（${names.zh}）：不发基础奖金`, en: `targets missed (${names.en}): no base bonus` },
    };
  }
  const hundredths = Math.min(10_000, Math.max(0, Math.round(total * 100)));
  const cents = Math.floor((base * hundredths) / 10_000);
  const share = `${hundredths / 100}%`;
  return {
    component: 'base',
    cents,
    voidedCents: 0,
    reason: {
      zh: `未全部达标（${names.zh}）：按总分 ${total} 折算 ${share}，${formatCents(base)} × ${share} = ${formatCents(cents)}`,
      en: `not every target met (${names.en}): pro rata by the total ${total}, ${formatCents(base)} × ${share} = ${formatCents(cents)}`,
    },
  };
}

function excessLine(ind: IndicatorResult | undefined, id: string, base: number, s: BonusSettings): BonusLine {
  if (ind === undefined || ind.status !== 'scored' || typeof ind.value !== 'number') {
    const name = ind?.label ?? { zh: id, en: id };
    const reason = { zh: `${name.zh}：本期无数据，无超额奖`, en: `${name.en}: no data, no excess award` };
    return { component: 'excess', indicatorId: id, cents: 0, voidedCents: 0, reason };
  }
  // in ten-thousandths of the unit: a full point is one percentage point of a rate, one unit otherwise
  const diff = basisPoints(ind.value) - basisPoints(ind.target);
  const beyond = ind.direction === 'lower' ? -diff : diff;
  const scale = ind.unit === 'ratio' ? 100 : 10_000;
  const points = beyond > 0 ? Math.floor(beyond / scale) : 0;
  const v = formatValue(ind.unit, ind.value);
  const t = formatValue(ind.unit, ind.target);
  if (points === 0) {
    return {
      component: 'excess',
      indicatorId: id,
      cents: 0,
      voidedCents: 0,
      reason: {
        zh: `${ind.label.zh} ${v.zh}，目标 ${t.zh}：未超出目标一个整点，无超额奖`,
        en: `${ind.label.en} ${v.en} against ${t.en}: not a full point above the target, no excess award`,
      },
    };
  }
  const percent = Math.min(points * s.excess.percentPerPoint, s.excess.capPercent);
  const cents = Math.floor((base * percent) / 100);
  const capped = points * s.excess.percentPerPoint > s.excess.capPercent;
  const unitZh = ind.unit === 'ratio' ? '个整百分点' : '个整单位';
  const capNote = capped
    ? { zh: `，封顶 ${s.excess.capPercent}%`, en: `, capped at ${s.excess.capPercent}%` }
    : { zh: '', en: '' };
  return {
    component: 'excess',
    indicatorId: id,
    cents,
    voidedCents: 0,
    reason: {
      zh: `${ind.label.zh} ${v.zh}，目标 ${t.zh}：超额 ${points} ${unitZh} × ${s.excess.percentPerPoint}% = ${percent}%${capNote.zh}，${formatCents(base)} × ${percent}% = ${formatCents(cents)}`,
      en: `${ind.label.en} ${v.en} against ${t.en}: ${points} full point(s) above × ${s.excess.percentPerPoint}% = ${percent}%${capNote.en}, ${formatCents(base)} × ${percent}% = ${formatCents(cents)}`,
    },
  };
}

/** One agent's itemised bonus for the period (see the file comment for every rule). */
export function computeBonus(input: BonusInput, settings: BonusSettings = DEFAULT_BONUS_SETTINGS): AgentBonus {
  const a = input.appraisal;
  const full = settings.baseCents[input.standing.level];
  const base = settings.prorateByCoverage ? Math.floor((full * basisPoints(a.coverage)) / 10_000) : full;
  const lines: BonusLine[] = [baseLine(a, base, settings)];
  if (base !== full) {
    const cov = `${roundTo(a.coverage * 100, 2)}%`;
    lines[0].reason = {
      zh: `基础奖金 ${formatCents(full)} × 在岗 ${cov} = ${formatCents(base)}；${lines[0].reason.zh}`,
      en: `base ${formatCents(full)} × ${cov} presence = ${formatCents(base)}; ${lines[0].reason.en}`,
    };
  }
  for (const id of settings.excess.indicatorIds) {
    lines.push(
      excessLine(
        a.indicators.find((i) => i.id === id),
        id,
        base,
        settings,
      ),
    );
  }
  const n = input.adoptedSuggestions;
  const innovation = n * settings.innovationCents;
  lines.push({
    component: 'innovation',
    cents: innovation,
    voidedCents: 0,
    reason:
      n > 0
        ? {
            zh: `${n} 条流程优化建议被采纳 × ${formatCents(settings.innovationCents)}`,
            en: `${n} adopted suggestion(s) × ${formatCents(settings.innovationCents)}`,
          }
        : { zh: '本期无被采纳的建议', en: 'no adopted suggestion this period' },
  });
  lines.push(
    input.team
      ? { component: 'team', cents: input.team.cents, voidedCents: 0, reason: input.team.reason }
      : {
          component: 'team',
          cents: 0,
          voidedCents: 0,
          reason: { zh: '所在小组无团队奖', en: 'no team award for the group' },
        },
  );
  if (settings.commission) lines.push(...commissionLines(input, settings.commission));

  const effect = redLineEffect(input.standing, input.redLines);
  if (effect.voidBonus && effect.reason) {
    for (const l of lines) {
      l.voidedCents = l.cents;
      l.cents = 0;
      l.reason = {
        zh: `${effect.reason.zh}，本期奖金作废（原 ${l.reason.zh}）`,
        en: `${effect.reason.en}: the period's bonus is void (was: ${l.reason.en})`,
      };
    }
  }
  return {
    agentId: a.agentId,
    standing: input.standing,
    nextStanding: effect.standing,
    lines,
    totalCents: lines.reduce((x, l) => x + l.cents, 0),
    voided: effect.voidBonus,
    provisional: a.status === 'provisional',
  };
}

function commissionLines(input: BonusInput, c: NonNullable<BonusSettings['commission']>): BonusLine[] {
  const sales = input.sales?.creditedSalesCents ?? 0;
  const cents = Math.floor((sales * c.rateBasisPoints) / 10_000);
  const rate = `${c.rateBasisPoints / 100}%`;
  const out: BonusLine[] = [
    {
      component: 'commission',
      cents,
      voidedCents: 0,
      reason: {
        zh: `落实销售额 ${formatCents(sales)} × ${rate} = ${formatCents(cents)}`,
        en: `credited sales ${formatCents(sales)} × ${rate} = ${formatCents(cents)}`,
      },
    },
  ];
  if (c.aovBonus) {
    const uplift = input.sales?.aovUplift ?? null;
    const reached = uplift !== null && basisPoints(uplift) >= basisPoints(c.aovBonus.minUplift);
    const u = uplift === null ? { zh: '无数据', en: 'no data' } : formatValue('ratio', uplift);
    const min = formatValue('ratio', c.aovBonus.minUplift);
    out.push({
      component: 'aov_bonus',
      cents: reached ? c.aovBonus.cents : 0,
      voidedCents: 0,
      reason: reached
        ? { zh: `客单价提升 ${u.zh} ≥ ${min.zh}：客单价奖金`, en: `AOV uplift ${u.en} ≥ ${min.en}: AOV bonus` }
        : { zh: `客单价提升 ${u.zh}，未达 ${min.zh}`, en: `AOV uplift ${u.en} below ${min.en}` },
    });
  }
  return out;
}

/** One row per bonus line, in the order of the payroll export (XLSX, one sheet per cycle). */
export interface PayrollRow {
  agentId: string;
  component: BonusComponent;
  indicatorId: string;
  cents: number;
  voidedCents: number;
  reasonZh: string;
  reasonEn: string;
}

/** Flattens bonuses to payroll rows, with a `total` row per agent after its lines. */
export function payrollRows(
  bonuses: readonly AgentBonus[],
): (PayrollRow | (Omit<PayrollRow, 'component'> & { component: 'total' }))[] {
  return bonuses.flatMap((b) => [
    ...b.lines.map((l) => ({
      agentId: b.agentId,
      component: l.component,
      indicatorId: l.indicatorId ?? '',
      cents: l.cents,
      voidedCents: l.voidedCents,
      reasonZh: l.reason.zh,
      reasonEn: l.reason.en,
    })),
    {
      agentId: b.agentId,
      component: 'total' as const,
      indicatorId: '',
      cents: b.totalCents,
      voidedCents: b.lines.reduce((x, l) => x + l.voidedCents, 0),
      reasonZh: b.voided ? '本期奖金因高压线作废' : '合计',
      reasonEn: b.voided ? "the period's bonus is void (red line)" : 'total',
    },
  ]);
}
