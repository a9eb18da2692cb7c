/**
 * When a banned word is not the agent's own violation although the word is there, decided from the
 * words around it in its clause (cue lists in detector-cues.json):
 * - the customer's question quoted back (您问能不能加微信, 您是说“保证正品”吗);
 * - an off-platform word under a refusal or warning (请不要相信任何加微信的要求, 加微信的都是骗子);
 * - a promise word under a modal negation (不能百分百保证, 无法绝对保证, 保证不了).
 * Personal data is never excused here: the customer's own details echoed back are still a leak.
 */
import { DETECTOR_CUES } from './cues.ts';
import type { BannedCategory } from './lexicons.ts';

const CLAUSE_BREAKS = '，,。！？!?；;\n…';
const SENTENCE_BREAKS = '。！？!?；;\n';
/** how far back a clause is read */
const REACH = 24;
/** most characters between a loose refusal cue and the off-platform word it governs (请不要相信任何加微信) */
const REFUSAL_GAP = 8;
/** most characters between a modal negation and the promise word it governs (不能百分百保证) */
const NEGATION_GAP = 3;
/** the same when the negation governs a verb of assuring (不能保证明天一定到) */
const ASSURED_GAP = 8;
const OPEN_QUOTES = '“「『‘';
const CLOSE_QUOTES = '”」』’';
const ADDRESSEE = '您你亲';
/** 不用 / 不需要 / 无需 (您) (自己) right before a dismissing phrase */
const SPARED = /(?:不用|不需要|无需|不必|用不着)(?:您|你)?(?:自己)?$/;

/** Whether a hit of `category` at [start, end) of `text` is excused by the words around it. */
export function isExcused(text: string, category: BannedCategory, start: number, end: number): boolean {
  if (category === 'privacy') return false;
  if (quotesCustomer(text, start)) return true;
  if (category === 'off_platform') return refused(text, start, end) || feature(text, start, end);
  if (mentioned(text, start, end)) return true;
  if (category === 'promise') return negatedPromise(text, start, end) || askedAnotA(text, start, end);
  return excusedRude(text, start, end);
}

/**
 * A word inside quotation marks that the words around the quotation make a mention, not a claim:
 * 包装上写着“永不褪色”, 没有“国家级”这种说法, “全网最低价”是别的店铺写的; or a word right before a noun
 * naming it as a word (包您满意这种话我不敢说, 顶级这个词我们不敢用).
 */
function mentioned(text: string, start: number, end: number): boolean {
  // 包您满意这种话我不敢说, 顶级这个词我们不用: the word named as a word, without quotation marks
  if (DETECTOR_CUES.mentionNouns.some((c) => text.startsWith(c, end))) return true;
  const from = back(text, start, SENTENCE_BREAKS);
  let open = -1;
  for (let k = start - 1; k >= from && open < 0; k--) {
    if (CLOSE_QUOTES.includes(text[k])) return false;
    if (OPEN_QUOTES.includes(text[k]) || text[k] === '"') open = k;
  }
  if (open < 0) return false;
  const closer = text[open] === '"' ? '"' : CLOSE_QUOTES[OPEN_QUOTES.indexOf(text[open])];
  const close = text.indexOf(closer, end);
  if (close < 0 || close - open > REACH) return false;
  const intro = text.slice(Math.max(from, open - 6), open);
  if (DETECTOR_CUES.mentionBefore.some((c) => intro.includes(c))) return true;
  const after = text.slice(close + 1, close + 9);
  return DETECTOR_CUES.mentionAfter.some((c) => after.includes(c));
}

/** 会不会降价, 能不能保证: a promise word inside or right after an A-not-A question asks, it does not assure. */
function askedAnotA(text: string, start: number, end: number): boolean {
  for (let k = Math.max(back(text, start, CLAUSE_BREAKS) + 1, start - 3); k < end - 1; k++) {
    const u = text[k];
    if ((u === '不' || u === '没') && text[k - 1] === text[k + 1]) return true;
  }
  return false;
}

/**
 * Rude words said in an innocent way: spared by 不用 (您不用自己去找快递); 不知道 opening a polite question (不知道您…, 不知道这样处理您是否满意)
 * or in a message that offers help (这个我确实不知道，我帮您问一下); a blame phrase under a condition
 * (如果核实下来不是我们的问题).
 */
function excusedRude(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  // 您不用自己去找快递: the agent spares the customer what the phrase would tell them to do
  if (SPARED.test(text.slice(Math.max(0, start - 8), start))) return true;
  if (word.endsWith('不知道')) {
    const rest = text.slice(end, end + 4);
    if (DETECTOR_CUES.unknowingFollowers.some((c) => rest.startsWith(c))) return true;
    if (DETECTOR_CUES.helpOffers.some((c) => text.includes(c))) return true;
  }
  if (word.includes('问题') || word.includes('责任')) {
    const before = text.slice(back(text, start, CLAUSE_BREAKS), start);
    if (DETECTOR_CUES.conditionalCues.some((c) => before.includes(c))) return true;
  }
  return false;
}

/** 支持微信双开, 微信小程序开锁, 型号VX-65W: a product feature or model code, not a channel. */
function feature(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(back(text, start, CLAUSE_BREAKS), start - 4), start).toLowerCase();
  if (DETECTOR_CUES.featureBefore.some((c) => before.includes(c))) return true;
  const after = text.slice(end, Math.min(forward(text, end), end + 6));
  return DETECTOR_CUES.featureAfter.some((c) => after.includes(c));
}

function back(text: string, pos: number, breaks: string): number {
  let s = pos;
  while (s > 0 && pos - s < REACH && !breaks.includes(text[s - 1])) s--;
  return s;
}

function forward(text: string, pos: number): number {
  let e = pos;
  while (e < text.length && e - pos < REACH && !CLAUSE_BREAKS.includes(text[e])) e++;
  return e;
}

/** The hit sits after 您问/您是说… in its clause, or inside quotation marks opened right after 您说/您问. */
function quotesCustomer(text: string, start: number): boolean {
  const clause = text.slice(back(text, start, CLAUSE_BREAKS), start);
  for (const c of DETECTOR_CUES.quoteCues) {
    const at = clause.indexOf(c);
    if (at < 0) continue;
    const rest = clause.slice(at + c.length);
    if (!DETECTOR_CUES.quoteReferences.some((r) => rest.startsWith(r))) return true;
  }
  const from = back(text, start, SENTENCE_BREAKS);
  let open = -1;
  for (let k = start - 1; k >= from && open < 0; k--) {
    if (CLOSE_QUOTES.includes(text[k])) return false;
    if (OPEN_QUOTES.includes(text[k])) open = k;
  }
  if (open < 0) {
    // straight quotes: the hit is inside when an odd number of them precede it in the sentence
    let count = 0;
    for (let k = from; k < start; k++) if (text[k] === '"') open = count++ % 2 === 0 ? k : -1;
    if (open < 0) return false;
  }
  const intro = text.slice(Math.max(0, open - 6), open);
  return DETECTOR_CUES.quoteSpeechCues.some((c) => intro.includes(c)) && [...ADDRESSEE].some((c) => intro.includes(c));
}

/** A refusal or warning before the off-platform word in its clause, or a fraud warning after it. */
function refused(text: string, start: number, end: number): boolean {
  const before = text.slice(back(text, start, CLAUSE_BREAKS), start).toLowerCase();
  for (const c of DETECTOR_CUES.tightRefusalCues) {
    if (before.endsWith(c) && !(c === '不' && before.endsWith('要不'))) return true;
  }
  for (const c of DETECTOR_CUES.refusalCues) {
    const at = before.lastIndexOf(c);
    if (at < 0) continue;
    const between = before.slice(at + c.length);
    if (between.length <= REFUSAL_GAP && !DETECTOR_CUES.scopeResumers.some((r) => between.includes(r))) return true;
  }
  if (DETECTOR_CUES.fraudBefore.some((c) => before.includes(c))) return true;
  const after = text.slice(end, forward(text, end));
  return DETECTOR_CUES.fraudCues.some((c) => after.includes(c));
}

/**
 * A modal negation at most 3 characters before the promise word in its clause (不能百分百保证), or at
 * most 8 when a verb of assuring follows the negation (不能保证明天一定到), or 不了 right after the word.
 */
function negatedPromise(text: string, start: number, end: number): boolean {
  if (DETECTOR_CUES.promiseNegatedAfter.some((c) => text.startsWith(c, end))) return true;
  const before = text.slice(back(text, start, CLAUSE_BREAKS), start);
  // 不是 only right before the word: 我们不是全网最低价, but 不是正品我赔你十倍 is a promise
  if (before.endsWith('不是')) return true;
  for (const c of DETECTOR_CUES.promiseNegators) {
    const at = before.lastIndexOf(c);
    if (at < 0) continue;
    const between = before.slice(at + c.length);
    if (between.length <= NEGATION_GAP) return true;
    if (between.length <= ASSURED_GAP && DETECTOR_CUES.assuringVerbs.some((v) => between.startsWith(v))) return true;
  }
  return false;
}
