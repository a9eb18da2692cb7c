/**
 * Helpers of the sentiment scorer (sentiment.ts): which automaton hits count, where a clause ends,
 * whether a clause is a plain yes/no question, A-not-A questions, conditions after a word,
 * quotation marks around it, the message-level rules and the word estimate.
 */
import type { HitList } from './hits.ts';
import type { MessageSentiment, SentimentTerm } from './sentiment.ts';

/** Role of a term for `summarise`: an event (dropped with a pending request), thanks (dropped in a complaint). */
export const ROLE_EVENT = 1;
export const ROLE_POLITE = 2;

/** Punctuation and spaces that end a clause. */
export const BREAKS = '，。！？；：,.!?;:~～…\n\t 　';

const IS_BREAK = new Uint8Array(0x10000);
for (let i = 0; i < BREAKS.length; i++) IS_BREAK[BREAKS.charCodeAt(i)] = 1;

export function hasBreak(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (IS_BREAK[text.charCodeAt(i)]) return true;
  return false;
}

const isBreakAt = (text: string, i: number) => IS_BREAK[text.charCodeAt(i)] === 1;

/** Arrays reused between calls of `chooseTokens` (its result is one of them). */
export interface TokenScratch {
  words: number[];
  mods: number[];
  chosen: number[];
}

/**
 * Words (kinds up to `lastWordKind`) longest-first from the left, then the modifiers that do not
 * overlap a chosen token, by position; a word starting inside an A-not-A question (能不能用, 对不对)
 * is none. Returns `scratch.chosen`, valid until the next call.
 */
export function chooseTokens(
  text: string,
  hits: HitList,
  kinds: Uint8Array,
  lastWordKind: number,
  scratch: TokenScratch,
): number[] {
  const { words, mods, chosen } = scratch;
  words.length = mods.length = chosen.length = 0;
  for (let i = 0; i < hits.length; i++) {
    if (kinds[hits.pattern[i]] > lastWordKind) mods.push(i);
    else if (!isAnotA(text, hits.start[i])) words.push(i);
  }
  sortByPosition(hits, words);
  sortByPosition(hits, mods);
  // words: greedy from the left (the last one kept ends furthest)
  let kept = 0;
  let end = 0;
  for (const t of words) {
    if (hits.start[t] < end) continue;
    words[kept++] = t;
    end = hits.end[t];
  }
  words.length = kept;
  // modifiers overlapping neither a word nor an earlier modifier, merged with the words by position
  let w = 0;
  end = 0;
  for (const t of mods) {
    const start = hits.start[t];
    if (start < end) continue;
    while (w < words.length && hits.end[words[w]] <= start) chosen.push(words[w++]);
    if (w < words.length && hits.start[words[w]] < hits.end[t]) continue;
    chosen.push(t);
    end = hits.end[t];
  }
  while (w < words.length) chosen.push(words[w++]);
  return chosen;
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

/** 是不是, 够不够, 有没有, 赔不赔: 不/没 between two equal characters asks, it does not negate. */
export function isAnotA(text: string, start: number): boolean {
  const u = text.charCodeAt(start);
  return (u === 0x4e0d || u === 0x6ca1) && start > 0 && text.charCodeAt(start - 1) === text.charCodeAt(start + 1);
}

/**
 * Where the particle of the clause around `at` is when the clause is a plain yes/no question
 * (ends in one of `particles`, before 啊/呀/呢, and holds none of `markers`), else -1.
 */
export function questionParticleAt(
  text: string,
  at: number,
  particles: readonly string[],
  markers: readonly string[],
): number {
  let start = at;
  while (start > 0 && !isBreakAt(text, start - 1)) start--;
  let end = at;
  while (end < text.length && !isBreakAt(text, end)) end++;
  while (end > start && '啊呀呢'.includes(text[end - 1])) end--;
  const particle = particles.find((p) => text.startsWith(p, end - p.length));
  if (!particle) return -1;
  const to = end - particle.length;
  for (const r of markers) {
    const i = text.indexOf(r, start);
    if (i >= 0 && i + r.length <= to) return -1;
  }
  return to;
}

const CONDITIONS = ['的话', '之前', '以前'];

/** 还没发货的话, 没收到货之前: a condition within a few characters after `end`, in the same clause. */
export function conditionAfter(text: string, end: number): boolean {
  for (let i = end; i < end + 4 && i < text.length && !isBreakAt(text, i); i++) {
    for (const c of CONDITIONS) if (text.startsWith(c, i)) return true;
  }
  return false;
}

/** 一点诚意都没有, 一点色差也没有: the word is negated by 都没/也没 right after it. */
export function negatedAfter(text: string, end: number): boolean {
  const u = text.charCodeAt(end);
  return (u === 0x90fd || u === 0x4e5f) && text.charCodeAt(end + 1) === 0x6ca1;
}

const OPENING = '“"「『‘\'';
const CLOSING = '”"」』’\'';

/** 真是“贴心”的服务: a word right inside quotation marks (sarcasm). */
export function isQuoted(text: string, start: number, end: number): boolean {
  return start > 0 && end < text.length && OPENING.includes(text[start - 1]) && CLOSING.includes(text[end]);
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

/**
 * Message-level rules, then the score and label (null: no term left): events go in a message with a
 * pending request, thanks in a message with a negative term; ！！ makes negative terms count 1.5
 * times; terms before the last contrast count half, and at most half as much as the rest when the
 * signs differ; a score of 0 with a negative term is negative.
 */
export function summarise(
  text: string,
  all: SentimentTerm[],
  roles: readonly number[],
  pending: boolean,
  lastContrast: number,
): MessageSentiment | null {
  let complaint = false;
  for (let i = 0; i < all.length; i++) if (all[i].value < 0 && !(pending && roles[i] === ROLE_EVENT)) complaint = true;
  let terms = all;
  for (const r of roles) {
    if ((pending && r === ROLE_EVENT) || (complaint && r === ROLE_POLITE)) {
      terms = all.filter((_, i) => !(pending && roles[i] === ROLE_EVENT) && !(complaint && roles[i] === ROLE_POLITE));
      break;
    }
  }
  if (terms.length === 0) return null;
  if (complaint && (text.includes('！！') || text.includes('!!'))) {
    for (const t of terms) if (t.value < 0) t.value *= 1.5;
  }
  let before = 0;
  let after = 0;
  for (const t of terms) {
    if (t.end <= lastContrast) before += t.value;
    else after += t.value;
  }
  // the clause after the contrast dominates: what comes before counts half, at most half as much as the rest
  const factor = before * after < 0 ? Math.min(0.5, (0.5 * Math.abs(after)) / Math.abs(before)) : 0.5;
  let score = 0;
  let negativeWords = 0;
  for (const t of terms) {
    if (t.end <= lastContrast) t.value *= factor;
    score += t.value;
    if (t.value < 0) negativeWords++;
  }
  // a tie between complaint and praise (看着挺好，实物差太多) is a complaint
  const label = score < 0 || (score === 0 && negativeWords > 0) ? 'negative' : score > 0 ? 'positive' : 'neutral';
  return { score, label, terms, negativeWords };
}
