/**
 * Layer 1 of the metric engine: one conversation's messages → its facts (rounds, agent-days,
 * offline messages, transfers). Runs at import time, once per conversation, in one pass.
 *
 * The rules (SPEC KPI, Taobao 旺旺 conventions):
 * - Owner: the agent of the latest agent message (auto-replies included) or the receiver of
 *   the latest hand-off/transfer.
 * - Valid reply: an agent message that is not an auto-reply and not an event.
 * - A round opens at a customer message when none is open, or at a hand-off/transfer when the
 *   customer is waiting; it closes at the next valid reply, credited to the replier.
 * - Bot-fronted conversation (a bot spoke or a hand-off happened): customer messages before the
 *   first owner open no round; the hand-off opens one if the customer is waiting. An agent who
 *   picks up with no hand-off event is treated as a hand-off at that message (an auto-reply
 *   pick-up opens a round; a valid-reply pick-up has no wait to time, so opens none).
 * - Transfer (or hand-off away from an owning agent) with a round open: the round ends
 *   unanswered, charged to the transferring agent (the owner for a hand-off), and a new round
 *   opens for the receiver at that moment. A close event, or the end of the data, ends an open
 *   round unanswered, charged to the owner then.
 */
import { DAY_MS, MINUTE_MS, dayNumberToString, localEpochMs } from '../time.ts';
import type { AgentDayFact, ConversationFact, ConversationFacts, OfflineMessageFact } from './facts.ts';
import type { ConversationAttributes, MessageRecord } from './records.ts';
import { DEFAULT_METRIC_SETTINGS, compile, type MetricSettings } from './settings.ts';
import { Walk, type OfflineAcc, type RowAcc } from './walk.ts';

function isSorted(messages: readonly MessageRecord[]): boolean {
  for (let i = 1; i < messages.length; i++) if (messages[i].sentAt < messages[i - 1].sentAt) return false;
  return true;
}

/**
 * The facts of one conversation from all its messages (any order; ties keep input order).
 * Facts depend on `settings`; recompute them when the conversation gains messages or the
 * settings change. `attributes` fill the resolution fields of the conversation fact.
 */
export function conversationFacts(
  messages: readonly MessageRecord[],
  settings: MetricSettings = DEFAULT_METRIC_SETTINGS,
  attributes?: ConversationAttributes | null,
): ConversationFacts {
  if (messages.length === 0) throw new RangeError('a conversation needs at least one message');
  const c = compile(settings);
  const tz = settings.timeZone;
  const msgs = isSorted(messages) ? messages : [...messages].sort((a, b) => a.sentAt - b.sentAt);
  const head = msgs[0];
  let botFronted = false;
  for (const m of msgs) {
    if (m.conversationId !== head.conversationId) {
      throw new RangeError(`message ${m.messageId} belongs to ${m.conversationId}, not ${head.conversationId}`);
    }
    if (m.sender === 'bot' || m.event === 'handoff') botFronted = true;
  }

  const w = new Walk(c, head, botFronted);
  let firstDayNumber = 0;
  for (let i = 0; i < msgs.length; i++) {
    const m = msgs[i];
    const local = localEpochMs(m.sentAt, tz);
    const dayNumber = Math.floor(local / DAY_MS);
    const minute = Math.floor((local - dayNumber * DAY_MS) / MINUTE_MS);
    if (i === 0) firstDayNumber = dayNumber;
    switch (m.event) {
      case 'handoff':
        w.passOn(m, w.owner, m.toAgentId || null, dayNumber, minute);
        break;
      case 'transfer':
        w.passOn(m, m.agentId || w.owner, m.toAgentId || null, dayNumber, minute);
        break;
      case 'close':
        if (w.open) w.closeRound(w.owner, 'close', m.sentAt, null);
        w.waiting = false;
        break;
      case '':
        if (m.sender === 'customer') w.customer(m, dayNumber, minute);
        else if (m.sender === 'agent' && m.agentId) w.agent(m, m.agentId, dayNumber, minute);
        break;
    }
    if (w.owner !== null) w.row(w.owner, dayNumber).owned = true;
  }
  const last = msgs[msgs.length - 1];
  if (w.open) w.closeRound(w.owner, 'end', last.sentAt, null);
  for (const d of w.unaddressedDays) {
    const r = w.row(null, d);
    r.consulted = true;
    r.wrote = !botFronted;
  }
  return {
    conversation: conversationFact(
      w,
      head,
      last.sentAt,
      firstDayNumber,
      attributes ?? null,
      settings.immediateResolutionGraceMin * MINUTE_MS,
    ),
    rounds: w.rounds,
    agentDays: w.rowList.map((r) => agentDayFact(r, head, w.customerDays)),
    offline: w.offline.map((o) => offlineFact(o, head, w.owner)),
    transfers: w.transfers,
  };
}

function agentDayFact(r: RowAcc, head: MessageRecord, customerDays: ReadonlySet<number>): AgentDayFact {
  return {
    conversationId: head.conversationId,
    shopId: head.shopId,
    channel: head.channel,
    customerId: head.customerId,
    agentId: r.agentId,
    day: dayNumberToString(r.dayNumber),
    consulted: r.consulted,
    wrote: r.wrote,
    replied: r.replied,
    served: r.agentId !== null && r.messagesSent > 0 && customerDays.has(r.dayNumber),
    owned: r.owned,
    messagesSent: r.messagesSent,
    transfersOut: r.transfersOut,
    firstReplyAt: r.firstReplyAt,
    lastReplyAt: r.lastReplyAt,
  };
}

function offlineFact(o: OfflineAcc, head: MessageRecord, finalOwner: string | null): OfflineMessageFact {
  return {
    conversationId: head.conversationId,
    messageId: o.messageId,
    shopId: head.shopId,
    channel: head.channel,
    customerId: head.customerId,
    agentId: o.agentId ?? o.ownerAtArrival ?? finalOwner,
    day: dayNumberToString(o.dayNumber),
    sentAt: o.sentAt,
    deadline: o.deadline,
    firstReplyAt: o.firstReplyAt,
    handled: o.firstReplyAt !== null && o.firstReplyAt <= o.deadline,
  };
}

function conversationFact(
  w: Walk,
  head: MessageRecord,
  endedAt: number,
  firstDayNumber: number,
  a: ConversationAttributes | null,
  graceMs: number,
): ConversationFact {
  const resolved = a?.resolved ?? false;
  const resolvedAt = a?.resolvedAt ?? null;
  return {
    conversationId: head.conversationId,
    shopId: head.shopId,
    channel: head.channel,
    customerId: head.customerId,
    day: dayNumberToString(firstDayNumber),
    startedAt: head.sentAt,
    endedAt,
    agentId: w.owner,
    firstAgentId: w.owners[0] ?? null,
    ownerIds: w.owners.join(','),
    botFronted: w.botFronted,
    botOnly: w.owners.length === 0,
    handoffAt: w.handoffAt,
    transfers: w.transfers.length,
    rounds: w.rounds.length,
    category: a?.category ?? null,
    resolved,
    resolvedAt,
    immediateResolved: resolved && (resolvedAt === null || resolvedAt <= endedAt + graceMs),
    issueKey: a?.issueKey || null,
    repeatComplaint: false,
  };
}
