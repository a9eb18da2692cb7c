/**
 * Automatic inspection of one conversation (SPEC QA-3, KPI-12, KPI-15 compliance, alert part of
 * SVC-7): banned words in what the shop sends, the customer's sentiment and negative-word share,
 * repeated questions, unanswered customers, long waits, an upset ending, and the alerts a
 * supervisor must see. Pure: the same messages, lexicons and settings give the same result.
 */
import type { MessageRecord, Sender } from '../../metrics/records.ts';
import { compileBanned, countByCategory, findBanned, type BannedHit, type BannedMatcher } from './banned.ts';
import {
  analyseWaits,
  endedUpset,
  findRepeatedQuestions,
  needsReply,
  type LongWait,
  type RepeatedQuestion,
} from './dialogue.ts';
import { SHIPPED_LEXICONS, type BannedCategory, type Lexicons } from './lexicons.ts';
import {
  compileSentiment,
  estimateWords,
  scoreSentiment,
  type MessageSentiment,
  type SentimentLabel,
  type SentimentMatcher,
} from './sentiment.ts';
import { DEFAULT_INSPECTION_SETTINGS, type InspectionSettings } from './settings.ts';

/** Lexicons compiled once into their automata; reuse across conversations (not across threads). */
export interface CompiledLexicons {
  banned: BannedMatcher;
  sentiment: SentimentMatcher;
}

/** Compiles lexicons (default: the shipped ones; merge a manager's words first with `mergeLexicons`). */
export function compileLexicons(lexicons: Lexicons = SHIPPED_LEXICONS): CompiledLexicons {
  return { banned: compileBanned(lexicons.banned), sentiment: compileSentiment(lexicons.sentiment) };
}

/** What inspection found in one message (only messages with a banned hit or a sentiment word are listed). */
export interface MessageFinding {
  /** index of the message in the input */
  index: number;
  messageId: string;
  sender: Sender;
  sentAt: number;
  /** banned hits, for messages of `bannedSenders` */
  banned: readonly BannedHit[];
  /** sentiment, for customer messages */
  sentiment: MessageSentiment | null;
}

export type AlertKind = 'negative_share' | 'banned_word' | 'long_wait';

/** Something a supervisor should see now, pinned to the message that raised it. */
export interface InspectionAlert {
  kind: AlertKind;
  messageIndex: number;
  messageId: string;
  /** sentAt of that message */
  at: number;
  /** banned_word: the categories hit in that message */
  categories?: BannedCategory[];
  /** long_wait: seconds waited (so far, when still unanswered) */
  waitS?: number;
  /** negative_share: the conversation's share */
  negativeShare?: number;
}

export interface ConversationInspection {
  conversationId: string;
  findings: MessageFinding[];
  bannedHits: number;
  bannedByCategory: Record<BannedCategory, number>;
  customerMessages: number;
  negativeMessages: number;
  positiveMessages: number;
  /** (positive − negative customer messages) / customer messages, in [−1, 1]; 0 without customer messages */
  sentimentIndex: number;
  /** the customer's negative words (terms with a negative value) */
  negativeWords: number;
  /** estimated words of the messages in `negativeShareScope` */
  words: number;
  /** negativeWords / words, 0 without words */
  negativeShare: number;
  repeatedQuestions: RepeatedQuestion[];
  unanswered: { messageIndex: number; messageId: string; since: number } | null;
  longWaits: LongWait[];
  longestWaitS: number;
  endedUpset: boolean;
  alerts: InspectionAlert[];
}

/** Live inspection only: `now` reports a still-open wait; `inServiceHours` keeps night messages out of long waits. */
export interface InspectionContext {
  now?: number;
  inServiceHours?: (epochMs: number) => boolean;
}

/**
 * Inspects one conversation's messages (any order; read in sentAt order, ties in input order).
 * - banned: `findBanned` on ordinary messages of `bannedSenders` (auto replies included);
 * - sentiment: `scoreSentiment` on customer messages (`negationWindow`); sentimentIndex from labels;
 * - negative share: the customer's negative words / estimated words (`charsPerWord`) of the messages
 *   in `negativeShareScope`; an alert when it exceeds `negativeShareThreshold`, at the last negative message;
 * - repeated questions (`repeatSimilarity`, `repeatMinChars`), waits and unanswered (`longWaitS`),
 *   ended upset (`endedUpsetWindow`) — see dialogue.ts;
 * - alerts: negative share, every message with banned hits, every long wait.
 */
export function inspectConversation(
  messages: readonly MessageRecord[],
  lexicons: CompiledLexicons,
  settings: InspectionSettings = DEFAULT_INSPECTION_SETTINGS,
  context: InspectionContext = {},
): ConversationInspection {
  const order = chronological(messages);
  const findings: MessageFinding[] = [];
  const needs: boolean[] = new Array<boolean>(messages.length).fill(false);
  const labels: SentimentLabel[] = [];
  const alerts: InspectionAlert[] = [];
  const bannedAll: BannedHit[] = [];
  const bannedSenders = settings.bannedSenders;
  let words = 0;
  let negativeWords = 0;
  let negativeMessages = 0;
  let positiveMessages = 0;
  let lastNegative = -1;
  for (const i of order) {
    const m = messages[i];
    if (m.event !== '') continue;
    let banned: readonly BannedHit[] = [];
    let sentiment: MessageSentiment | null = null;
    if (bannedSenders.includes(m.sender)) {
      banned = findBanned(m.text, lexicons.banned);
      if (banned.length) {
        for (const h of banned) bannedAll.push(h);
        alerts.push({ ...pin(messages, i, 'banned_word'), categories: [...new Set(banned.map((h) => h.category))] });
      }
    }
    if (m.sender === 'customer') {
      sentiment = scoreSentiment(m.text, lexicons.sentiment, settings.negationWindow);
      labels.push(sentiment.label);
      needs[i] = needsReply(m.text, sentiment.label);
      negativeWords += sentiment.negativeWords;
      if (sentiment.negativeWords > 0) lastNegative = i;
      if (sentiment.label === 'negative') negativeMessages++;
      else if (sentiment.label === 'positive') positiveMessages++;
    }
    const counted =
      m.sender === 'customer' ||
      (settings.negativeShareScope === 'conversation' && m.sender === 'agent' && !m.autoReply);
    if (counted) words += estimateWords(m.text, settings.charsPerWord);
    if (banned.length || sentiment?.terms.length) {
      findings.push({ index: i, messageId: m.messageId, sender: m.sender, sentAt: m.sentAt, banned, sentiment });
    }
  }
  const negativeShare = words > 0 ? negativeWords / words : 0;
  if (negativeShare > settings.negativeShareThreshold && lastNegative >= 0) {
    alerts.push({ ...pin(messages, lastNegative, 'negative_share'), negativeShare });
  }
  const waits = analyseWaits(messages, order, settings.longWaitS, needs, context);
  for (const w of waits.longWaits) alerts.push({ ...pin(messages, w.messageIndex, 'long_wait'), waitS: w.waitS });
  alerts.sort((a, b) => a.at - b.at || a.messageIndex - b.messageIndex);
  const customerMessages = labels.length;
  const unanswered = waits.unanswered;
  return {
    conversationId: messages[0]?.conversationId ?? '',
    findings,
    bannedHits: bannedAll.length,
    bannedByCategory: countByCategory(bannedAll),
    customerMessages,
    negativeMessages,
    positiveMessages,
    sentimentIndex: customerMessages ? (positiveMessages - negativeMessages) / customerMessages : 0,
    negativeWords,
    words,
    negativeShare,
    repeatedQuestions: findRepeatedQuestions(
      messages,
      order,
      needs,
      settings.repeatSimilarity,
      settings.repeatMinChars,
    ),
    unanswered: unanswered && { ...unanswered, messageId: messages[unanswered.messageIndex].messageId },
    longWaits: waits.longWaits,
    longestWaitS: waits.longestWaitS,
    endedUpset: endedUpset(labels, settings.endedUpsetWindow),
    alerts,
  };
}

function pin(messages: readonly MessageRecord[], i: number, kind: AlertKind): InspectionAlert {
  return { kind, messageIndex: i, messageId: messages[i].messageId, at: messages[i].sentAt };
}

/** Input indexes in sentAt order (stable); the identity when already sorted. */
function chronological(messages: readonly MessageRecord[]): number[] {
  const order = messages.map((_, i) => i);
  for (let i = 1; i < messages.length; i++) {
    if (messages[i].sentAt < messages[i - 1].sentAt)
      return order.sort((a, b) => messages[a].sentAt - messages[b].sentAt || a - b);
  }
  return order;
}
