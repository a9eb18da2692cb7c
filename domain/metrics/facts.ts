/**
 * Fact rows: what the server stores at import time so KPI queries aggregate small rows instead
 * of raw messages. Every field is a string, number, boolean or null, so a row maps 1:1 onto a
 * table row. `day` is always the organisation-local `YYYY-MM-DD` the fact belongs to. Facts
 * depend on the settings they were computed under (see `settingsFingerprint`).
 */
import type { ChannelKind } from '../org.ts';
import type { ConversationCategory } from './records.ts';

/** What opened a round. */
export type RoundOpener = 'customer' | 'handoff' | 'transfer';
/** What ended a round: a valid reply, or (unanswered) a transfer, a hand-off, a close event, the end of data. */
export type RoundCloser = 'reply' | 'transfer' | 'handoff' | 'close' | 'end';
/** Why a round counts or not; `explainRound` turns it into a sentence for the drill-down. */
export type RoundReason =
  'answered' | 'answered_capped' | 'unanswered' | 'outside_service_hours' | 'closed_day' | 'no_agent';

/** One response round. Key: (conversationId, seq). */
export interface RoundFact {
  conversationId: string;
  /** 0-based order of the round in its conversation; 0 is the first round */
  seq: number;
  shopId: string;
  channel: ChannelKind;
  customerId: string;
  /** agent credited: the replier, or for an unanswered round the transferring agent / owner; null = nobody */
  agentId: string | null;
  /** local day the round opened on (a round belongs to the day it opens) */
  day: string;
  openAt: number;
  openedBy: RoundOpener;
  /** customer message that opened it (null when a hand-off/transfer opened it) */
  openMessageId: string | null;
  /** time of the valid reply that closed it; null when unanswered */
  closeAt: number | null;
  closeMessageId: string | null;
  closedBy: RoundCloser;
  /** when the round stopped waiting: closeAt, or the transfer/close/last-message time */
  endAt: number;
  /** raw seconds from open to reply; null when unanswered */
  waitS: number | null;
  /** min(waitS, roundCapS); roundCapS when unanswered */
  durationS: number;
  /** opened inside service hours on a service day and credited to an agent */
  countsForResponse: boolean;
  isFirst: boolean;
  unanswered: boolean;
  /** opened by a customer message outside service hours (an offline message) */
  offline: boolean;
  /** answered with waitS <= serviceLevelThresholdS */
  withinServiceLevel: boolean;
  /** durationS > slowThresholdS (unanswered rounds are slow when the cap exceeds the threshold) */
  slow: boolean;
  reason: RoundReason;
}

/**
 * One agent's involvement with one customer on one local day within one conversation.
 * Key: (conversationId, agentId ?? '', day). agentId null = the customer wrote but no agent
 * was ever assigned (bot-only or never picked up); such rows only count for the shop.
 */
export interface AgentDayFact {
  conversationId: string;
  shopId: string;
  channel: ChannelKind;
  customerId: string;
  agentId: string | null;
  day: string;
  /** customer sent a message that day addressed to this agent (owner then, or next owner); 咨询 */
  consulted: boolean;
  /** consulted and waiting for a human: false only for bot-handled rows with agentId null */
  wrote: boolean;
  /** one of those messages later got a valid reply from this agent */
  replied: boolean;
  /** customer wrote that day (in this conversation) and this agent sent a valid reply that day; 接待 */
  served: boolean;
  /** this agent owned the conversation at some moment of that day */
  owned: boolean;
  /** valid replies (not auto-replies, not events) this agent sent that day */
  messagesSent: number;
  /** transfers this agent made that day */
  transfersOut: number;
  firstReplyAt: number | null;
  lastReplyAt: number | null;
}

/** A customer message that opened a round outside service hours. Key: (conversationId, messageId). */
export interface OfflineMessageFact {
  conversationId: string;
  messageId: string;
  shopId: string;
  channel: ChannelKind;
  customerId: string;
  /** the first replier; unreplied: the owner when it arrived, else the final owner; null = nobody */
  agentId: string | null;
  day: string;
  sentAt: number;
  /** end of the first service hour of the next service day */
  deadline: number;
  firstReplyAt: number | null;
  handled: boolean;
}

/** A transfer event. Key: (conversationId, messageId). */
export interface TransferFact {
  conversationId: string;
  messageId: string;
  shopId: string;
  channel: ChannelKind;
  fromAgentId: string | null;
  toAgentId: string | null;
  at: number;
  day: string;
  /** a round was open: the transferring agent is charged an unanswered round */
  withOpenRound: boolean;
}

/** One conversation. Key: conversationId. Conversation-level metrics credit `agentId`. */
export interface ConversationFact {
  conversationId: string;
  shopId: string;
  channel: ChannelKind;
  customerId: string;
  /** local day of the first message */
  day: string;
  startedAt: number;
  endedAt: number;
  /** final owner (the agent who had it last); null when never owned */
  agentId: string | null;
  firstAgentId: string | null;
  /** every agent who owned it, in order of first ownership, joined by ',' */
  ownerIds: string;
  /** a bot spoke or handed off in it */
  botFronted: boolean;
  /** never owned by an agent: left out of agent metrics */
  botOnly: boolean;
  handoffAt: number | null;
  transfers: number;
  rounds: number;
  /** null when no attributes were imported; resolution metrics only count conversations with one */
  category: ConversationCategory | null;
  resolved: boolean;
  resolvedAt: number | null;
  /** resolved within this conversation: resolvedAt <= endedAt + immediateResolutionGraceMin, or no time recorded */
  immediateResolved: boolean;
  issueKey: string | null;
  /** set by `markRepeatComplaints` across conversations */
  repeatComplaint: boolean;
}

/** One rating. Key: the rating's natural key from import. */
export interface RatingFact {
  conversationId: string;
  shopId: string;
  channel: ChannelKind;
  customerId: string;
  agentId: string | null;
  day: string;
  ratedAt: number;
  csat: number;
  nps: number | null;
}

/** One (agent, customer, day, conversation) inquiry with its sales outcome. Key as AgentDayFact. */
export interface InquiryFact {
  conversationId: string;
  shopId: string;
  channel: ChannelKind;
  customerId: string;
  agentId: string;
  day: string;
  /** the agent's first valid reply that day: orders before it are not conversions */
  servedAt: number;
  /** the customer placed an order after servedAt, on `day` or within orderWindowDays after */
  ordered: boolean;
  /** first such order */
  orderId: string | null;
  /** one such order was paid within paymentWindowDays of being placed */
  paid: boolean;
  /** when the paid figure is final; while !paid and asOf < settlesAt it shows as pending */
  settlesAt: number;
}

/** One order with its credit. Key: orderId. */
export interface OrderFact {
  orderId: string;
  shopId: string;
  customerId: string;
  /** local day the order was placed */
  day: string;
  createdAt: number;
  /** credited agent; null = no agent served the customer in the window (silent sale) */
  agentId: string | null;
  /** channel and conversation of the crediting service (drill-down); null when uncredited */
  channel: ChannelKind | null;
  conversationId: string | null;
  /** the inquiry day the order is credited to */
  inquiryDay: string | null;
  amountCents: number;
  /** paid within paymentWindowDays of createdAt */
  paid: boolean;
  paidAt: number | null;
  /** createdAt + paymentWindowDays: until then an unpaid order is pending */
  payDeadline: number;
  refunded: boolean;
  refundAmountCents: number;
}

/** An agent who served the customer on the credited inquiry day before the order but was not credited. Key: (orderId, agentId). */
export interface OrderAssistFact {
  orderId: string;
  agentId: string;
  shopId: string;
  /** channel of the assisting agent's service */
  channel: ChannelKind;
  /** the order's inquiry day */
  day: string;
}

/** Everything `conversationFacts` derives from one conversation. */
export interface ConversationFacts {
  conversation: ConversationFact;
  rounds: RoundFact[];
  agentDays: AgentDayFact[];
  offline: OfflineMessageFact[];
  transfers: TransferFact[];
}
