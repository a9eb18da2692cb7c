/**
 * The canonical import format (docs/import-format.md): one record type per file, snake_case
 * columns, times ISO 8601 with an offset, amounts in yuan. Each parser turns one raw row
 * (strings from CSV/XLSX, or JSON values) into a domain record, or into the list of its
 * problems by field — never both, never a throw.
 */
import { CHANNEL_KINDS, type ChannelKind } from '../../../domain/org.ts';
import {
  CONVERSATION_CATEGORIES,
  MESSAGE_EVENTS,
  SENDERS,
  type ConversationAttributes,
  type MessageEvent,
  type MessageRecord,
  type OrderRecord,
  type RatingRecord,
  type Sender,
  type ConversationCategory,
} from '../../../domain/metrics/records.ts';
import { zoneOffsetMs } from '../../../domain/time.ts';

export const RECORD_TYPES = ['messages', 'conversations', 'ratings', 'orders'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Columns per record type; `required` ones must be present in the header. */
export const COLUMNS: Record<RecordType, { required: readonly string[]; optional: readonly string[] }> = {
  messages: {
    required: ['conversation_id', 'message_id', 'shop_id', 'channel', 'customer_id', 'sender', 'sent_at'],
    optional: ['agent_id', 'text', 'auto_reply', 'event', 'to_agent_id'],
  },
  conversations: { required: ['conversation_id', 'category'], optional: ['resolved', 'resolved_at', 'issue_key'] },
  ratings: { required: ['conversation_id', 'customer_id', 'rated_at', 'csat'], optional: ['agent_id', 'nps', 'comment'] },
  orders: {
    required: ['order_id', 'shop_id', 'customer_id', 'created_at', 'amount'],
    optional: ['paid_at', 'refund_amount', 'refunded_at'],
  },
};

/** The record type a header belongs to: the type whose required columns it all has, most specific first. */
export function detectType(header: readonly string[]): RecordType | null {
  const has = new Set(header);
  const order: RecordType[] = ['messages', 'orders', 'ratings', 'conversations'];
  return order.find((t) => COLUMNS[t].required.every((c) => has.has(c))) ?? null;
}

/** Header problems for a type: missing required columns, unknown columns. */
export function checkHeader(type: RecordType, header: readonly string[]): { field: string; message: string }[] {
  const known = new Set([...COLUMNS[type].required, ...COLUMNS[type].optional]);
  const problems = COLUMNS[type].required
    .filter((c) => !header.includes(c))
    .map((c) => ({ field: c, message: `required column of ${type} missing` }));
  for (const h of header) if (h && !known.has(h)) problems.push({ field: h, message: `unknown column for ${type}` });
  return problems;
}

export interface FieldProblem {
  field: string;
  message: string;
}

/** A raw record with the agent and shop still as written in the file (logins, shop ids or names). */
export type Parsed<T> = { ok: true; record: T } | { ok: false; problems: FieldProblem[] };

export interface ParseContext {
  /** IANA zone for offset-less times (`--tz`); without it such times are errors */
  tz?: string;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Two ASCII digits at `i` as a number, or -1. */
function twoDigits(v: string, i: number): number {
  const a = v.charCodeAt(i) - 48;
  const b = v.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

let lastDate = '';
let lastDateMs = 0;

/**
 * The import's hot path: `YYYY-MM-DDTHH:MM:SS±HH:MM`, the canonical form, read by character
 * codes with the date's UTC midnight remembered (a file's rows mostly share a date). Anything
 * else, or anything invalid, returns undefined and goes the general way, which words the error.
 */
function canonicalTime(v: string): number | undefined {
  if (v.length !== 25 || v.charCodeAt(10) !== 84 || v.charCodeAt(13) !== 58 || v.charCodeAt(16) !== 58 || v.charCodeAt(22) !== 58) return undefined;
  const sign = v.charCodeAt(19);
  if (sign !== 43 && sign !== 45) return undefined;
  const date = v.slice(0, 10);
  if (date !== lastDate) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m) return undefined;
    const ms = Date.UTC(+m[1], +m[2] - 1, +m[3]);
    const back = new Date(ms);
    if (back.getUTCFullYear() !== +m[1] || back.getUTCMonth() !== +m[2] - 1 || back.getUTCDate() !== +m[3]) return undefined;
    lastDate = date;
    lastDateMs = ms;
  }
  const h = twoDigits(v, 11);
  const mi = twoDigits(v, 14);
  const s = twoDigits(v, 17);
  const oh = twoDigits(v, 20);
  const om = twoDigits(v, 23);
  if (h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s > 59 || oh < 0 || om < 0) return undefined;
  return lastDateMs + ((h * 60 + mi) * 60 + s) * 1000 - (sign === 45 ? -1 : 1) * (oh * 60 + om) * 60_000;
}

/** Parses an ISO 8601 time to epoch ms; an offset-less time needs `tz`. */
export function parseTime(value: string, tz?: string): number | string {
  const fast = canonicalTime(value);
  if (fast !== undefined) return fast;
  const m = ISO.exec(value.trim());
  if (!m) return `"${value}" is not an ISO 8601 time (e.g. 2026-11-11T20:15:03+08:00)`;
  const [, y, mo, d, h, mi, s = '0', ms = '0', off] = m;
  const wall = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, Number(ms.padEnd(3, '0')));
  const back = new Date(wall);
  if (back.getUTCMonth() !== +mo - 1 || back.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) {
    return `"${value}" is not a real time`;
  }
  if (off) {
    if (off === 'Z') return wall;
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    return wall - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  if (!tz) return `"${value}" has no UTC offset: add one (+08:00) or import with --tz`;
  const first = wall - zoneOffsetMs(wall, tz);
  return wall - zoneOffsetMs(first, tz);
}

type Raw = Record<string, unknown>;

class Row {
  readonly problems: FieldProblem[] = [];
  constructor(
    private readonly raw: Raw,
    private readonly ctx: ParseContext,
  ) {}

  private text(field: string): string {
    const v = this.raw[field];
    if (v === null || v === undefined) return '';
    return typeof v === 'string' ? v.trim() : String(v);
  }

  fail(field: string, message: string) {
    this.problems.push({ field, message });
  }

  str(field: string, opts: { required?: boolean; max?: number } = {}): string {
    const v = this.text(field);
    if (!v && opts.required) this.fail(field, 'required');
    if (opts.max && v.length > opts.max) this.fail(field, `longer than ${opts.max} characters`);
    return v;
  }

  /** Free text keeps its inner whitespace. */
  body(field: string): string {
    const v = this.raw[field];
    return v === null || v === undefined ? '' : String(v);
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], fallback?: T): T {
    const v = this.text(field).toLowerCase();
    if (!v && fallback !== undefined) return fallback;
    if (!(allowed as readonly string[]).includes(v)) {
      this.fail(field, v ? `"${v}" is not one of ${allowed.filter(Boolean).join('|')}` : 'required');
      return (fallback ?? allowed[0]) as T;
    }
    return v as T;
  }

  bool(field: string, fallback: boolean): boolean {
    const v = this.raw[field];
    if (typeof v === 'boolean') return v;
    const s = this.text(field).toLowerCase();
    if (!s) return fallback;
    if (['true', '1', 'yes', 'y', '是'].includes(s)) return true;
    if (['false', '0', 'no', 'n', '否'].includes(s)) return false;
    this.fail(field, `"${s}" is not true or false`);
    return fallback;
  }

  time(field: string, required: boolean): number | null {
    const v = this.text(field);
    if (!v) {
      if (required) this.fail(field, 'required');
      return null;
    }
    const t = parseTime(v, this.ctx.tz);
    if (typeof t === 'string') {
      this.fail(field, t);
      return null;
    }
    return t;
  }

  int(field: string, min: number, max: number, required: boolean): number | null {
    const v = this.text(field);
    if (!v) {
      if (required) this.fail(field, 'required');
      return null;
    }
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      this.fail(field, `"${v}" is not a whole number ${min}–${max}`);
      return null;
    }
    return n;
  }

  /** Yuan with at most 2 decimals → integer cents. */
  cents(field: string, required: boolean): number {
    const v = this.text(field);
    if (!v) {
      if (required) this.fail(field, 'required');
      return 0;
    }
    if (!/^\d+(\.\d{1,2})?$/.test(v)) {
      this.fail(field, `"${v}" is not an amount in yuan with up to 2 decimals`);
      return 0;
    }
    const [yuan, fen = ''] = v.split('.');
    return Number(yuan) * 100 + Number(fen.padEnd(2, '0'));
  }

  result<T>(record: T): Parsed<T> {
    return this.problems.length ? { ok: false, problems: this.problems } : { ok: true, record };
  }
}

/** A message or conversation event. */
export function parseMessage(raw: Raw, ctx: ParseContext = {}): Parsed<MessageRecord> {
  const r = new Row(raw, ctx);
  const sender = r.oneOf<Sender>('sender', SENDERS);
  const event = r.oneOf<MessageEvent>('event', MESSAGE_EVENTS, '');
  const agentId = r.str('agent_id', { max: 64 }) || null;
  const toAgentId = r.str('to_agent_id', { max: 64 }) || null;
  if (sender === 'agent' && !agentId && !event) r.fail('agent_id', 'required for agent messages');
  if ((event === 'handoff' || event === 'transfer') && !toAgentId) r.fail('to_agent_id', `required for a ${event}`);
  if (event === 'transfer' && !agentId) r.fail('agent_id', 'required for a transfer (the transferring agent)');
  const record: MessageRecord = {
    conversationId: r.str('conversation_id', { required: true, max: 128 }),
    messageId: r.str('message_id', { required: true, max: 128 }),
    shopId: r.str('shop_id', { required: true, max: 128 }),
    channel: r.oneOf<ChannelKind>('channel', CHANNEL_KINDS),
    customerId: r.str('customer_id', { required: true, max: 128 }),
    sender,
    agentId,
    sentAt: r.time('sent_at', true) ?? 0,
    text: r.body('text'),
    autoReply: r.bool('auto_reply', false),
    event,
    toAgentId,
  };
  return r.result(record);
}

export function parseConversation(raw: Raw, ctx: ParseContext = {}): Parsed<ConversationAttributes> {
  const r = new Row(raw, ctx);
  const resolved = r.bool('resolved', false);
  const resolvedAt = r.time('resolved_at', false);
  return r.result({
    conversationId: r.str('conversation_id', { required: true, max: 128 }),
    category: r.oneOf<ConversationCategory>('category', CONVERSATION_CATEGORIES),
    resolved,
    resolvedAt: resolved ? resolvedAt : null,
    issueKey: r.str('issue_key', { max: 200 }),
  });
}

export interface RatingWithComment extends RatingRecord {
  comment: string;
}

export function parseRating(raw: Raw, ctx: ParseContext = {}): Parsed<RatingWithComment> {
  const r = new Row(raw, ctx);
  return r.result({
    conversationId: r.str('conversation_id', { required: true, max: 128 }),
    customerId: r.str('customer_id', { required: true, max: 128 }),
    agentId: r.str('agent_id', { max: 64 }) || null,
    ratedAt: r.time('rated_at', true) ?? 0,
    csat: r.int('csat', 1, 5, true) ?? 0,
    nps: r.int('nps', 0, 10, false),
    comment: r.body('comment'),
  });
}

export function parseOrder(raw: Raw, ctx: ParseContext = {}): Parsed<OrderRecord> {
  const r = new Row(raw, ctx);
  const record: OrderRecord = {
    orderId: r.str('order_id', { required: true, max: 128 }),
    shopId: r.str('shop_id', { required: true, max: 128 }),
    customerId: r.str('customer_id', { required: true, max: 128 }),
    createdAt: r.time('created_at', true) ?? 0,
    paidAt: r.time('paid_at', false),
    amountCents: r.cents('amount', true),
    refundAmountCents: r.cents('refund_amount', false),
    refundedAt: r.time('refunded_at', false),
  };
  if (record.refundAmountCents > record.amountCents) r.fail('refund_amount', 'larger than the amount');
  if (record.paidAt !== null && record.paidAt < record.createdAt) r.fail('paid_at', 'before created_at');
  return r.result(record);
}

export const PARSERS = {
  messages: parseMessage,
  conversations: parseConversation,
  ratings: parseRating,
  orders: parseOrder,
} as const;
