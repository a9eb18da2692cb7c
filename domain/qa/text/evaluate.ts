/**
 * Precision and recall of automatic inspection on labelled test sets (domain/qa/testset,
 * labelling rules in its README). Pure: the caller parses the files.
 */
import { findBanned, type BannedMatcher } from './banned.ts';
import type { BannedCategory } from './lexicons.ts';
import { scoreSentiment, type SentimentMatcher } from './sentiment.ts';

/** One labelled agent message: the expressions a reviewer would flag, as substrings. */
export interface BannedCase {
  id: string;
  group: string;
  text: string;
  hits: { category: BannedCategory; span: string }[];
}

/** One labelled customer message. */
export interface SentimentCase {
  id: string;
  text: string;
  negative: boolean;
}

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

/** precision = tp / (tp + fp), 1 when nothing was flagged */
export const precision = (c: Confusion) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
/** recall = tp / (tp + fn), 1 when nothing was to be found */
export const recall = (c: Confusion) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));
/** accuracy = (tp + tn) / all */
export const accuracy = (c: Confusion) => (c.tp + c.tn) / Math.max(1, c.tp + c.fp + c.fn + c.tn);

export interface BannedEvaluation {
  /** span level: expected spans found (tp) or missed (fn); detected hits wrong (fp) — tn unused */
  spans: Confusion;
  /** message level: flagged or not vs labelled with a hit or not */
  messages: Confusion;
  /** the cases with a missed or a wrong hit, for reading */
  errors: { id: string; text: string; missed: string[]; wrong: string[] }[];
}

/**
 * Banned-word detection against labelled agent messages. Span level: an expected span is found
 * when a detected hit of the same category overlaps it (tp, else fn); a detected hit is wrong
 * when it overlaps no expected span of its category (fp). Message level: a message counts as
 * flagged when it has any hit and as positive when it has any label.
 */
export function evaluateBanned(cases: readonly BannedCase[], matcher: BannedMatcher): BannedEvaluation {
  const spans: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const messages: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const errors: BannedEvaluation['errors'] = [];
  for (const c of cases) {
    const found = findBanned(c.text, matcher);
    const expected = locate(c);
    const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
      a.start < b.end && b.start < a.end;
    const missed = expected.filter((e) => !found.some((f) => f.category === e.category && overlaps(e, f)));
    const wrong = found.filter((f) => !expected.some((e) => f.category === e.category && overlaps(e, f)));
    spans.tp += expected.length - missed.length;
    spans.fn += missed.length;
    spans.fp += wrong.length;
    const flagged = found.length > 0;
    const labelled = expected.length > 0;
    if (flagged && labelled) messages.tp++;
    else if (flagged) messages.fp++;
    else if (labelled) messages.fn++;
    else messages.tn++;
    if (missed.length || wrong.length) {
      errors.push({
        id: c.id,
        text: c.text,
        missed: missed.map((e) => `${e.category}:${c.text.slice(e.start, e.end)}`),
        wrong: wrong.map((f) => `${f.category}:${f.text}`),
      });
    }
  }
  return { spans, messages, errors };
}

/** Expected spans: each label's first occurrence not already claimed by an earlier label of the case. */
function locate(c: BannedCase): { category: BannedCategory; start: number; end: number }[] {
  const claimed: number[] = [];
  return c.hits.map((h) => {
    let at = c.text.indexOf(h.span);
    while (at >= 0 && claimed.includes(at)) at = c.text.indexOf(h.span, at + 1);
    if (at < 0) throw new Error(`case ${c.id}: span ${h.span} not in text`);
    claimed.push(at);
    return { category: h.category, start: at, end: at + h.span.length };
  });
}

export interface SentimentEvaluation {
  /** negative is the positive class */
  confusion: Confusion;
  errors: { id: string; text: string; expected: boolean; score: number }[];
}

/** Negative-sentiment detection (label `negative` vs not) against labelled customer messages. */
export function evaluateSentiment(
  cases: readonly SentimentCase[],
  matcher: SentimentMatcher,
  negationWindow?: number,
): SentimentEvaluation {
  const confusion: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const errors: SentimentEvaluation['errors'] = [];
  for (const c of cases) {
    const s = scoreSentiment(c.text, matcher, negationWindow);
    const negative = s.label === 'negative';
    if (negative && c.negative) confusion.tp++;
    else if (negative) confusion.fp++;
    else if (c.negative) confusion.fn++;
    else confusion.tn++;
    if (negative !== c.negative) errors.push({ id: c.id, text: c.text, expected: c.negative, score: s.score });
  }
  return { confusion, errors };
}
