/**
 * Quality-inspection scorecards (质检表, SPEC QA-1): categories of items, each item rated on its
 * own scale, weighted, optionally N/A, critical (auto-fail) or bonus. A scorecard is plain
 * JSON-able data; the server stores each version as a row and a review keeps the version it
 * was scored with. This file holds its shape and its checks; scoring is score.ts, the shipped
 * scorecard defaults.ts.
 */
import { roundTo, type Bilingual } from '../appraisal/units.ts';

/** Ratings an item accepts: min, min + step, …, max. */
export interface RatingScale {
  /** the worst rating */
  min: number;
  /** the best rating */
  max: number;
  /** distance between allowed ratings (default 1) */
  step?: number;
}

export interface ScorecardItem {
  /** unique within the scorecard; ratings and comments are keyed by it */
  id: string;
  label: Bilingual;
  /** what the reviewer looks for */
  guide?: Bilingual;
  /** standard item: percent of the scorecard (standard weights sum to 100); bonus item: points at a full rating */
  weight: number;
  scale: RatingScale;
  /** the reviewer may mark the item not applicable; it then leaves the weighted mean */
  allowNa: boolean;
  /** rated below 50 % of its scale makes the whole review 0 (auto-fail) */
  critical: boolean;
  /** extra credit on top of the weighted mean, capped by the scorecard's maxScore */
  bonus: boolean;
}

export interface ScorecardCategory {
  id: string;
  label: Bilingual;
  items: ScorecardItem[];
}

export interface Scorecard {
  /** the family id; versions of one scorecard share it */
  id: string;
  version: number;
  name: Bilingual;
  categories: ScorecardCategory[];
  /** the highest review score: 100 keeps bonus points from lifting a review above 100 */
  maxScore: number;
}

/** An item's rating, or null for N/A. Keyed by item id. */
export type Ratings = Readonly<Record<string, number | null>>;

export type ScorecardPath = (string | number)[];

export type ScorecardProblemCode =
  | 'scorecard_invalid'
  | 'categories_empty'
  | 'category_empty'
  | 'duplicate_id'
  | 'label_missing'
  | 'scale_invalid'
  | 'weight_invalid'
  | 'weights_sum'
  | 'no_standard_items'
  | 'bonus_critical'
  | 'max_score_invalid'
  | 'unknown_item'
  | 'rating_missing'
  | 'rating_out_of_scale'
  | 'rating_off_step'
  | 'na_not_allowed'
  | 'nothing_rated';

/** One thing wrong with a scorecard or a set of ratings, with its JSON path and a message in both languages. */
export interface ScorecardProblem {
  /** zod-style path: ['categories', 1, 'items', 0, 'weight'] or ['ratings', 'privacy'] */
  path: ScorecardPath;
  code: ScorecardProblemCode;
  zh: string;
  en: string;
}

const SUM_TOLERANCE = 1e-6;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const hasText = (b: Bilingual | undefined): boolean =>
  typeof b?.zh === 'string' && b.zh.trim() !== '' && typeof b.en === 'string' && b.en.trim() !== '';

/** Every item of a scorecard with its category, in order. */
export function itemsOf(card: Scorecard): { item: ScorecardItem; category: ScorecardCategory }[] {
  return card.categories.flatMap((category) => category.items.map((item) => ({ item, category })));
}

/** The step of an item's scale (1 unless set). */
const stepOf = (scale: RatingScale): number => scale.step ?? 1;

/** Whether `rating` is one of the scale's allowed values (min + k × step, within 1e-9). */
function onStep(scale: RatingScale, rating: number): boolean {
  const k = (rating - scale.min) / stepOf(scale);
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/**
 * Everything wrong with a scorecard, each with its JSON path; empty when it can be used.
 * Checks ids (unique across the whole card), labels in both languages, scales (min < max, a
 * positive step that divides the range), weights (standard items ≥ 0 summing to 100, bonus
 * items > 0), that there is a standard item, that no bonus item is critical, and maxScore ≥ 100.
 */
export function validateScorecard(card: Scorecard): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  const add = (path: ScorecardPath, code: ScorecardProblemCode, zh: string, en: string) =>
    problems.push({ path, code, zh, en });
  if (typeof card.id !== 'string' || !/^[a-z0-9_-]{1,64}$/.test(card.id)) {
    add(
      ['id'],
      'scorecard_invalid',
      '质检表编号只能用小写字母、数字、_ 和 -。',
      'The id takes lower-case letters, digits, _ and -.',
    );
  }
  if (!Number.isInteger(card.version) || card.version < 1) {
    add(['version'], 'scorecard_invalid', '版本号须为正整数。', 'The version must be a positive whole number.');
  }
  if (!hasText(card.name))
    add(['name'], 'label_missing', '质检表需要中英文名称。', 'The scorecard needs a name in both languages.');
  if (!isNum(card.maxScore) || card.maxScore < 100) {
    add(['maxScore'], 'max_score_invalid', '最高分不能低于 100。', 'The highest score cannot be below 100.');
  }
  if (!Array.isArray(card.categories) || card.categories.length === 0) {
    add(['categories'], 'categories_empty', '质检表至少需要一个类别。', 'The scorecard needs at least one category.');
    return problems;
  }
  const ids = new Set<string>();
  const unique = (path: ScorecardPath, id: unknown, what: Bilingual) => {
    if (typeof id !== 'string' || id.trim() === '') {
      add(path, 'scorecard_invalid', `${what.zh}需要编号。`, `The ${what.en} needs an id.`);
    } else if (ids.has(id)) {
      add(path, 'duplicate_id', `编号“${id}”重复。`, `The id "${id}" is used twice.`);
    } else ids.add(id);
  };
  let standardSum = 0;
  let standardItems = 0;
  card.categories.forEach((category, ci) => {
    const cp: ScorecardPath = ['categories', ci];
    unique([...cp, 'id'], category.id, { zh: '类别', en: 'category' });
    if (!hasText(category.label))
      add([...cp, 'label'], 'label_missing', '类别需要中英文名称。', 'The category needs a name in both languages.');
    const cName = category.label ?? { zh: String(category.id), en: String(category.id) };
    if (!Array.isArray(category.items) || category.items.length === 0) {
      add([...cp, 'items'], 'category_empty', `“${cName.zh}”没有检查项。`, `Category "${cName.en}" has no items.`);
      return;
    }
    category.items.forEach((item, ii) => {
      const ip: ScorecardPath = [...cp, 'items', ii];
      unique([...ip, 'id'], item.id, { zh: '检查项', en: 'item' });
      if (!hasText(item.label))
        add([...ip, 'label'], 'label_missing', '检查项需要中英文名称。', 'The item needs a name in both languages.');
      const name = item.label ?? { zh: String(item.id), en: String(item.id) };
      const s = item.scale;
      if (!s || !isNum(s.min) || !isNum(s.max) || s.min >= s.max) {
        add(
          [...ip, 'scale'],
          'scale_invalid',
          `“${name.zh}”的评分区间须最低分小于最高分。`,
          `Item "${name.en}": the scale's min must be below its max.`,
        );
      } else if (s.step !== undefined && (!isNum(s.step) || s.step <= 0 || !onStep(s, s.max))) {
        add(
          [...ip, 'scale', 'step'],
          'scale_invalid',
          `“${name.zh}”的步长须为正数且能整除评分区间。`,
          `Item "${name.en}": the step must be positive and divide the scale.`,
        );
      }
      if (item.bonus && item.critical) {
        add(
          [...ip, 'critical'],
          'bonus_critical',
          `加分项“${name.zh}”不能是致命项。`,
          `Bonus item "${name.en}" cannot be critical.`,
        );
      }
      if (!isNum(item.weight) || item.weight < 0 || (item.bonus && item.weight === 0)) {
        add(
          [...ip, 'weight'],
          'weight_invalid',
          `“${name.zh}”的权重须为${item.bonus ? '正数' : '非负数'}。`,
          `Item "${name.en}": the weight must be ${item.bonus ? 'positive' : 'zero or more'}.`,
        );
      } else if (!item.bonus) {
        standardSum += item.weight;
      }
      if (!item.bonus) standardItems += 1;
    });
  });
  if (standardItems === 0) {
    add(
      ['categories'],
      'no_standard_items',
      '质检表至少需要一个非加分项。',
      'The scorecard needs at least one item that is not a bonus item.',
    );
  } else if (Math.abs(standardSum - 100) > SUM_TOLERANCE) {
    const sum = roundTo(standardSum, 4);
    add(
      ['categories'],
      'weights_sum',
      `非加分项权重合计 ${sum}%，应为 100%。`,
      `The weights of the standard items add up to ${sum}%, not 100%.`,
    );
  }
  return problems;
}

/**
 * Everything wrong with a set of ratings for a scorecard, each at ['ratings', itemId]: unknown
 * items, a standard item neither rated nor marked N/A, N/A where the item does not allow it
 * (bonus items always may be N/A), ratings outside the scale or between its steps, and nothing
 * rated at all among the standard items.
 */
export function checkRatings(card: Scorecard, ratings: Ratings): ScorecardProblem[] {
  const problems: ScorecardProblem[] = [];
  const add = (itemId: string, code: ScorecardProblemCode, zh: string, en: string) =>
    problems.push({ path: ['ratings', itemId], code, zh, en });
  const items = itemsOf(card);
  const known = new Set(items.map((x) => x.item.id));
  for (const id of Object.keys(ratings)) {
    if (!known.has(id)) add(id, 'unknown_item', `质检表中没有检查项“${id}”。`, `The scorecard has no item "${id}".`);
  }
  let rated = 0;
  for (const { item } of items) {
    const r = ratings[item.id];
    const { zh, en } = item.label;
    if (r === undefined) {
      if (!item.bonus)
        add(item.id, 'rating_missing', `“${zh}”未评分，也未标为不适用。`, `"${en}" is neither rated nor marked N/A.`);
    } else if (r === null) {
      if (!item.allowNa && !item.bonus)
        add(item.id, 'na_not_allowed', `“${zh}”不能标为不适用。`, `"${en}" cannot be marked N/A.`);
    } else if (!isNum(r) || r < item.scale.min || r > item.scale.max) {
      add(
        item.id,
        'rating_out_of_scale',
        `“${zh}”的评分须在 ${item.scale.min}–${item.scale.max} 之间。`,
        `"${en}" takes ratings from ${item.scale.min} to ${item.scale.max}.`,
      );
    } else if (!onStep(item.scale, r)) {
      add(
        item.id,
        'rating_off_step',
        `“${zh}”的评分须按 ${stepOf(item.scale)} 递增。`,
        `"${en}" takes ratings in steps of ${stepOf(item.scale)}.`,
      );
    } else if (!item.bonus) rated += 1;
  }
  if (problems.length === 0 && rated === 0) {
    problems.push({
      path: ['ratings'],
      code: 'nothing_rated',
      zh: '至少需要为一个非加分项评分。',
      en: 'Rate at least one item that is not a bonus item.',
    });
  }
  return problems;
}
