import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORECARD } from './defaults.ts';
import { buildItem, buildRatings, buildScorecard, copyDefaultScorecard } from './factories.ts';
import { RatingsInvalidError, scoreReview } from './score.ts';
import { checkRatings, validateScorecard } from './scorecard.ts';

const card = DEFAULT_SCORECARD;
const rated = (over: Record<string, number | null> = {}) => buildRatings(card, over);

describe('the default scorecard', () => {
  it('validates clean and carries the four dimensions of the spec in both languages', () => {
    expect(validateScorecard(card)).toEqual([]);
    expect(card.categories.map((c) => [c.id, c.label.zh])).toEqual([
      ['compliance', '话术合规'],
      ['efficiency', '解决效率'],
      ['emotional_care', '情绪关怀'],
      ['etiquette', '服务礼仪'],
      ['extra', '加分项'],
    ]);
    const compliance = card.categories[0].items;
    expect(compliance.map((i) => [i.id, i.critical])).toEqual([
      ['no_banned_words', true],
      ['no_unauthorised_promises', true],
      ['privacy', true],
    ]);
  });
});

describe('ratings that do not fit the scorecard', () => {
  it('names every problem by item', () => {
    const problems = checkRatings(card, {
      ...rated({ privacy: null, correct_first_time: 2.5, standard_greeting: 3 }),
      no_banned_words: undefined as unknown as number,
      made_up: 1,
    });
    expect(problems.map((p) => [p.path.join('.'), p.code])).toEqual([
      ['ratings.made_up', 'unknown_item'],
      ['ratings.no_banned_words', 'rating_missing'],
      ['ratings.privacy', 'na_not_allowed'],
      ['ratings.correct_first_time', 'rating_off_step'],
      ['ratings.standard_greeting', 'rating_out_of_scale'],
    ]);
    expect(problems[2].zh).toBe('“保护隐私”不能标为不适用。');
  });

  it('refuses a review with nothing rated', () => {
    const c = buildScorecard([buildItem('a', 100, { allowNa: true })]);
    expect(() => scoreReview(c, { a: null })).toThrow(RatingsInvalidError);
    expect(checkRatings(c, { a: null }).map((p) => p.code)).toEqual(['nothing_rated']);
  });
});

describe('scorecard validation', () => {
  it('reports standard weights not adding up to 100 %', () => {
    const c = copyDefaultScorecard();
    c.categories[3].items[1].weight = 2;
    expect(validateScorecard(c).map((p) => [p.path, p.code, p.zh])).toEqual([
      [['categories'], 'weights_sum', '非加分项权重合计 95%，应为 100%。'],
    ]);
  });

  it('reports each broken field by path', () => {
    const c = copyDefaultScorecard();
    c.maxScore = 90;
    c.categories[1].items[0].scale = { min: 5, max: 5 };
    c.categories[1].items[1].scale = { min: 0, max: 5, step: 2 };
    c.categories[2].items[0].id = 'privacy';
    c.categories[4].items[0].critical = true;
    c.categories[3].items = [];
    expect(validateScorecard(c).map((p) => [p.path.join('.'), p.code])).toEqual([
      ['maxScore', 'max_score_invalid'],
      ['categories.1.items.0.scale', 'scale_invalid'],
      ['categories.1.items.1.scale.step', 'scale_invalid'],
      ['categories.2.items.0.id', 'duplicate_id'],
      ['categories.3.items', 'category_empty'],
      ['categories.4.items.0.critical', 'bonus_critical'],
      ['categories', 'weights_sum'],
    ]);
  });

  it('needs a category and an item that is not a bonus', () => {
    expect(validateScorecard({ ...card, categories: [] }).map((p) => p.code)).toEqual(['categories_empty']);
    const onlyBonus = buildScorecard([buildItem('b', 5, { bonus: true })]);
    expect(validateScorecard(onlyBonus).map((p) => p.code)).toEqual(['no_standard_items']);
  });
});
