/** Cross-conversation facts: repeat complaints (SPEC KPI-8) and ratings (KPI-10, KPI-11). */
import { DAY_MS, localDay } from '../time.ts';
import type { ConversationFact, RatingFact } from './facts.ts';
import type { RatingRecord } from './records.ts';
import { DEFAULT_METRIC_SETTINGS, type MetricSettings } from './settings.ts';

type ComplaintFields = Pick<
  ConversationFact,
  'conversationId' | 'shopId' | 'customerId' | 'category' | 'issueKey' | 'startedAt'
>;

/**
 * Ids of the complaints that repeat an earlier one: same shop, customer and issue key, started
 * strictly earlier and at most `repeatComplaintWindowDays` × 24 h before. Pass every complaint
 * of the customers concerned (the earlier ones too); complaints without an issue key never repeat.
 */
export function markRepeatComplaints(
  conversations: readonly ComplaintFields[],
  settings: MetricSettings = DEFAULT_METRIC_SETTINGS,
): Set<string> {
  const windowMs = settings.repeatComplaintWindowDays * DAY_MS;
  const byIssue = new Map<string, ComplaintFields[]>();
  for (const c of conversations) {
    if (c.category !== 'complaint' || !c.issueKey) continue;
    const key = `${c.shopId}\u0000${c.customerId}\u0000${c.issueKey}`;
    const list = byIssue.get(key);
    if (list) list.push(c);
    else byIssue.set(key, [c]);
  }
  const repeats = new Set<string>();
  for (const list of byIssue.values()) {
    list.sort((a, b) => a.startedAt - b.startedAt);
    let latestEarlier = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < list.length; i++) {
      if (i > 0 && list[i - 1].startedAt < list[i].startedAt) latestEarlier = list[i - 1].startedAt;
      if (list[i].startedAt - latestEarlier <= windowMs) repeats.add(list[i].conversationId);
    }
  }
  return repeats;
}

/** A rating as a fact row: credited to the rated agent, else to the conversation's final owner. */
export function ratingFact(
  rating: RatingRecord,
  conversation: Pick<ConversationFact, 'shopId' | 'channel' | 'agentId'>,
  settings: MetricSettings = DEFAULT_METRIC_SETTINGS,
): RatingFact {
  return {
    conversationId: rating.conversationId,
    shopId: conversation.shopId,
    channel: conversation.channel,
    customerId: rating.customerId,
    agentId: rating.agentId || conversation.agentId,
    day: localDay(rating.ratedAt, settings.timeZone),
    ratedAt: rating.ratedAt,
    csat: rating.csat,
    nps: rating.nps,
  };
}
