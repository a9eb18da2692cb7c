/**
 * Lexicon-based sentiment of Chinese customer messages (SPEC QA-3, KPI-12): sentiment words,
 * expected events and modifiers found by one automaton pass, shaped by the negation, degree,
 * contrast, concessive, hypothetical and question words around them — "不满意", "太慢了",
 * "还没发货", "谢谢你们让我等了三天" are negative; "不错", "不贵", "还没发货的话能改地址吗" are not.
 */
import { Automaton } from './automaton.ts';
import { HitList } from './hits.ts';
import type { SentimentLexicon } from './lexicons.ts';
import {
  ROLE_EVENT,
  ROLE_POLITE,
  chooseTokens,
  conditionAfter,
  hasBreak,
  isAnotA,
  isQuoted,
  negatedAfter,
  questionParticleAt,
  summarise,
  type TokenScratch,
} from './sentiment-clause.ts';

export { estimateWords } from './sentiment-clause.ts';

const K_NEG = 0;
const K_POS = 1;
const K_NEU = 2;
const K_EVT = 3;
const K_NOT = 4;
const K_DEG = 5;
const K_CON = 6;
const K_HYP = 7;
const K_CONC = 8;
const K_REQ = 9;
/** negative word a question or condition does not neutralise */
const F_STRONG = 1;
/** thanks: counts only in a message without negative words */
const F_POLITE = 2;
/** negation of the 没/未/无 family: leaves an expected event undone */
const F_UNDONE = 4;
/** 别, 不要: a negated negative is a request, neither negative nor positive */
const F_IMPERATIVE = 8;
/** characters allowed between 没 and its event (没给我退款, 没人回复) */
const EVENT_GAP = 2;

/** The compiled sentiment lexicon. */
export interface SentimentMatcher {
  readonly automaton: Automaton;
  readonly kinds: Uint8Array;
  /** degree multiplier per pattern (1 for the others) */
  readonly weights: Float64Array;
  /** F_* bits per pattern */
  readonly flags: Uint8Array;
  readonly questionParticles: readonly string[];
  readonly rhetoricalMarkers: readonly string[];
  /** for events: 吧 asks too, and 还 is no rhetorical marker (还没发货吗 is a status question) */
  readonly eventParticles: readonly string[];
  readonly eventMarkers: readonly string[];
  /** reused between calls (the matcher is not re-entrant) */
  readonly scratch: HitList;
  readonly tokenScratch: TokenScratch;
  readonly modScratch: number[];
  /** per term: ROLE_EVENT, ROLE_POLITE or 0 */
  readonly roleScratch: number[];
}

/** A sentiment word of a message and its value after modifiers (< 0 negative, > 0 positive). */
export interface SentimentTerm {
  start: number;
  end: number;
  value: number;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface MessageSentiment {
  /** sum of the term values (terms before the last contrast word count half, and less if the rest must dominate) */
  score: number;
  /** negative when score < 0 (or 0 with a negative term: a tie), positive when > 0, else neutral */
  label: SentimentLabel;
  /** the sentiment words with a non-zero value, by position (for highlighting) */
  terms: readonly SentimentTerm[];
  /** terms with a negative value: the numerator of the negative-word share */
  negativeWords: number;
}

/** Compiles a sentiment lexicon into one automaton over all its words, events and modifiers. */
export function compileSentiment(lexicon: SentimentLexicon): SentimentMatcher {
  const patterns: string[] = [];
  const kinds: number[] = [];
  const weights: number[] = [];
  const flags: number[] = [];
  const add = (words: readonly string[] | undefined, kind: number, flag = 0, weight?: (w: string) => number) => {
    for (const w of words ?? []) {
      patterns.push(w);
      kinds.push(kind);
      weights.push(weight ? weight(w) : 1);
      flags.push(flag);
    }
  };
  add(lexicon.negative, K_NEG);
  add(lexicon.strongNegative, K_NEG, F_STRONG);
  add(lexicon.positive, K_POS);
  add(lexicon.polite, K_POS, F_POLITE);
  add(lexicon.neutral, K_NEU);
  add(lexicon.events, K_EVT);
  for (const w of lexicon.negation) {
    const undone = /[没未无]/.test(w) ? F_UNDONE : 0;
    add([w], K_NOT, undone | (w.startsWith('别') || w.endsWith('不要') || w.endsWith('别') ? F_IMPERATIVE : 0));
  }
  add(Object.keys(lexicon.degree), K_DEG, 0, (w) => lexicon.degree[w]);
  add(lexicon.contrast, K_CON);
  add(lexicon.hypothetical, K_HYP);
  add(lexicon.concessive, K_CONC);
  add(lexicon.pendingRequests, K_REQ);
  return {
    automaton: Automaton.build(patterns),
    kinds: Uint8Array.from(kinds),
    weights: Float64Array.from(weights),
    flags: Uint8Array.from(flags),
    questionParticles: lexicon.questionParticles,
    rhetoricalMarkers: lexicon.rhetoricalMarkers,
    eventParticles: [...lexicon.questionParticles, '吧'],
    eventMarkers: lexicon.rhetoricalMarkers.filter((m) => m !== '还'),
    scratch: new HitList(),
    tokenScratch: { words: [], mods: [], chosen: [] },
    modScratch: [],
    roleScratch: [],
  };
}

const NO_SENTIMENT: MessageSentiment = Object.freeze({
  score: 0,
  label: 'neutral',
  terms: Object.freeze([]),
  negativeWords: 0,
});

/**
 * Sentiment of one customer message. Words and events are chosen longest-first from the left
 * (不好意思 beats 不好, 不满 beats 满意), then modifiers that do not overlap them. Modifiers count only
 * within `negationWindow` characters of the word and within its clause (punctuation and spaces end
 * a clause); 不/没 inside an A-not-A question (是不是, 耐不耐脏) negates nothing and makes the rest of
 * the clause hypothetical.
 * - A word is ±1 × the product of the degree words before it; an odd number of negations flips it
 *   (a negated positive: ×−1, or ×−0.5 when the negation comes before the degree word, 不是很满意;
 *   a negated negative: ×−0.5, 不贵, or 0 after 别/不要, 别发错了). A positive word right inside
 *   quotation marks is sarcasm and turns negative (真是“贴心”); 都没/也没 right after a word negates it
 *   too (一点诚意都没有).
 * - An event (收到, 发货, 回复) is −1 × degree right after a 没/未/无 negation (还没发货, 没人回复);
 *   not after a condition marker or in a plain yes/no question ending in 吗/吧 (还没发货吗), not
 *   followed by 的话/之前, and not in a message with a pending request (取消, 改地址, 帮我查一下) unless a
 *   degree word backs it (一直没回复).
 * - A hypothetical marker earlier in the clause (会, 如果, 担心) or a plain yes/no question (clause
 *   ending in 吗 without a rhetorical marker 都, 难道, 到底) zeroes the words of the clause, except
 *   strong negative words (投诉, 骗子, 无语, ？？): 可以投诉吗 and 再不处理就差评 stay negative.
 *   A positive word after a strong negative word of its clause is sarcasm too (这也叫正品？).
 * - A concessive word (虽然) halves the rest of its clause; thanks (谢谢, 辛苦了) count only in a
 *   message without negative words; repeated ！！ makes the negative words count 1.5 times.
 * - Terms before the last contrast word (但是, 就是, 结果) count half — and when the terms after it
 *   disagree in sign, the earlier ones count at most half as much as the later ones, so the clause
 *   after the contrast sets the label (衣服很好看很喜欢，就是有点色差: negative).
 */
export function scoreSentiment(text: string, matcher: SentimentMatcher, negationWindow = 3): MessageSentiment {
  const hits = matcher.scratch;
  hits.clear();
  matcher.automaton.scan(text, hits);
  if (hits.length === 0) return NO_SENTIMENT;
  const { kinds, flags } = matcher;
  if (!worthScoring(hits, kinds)) return NO_SENTIMENT;
  const tokens = chooseTokens(text, hits, kinds, K_EVT, matcher.tokenScratch);
  const terms: SentimentTerm[] = [];
  const roles = matcher.roleScratch;
  const mods = matcher.modScratch;
  roles.length = mods.length = 0;
  let prevEnd = 0;
  let hypothetical = false;
  let concessive = false;
  /** a strong negative word earlier in the clause: later praise is sarcasm (这也叫正品, 呵呵真好) */
  let sarcastic = false;
  let pending = false;
  let lastContrast = -1;
  /** position of the clause's question particle, -1 when it is no yes/no question, undefined: not looked at yet */
  let question: number | undefined;
  for (const t of tokens) {
    const start = hits.start[t];
    const end = hits.end[t];
    const p = hits.pattern[t];
    const kind = kinds[p];
    if (hasBreak(text, prevEnd, start)) {
      mods.length = 0;
      hypothetical = concessive = sarcastic = false;
      question = undefined;
    }
    prevEnd = end;
    if (kind === K_NOT) {
      // 耐不耐脏, 发没发: an A-not-A question, as hypothetical as 会不会
      if (isAnotA(text, start)) hypothetical = true;
      else mods.push(t);
      continue;
    }
    if (kind === K_DEG) mods.push(t);
    else if (kind === K_HYP) hypothetical = true;
    else if (kind === K_CONC) concessive = true;
    else if (kind === K_REQ) pending = true;
    else if (kind === K_CON) {
      lastContrast = start;
      mods.length = 0;
    } else if (kind === K_NEU) mods.length = 0;
    else if (kind === K_EVT) {
      let value = eventValue(start, mods, hits, matcher, negationWindow);
      if (value !== 0 && (hypothetical || conditionAfter(text, end))) value = 0;
      if (value !== 0) {
        const q = questionParticleAt(text, start, matcher.eventParticles, matcher.eventMarkers);
        if (q >= 0 && end <= q) value = 0;
      }
      mods.length = 0;
      // 一直没回复: an event with a degree word stays negative whatever is asked for
      if (value !== 0) push(terms, roles, start, end, concessive ? value * 0.5 : value, value < -1 ? 0 : ROLE_EVENT);
    } else {
      const strong = (flags[p] & F_STRONG) !== 0;
      let value = wordValue(kind === K_NEG ? -1 : 1, start, mods, hits, matcher, negationWindow, strong);
      if (negatedAfter(text, end)) value = value < 0 ? -value * 0.5 : -value;
      if (kind === K_POS && value > 0 && (sarcastic || isQuoted(text, start, end))) value = -value;
      if (strong && value < 0) sarcastic = true;
      if (hypothetical && !strong) value = 0;
      if (value !== 0 && !strong) {
        question ??= questionParticleAt(text, start, matcher.questionParticles, matcher.rhetoricalMarkers);
        if (question >= 0 && end <= question) value = 0;
      }
      mods.length = 0;
      if (value !== 0)
        push(terms, roles, start, end, concessive ? value * 0.5 : value, flags[p] & F_POLITE ? ROLE_POLITE : 0);
    }
  }
  return summarise(text, terms, roles, pending, lastContrast) ?? NO_SENTIMENT;
}

/** Any sentiment word, or an event with a negation somewhere: else nothing can score (什么时候发货？). */
function worthScoring(hits: HitList, kinds: Uint8Array): boolean {
  let event = false;
  let negation = false;
  for (let i = 0; i < hits.length; i++) {
    const k = kinds[hits.pattern[i]];
    if (k === K_NEG || k === K_POS) return true;
    if (k === K_EVT) event = true;
    else if (k === K_NOT) negation = true;
  }
  return event && negation;
}

function push(terms: SentimentTerm[], roles: number[], start: number, end: number, value: number, role: number) {
  terms.push({ start, end, value });
  roles.push(role);
}

/** A word's value after the negation and degree words before it. */
function wordValue(
  value: number,
  start: number,
  mods: readonly number[],
  hits: HitList,
  m: SentimentMatcher,
  window: number,
  strong = false,
): number {
  let negations = 0;
  let weakened = false;
  let degreeSeen = false;
  let imperative = false;
  for (const t of mods) {
    if (start - hits.end[t] > window) continue;
    const p = hits.pattern[t];
    if (m.kinds[p] === K_DEG) {
      value *= m.weights[p];
      degreeSeen = true;
    } else {
      if (negations++ === 0 && !degreeSeen) weakened = true;
      if (m.flags[p] & F_IMPERATIVE) imperative = true;
    }
  }
  if (negations % 2 === 0) return value;
  // 别压坏了 is a request; 别已读不回, 别敷衍我 still complain
  if (value < 0) return imperative ? (strong ? value : 0) : -value * 0.5;
  return degreeSeen && weakened ? -value * 0.5 : -value;
}

/** An event's value: −1 × degree when a 没/未/无 negation ends at most EVENT_GAP characters before it. */
function eventValue(start: number, mods: readonly number[], hits: HitList, m: SentimentMatcher, window: number) {
  let undone = false;
  let degree = 1;
  for (const t of mods) {
    const p = hits.pattern[t];
    const gap = start - hits.end[t];
    if (m.kinds[p] === K_DEG) {
      if (gap <= window) degree *= m.weights[p];
    } else undone = (m.flags[p] & F_UNDONE) !== 0 && gap <= EVENT_GAP;
  }
  return undone ? -degree : 0;
}
