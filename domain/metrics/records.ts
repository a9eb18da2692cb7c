/**
 * Input records of the metric engine, already parsed and validated by the importer.
 * Times are epoch milliseconds (UTC); money is integer cents.
 */
import type { ChannelKind } from '../org.ts';

export const SENDERS = ['customer', 'agent', 'bot', 'system'] as const;
export type Sender = (typeof SENDERS)[number];

/** `handoff`: the bot hands the customer to human `toAgentId`; `transfer`: `agentId` passes it to `toAgentId`. */
export const MESSAGE_EVENTS = ['', 'handoff', 'transfer', 'close'] as const;
export type MessageEvent = (typeof MESSAGE_EVENTS)[number];

export const CONVERSATION_CATEGORIES = ['consult', 'presale', 'complaint', 'after_sales'] as const;
export type ConversationCategory = (typeof CONVERSATION_CATEGORIES)[number];

export interface MessageRecord {
  conversationId: string;
  messageId: string;
  shopId: string;
  channel: ChannelKind;
  customerId: string;
  sender: Sender;
  /** the agent who sent it (agent messages) or who transfers (transfer events) */
  agentId?: string | null;
  sentAt: number;
  text: string;
  /** sent automatically on the agent's behalf (自动回复); never a valid reply */
  autoReply: boolean;
  /** a non-empty event makes the record a conversation event, never a reply, whoever sent it */
  event: MessageEvent;
  /** receiving agent of a hand-off or transfer */
  toAgentId?: string | null;
}

export interface ConversationAttributes {
  conversationId: string;
  category: ConversationCategory;
  resolved: boolean;
  resolvedAt: number | null;
  /** what the customer's problem is about (e.g. an order number + issue type); groups repeat complaints */
  issueKey: string;
}

export interface RatingRecord {
  conversationId: string;
  customerId: string;
  /** the rated agent; when empty the conversation's final owner is rated */
  agentId?: string | null;
  ratedAt: number;
  /** 1 很不满意 … 5 很满意 */
  csat: number;
  /** 0–10, or null when the survey had no NPS question */
  nps: number | null;
}

export interface OrderRecord {
  orderId: string;
  shopId: string;
  customerId: string;
  createdAt: number;
  paidAt: number | null;
  amountCents: number;
  refundAmountCents: number;
  refundedAt: number | null;
}
