/**
 * Test-data builders for quality inspection (STYLE: factories, not hand-copied rows). Each
 * builder gives a valid default and takes overrides.
 */
import { DEFAULT_SCORECARD } from './defaults.ts';
import type { Ratings, Scorecard, ScorecardItem } from './scorecard.ts';

/** A standard 0–5 item weighing `weight` percent; override flags or the scale as needed. */
export function buildItem(id: string, weight: number, over: Partial<ScorecardItem> = {}): ScorecardItem {
  return {
    id,
    label: { zh: id, en: id },
    weight,
    scale: { min: 0, max: 5 },
    allowNa: false,
    critical: false,
    bonus: false,
    ...over,
  };
}

/** A one-category scorecard of the given items (max score 100 unless overridden). */
export function buildScorecard(items: ScorecardItem[], over: Partial<Scorecard> = {}): Scorecard {
  return {
    id: 'test',
    version: 1,
    name: { zh: '测试质检表', en: 'Test scorecard' },
    maxScore: 100,
    categories: [{ id: 'main', label: { zh: '主要', en: 'Main' }, items }],
    ...over,
  };
}

/** A copy of the default scorecard to change on purpose. */
export const copyDefaultScorecard = (): Scorecard => structuredClone(DEFAULT_SCORECARD);

/** Every standard item of a scorecard at its best rating, then the overrides (null = N/A). */
export function buildRatings(card: Scorecard, over: Record<string, number | null> = {}): Ratings {
  const best = Object.fromEntries(
    card.categories.flatMap((c) => c.items.filter((i) => !i.bonus).map((i) => [i.id, i.scale.max] as const)),
  );
  return { ...best, ...over };
}
