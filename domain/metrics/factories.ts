/**
 * Test-data factories for the metric engine: a conversation is written as a list of steps at
 * Asia/Shanghai wall-clock times, so the hand-worked examples in the tests read like a chat log.
 */
import type { AgentDayFact } from './facts.ts';
import type { MessageRecord, OrderRecord, RatingRecord } from './records.ts';

/** Default day of the examples, a Monday. */
export const DAY = '2025-03-03';

/** Epoch ms of Asia/Shanghai wall-clock `HH:MM[:SS]` on `day`. */
export function sh(time: string, day: string = DAY): number {
  return Date.parse(`${day}T${time.length === 5 ? `${time}:00` : time}+08:00`);
}

export type Step = Partial<MessageRecord> & Pick<MessageRecord, 'sentAt'>;

export const customer = (time: string, day?: string): Step => ({ sender: 'customer', sentAt: sh(time, day) });
export const agent = (agentId: string, time: string, day?: string): Step => ({
  sender: 'agent',
  agentId,
  sentAt: sh(time, day),
});
export const autoReply = (agentId: string, time: string, day?: string): Step => ({
  sender: 'agent',
  agentId,
  autoReply: true,
  sentAt: sh(time, day),
});
export const bot = (time: string, day?: string): Step => ({ sender: 'bot', sentAt: sh(time, day) });
export const handoff = (toAgentId: string, time: string, day?: string): Step => ({
  sender: 'system',
  event: 'handoff',
  toAgentId,
  sentAt: sh(time, day),
});
export const transfer = (fromAgentId: string, toAgentId: string, time: string, day?: string): Step => ({
  sender: 'system',
  event: 'transfer',
  agentId: fromAgentId,
  toAgentId,
  sentAt: sh(time, day),
});
export const close = (time: string, day?: string): Step => ({
  sender: 'system',
  event: 'close',
  sentAt: sh(time, day),
});

/** Messages m1, m2, … of one conversation from its steps. */
export function buildConversation(
  steps: readonly Step[],
  base: Partial<Pick<MessageRecord, 'conversationId' | 'shopId' | 'channel' | 'customerId'>> = {},
): MessageRecord[] {
  return steps.map((step, i) => ({
    conversationId: 'c1',
    shopId: 'shop1',
    channel: 'chat',
    customerId: 'cust1',
    text: '',
    autoReply: false,
    event: '',
    sender: 'customer',
    ...base,
    messageId: `m${i + 1}`,
    ...step,
  }));
}

/** A served agent-day row (what order crediting reads). */
export function buildServed(overrides: Partial<AgentDayFact> & Pick<AgentDayFact, 'agentId'>): AgentDayFact {
  const firstReplyAt = overrides.firstReplyAt ?? sh('10:00');
  return {
    conversationId: `conv-${overrides.agentId}`,
    shopId: 'shop1',
    channel: 'chat',
    customerId: 'cust1',
    day: DAY,
    consulted: true,
    wrote: true,
    replied: true,
    served: true,
    owned: true,
    messagesSent: 1,
    transfersOut: 0,
    lastReplyAt: firstReplyAt,
    ...overrides,
    firstReplyAt,
  };
}

export function buildOrder(overrides: Partial<OrderRecord> = {}): OrderRecord {
  return {
    orderId: 'o1',
    shopId: 'shop1',
    customerId: 'cust1',
    createdAt: sh('15:00'),
    paidAt: null,
    amountCents: 10_000,
    refundAmountCents: 0,
    refundedAt: null,
    ...overrides,
  };
}

export function buildRating(overrides: Partial<RatingRecord> = {}): RatingRecord {
  return {
    conversationId: 'c1',
    customerId: 'cust1',
    agentId: 'a1',
    ratedAt: sh('12:00'),
    csat: 5,
    nps: null,
    ...overrides,
  };
}
