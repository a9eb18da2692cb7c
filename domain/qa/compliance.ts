/**
 * An agent's automatic-inspection figures for a period (SPEC KPI-12 sentiment index per agent,
 * KPI-15 compliance), from the stored per-conversation results of the conversations credited
 * to them:
 *
 * - sentimentIndex: the mean of the conversation sentiment indexes ((positive − negative
 *   customer messages) / customer messages, in [−1, 1]) over the conversations with customer
 *   messages; null when there are none.
 * - negativeRate: conversations whose negative-word share reached the alert threshold (the
 *   inspection setting, 3 % by default) / conversations inspected.
 * - complianceRate: conversations without any banned-word hit / conversations inspected.
 * - bannedHits: hits by category, and per 100 conversations.
 */
export interface AgentInspectionCounts {
  conversations: number;
  /** sum of the conversation sentiment indexes × 10,000 over those with customer messages */
  sentimentBpSum: number;
  withCustomerMessages: number;
  /** conversations at or above the negative-share threshold */
  negative: number;
  /** conversations with at least one banned-word hit */
  withBanned: number;
  banned: { rude: number; promise: number; privacy: number; offPlatform: number };
}

export interface AgentInspectionSummary {
  conversations: number;
  sentimentIndex: number | null;
  negativeRate: number | null;
  complianceRate: number | null;
  bannedHits: { rude: number; promise: number; privacy: number; offPlatform: number; total: number };
  bannedPer100: number | null;
}

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

export function summariseInspections(c: AgentInspectionCounts): AgentInspectionSummary {
  const total = c.banned.rude + c.banned.promise + c.banned.privacy + c.banned.offPlatform;
  const per = (n: number) => (c.conversations === 0 ? null : n / c.conversations);
  return {
    conversations: c.conversations,
    sentimentIndex: c.withCustomerMessages === 0 ? null : round(c.sentimentBpSum / c.withCustomerMessages / 10_000, 4),
    negativeRate: per(c.negative) === null ? null : round(per(c.negative)!, 4),
    complianceRate: per(c.conversations - c.withBanned) === null ? null : round(per(c.conversations - c.withBanned)!, 4),
    bannedHits: { ...c.banned, total },
    bannedPer100: per(total) === null ? null : round(per(total)! * 100, 2),
  };
}
