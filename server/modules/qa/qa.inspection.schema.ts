/**
 * One conversation's automatic inspection as the console shows it (SPEC QA-3, KPI-12): the
 * findings per message with their positions, to highlight in the chat, and the conversation's
 * figures and flags; shared by server and web.
 */
import { z } from 'zod';
import { BANNED_CATEGORIES } from '../../../domain/qa/text/index.ts';
import { AlertOut } from './qa.alerts.schema.ts';

/** A banned expression in a message: [start, end) in UTF-16 code units of the message text. */
export const BannedHitOut = z.object({
  category: z.enum(BANNED_CATEGORIES),
  start: z.number().int(),
  end: z.number().int(),
  /** `lexicon`, or the kind of personal data found (phone, id_number, address) */
  source: z.string(),
});

/** A sentiment word: [start, end) and its value after negation and degree (< 0 negative). */
export const SentimentTermOut = z.object({ start: z.number().int(), end: z.number().int(), value: z.number() });

export const MessageFindingOut = z.object({
  messageId: z.string(),
  sender: z.enum(['customer', 'agent', 'bot', 'system']),
  banned: z.array(BannedHitOut),
  /** customer messages only */
  sentiment: z
    .object({
      label: z.enum(['negative', 'neutral', 'positive']),
      score: z.number(),
      negativeWords: z.number(),
      terms: z.array(SentimentTermOut),
    })
    .nullable(),
});
export type MessageFindingOut = z.infer<typeof MessageFindingOut>;

export const InspectionOut = z.object({
  conversationId: z.string(),
  agentId: z.string().nullable(),
  groupId: z.string().nullable(),
  day: z.string(),
  inspectedAt: z.string(),
  /** false when the lexicons or settings changed since (a re-inspection brings it up to date) */
  current: z.boolean(),
  customerMessages: z.number().int(),
  negativeMessages: z.number().int(),
  positiveMessages: z.number().int(),
  /** (positive − negative customer messages) / customer messages */
  sentimentIndex: z.number(),
  negativeWords: z.number(),
  words: z.number(),
  /** negativeWords / words */
  negativeShare: z.number(),
  /** the alert threshold in force */
  negativeShareThreshold: z.number(),
  bannedHits: z.number().int(),
  bannedByCategory: z.record(z.enum(BANNED_CATEGORIES), z.number().int()),
  repeatedQuestions: z.array(z.object({ messageId: z.string(), repeatsMessageId: z.string(), similarity: z.number() })),
  /** the first customer message left without the reply it needed */
  unanswered: z.object({ messageId: z.string(), since: z.string() }).nullable(),
  longWaits: z.array(z.object({ messageId: z.string(), replyMessageId: z.string().nullable(), waitS: z.number() })),
  longestWaitS: z.number(),
  endedUpset: z.boolean(),
  findings: z.array(MessageFindingOut),
  /** alerts of the conversation (only for those who handle alerts) */
  alerts: z.array(AlertOut),
});
export type InspectionOut = z.infer<typeof InspectionOut>;

/** A text to try against the lexicons in force (the lexicon page's tester). */
export const InspectionPreviewBody = z.object({
  text: z.string().min(1).max(2000),
  sender: z.enum(['customer', 'agent']),
});

/** What inspection finds in that text. */
export const InspectionPreviewOut = MessageFindingOut.omit({ messageId: true });
