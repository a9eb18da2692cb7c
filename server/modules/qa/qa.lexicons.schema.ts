/**
 * The words a manager adds to the shipped inspection lexicons, the inspection settings, and the
 * background re-inspection they trigger (SPEC QA-3); shared by server and web.
 */
import { z } from 'zod';
import { SENDERS } from '../../../domain/metrics/records.ts';
import { BANNED_CATEGORIES, NEGATIVE_SHARE_SCOPES } from '../../../domain/qa/text/index.ts';

/** The lists a manager may extend: the four banned categories, the whitelist, and the sentiment words. */
export const LEXICON_LISTS = [...BANNED_CATEGORIES, 'whitelist', 'negative', 'positive', 'neutral'] as const;
export type LexiconList = (typeof LEXICON_LISTS)[number];

/** One added word. */
export const LexiconWordOut = z.object({
  id: z.string(),
  list: z.enum(LEXICON_LISTS),
  word: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type LexiconWordOut = z.infer<typeof LexiconWordOut>;

/** Where the re-inspection after a lexicon or settings change stands (see qa.inspection.jobs.ts). */
export const ReinspectState = z.object({
  status: z.enum(['idle', 'running', 'done', 'failed']),
  /** conversations re-inspected so far, of `total` */
  done: z.number().int(),
  total: z.number().int(),
  /** new alerts the run raised */
  alerts: z.number().int(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** another run follows, for a change saved while this one ran */
  queued: z.boolean(),
});
export type ReinspectState = z.infer<typeof ReinspectState>;

/** The manager's words, how many words each shipped list has, and the rules fingerprint in force. */
export const LexiconsOut = z.object({
  words: z.array(LexiconWordOut),
  shipped: z.record(z.enum(LEXICON_LISTS), z.number().int()),
  /** fingerprint of the additions and settings; inspections made under another one are out of date */
  rulesVersion: z.string(),
  reinspect: ReinspectState,
});
export type LexiconsOut = z.infer<typeof LexiconsOut>;

/** Words to add to one list (blank lines ignored; words already there are skipped). */
export const LexiconWordsAdd = z.object({
  list: z.enum(LEXICON_LISTS),
  words: z.array(z.string().trim().max(40, 'at most 40 characters')).min(1).max(500),
});
export type LexiconWordsAdd = z.infer<typeof LexiconWordsAdd>;

/** What an addition did; the re-inspection it started. */
export const LexiconWordsAdded = z.object({
  added: z.array(LexiconWordOut),
  /** words already in the list */
  skipped: z.array(z.string()),
  reinspect: ReinspectState,
});

/** The settings that shape inspection (the domain's InspectionSettings), each with its default. */
export const InspectionSettingsSchema = z.object({
  /** alert when the negative-word share of a conversation exceeds this; default 0.03 */
  negativeShareThreshold: z.number().min(0).max(1),
  /** words counted in the share's denominator: the whole conversation or the customer's */
  negativeShareScope: z.enum(NEGATIVE_SHARE_SCOPES),
  /** characters per word for unsegmented Chinese; default 1.6 */
  charsPerWord: z.number().min(0.5).max(10),
  /** negation and degree words reach this many characters ahead; default 3 */
  negationWindow: z.number().int().min(0).max(20),
  /** bigram similarity from which a question counts as asked again; default 0.5 */
  repeatSimilarity: z.number().min(0).max(1),
  /** shorter customer messages never count as repeats; default 4 */
  repeatMinChars: z.number().int().min(1).max(1000),
  /** a wait longer than this raises a long-wait alert; default 300 s */
  longWaitS: z
    .number()
    .min(0)
    .max(86_400 * 30),
  /** the last N customer messages decide an upset ending; default 2 */
  endedUpsetWindow: z.number().int().min(1).max(100),
  /** whose messages are checked for banned words; default agent and bot */
  bannedSenders: z.array(z.enum(SENDERS)),
});
export type InspectionSettingsT = z.infer<typeof InspectionSettingsSchema>;

/** The settings after a change, and the re-inspection it started. */
export const InspectionSettingsSaved = InspectionSettingsSchema.extend({ reinspect: ReinspectState });
