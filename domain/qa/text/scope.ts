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

/** Whether a hit of `category` at [start, end) of `text` is excused by the words around it. */
export function isExcused(text: string, category: BannedCategory, start: number, end: number): boolean {
  if (category === 'privacy') return false;
  if (quotesCustomer(text, start)) return true;
  if (category === 'off_platform') return refused(text, start, end);
  if (category === 'promise') return negatedPromise(text, start, end);
  return false;
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
  for (const c of DETECTOR_CUES.promiseNegators) {
    const at = before.lastIndexOf(c);
    if (at < 0) continue;
    const between = before.slice(at + c.length);
    if (between.length <= NEGATION_GAP) return true;
    if (between.length <= ASSURED_GAP && DETECTOR_CUES.assuringVerbs.some((v) => between.startsWith(v))) return true;
  }
  return false;
}
