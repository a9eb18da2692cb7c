/**
 * Between the domain's ConversationInspection and what is stored and shown: the inspection row
 * (counts as columns, findings with positions as JSON), the alert rows, and InspectionOut.
 */
import type { MessageRecord } from '../../../domain/metrics/records.ts';
import type { ConversationInspection, InspectionAlert } from '../../../domain/qa/text/index.ts';
import type { AlertDetail, AlertOut } from './qa.alerts.schema.ts';
import type { InspectionRow } from './qa.inspection.repository.ts';
import type { InspectionOut, MessageFindingOut } from './qa.inspection.schema.ts';

/** The findings JSON of an inspection row (format 1). */
export interface StoredFindings {
  v: 1;
  negativeMessages: number;
  positiveMessages: number;
  sentimentIndex: number;
  words: number;
  negativeShare: number;
  longestWaitS: number;
  findings: MessageFindingOut[];
  repeatedQuestions: { messageId: string; repeatsMessageId: string; similarity: number }[];
  unanswered: { messageId: string; since: number } | null;
  longWaits: { messageId: string; replyMessageId: string | null; waitS: number }[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const flag = (b: boolean) => (b ? 1 : 0);

/** Where a conversation is placed when inspected: its credited agent, their group, its day. */
export interface Placed {
  agentId: string | null;
  groupId: string | null;
  day: string;
}

/** The qa_inspections row (INSPECTIONS column order) of one result. */
export function inspectionRow(
  r: ConversationInspection,
  messages: readonly MessageRecord[],
  placed: Placed,
  version: string,
  at: string,
): unknown[] {
  const id = (i: number) => messages[i].messageId;
  const stored: StoredFindings = {
    v: 1,
    negativeMessages: r.negativeMessages,
    positiveMessages: r.positiveMessages,
    sentimentIndex: r3(r.sentimentIndex),
    words: r3(r.words),
    negativeShare: r6(r.negativeShare),
    longestWaitS: r3(r.longestWaitS),
    findings: r.findings.map((f) => ({
      messageId: f.messageId,
      sender: f.sender,
      banned: f.banned.map((h) => ({ category: h.category, start: h.start, end: h.end, source: h.source })),
      sentiment: f.sentiment && {
        label: f.sentiment.label,
        score: r3(f.sentiment.score),
        negativeWords: f.sentiment.negativeWords,
        terms: f.sentiment.terms.map((t) => ({ start: t.start, end: t.end, value: r3(t.value) })),
      },
    })),
    repeatedQuestions: r.repeatedQuestions.map((q) => ({
      messageId: id(q.messageIndex),
      repeatsMessageId: id(q.repeatsIndex),
      similarity: r3(q.similarity),
    })),
    unanswered: r.unanswered && { messageId: r.unanswered.messageId, since: r.unanswered.since },
    longWaits: r.longWaits.map((w) => ({
      messageId: id(w.messageIndex),
      replyMessageId: w.replyIndex === null ? null : id(w.replyIndex),
      waitS: r3(w.waitS),
    })),
  };
  const b = r.bannedByCategory;
  return [
    r.conversationId || messages[0]?.conversationId,
    placed.agentId,
    placed.groupId,
    placed.day,
    version,
    r.customerMessages,
    r.negativeWords,
    Math.round(r.negativeShare * 1e6),
    Math.round(r.sentimentIndex * 1e4),
    r.bannedHits,
    b.rude,
    b.promise,
    b.privacy,
    b.off_platform,
    r.repeatedQuestions.length,
    flag(r.unanswered !== null),
    flag(r.endedUpset),
    Math.round(r.longestWaitS),
    JSON.stringify(stored),
    at,
  ];
}

/** What an alert shows without opening the conversation: categories and words, share, wait, an excerpt. */
export function alertDetail(
  a: InspectionAlert,
  r: ConversationInspection,
  messages: readonly MessageRecord[],
  threshold: number,
): AlertDetail {
  const excerpt = messages[a.messageIndex].text.slice(0, 120);
  switch (a.kind) {
    case 'banned_word': {
      const hits = r.findings.find((f) => f.index === a.messageIndex)?.banned ?? [];
      const words = [...new Set(hits.map((h) => (h.source === 'lexicon' ? h.text : h.source)))];
      return { categories: a.categories ?? [], words, excerpt };
    }
    case 'negative_share':
      return { negativeShare: r6(a.negativeShare ?? r.negativeShare), threshold, excerpt };
    case 'long_wait': {
      const wait = r.longWaits.find((w) => w.messageIndex === a.messageIndex);
      return { waitS: Math.round(a.waitS ?? 0), answered: wait ? wait.replyIndex !== null : false, excerpt };
    }
  }
}

/** A stored inspection as the console shows it. */
export function presentInspection(
  row: InspectionRow,
  current: { version: string; threshold: number },
  alerts: AlertOut[],
): InspectionOut {
  const s = JSON.parse(row.findings) as StoredFindings;
  return {
    conversationId: row.conversation_id,
    agentId: row.agent_id,
    groupId: row.group_id,
    day: row.day,
    inspectedAt: row.inspected_at,
    current: row.rules_version === current.version,
    customerMessages: Number(row.customer_messages),
    negativeMessages: s.negativeMessages,
    positiveMessages: s.positiveMessages,
    sentimentIndex: s.sentimentIndex,
    negativeWords: Number(row.negative_words),
    words: s.words,
    negativeShare: s.negativeShare,
    negativeShareThreshold: current.threshold,
    bannedHits: Number(row.banned_hits),
    bannedByCategory: {
      rude: Number(row.banned_rude),
      promise: Number(row.banned_promise),
      privacy: Number(row.banned_privacy),
      off_platform: Number(row.banned_off_platform),
    },
    repeatedQuestions: s.repeatedQuestions,
    unanswered: s.unanswered && {
      messageId: s.unanswered.messageId,
      since: new Date(s.unanswered.since).toISOString(),
    },
    longWaits: s.longWaits,
    longestWaitS: s.longestWaitS,
    endedUpset: Number(row.ended_upset) === 1,
    findings: s.findings,
    alerts,
  };
}
