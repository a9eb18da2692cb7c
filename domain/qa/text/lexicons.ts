/**
 * The word lists of automatic inspection: the ones shipped in `domain/qa/lexicons/*.json`
 * (sources and licences in that folder's README) merged with the words a manager adds.
 * Pure: the JSON files are imported as modules, nothing is read at run time.
 */
import offPlatform from '../lexicons/banned-off-platform.json' with { type: 'json' };
import privacy from '../lexicons/banned-privacy.json' with { type: 'json' };
import promise from '../lexicons/banned-promise.json' with { type: 'json' };
import rude from '../lexicons/banned-rude.json' with { type: 'json' };
import privacyContext from '../lexicons/privacy-context.json' with { type: 'json' };
import events from '../lexicons/sentiment-events.json' with { type: 'json' };
import modifiers from '../lexicons/sentiment-modifiers.json' with { type: 'json' };
import negative from '../lexicons/sentiment-negative.json' with { type: 'json' };
import neutral from '../lexicons/sentiment-neutral.json' with { type: 'json' };
import positive from '../lexicons/sentiment-positive.json' with { type: 'json' };
import whitelist from '../lexicons/whitelist.json' with { type: 'json' };

/** rude 服务禁语 and insults; promise 违规承诺 and absolute claims; privacy 隐私泄露; off_platform 站外引流. */
export const BANNED_CATEGORIES = ['rude', 'promise', 'privacy', 'off_platform'] as const;
export type BannedCategory = (typeof BANNED_CATEGORIES)[number];

export interface BannedLexicon {
  /** banned words and phrases per category */
  words: Record<BannedCategory, readonly string[]>;
  /** phrases containing a banned word that are not a violation (保证金, 一定程度) */
  whitelist: readonly string[];
  /** cues that the phone or address after them is the shop's own (退货地址, 客服热线) */
  privacyContext: readonly string[];
}

export interface SentimentLexicon {
  negative: readonly string[];
  positive: readonly string[];
  /** phrases with no sentiment that shield the words inside them (不好意思, 快递, 慢慢) */
  neutral: readonly string[];
  negation: readonly string[];
  /** degree adverb → multiplier (非常 2, 很 1.5, 有点 0.6) */
  degree: Readonly<Record<string, number>>;
  contrast: readonly string[];
  hypothetical: readonly string[];
  questionParticles: readonly string[];
  rhetoricalMarkers: readonly string[];
  /** negative words a question or condition does not neutralise (投诉, 骗子, 无语, ？？) */
  strongNegative?: readonly string[];
  /** thanks (谢谢, 辛苦了): positive only in a message without negative words */
  polite?: readonly string[];
  /** expected events (收到, 发货, 回复): negative right after 没/未/无 (还没发货, 没人回复) */
  events?: readonly string[];
  /** requests that make an event not yet happened a plain fact (取消, 改地址) */
  pendingRequests?: readonly string[];
  /** concessive words (虽然): the rest of their clause counts half */
  concessive?: readonly string[];
}

export interface Lexicons {
  banned: BannedLexicon;
  sentiment: SentimentLexicon;
}

/** Words a manager adds; every list is optional and appended to the shipped one. */
export interface LexiconAdditions {
  banned?: Partial<Record<BannedCategory, readonly string[]>>;
  whitelist?: readonly string[];
  privacyContext?: readonly string[];
  sentiment?: Partial<Omit<SentimentLexicon, 'degree'>> & { degree?: Readonly<Record<string, number>> };
}

/** The lexicons shipped with Helmsman (CC0, compiled by the Helmsman team; see lexicons/README.md). */
export const SHIPPED_LEXICONS: Lexicons = Object.freeze({
  banned: {
    words: { rude: rude.words, promise: promise.words, privacy: privacy.words, off_platform: offPlatform.words },
    whitelist: whitelist.words,
    privacyContext: privacyContext.words,
  },
  sentiment: {
    negative: negative.words,
    positive: positive.words,
    neutral: neutral.words,
    negation: modifiers.negation,
    degree: modifiers.degree,
    contrast: modifiers.contrast,
    hypothetical: modifiers.hypothetical,
    questionParticles: modifiers.questionParticles,
    rhetoricalMarkers: modifiers.rhetoricalMarkers,
    strongNegative: negative.strong,
    polite: positive.polite,
    events: events.events,
    pendingRequests: events.pendingRequests,
    concessive: modifiers.concessive,
  },
});

/**
 * The lexicons `base` (default: the shipped ones) extended with a manager's `additions`: each list
 * is the base list followed by the added words, trimmed, without empty entries or duplicates
 * (first occurrence kept); an added degree word overrides the base weight. To switch a shipped
 * banned word off, whitelist the word itself.
 */
export function mergeLexicons(additions: LexiconAdditions = {}, base: Lexicons = SHIPPED_LEXICONS): Lexicons {
  const words = {} as Record<BannedCategory, readonly string[]>;
  for (const c of BANNED_CATEGORIES) words[c] = merge(base.banned.words[c], additions.banned?.[c]);
  const s = additions.sentiment ?? {};
  const b = base.sentiment;
  const degree: Record<string, number> = { ...b.degree };
  for (const [w, weight] of Object.entries(s.degree ?? {})) {
    if (!Number.isFinite(weight) || weight <= 0)
      throw new RangeError(`degree weight of ${w} must be positive, got ${weight}`);
    if (w.trim()) degree[w.trim()] = weight;
  }
  return {
    banned: {
      words,
      whitelist: merge(base.banned.whitelist, additions.whitelist),
      privacyContext: merge(base.banned.privacyContext, additions.privacyContext),
    },
    sentiment: {
      negative: merge(b.negative, s.negative),
      positive: merge(b.positive, s.positive),
      neutral: merge(b.neutral, s.neutral),
      negation: merge(b.negation, s.negation),
      degree,
      contrast: merge(b.contrast, s.contrast),
      hypothetical: merge(b.hypothetical, s.hypothetical),
      questionParticles: merge(b.questionParticles, s.questionParticles),
      rhetoricalMarkers: merge(b.rhetoricalMarkers, s.rhetoricalMarkers),
      strongNegative: merge(b.strongNegative ?? [], s.strongNegative),
      polite: merge(b.polite ?? [], s.polite),
      events: merge(b.events ?? [], s.events),
      pendingRequests: merge(b.pendingRequests ?? [], s.pendingRequests),
      concessive: merge(b.concessive ?? [], s.concessive),
    },
  };
}

function merge(base: readonly string[], added: readonly string[] | undefined): readonly string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const w of added ? [...base, ...added] : base) {
    const t = w.trim();
    if (t && !seen.has(t)) {
      seen.add(t);
      out.push(t);
    }
  }
  return out;
}
