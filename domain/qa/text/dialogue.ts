/**
 * Findings about the flow of a conversation rather than its words (SPEC QA-3): waits for a
 * reply, customers left unanswered, questions asked again, and an upset ending.
 */
import type { MessageRecord } from '../../metrics/records.ts';
import type { SentimentLabel } from './sentiment.ts';

/** A customer wait longer than the setting, from the first unanswered customer message to the reply. */
export interface LongWait {
  /** index (in the input) of the customer message that started the wait */
  messageIndex: number;
  /** index of the reply that ended it, null while still unanswered (only reported with a `now`) */
  replyIndex: number | null;
  waitS: number;
}

export interface WaitFindings {
  longWaits: LongWait[];
  /** longest answered wait in seconds, 0 when there was none */
  longestWaitS: number;
  /** the first of the customer's trailing messages that needed a reply and got none, else null */
  unanswered: { messageIndex: number; since: number } | null;
}

/**
 * Waits and unanswered customers over messages in chronological order (`order` = input indexes).
 * A reply is an agent message that is neither an auto reply nor an event; until a human joins
 * (first agent message, hand-off or transfer) a bot message answers too. A wait runs from the
 * first customer message after the last reply to the next reply; it is long when it exceeds
 * `longWaitS` and `inServiceHours` (if given) accepts its start. Unanswered: customer messages
 * after the last reply of which at least one needs a reply (`needsReply`); with `now`, such a wait
 * already longer than `longWaitS` is also a long wait (replyIndex null).
 */
export function analyseWaits(
  messages: readonly MessageRecord[],
  order: readonly number[],
  longWaitS: number,
  needs: readonly boolean[],
  context: { now?: number; inServiceHours?: (epochMs: number) => boolean } = {},
): WaitFindings {
  const longWaits: LongWait[] = [];
  let longestWaitS = 0;
  let humanJoined = false;
  let waitingSince = -1;
  let needing = -1;
  const counts = (i: number) => context.inServiceHours?.(messages[i].sentAt) ?? true;
  for (const i of order) {
    const m = messages[i];
    if (m.sender === 'agent' || m.event === 'handoff' || m.event === 'transfer') humanJoined = true;
    if (m.event !== '') continue;
    if (m.sender === 'customer') {
      if (waitingSince < 0) waitingSince = i;
      if (needing < 0 && needs[i]) needing = i;
      continue;
    }
    const reply = (m.sender === 'agent' && !m.autoReply) || (m.sender === 'bot' && !humanJoined);
    if (!reply || waitingSince < 0) continue;
    const waitS = (m.sentAt - messages[waitingSince].sentAt) / 1000;
    longestWaitS = Math.max(longestWaitS, waitS);
    if (waitS > longWaitS && counts(waitingSince)) longWaits.push({ messageIndex: waitingSince, replyIndex: i, waitS });
    waitingSince = -1;
    needing = -1;
  }
  const unanswered = needing >= 0 ? { messageIndex: needing, since: messages[needing].sentAt } : null;
  if (unanswered && context.now !== undefined) {
    const waitS = (context.now - unanswered.since) / 1000;
    if (waitS > longWaitS && counts(needing)) longWaits.push({ messageIndex: needing, replyIndex: null, waitS });
  }
  return { longWaits, longestWaitS, unanswered };
}

const QUESTION_MARKERS = [
  '？',
  '?',
  '吗',
  '呢',
  '么',
  '哪',
  '几',
  '多少',
  '多久',
  '能不能',
  '可不可以',
  '有没有',
  '是不是',
  '为什么',
  '怎样',
];
const REQUEST_MARKERS = ['帮我', '给我', '我要', '我想', '请', '麻烦帮', '麻烦你', '麻烦您', '人工'];

/** Whether a customer message asks something: a question mark or particle (吗, 呢), a question word or A-not-A form. */
export function isQuestionLike(text: string): boolean {
  return QUESTION_MARKERS.some((q) => text.includes(q));
}

/** Whether a customer message needs a reply: it asks (`isQuestionLike`), requests (帮我, 我要, 请 …) or is negative. */
export function needsReply(text: string, label: SentimentLabel | null): boolean {
  return label === 'negative' || isQuestionLike(text) || REQUEST_MARKERS.some((q) => text.includes(q));
}

/** A customer message that asks again what an earlier one asked. */
export interface RepeatedQuestion {
  messageIndex: number;
  /** index of the most similar earlier message */
  repeatsIndex: number;
  similarity: number;
}

/**
 * Repeated questions: a customer message that asks or requests (`needsReply`) and has at least
 * `minChars` letters, digits or CJK characters repeats an earlier such customer message when an
 * agent reply came between them and the Jaccard similarity of their character-bigram sets
 * (punctuation and spaces removed, ASCII lower-cased) is at least `threshold`. Each message is
 * compared with at most the 20 previous candidates.
 */
export function findRepeatedQuestions(
  messages: readonly MessageRecord[],
  order: readonly number[],
  needs: readonly boolean[],
  threshold: number,
  minChars: number,
): RepeatedQuestion[] {
  const out: RepeatedQuestion[] = [];
  // bigrams are built only when a comparison needs them: most questions are never compared
  const earlier: { index: number; text: string; grams: Int32Array | null; answered: boolean }[] = [];
  for (const i of order) {
    const m = messages[i];
    if (m.event !== '') continue;
    if (m.sender === 'agent' && !m.autoReply) for (const e of earlier) e.answered = true;
    if (m.sender !== 'customer' || !needs[i]) continue;
    if (!longEnough(m.text, minChars)) continue;
    let grams: Int32Array | null = null;
    let best: RepeatedQuestion | null = null;
    for (const e of earlier) {
      if (!e.answered) continue;
      grams ??= bigrams(m.text, minChars)!;
      e.grams ??= bigrams(e.text, minChars)!;
      const similarity = jaccard(grams, e.grams);
      if (similarity >= threshold && (!best || similarity > best.similarity))
        best = { messageIndex: i, repeatsIndex: e.index, similarity };
    }
    if (best) out.push(best);
    earlier.push({ index: i, text: m.text, grams, answered: false });
    if (earlier.length > 20) earlier.shift();
  }
  return out;
}

const keptUnit = (u: number) =>
  (u >= 0x30 && u <= 0x39) ||
  (u >= 0x41 && u <= 0x5a) ||
  (u >= 0x61 && u <= 0x7a) ||
  (u >= 0x3400 && u <= 0x9fff) ||
  (u >= 0xf900 && u <= 0xfaff);

/** Whether the text has the letters, digits or CJK characters `bigrams` needs (it then never returns null). */
function longEnough(text: string, minChars: number): boolean {
  const need = Math.max(2, minChars);
  let n = 0;
  for (let i = 0; i < text.length && n < need; i++) if (keptUnit(text.charCodeAt(i))) n++;
  return n >= need;
}

/**
 * Whether the conversation ended upset: among the customer's last `window` messages (in order),
 * the last one whose label is not neutral is negative.
 */
export function endedUpset(labels: readonly SentimentLabel[], window: number): boolean {
  for (let k = labels.length - 1; k >= Math.max(0, labels.length - window); k--) {
    if (labels[k] !== 'neutral') return labels[k] === 'negative';
  }
  return false;
}

/** the kept units of the message being read (grown as needed; the scan is not re-entrant) */
let unitScratch = new Uint16Array(256);

/** Sorted, de-duplicated bigram codes of the letters, digits and CJK characters; null when too short. */
function bigrams(text: string, minChars: number): Int32Array | null {
  if (unitScratch.length < text.length) unitScratch = new Uint16Array(text.length * 2);
  const units = unitScratch;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (keptUnit(u)) units[n++] = u >= 0x41 && u <= 0x5a ? u + 0x20 : u;
  }
  if (n < Math.max(2, minChars)) return null;
  const grams = new Int32Array(n - 1);
  if (n > 64) {
    for (let k = 1; k < n; k++) grams[k - 1] = (units[k - 1] << 16) | units[k];
    grams.sort();
  } else
    for (let k = 1; k < n; k++) {
      // insertion sort as the codes arrive: messages are short, and this beats a typed-array sort call
      const g = (units[k - 1] << 16) | units[k];
      let j = k - 1;
      while (j > 0 && grams[j - 1] > g) {
        grams[j] = grams[j - 1];
        j--;
      }
      grams[j] = g;
    }
  let w = 0;
  for (let k = 0; k < grams.length; k++) if (k === 0 || grams[k] !== grams[k - 1]) grams[w++] = grams[k];
  return grams.subarray(0, w);
}

function jaccard(a: Int32Array, b: Int32Array): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}
