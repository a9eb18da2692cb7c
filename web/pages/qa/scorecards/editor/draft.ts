/**
 * Editing a scorecard draft without mutating it (pure): categories and items added, changed and
 * removed, the standard weights' sum, the body a save sends, and where a problem's path points.
 */
import type { Bilingual } from '../../../../../domain/appraisal/units.ts';
import type {
  Scorecard,
  ScorecardCategory,
  ScorecardItem,
  ScorecardPath,
  ScorecardProblem,
} from '../../../../../domain/qa/scorecard.ts';
import type { ScorecardBody } from '../../../../../server/modules/qa/qa.schema.ts';

/** Labels a new category or item starts with (content of the scorecard, renamed in the editor). */
const NEW_CATEGORY: Bilingual = { zh: '新类别', en: 'New category' };
const NEW_ITEM: Bilingual = { zh: '新检查项', en: 'New item' };

/** A free id like `item_3` (ids are unique across the whole scorecard). */
export function freeId(card: Scorecard, base: string): string {
  const used = new Set(card.categories.flatMap((c) => [c.id, ...c.items.map((i) => i.id)]));
  for (let n = 1; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** A new yes/no item of weight 0, so the sum says what is left to share. */
export function newItem(card: Scorecard): ScorecardItem {
  return {
    id: freeId(card, 'item'),
    label: { ...NEW_ITEM },
    weight: 0,
    scale: { min: 0, max: 1 },
    allowNa: false,
    critical: false,
    bonus: false,
  };
}

export function updateCategory(card: Scorecard, ci: number, patch: Partial<ScorecardCategory>): Scorecard {
  return { ...card, categories: card.categories.map((c, i) => (i === ci ? { ...c, ...patch } : c)) };
}

export function addCategory(card: Scorecard): Scorecard {
  const id = freeId(card, 'category');
  const withCat = { ...card, categories: [...card.categories, { id, label: { ...NEW_CATEGORY }, items: [] }] };
  return addItem(withCat, withCat.categories.length - 1);
}

export function removeCategory(card: Scorecard, ci: number): Scorecard {
  return { ...card, categories: card.categories.filter((_, i) => i !== ci) };
}

export function addItem(card: Scorecard, ci: number): Scorecard {
  return updateCategory(card, ci, { items: [...card.categories[ci].items, newItem(card)] });
}

export function updateItem(card: Scorecard, ci: number, ii: number, patch: Partial<ScorecardItem>): Scorecard {
  const items = card.categories[ci].items.map((it, i) => {
    if (i !== ii) return it;
    const next = { ...it, ...patch };
    // a bonus item cannot be critical: switching one on switches the other off
    if (patch.bonus) next.critical = false;
    if (patch.critical) next.bonus = false;
    return next;
  });
  return updateCategory(card, ci, { items });
}

export function removeItem(card: Scorecard, ci: number, ii: number): Scorecard {
  return updateCategory(card, ci, { items: card.categories[ci].items.filter((_, i) => i !== ii) });
}

/** Sum of the standard (non-bonus) items' weights, in percent (to 4 decimals). */
export function standardSum(card: Scorecard): number {
  const sum = card.categories
    .flatMap((c) => c.items)
    .filter((i) => !i.bonus)
    .reduce((a, i) => a + (Number.isFinite(i.weight) ? i.weight : 0), 0);
  return Math.round(sum * 1e4) / 1e4;
}

/** What a save sends: the content without id and version; empty guides and unset steps left out. */
export function bodyOf(card: Scorecard): ScorecardBody {
  return {
    name: card.name,
    maxScore: card.maxScore,
    categories: card.categories.map((c) => ({
      id: c.id,
      label: c.label,
      items: c.items.map(({ guide, scale, ...item }) => ({
        ...item,
        scale: scale.step === undefined ? { min: scale.min, max: scale.max } : scale,
        ...(guide && (guide.zh.trim() || guide.en.trim()) ? { guide } : {}),
      })),
    })),
  };
}

/** Whether `path` lies at or under `prefix`. */
export const under = (path: ScorecardPath, prefix: ScorecardPath): boolean =>
  prefix.every((p, i) => String(path[i]) === String(p));

/** The problems at or under a place (a category, an item, one field). */
export const problemsAt = (problems: ScorecardProblem[], prefix: ScorecardPath): ScorecardProblem[] =>
  problems.filter((p) => under(p.path, prefix));

/** The server's `field` of a problem (`categories.0.items.1.weight`) as a path. */
export const parseField = (field: string | undefined): ScorecardPath =>
  field ? field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) : [];

export interface Place {
  category: Bilingual | null;
  item: Bilingual | null;
  /** what is left of the path after the category and item (`weight`, `scale.step`, `label`) */
  field: string;
}

/** Where a path points in a scorecard, by name: category, item and the field inside. */
export function placeOf(card: Scorecard, path: ScorecardPath): Place {
  const [a, ci, b, ii] = path;
  // `categories` alone is the scorecard as a whole (its weight sum, no standard item)
  if (a === 'categories' && path.length === 1) return { category: null, item: null, field: '' };
  if (a !== 'categories' || typeof ci !== 'number') return { category: null, item: null, field: path.join('.') };
  const cat = card.categories[ci];
  if (b !== 'items' || typeof ii !== 'number')
    return { category: cat?.label ?? null, item: null, field: path.slice(2).join('.') };
  return { category: cat?.label ?? null, item: cat?.items[ii]?.label ?? null, field: path.slice(4).join('.') };
}
