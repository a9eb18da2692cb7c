/**
 * Lexicon-based sentiment of Chinese customer messages (SPEC QA-3, KPI-12): sentiment words
 * found by one automaton pass, shaped by the negation, degree, contrast, hypothetical and
 * question words around them — "不满意", "太慢了", "非常失望" are negative, "不错", "不贵" are not.
 */
import { Automaton } from './automaton.ts';
import { HitList } from './hits.ts';
import type { SentimentLexicon } from './lexicons.ts';

const K_NEG = 0;
const K_POS = 1;
const K_NEU = 2;
const K_NOT = 3;
const K_DEG = 4;
const K_CON = 5;
const K_HYP = 6;

/** The compiled sentiment lexicon. */
export interface SentimentMatcher {
  readonly automaton: Automaton;
  readonly kinds: Uint8Array;
  /** degree multiplier per pattern (1 for the others) */
  readonly weights: Float64Array;
  readonly questionParticles: readonly string[];
  readonly rhetoricalMarkers: readonly string[];
  /** reused between calls (the matcher is not re-entrant) */
  readonly scratch: HitList;
}

/** A sentiment word of a message and its value after modifiers (< 0 negative, > 0 positive). */
export interface SentimentTerm {
  start: number;
  end: number;
  value: number;
}

export type SentimentLabel = 'negative' | 'neutral' | 'positive';

export interface MessageSentiment {
  /** sum of the term values (terms before the last contrast word count half) */
  score: number;
  /** negative when score < 0, positive when > 0, else neutral */
  label: SentimentLabel;
  /** the sentiment words with a non-zero value, by position (for highlighting) */
  terms: readonly SentimentTerm[];
  /** terms with a negative value: the numerator of the negative-word share */
  negativeWords: number;
}

/** Compiles a sentiment lexicon into one automaton over all its words and modifiers. */
export function compileSentiment(lexicon: SentimentLexicon): SentimentMatcher {
  const patterns: string[] = [];
  const kinds: number[] = [];
  const weights: number[] = [];
  const add = (words: readonly string[], kind: number, weight?: (w: string) => number) => {
    for (const w of words) {
      patterns.push(w);
      kinds.push(kind);
      weights.push(weight ? weight(w) : 1);
    }
  };
  add(lexicon.negative, K_NEG);
  add(lexicon.positive, K_POS);
  add(lexicon.neutral, K_NEU);
  add(lexicon.negation, K_NOT);
  add(Object.keys(lexicon.degree), K_DEG, (w) => lexicon.degree[w]);
  add(lexicon.contrast, K_CON);
  add(lexicon.hypothetical, K_HYP);
  return {
    automaton: Automaton.build(patterns),
    kinds: Uint8Array.from(kinds),
    weights: Float64Array.from(weights),
    questionParticles: lexicon.questionParticles,
    rhetoricalMarkers: lexicon.rhetoricalMarkers,
    scratch: new HitList(),
  };
}

const NO_SENTIMENT: MessageSentiment = Object.freeze({
  score: 0,
  label: 'neutral',
  terms: Object.freeze([]),
  negativeWords: 0,
});

/**
 * Sentiment of one customer message. Words are chosen longest-first from the left (不好意思 beats
 * 不好, 不满 beats 满意), then modifiers that do not overlap a word. A sentiment word's value is
 * ±1 × the product of the degree words before it; an odd number of negations before it flips it
 * (a negated positive: ×−1, or ×−0.5 when the negation comes before the degree word, 不是很满意; a
 * negated negative: ×−0.5, 不贵). Modifiers count only within `negationWindow` characters of the
 * word and within its clause (punctuation and spaces end a clause); 不/没 inside an A-not-A question
 * (是不是, 够不够) is no negation. A hypothetical marker earlier
 * in the clause (会, 是否, 担心) zeroes the word, as does a yes/no question (clause ending in 吗)
 * without a rhetorical marker (都, 还, 难道). Words before the last contrast word (但是, 就是) count half.
 */
export function scoreSentiment(text: string, matcher: SentimentMatcher, negationWindow = 3): MessageSentiment {
  const hits = matcher.scratch;
  hits.clear();
  matcher.automaton.scan(text, hits);
  if (hits.length === 0) return NO_SENTIMENT;
  const tokens = chooseTokens(hits, matcher.kinds);
  const { kinds, weights } = matcher;
  const terms: SentimentTerm[] = [];
  const mods: number[] = [];
  let prevEnd = 0;
  let hypothetical = false;
  let lastContrast = -1;
  /** position of the clause's question particle, -1 when it is no yes/no question, undefined: not looked at yet */
  let question: number | undefined;
  for (const t of tokens) {
    const start = hits.start[t];
    const end = hits.end[t];
    const kind = kinds[hits.pattern[t]];
    if (hasBreak(text, prevEnd, start)) {
      mods.length = 0;
      hypothetical = false;
      question = undefined;
    }
    prevEnd = end;
    if (kind === K_NOT && isAnotA(text, start)) continue;
    if (kind === K_NOT || kind === K_DEG) mods.push(t);
    else if (kind === K_HYP) hypothetical = true;
    else if (kind === K_CON) {
      lastContrast = start;
      mods.length = 0;
    } else if (kind === K_NEU) mods.length = 0;
    else {
      let value = kind === K_NEG ? -1 : 1;
      let negations = 0;
      let weakened = false;
      let degreeSeen = false;
      for (const m of mods) {
        if (start - hits.end[m] > negationWindow) continue;
        if (kinds[hits.pattern[m]] === K_DEG) {
          value *= weights[hits.pattern[m]];
          degreeSeen = true;
        } else if (negations++ === 0 && !degreeSeen) weakened = true;
      }
      if (negations % 2 === 1) value = value < 0 ? -value * 0.5 : degreeSeen && weakened ? -value * 0.5 : -value;
      if (hypothetical) value = 0;
      if (value !== 0) {
        question ??= questionParticleAt(text, start, matcher);
        if (question >= 0 && end <= question) value = 0;
      }
      mods.length = 0;
      if (value !== 0) terms.push({ start, end, value });
    }
  }
  let score = 0;
  let negativeWords = 0;
  for (const term of terms) {
    if (term.end <= lastContrast) term.value *= 0.5;
    score += term.value;
    if (term.value < 0) negativeWords++;
  }
  return { score, label: score < 0 ? 'negative' : score > 0 ? 'positive' : 'neutral', terms, negativeWords };
}

/**
 * Estimated number of words of a text for the negative-word share, as Chinese is not segmented:
 * round(CJK characters / `charsPerWord`) + the number of runs of Latin letters or digits, and at
 * least 1 for a text that is not blank (？？ is one word).
 */
export function estimateWords(text: string, charsPerWord = 1.6): number {
  let cjk = 0;
  let runs = 0;
  let inRun = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if ((u >= 0x3400 && u <= 0x9fff) || (u >= 0xf900 && u <= 0xfaff)) {
      cjk++;
      inRun = false;
    } else if ((u >= 0x30 && u <= 0x39) || ((u | 0x20) >= 0x61 && (u | 0x20) <= 0x7a)) {
      if (!inRun) runs++;
      inRun = true;
    } else inRun = false;
  }
  const words = Math.round(cjk / charsPerWord) + runs;
  return words === 0 && text.trim().length > 0 ? 1 : words;
}

/** Words (negative, positive, neutral) longest-first from the left, then non-overlapping modifiers. */
function chooseTokens(hits: HitList, kinds: Uint8Array): number[] {
  const words: number[] = [];
  const mods: number[] = [];
  for (let i = 0; i < hits.length; i++) (kinds[hits.pattern[i]] <= K_NEU ? words : mods).push(i);
  sortByPosition(hits, words);
  sortByPosition(hits, mods);
  const chosen: number[] = [];
  for (const list of [words, mods]) {
    for (const t of list) {
      let free = true;
      for (const c of chosen) if (hits.start[t] < hits.end[c] && hits.start[c] < hits.end[t]) free = false;
      if (free) chosen.push(t);
    }
  }
  return sortByPosition(hits, chosen);
}

/** Insertion sort (lists are a handful long) by start, longer first on equal starts. */
function sortByPosition(hits: HitList, list: number[]): number[] {
  for (let i = 1; i < list.length; i++) {
    const t = list[i];
    let j = i - 1;
    while (
      j >= 0 &&
      (hits.start[list[j]] > hits.start[t] ||
        (hits.start[list[j]] === hits.start[t] && hits.end[list[j]] < hits.end[t]))
    ) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = t;
  }
  return list;
}

/** 是不是, 够不够, 有没有: a negation starting with 不/没 between two equal characters asks, it does not negate. */
function isAnotA(text: string, start: number): boolean {
  const u = text.charCodeAt(start);
  return (u === 0x4e0d || u === 0x6ca1) && start > 0 && text.charCodeAt(start - 1) === text.charCodeAt(start + 1);
}

const BREAKS = '，。！？；：,.!?;:~～…\n\t 　';

function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (BREAKS.includes(text[i])) return true;
  return false;
}

/** Where the 吗 of the clause around `at` is when the clause is a plain yes/no question, else -1. */
function questionParticleAt(text: string, at: number, m: SentimentMatcher): number {
  let start = at;
  while (start > 0 && !BREAKS.includes(text[start - 1])) start--;
  let end = at;
  while (end < text.length && !BREAKS.includes(text[end])) end++;
  while (end > start && '啊呀呢'.includes(text[end - 1])) end--;
  const particle = m.questionParticles.find((p) => text.startsWith(p, end - p.length));
  if (!particle) return -1;
  const clause = text.slice(start, end - particle.length);
  return m.rhetoricalMarkers.some((r) => clause.includes(r)) ? -1 : end - particle.length;
}
