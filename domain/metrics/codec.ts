/**
 * How facts are stored: each fact row's `data` column holds the fact as a JSON array of its
 * field values in a fixed order (booleans as 0/1), not as a JSON object. The field names made up
 * more than half of every row (a round: 505 bytes as an object, 230 as an array), and facts are
 * most of what an import writes and what a KPI rebuild reads back.
 *
 * Decoding also accepts the object form, which databases written before this encoding still hold,
 * so no data migration is needed; a fact is rewritten in the array form when it is next refreshed.
 */
import type {
  AgentDayFact,
  ConversationFact,
  InquiryFact,
  OfflineMessageFact,
  OrderAssistFact,
  OrderFact,
  RatingFact,
  RoundFact,
  TransferFact,
} from './facts.ts';

/** A field of a stored fact: its name, and `b` for a boolean (stored as 0/1). */
type FieldSpec<T> = readonly [keyof T & string] | readonly [keyof T & string, 'b'];

export interface FactCodec<T> {
  encode(fact: T): string;
  decode(data: string): T;
}

/**
 * A codec for one fact type, curried so the field list's type is inferred: leaving a field of
 * the fact type out of the list is a compile error, so a new field cannot be silently dropped.
 */
const codec =
  <T>() =>
  <const S extends readonly FieldSpec<T>[]>(
    fields: S & (Exclude<keyof T, S[number][0]> extends never ? unknown : { missingFields: Exclude<keyof T, S[number][0]> }),
  ): FactCodec<T> => {
    // Compiled once per fact type into plain property reads and an object literal: a loop with
    // computed keys decodes several times slower than V8's own JSON.parse of the object form.
    const names = fields.map((f) => f[0]);
    for (const name of names) if (!/^[A-Za-z_]\w*$/.test(name)) throw new TypeError(`fact field "${name}" is not an identifier`);
    const values = fields.map(([name, kind]) => (kind === 'b' ? `f.${name} ? 1 : 0` : `f.${name} ?? null`)).join(', ');
    const props = fields.map(([name, kind], i) => (kind === 'b' ? `${name}: v[${i}] === 1` : `${name}: v[${i}] ?? null`)).join(', ');
    const encode = new Function('f', `return JSON.stringify([${values}]);`) as (f: T) => string;
    const fromArray = new Function('v', `return { ${props} };`) as (v: unknown[]) => T;
    return {
      encode,
      decode(data) {
        const parsed = JSON.parse(data) as unknown;
        // "{": the object form that databases written before the array form still hold
        return Array.isArray(parsed) ? fromArray(parsed) : (parsed as T);
      },
    };
  };

export const roundCodec = codec<RoundFact>()([
  ['conversationId'], ['seq'], ['shopId'], ['channel'], ['customerId'], ['agentId'], ['day'], ['openAt'], ['openedBy'],
  ['openMessageId'], ['closeAt'], ['closeMessageId'], ['closedBy'], ['endAt'], ['waitS'], ['durationS'],
  ['countsForResponse', 'b'], ['isFirst', 'b'], ['unanswered', 'b'], ['offline', 'b'], ['withinServiceLevel', 'b'], ['slow', 'b'], ['reason'],
]);

export const conversationCodec = codec<ConversationFact>()([
  ['conversationId'], ['shopId'], ['channel'], ['customerId'], ['day'], ['startedAt'], ['endedAt'], ['agentId'], ['firstAgentId'],
  ['ownerIds'], ['botFronted', 'b'], ['botOnly', 'b'], ['handoffAt'], ['transfers'], ['rounds'], ['category'], ['resolved', 'b'],
  ['resolvedAt'], ['immediateResolved', 'b'], ['issueKey'], ['repeatComplaint', 'b'],
]);

export const agentDayCodec = codec<AgentDayFact>()([
  ['conversationId'], ['shopId'], ['channel'], ['customerId'], ['agentId'], ['day'], ['consulted', 'b'], ['wrote', 'b'], ['replied', 'b'],
  ['served', 'b'], ['owned', 'b'], ['messagesSent'], ['transfersOut'], ['firstReplyAt'], ['lastReplyAt'],
]);

export const offlineCodec = codec<OfflineMessageFact>()([
  ['conversationId'], ['messageId'], ['shopId'], ['channel'], ['customerId'], ['agentId'], ['day'], ['sentAt'], ['deadline'],
  ['firstReplyAt'], ['handled', 'b'],
]);

export const transferCodec = codec<TransferFact>()([
  ['conversationId'], ['messageId'], ['shopId'], ['channel'], ['fromAgentId'], ['toAgentId'], ['at'], ['day'], ['withOpenRound', 'b'],
]);

export const ratingCodec = codec<RatingFact>()([
  ['conversationId'], ['shopId'], ['channel'], ['customerId'], ['agentId'], ['day'], ['ratedAt'], ['csat'], ['nps'],
]);

export const inquiryCodec = codec<InquiryFact>()([
  ['conversationId'], ['shopId'], ['channel'], ['customerId'], ['agentId'], ['day'], ['servedAt'], ['ordered', 'b'], ['orderId'],
  ['paid', 'b'], ['settlesAt'],
]);

export const orderCodec = codec<OrderFact>()([
  ['orderId'], ['shopId'], ['customerId'], ['day'], ['createdAt'], ['agentId'], ['channel'], ['conversationId'], ['inquiryDay'],
  ['amountCents'], ['paid', 'b'], ['paidAt'], ['payDeadline'], ['refunded', 'b'], ['refundAmountCents'],
]);

export const assistCodec = codec<OrderAssistFact>()([['orderId'], ['agentId'], ['shopId'], ['channel'], ['day']]);
