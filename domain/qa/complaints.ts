/**
 * Complaint categories of the weekly QA report (质检周报, SPEC QA-6): which kind of trouble a
 * complaint conversation is about, and each kind's share of a week's complaints.
 *
 * - Classification: an explicit category in the conversation's attributes wins (a token of the
 *   issue key — split at whitespace, `:`, `|`, `/`, `#`, `,`, `;` — equal to a category id or
 *   alias of the lexicon, e.g. `o-20261117-000123:logistics` or `物流`). Otherwise the customer's
 *   messages are scanned left to right for the lexicon's keywords, longest keyword first at each
 *   position (a matched keyword is consumed, so 还没发货 counts once, not also as 发货); the
 *   category with the most keyword hits wins, ties going to the category mentioned first.
 *   No hit at all → `other`.
 * - Share of a category in a week = its complaints / all complaints of the week (null without
 *   complaints). A category is flagged when its share is strictly above `flagShare` (setting,
 *   default 0.2 = 20 %). `other` is never flagged: it is the absence of a known cause, not one
 *   an improvement action could address (its share still shows, so a lexicon gap is visible).
 *
 * Pure: the shipped lexicon (complaints/lexicon.json, written by the Helmsman team) is imported
 * as a module.
 */
import shipped from './complaints/lexicon.json' with { type: 'json' };

/** The complaint categories, in report order; `other` takes what no keyword matched. */
export const COMPLAINT_CATEGORIES = ['logistics', 'quality', 'attitude', 'returns_refunds', 'price', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/** One category of the lexicon: its names, the attribute values that name it, its keywords. */
export interface ComplaintLexiconCategory {
  id: ComplaintCategory;
  zh: string;
  en: string;
  /** issue-key tokens that name this category explicitly (compared case-insensitively) */
  aliases: readonly string[];
  /** words in the customer's messages that point to this category */
  keywords: readonly string[];
}

export interface ComplaintLexicon {
  source: string;
  licence: string;
  categories: readonly ComplaintLexiconCategory[];
}

/** The lexicon Helmsman ships (complaints/lexicon.json; CC0, written by the Helmsman team). */
export const SHIPPED_COMPLAINT_LEXICON: ComplaintLexicon = Object.freeze({
  source: shipped.source,
  licence: shipped.licence,
  categories: shipped.categories.map((c) => ({ ...c, id: c.id as ComplaintCategory })),
});

/** The settings of the complaint section. */
export interface ComplaintSettings {
  /** a category whose share of the week's complaints is strictly above this is flagged. Default 0.2. */
  flagShare: number;
}

export const DEFAULT_COMPLAINT_SETTINGS: Readonly<ComplaintSettings> = Object.freeze({ flagShare: 0.2 });

/** Where a classification came from. */
export type ComplaintSource = 'attribute' | 'lexicon' | 'none';

/** A classified complaint: its category, why, and the keywords found (in order of first hit). */
export interface ComplaintClass {
  category: ComplaintCategory;
  source: ComplaintSource;
  /** keyword → hits, for the winning and the other categories, as found in the text */
  terms: { category: ComplaintCategory; term: string; hits: number }[];
}

/** A lexicon made ready for scanning: keywords by first character, longest first. */
export interface CompiledComplaintLexicon {
  readonly lexicon: ComplaintLexicon;
  readonly byFirstChar: ReadonlyMap<string, readonly { term: string; category: ComplaintCategory }[]>;
  readonly aliases: ReadonlyMap<string, ComplaintCategory>;
  /** a short hash of the lexicon's content: cached classifications made with another are stale */
  readonly version: string;
}

const normalise = (s: string) => s.normalize('NFKC').toLowerCase();

/** FNV-1a over the text, as 8 hex digits: stable across runs and platforms. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Compiles a lexicon for `classifyComplaint` (once; reuse across conversations). */
export function compileComplaintLexicon(
  lexicon: ComplaintLexicon = SHIPPED_COMPLAINT_LEXICON,
): CompiledComplaintLexicon {
  const byFirstChar = new Map<string, { term: string; category: ComplaintCategory }[]>();
  const aliases = new Map<string, ComplaintCategory>();
  const seen = new Set<string>();
  for (const c of lexicon.categories) {
    for (const a of [c.id, ...c.aliases]) if (!aliases.has(normalise(a))) aliases.set(normalise(a), c.id);
    for (const raw of c.keywords) {
      const term = normalise(raw.trim());
      if (!term || seen.has(term)) continue; // a keyword belongs to the first category listing it
      seen.add(term);
      const list = byFirstChar.get(term[0]) ?? [];
      list.push({ term, category: c.id });
      byFirstChar.set(term[0], list);
    }
  }
  for (const list of byFirstChar.values()) list.sort((a, b) => b.term.length - a.term.length);
  const version = fnv1a(JSON.stringify(lexicon.categories.map((c) => [c.id, c.aliases, c.keywords])));
  return { lexicon, byFirstChar, aliases, version };
}

/** The category an attribute value names explicitly (an issue-key token equal to an id or alias), or null. */
export function explicitCategory(
  values: readonly (string | null | undefined)[],
  compiled: CompiledComplaintLexicon,
): ComplaintCategory | null {
  for (const v of values) {
    if (!v) continue;
    for (const token of [v, ...v.split(/[\s:：|/#,，;；]+/)]) {
      const hit = compiled.aliases.get(normalise(token.trim()));
      if (hit) return hit;
    }
  }
  return null;
}

/** Keyword hits in the customer's texts: longest keyword first at each position, a hit consumes its characters. */
export function findComplaintTerms(
  texts: readonly string[],
  compiled: CompiledComplaintLexicon,
): ComplaintClass['terms'] {
  const hits = new Map<string, { category: ComplaintCategory; term: string; hits: number }>();
  for (const raw of texts) {
    const text = normalise(raw);
    let i = 0;
    while (i < text.length) {
      const match = compiled.byFirstChar.get(text[i])?.find((k) => text.startsWith(k.term, i));
      if (!match) {
        i += 1;
        continue;
      }
      const h = hits.get(match.term) ?? { category: match.category, term: match.term, hits: 0 };
      h.hits += 1;
      hits.set(match.term, h);
      i += match.term.length;
    }
  }
  return [...hits.values()];
}

/**
 * Classifies one complaint conversation (see the module comment): `explicit` are the attribute
 * values that may name a category (the issue key), `customerTexts` the customer's messages.
 */
export function classifyComplaint(
  input: { explicit?: readonly (string | null | undefined)[]; customerTexts: readonly string[] },
  compiled: CompiledComplaintLexicon,
): ComplaintClass {
  const terms = findComplaintTerms(input.customerTexts, compiled);
  const named = explicitCategory(input.explicit ?? [], compiled);
  if (named) return { category: named, source: 'attribute', terms };
  const score = new Map<ComplaintCategory, number>();
  for (const t of terms) score.set(t.category, (score.get(t.category) ?? 0) + t.hits);
  // `terms` is in order of first hit, so the first category reaching the top score was mentioned first
  let best: ComplaintCategory | null = null;
  for (const t of terms) if (best === null || score.get(t.category)! > score.get(best)!) best = t.category;
  return best ? { category: best, source: 'lexicon', terms } : { category: 'other', source: 'none', terms };
}

/** One category's line of a week: complaints, share of the week's complaints, flagged or not. */
export interface CategoryShare {
  category: ComplaintCategory;
  count: number;
  /** count / the week's complaints; null when the week had none */
  share: number | null;
  /** share strictly above the setting (never for `other`) */
  flagged: boolean;
}

/** Every category's share of a set of complaints (all categories listed, in report order). */
export function complaintShares(
  categories: readonly ComplaintCategory[],
  settings: ComplaintSettings = DEFAULT_COMPLAINT_SETTINGS,
): { total: number; categories: CategoryShare[] } {
  const total = categories.length;
  const counts = new Map<ComplaintCategory, number>();
  for (const c of categories) counts.set(c, (counts.get(c) ?? 0) + 1);
  return {
    total,
    categories: COMPLAINT_CATEGORIES.map((category) => {
      const count = counts.get(category) ?? 0;
      const share = total === 0 ? null : count / total;
      return { category, count, share, flagged: category !== 'other' && share !== null && share > settings.flagShare };
    }),
  };
}

/** A category's share in each of `weeks` (null for a week without complaints), from classified complaints tagged with their week. */
export function shareByWeek(
  complaints: readonly { week: string; category: ComplaintCategory }[],
  category: ComplaintCategory,
  weeks: readonly string[],
): { week: string; count: number; total: number; share: number | null }[] {
  const per = new Map<string, { count: number; total: number }>(weeks.map((w) => [w, { count: 0, total: 0 }]));
  for (const c of complaints) {
    const w = per.get(c.week);
    if (!w) continue;
    w.total += 1;
    if (c.category === category) w.count += 1;
  }
  return weeks.map((week) => {
    const { count, total } = per.get(week)!;
    return { week, count, total, share: total === 0 ? null : count / total };
  });
}

/** Checked settings from a partial override (throws RangeError on a share outside 0–1). */
export function complaintSettings(over: Partial<ComplaintSettings> = {}): ComplaintSettings {
  const s = { ...DEFAULT_COMPLAINT_SETTINGS, ...over };
  if (!Number.isFinite(s.flagShare) || s.flagShare < 0 || s.flagShare >= 1) {
    throw new RangeError(`flagShare must be at least 0 and below 1, got ${s.flagShare}`);
  }
  return s;
}
