/**
 * Checking a scheme before it is saved or used (SPEC APR-1: weights must add up to 100 %; the
 * editor says what is wrong). Each problem carries the JSON path of the field and a message in
 * both languages naming the section or indicator.
 */
import { LEVELS, type Level } from '../org.ts';
import { METRIC_DEFINITIONS, METRIC_KEYS } from '../metrics/catalogue.ts';
import { metricSettings } from '../metrics/settings.ts';
import { REVIEW_KINDS, unitOf, type Indicator, type Scheme } from './scheme.ts';
import type { Bilingual, IndicatorUnit } from './units.ts';

export type SchemePath = (string | number)[];

export interface SchemeProblem {
  /** where in the scheme JSON, zod-style: ['sections', 1, 'indicators', 0, 'weight'] */
  path: SchemePath;
  code: SchemeProblemCode;
  zh: string;
  en: string;
}

export type SchemeProblemCode =
  | 'scheme_invalid'
  | 'section_weights_sum'
  | 'indicator_weights_sum'
  | 'weight_invalid'
  | 'section_duplicate'
  | 'section_empty'
  | 'duplicate_id'
  | 'unknown_metric'
  | 'unknown_review'
  | 'metric_settings_invalid'
  | 'direction_mismatch'
  | 'unit_required'
  | 'target_missing_for_level'
  | 'target_invalid'
  | 'ratio_out_of_range'
  | 'floor_wrong_side'
  | 'bonus_invalid'
  | 'bands_empty'
  | 'bands_unordered'
  | 'band_score_invalid'
  | 'scaling_unit';

/** Percent sums are compared with this tolerance (weights like 33.33 + 33.33 + 33.34). */
const SUM_TOLERANCE = 1e-6;
const LEVEL_ZH: Readonly<Record<Level, string>> = { junior: '初级', senior: '资深', star: '星级' };
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const pct = (x: number): string => `${Math.round(x * 1e4) / 1e4}%`;

/**
 * Everything wrong with a scheme, each with its JSON path and a message in both languages
 * naming the section or indicator; empty when the scheme can be used. Checks weights (each
 * section's indicators and the sections sum to 100 %), ids, metric keys and settings, units,
 * targets for every level, rates written as fractions, curve floors and ordered bands.
 */
export function validateScheme(scheme: Scheme): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const add = (path: SchemePath, code: SchemeProblemCode, zh: string, en: string): void => {
    problems.push({ path, code, zh, en });
  };
  if (typeof scheme.id !== 'string' || scheme.id.trim() === '') {
    add(['id'], 'scheme_invalid', '方案需要编号。', 'The scheme needs an id.');
  }
  if (!Number.isInteger(scheme.version) || scheme.version < 1) {
    add(['version'], 'scheme_invalid', '版本号须为正整数。', 'The version must be a positive whole number.');
  }
  if (!Array.isArray(scheme.sections) || scheme.sections.length === 0) {
    add(['sections'], 'section_empty', '方案至少需要一个部分。', 'The scheme needs at least one section.');
    return problems;
  }
  const seenSections = new Set<string>();
  const seenIds = new Set<string>();
  let sectionSum = 0;
  scheme.sections.forEach((section, si) => {
    const sp: SchemePath = ['sections', si];
    const sName = section.label ?? { zh: String(section.kind), en: String(section.kind) };
    if (seenSections.has(section.kind)) {
      add([...sp, 'kind'], 'section_duplicate', `“${sName.zh}”重复出现。`, `Section "${sName.en}" appears twice.`);
    }
    seenSections.add(section.kind);
    if (!isNum(section.weight) || section.weight <= 0) {
      add(
        [...sp, 'weight'],
        'weight_invalid',
        `“${sName.zh}”的权重须为正数。`,
        `Section "${sName.en}" needs a positive weight.`,
      );
    } else sectionSum += section.weight;
    const indicators: readonly Indicator[] = Array.isArray(section.indicators) ? section.indicators : [];
    if (indicators.length === 0) {
      add(
        [...sp, 'indicators'],
        'section_empty',
        `“${sName.zh}”没有指标。`,
        `Section "${sName.en}" has no indicators.`,
      );
      return;
    }
    let sum = 0;
    indicators.forEach((ind, ii) => {
      const w = validateIndicator(ind, [...sp, 'indicators', ii], seenIds, add);
      sum += w;
    });
    if (Math.abs(sum - 100) > SUM_TOLERANCE) {
      add(
        [...sp, 'indicators'],
        'indicator_weights_sum',
        `“${sName.zh}”内各指标权重合计 ${pct(sum)}，应为 100%（相差 ${pct(100 - sum)}）。`,
        `Indicator weights in section "${sName.en}" add up to ${pct(sum)}; they must add up to 100% (off by ${pct(100 - sum)}).`,
      );
    }
  });
  if (Math.abs(sectionSum - 100) > SUM_TOLERANCE) {
    add(
      ['sections'],
      'section_weights_sum',
      `各部分权重合计 ${pct(sectionSum)}，应为 100%。`,
      `Section weights add up to ${pct(sectionSum)}; they must add up to 100%.`,
    );
  }
  return problems;
}

type Add = (path: SchemePath, code: SchemeProblemCode, zh: string, en: string) => void;

/** Checks one indicator; returns its weight for the section sum (0 when unusable). */
function validateIndicator(ind: Indicator, p: SchemePath, seenIds: Set<string>, add: Add): number {
  const name = ind.label ?? { zh: String(ind.id), en: String(ind.id) };
  const at = { zh: `指标“${name.zh}”`, en: `Indicator "${name.en}"` };
  if (typeof ind.id !== 'string' || ind.id.trim() === '') {
    add([...p, 'id'], 'scheme_invalid', `${at.zh}需要编号。`, `${at.en} needs an id.`);
  } else if (seenIds.has(ind.id)) {
    add([...p, 'id'], 'duplicate_id', `${at.zh}的编号“${ind.id}”重复。`, `${at.en}: id "${ind.id}" is used twice.`);
  }
  seenIds.add(ind.id);

  if (ind.kind === 'metric') {
    if (!(METRIC_KEYS as readonly string[]).includes(ind.metric)) {
      add(
        [...p, 'metric'],
        'unknown_metric',
        `${at.zh}引用了未知指标“${ind.metric}”。`,
        `${at.en} refers to unknown metric "${ind.metric}".`,
      );
    } else {
      const md = METRIC_DEFINITIONS[ind.metric].direction;
      if (md !== 'neutral' && md !== ind.direction) {
        add(
          [...p, 'direction'],
          'direction_mismatch',
          `${at.zh}的方向与指标定义相反（${md === 'lower' ? '越低越好' : '越高越好'}）。`,
          `${at.en} goes the other way from its metric (${md} is better).`,
        );
      }
    }
    if (ind.settings !== undefined) {
      try {
        metricSettings(ind.settings);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        add(
          [...p, 'settings'],
          'metric_settings_invalid',
          `${at.zh}的指标设置无效：${msg}`,
          `${at.en} has invalid metric settings: ${msg}`,
        );
      }
    }
  } else if (ind.kind === 'review') {
    if (!(REVIEW_KINDS as readonly string[]).includes(ind.review)) {
      add(
        [...p, 'review'],
        'unknown_review',
        `${at.zh}的评价类型“${ind.review}”未知。`,
        `${at.en} has unknown review kind "${ind.review}".`,
      );
    } else if (unitOf(ind) === null) {
      add(
        [...p, 'unit'],
        'unit_required',
        `${at.zh}是手工录入项，须注明单位。`,
        `${at.en} is entered by hand and needs a unit.`,
      );
    }
  } else {
    add([...p, 'kind'], 'scheme_invalid', `${at.zh}的类型未知。`, `${at.en} has an unknown kind.`);
  }
  if (ind.direction !== 'higher' && ind.direction !== 'lower') {
    add(
      [...p, 'direction'],
      'scheme_invalid',
      `${at.zh}须注明越高越好或越低越好。`,
      `${at.en} needs a direction (higher or lower is better).`,
    );
  }

  const unit = ind.kind === 'metric' || ind.kind === 'review' ? unitOf(ind) : null;
  const targets = validateTargets(ind, p, unit, at, add);
  if (ind.scaling !== undefined && unit !== 'count' && unit !== 'cents') {
    add(
      [...p, 'scaling'],
      'scaling_unit',
      `${at.zh}：只有数量类指标可以按月折算目标。`,
      `${at.en}: only volumes (counts) can have a per-month target.`,
    );
  }
  validateCurve(ind, p, unit, targets, at, add);

  if (!isNum(ind.weight) || ind.weight <= 0) {
    add([...p, 'weight'], 'weight_invalid', `${at.zh}的权重须为正数。`, `${at.en} needs a positive weight.`);
    return 0;
  }
  return ind.weight;
}

function checkRatio(unit: IndicatorUnit | null, x: number, path: SchemePath, what: Bilingual, add: Add): void {
  if (unit === 'ratio' && (x < 0 || x > 1)) {
    add(
      path,
      'ratio_out_of_range',
      `${what.zh}为比率，应写成 0–1 的小数（90% 写作 0.9），现为 ${x}。`,
      `${what.en} is a rate and is stored as a fraction 0–1 (90% is 0.9); got ${x}.`,
    );
  }
}

/** The usable targets of an indicator (one per level when per-level). */
function validateTargets(ind: Indicator, p: SchemePath, unit: IndicatorUnit | null, at: Bilingual, add: Add): number[] {
  const t: unknown = ind.target;
  if (isNum(t)) {
    checkRatio(unit, t, [...p, 'target'], { zh: `${at.zh}的目标`, en: `${at.en}'s target` }, add);
    return [t];
  }
  if (t === null || typeof t !== 'object') {
    add([...p, 'target'], 'target_invalid', `${at.zh}缺少目标值。`, `${at.en} has no target.`);
    return [];
  }
  const out: number[] = [];
  for (const level of LEVELS) {
    const v = (t as Record<string, unknown>)[level];
    if (!isNum(v)) {
      add(
        [...p, 'target', level],
        'target_missing_for_level',
        `${at.zh}按级别设目标，但缺少${LEVEL_ZH[level]}的目标。`,
        `${at.en} has per-level targets but none for ${level}.`,
      );
    } else {
      checkRatio(
        unit,
        v,
        [...p, 'target', level],
        { zh: `${at.zh}${LEVEL_ZH[level]}目标`, en: `${at.en}'s ${level} target` },
        add,
      );
      out.push(v);
    }
  }
  return out;
}

function validateCurve(
  ind: Indicator,
  p: SchemePath,
  unit: IndicatorUnit | null,
  targets: number[],
  at: Bilingual,
  add: Add,
): void {
  const c = ind.curve;
  const cp: SchemePath = [...p, 'curve'];
  const lower = ind.direction === 'lower';
  switch (c?.type) {
    case 'linear':
    case 'capped_bonus': {
      if (!isNum(c.floor)) {
        add([...cp, 'floor'], 'target_invalid', `${at.zh}的曲线缺少 0 分线。`, `${at.en}'s curve has no floor.`);
        break;
      }
      checkRatio(unit, c.floor, [...cp, 'floor'], { zh: `${at.zh}的 0 分线`, en: `${at.en}'s floor` }, add);
      const wrong = targets.some((t) => (lower ? c.floor <= t : c.floor >= t));
      if (wrong) {
        add(
          [...cp, 'floor'],
          'floor_wrong_side',
          lower
            ? `${at.zh}越低越好，0 分线（${c.floor}）须高于目标。`
            : `${at.zh}越高越好，0 分线（${c.floor}）须低于目标。`,
          lower
            ? `${at.en} is lower-is-better, so its floor (${c.floor}) must be above the target.`
            : `${at.en} is higher-is-better, so its floor (${c.floor}) must be below the target.`,
        );
      }
      if (
        c.type === 'capped_bonus' &&
        !(
          isNum(c.bonusPer) &&
          c.bonusPer > 0 &&
          isNum(c.bonusPoints) &&
          c.bonusPoints > 0 &&
          isNum(c.cap) &&
          c.cap > 100
        )
      ) {
        add(
          cp,
          'bonus_invalid',
          `${at.zh}的超额加分须为正数，封顶须高于 100 分。`,
          `${at.en}'s bonus step and points must be positive and its cap above 100.`,
        );
      }
      break;
    }
    case 'steps': {
      if (!Array.isArray(c.bands) || c.bands.length === 0) {
        add([...cp, 'bands'], 'bands_empty', `${at.zh}的分档为空。`, `${at.en} has no step bands.`);
        break;
      }
      c.bands.forEach((b, j) => {
        const bp: SchemePath = [...cp, 'bands', j];
        if (!isNum(b.bound) || !isNum(b.score) || b.score < 0) {
          add(bp, 'band_score_invalid', `${at.zh}第 ${j + 1} 档无效。`, `${at.en}: band ${j + 1} is invalid.`);
          return;
        }
        checkRatio(
          unit,
          b.bound,
          [...bp, 'bound'],
          { zh: `${at.zh}第 ${j + 1} 档`, en: `${at.en} band ${j + 1}` },
          add,
        );
        if (j === 0) return;
        const prev = c.bands[j - 1];
        if (lower ? b.bound <= prev.bound : b.bound >= prev.bound) {
          add(
            [...bp, 'bound'],
            'bands_unordered',
            `${at.zh}的分档须从好到差排列：第 ${j + 1} 档应${lower ? '大于' : '小于'}第 ${j} 档。`,
            `${at.en}'s bands must run from best to worst: band ${j + 1} must be ${lower ? 'above' : 'below'} band ${j}.`,
          );
        }
        if (b.score > prev.score) {
          add(
            [...bp, 'score'],
            'band_score_invalid',
            `${at.zh}第 ${j + 1} 档得分高于更好的第 ${j} 档。`,
            `${at.en}: band ${j + 1} scores more than the better band ${j}.`,
          );
        }
      });
      const last = c.bands[c.bands.length - 1];
      if (!isNum(c.otherwise) || c.otherwise < 0 || (isNum(last?.score) && c.otherwise > last.score)) {
        add(
          [...cp, 'otherwise'],
          'band_score_invalid',
          `${at.zh}未达任何档位时的得分须在 0 与最后一档之间。`,
          `${at.en}: the score below every band must be between 0 and the last band's.`,
        );
      }
      break;
    }
    default:
      add(cp, 'scheme_invalid', `${at.zh}的计分曲线未知。`, `${at.en} has an unknown scoring curve.`);
  }
}
