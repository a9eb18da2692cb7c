/**
 * Automatic text inspection (SPEC QA-3, KPI-12, KPI-15 compliance): the API the QA scorecards,
 * the QA server module and the live alerts call. Pure — no I/O.
 *
 *   const compiled = compileLexicons(mergeLexicons(managerWords));   // once, when the lists change
 *   const result = inspectConversation(messages, compiled, inspectionSettings(overrides));
 */
export { Automaton, foldUnit, type AutomatonOptions } from './automaton.ts';
export { HitList, applyWhitelist, ROLE_EXEMPT, ROLE_FILTERED, ROLE_WHITELIST, type Hit } from './hits.ts';
export {
  BANNED_CATEGORIES,
  SHIPPED_LEXICONS,
  mergeLexicons,
  type BannedCategory,
  type BannedLexicon,
  type LexiconAdditions,
  type Lexicons,
  type SentimentLexicon,
} from './lexicons.ts';
export {
  BANNED_TRANSPARENT,
  compileBanned,
  countByCategory,
  findBanned,
  type BannedHit,
  type BannedMatcher,
} from './banned.ts';
export { isIdNumber, scanPrivacy, scanPrivacyView, type PrivacyKind, type PrivacyMatch } from './privacy.ts';
export { asciiView, luhn } from './digits.ts';
export { scanContact, type ContactMatch } from './contact.ts';
export { isExcused } from './scope.ts';
export { DETECTOR_CUES, type DetectorCues } from './cues.ts';
export {
  compileSentiment,
  estimateWords,
  scoreSentiment,
  type MessageSentiment,
  type SentimentLabel,
  type SentimentMatcher,
  type SentimentTerm,
} from './sentiment.ts';
export {
  analyseWaits,
  endedUpset,
  findRepeatedQuestions,
  isQuestionLike,
  needsReply,
  type LongWait,
  type RepeatedQuestion,
  type WaitFindings,
} from './dialogue.ts';
export {
  DEFAULT_INSPECTION_SETTINGS,
  NEGATIVE_SHARE_SCOPES,
  inspectionSettings,
  type InspectionSettings,
  type NegativeShareScope,
} from './settings.ts';
export {
  compileLexicons,
  inspectConversation,
  type AlertKind,
  type CompiledLexicons,
  type ConversationInspection,
  type InspectionAlert,
  type InspectionContext,
  type MessageFinding,
} from './inspect.ts';
export {
  accuracy,
  evaluateBanned,
  evaluateSentiment,
  precision,
  recall,
  type BannedCase,
  type BannedEvaluation,
  type Confusion,
  type SentimentCase,
  type SentimentEvaluation,
} from './evaluate.ts';
