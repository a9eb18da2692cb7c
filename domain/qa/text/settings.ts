/**
 * The settings that shape automatic inspection (SPEC QA-3): each has a default a manager can
 * change, and each finding's doc comment names the settings it depends on.
 */
import { SENDERS, type Sender } from '../../metrics/records.ts';

/** Which messages' words form the denominator of the negative-word share. */
export const NEGATIVE_SHARE_SCOPES = ['conversation', 'customer'] as const;
export type NegativeShareScope = (typeof NEGATIVE_SHARE_SCOPES)[number];

export interface InspectionSettings {
  /** Alert when the negative-word share of a conversation exceeds this (超3%触发主管介入). Default 0.03. */
  negativeShareThreshold: number;
  /**
   * Denominator of the negative-word share: words of the customer's and agents' messages (auto
   * replies, bots and system events left out) — `conversation` — or of the customer's only. The
   * numerator is always the customer's negative words. Default `conversation`.
   */
  negativeShareScope: NegativeShareScope;
  /** Characters per word when estimating the word count of unsegmented Chinese. Default 1.6. */
  charsPerWord: number;
  /** A negation or degree word modifies a sentiment word at most this many characters after it. Default 3. */
  negationWindow: number;
  /** A customer message repeats an earlier one at this character-bigram Jaccard similarity or above. Default 0.5. */
  repeatSimilarity: number;
  /** Customer messages with fewer letters, digits or CJK characters than this are never repeats. Default 4. */
  repeatMinChars: number;
  /** A customer waiting longer than this for a valid agent reply raises a long-wait alert. Default 300 s. */
  longWaitS: number;
  /** The conversation ended upset when the last non-neutral of its last N customer messages is negative. Default 2. */
  endedUpsetWindow: number;
  /** Senders whose messages are checked for banned words. Default agent and bot. */
  bannedSenders: readonly Sender[];
}

/** The defaults named in each setting's comment. */
export const DEFAULT_INSPECTION_SETTINGS: Readonly<InspectionSettings> = Object.freeze({
  negativeShareThreshold: 0.03,
  negativeShareScope: 'conversation',
  charsPerWord: 1.6,
  negationWindow: 3,
  repeatSimilarity: 0.5,
  repeatMinChars: 4,
  longWaitS: 300,
  endedUpsetWindow: 2,
  bannedSenders: Object.freeze(['agent', 'bot']) as readonly Sender[],
});

/** Complete settings from a partial override, validated (throws RangeError on nonsense). */
export function inspectionSettings(overrides: Partial<InspectionSettings> = {}): InspectionSettings {
  const s: InspectionSettings = { ...DEFAULT_INSPECTION_SETTINGS, ...overrides };
  const between = (v: number, lo: number, hi: number, what: string) => {
    if (!Number.isFinite(v) || v < lo || v > hi) throw new RangeError(`${what} must be within ${lo}–${hi}, got ${v}`);
  };
  between(s.negativeShareThreshold, 0, 1, 'negativeShareThreshold');
  between(s.charsPerWord, 0.5, 10, 'charsPerWord');
  between(s.negationWindow, 0, 20, 'negationWindow');
  between(s.repeatSimilarity, 0, 1, 'repeatSimilarity');
  between(s.repeatMinChars, 1, 1000, 'repeatMinChars');
  between(s.longWaitS, 0, 86_400 * 30, 'longWaitS');
  between(s.endedUpsetWindow, 1, 100, 'endedUpsetWindow');
  if (!NEGATIVE_SHARE_SCOPES.includes(s.negativeShareScope))
    throw new RangeError(`negativeShareScope must be one of ${NEGATIVE_SHARE_SCOPES.join(', ')}`);
  for (const sender of s.bannedSenders) if (!SENDERS.includes(sender)) throw new RangeError(`unknown sender ${sender}`);
  return s;
}
