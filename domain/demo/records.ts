/**
 * The canonical import records (SPEC ING-1) the demo generator emits — messages,
 * conversations, ratings, orders — with their CSV columns, plus the roster CSV format.
 * Field names are snake_case because they are the columns of the import files.
 */
import { ROSTER_COLUMNS, type ChannelKind, type RosterColumn } from '../org.ts';
import type { DemoOrganisation, DemoPerson } from './organisation.ts';

/** 咨询 consult, 售前 presale, 投诉 complaint, 售后 after-sales (SPEC SVC-1 types). */
export const CONVERSATION_CATEGORIES = ['consult', 'presale', 'complaint', 'after_sales'] as const;
export type ConversationCategory = (typeof CONVERSATION_CATEGORIES)[number];

export type Sender = 'customer' | 'agent' | 'bot' | 'system';
/** '' ordinary message; handoff bot → human; transfer agent → agent; close ends the conversation. */
export type MessageEvent = '' | 'handoff' | 'transfer' | 'close';

export interface MessageRecord {
  conversation_id: string;
  message_id: string;
  shop_id: string;
  channel: ChannelKind;
  customer_id: string;
  sender: Sender;
  /** login of the agent who wrote an agent message or made a transfer; '' otherwise */
  agent_id: string;
  /** ISO 8601 with offset, second precision */
  sent_at: string;
  text: string;
  /** an agent's automatic reply: never a valid reply for response-time metrics */
  auto_reply: boolean;
  event: MessageEvent;
  /** login of the agent receiving a handoff or transfer; '' otherwise */
  to_agent_id: string;
}

export interface ConversationRecord {
  conversation_id: string;
  category: ConversationCategory;
  resolved: boolean;
  /** ISO time of resolution, '' when unresolved */
  resolved_at: string;
  /** subject of a complaint or after-sales case (order or product id), '' otherwise */
  issue_key: string;
}

export interface RatingRecord {
  conversation_id: string;
  customer_id: string;
  agent_id: string;
  rated_at: string;
  /** 1–5 */
  csat: number;
  /** 0–10 or null when the customer skipped it */
  nps: number | null;
  comment: string;
}

export interface OrderRecord {
  order_id: string;
  shop_id: string;
  customer_id: string;
  created_at: string;
  /** null: never paid */
  paid_at: string | null;
  /** yuan, two decimals */
  amount: number;
  /** yuan, 0 when nothing was refunded */
  refund_amount: number;
  refunded_at: string | null;
}

export const MESSAGE_COLUMNS = [
  'conversation_id',
  'message_id',
  'shop_id',
  'channel',
  'customer_id',
  'sender',
  'agent_id',
  'sent_at',
  'text',
  'auto_reply',
  'event',
  'to_agent_id',
] as const satisfies readonly (keyof MessageRecord)[];
export const CONVERSATION_COLUMNS = [
  'conversation_id',
  'category',
  'resolved',
  'resolved_at',
  'issue_key',
] as const satisfies readonly (keyof ConversationRecord)[];
export const RATING_COLUMNS = [
  'conversation_id',
  'customer_id',
  'agent_id',
  'rated_at',
  'csat',
  'nps',
  'comment',
] as const satisfies readonly (keyof RatingRecord)[];
export const ORDER_COLUMNS = [
  'order_id',
  'shop_id',
  'customer_id',
  'created_at',
  'paid_at',
  'amount',
  'refund_amount',
  'refunded_at',
] as const satisfies readonly (keyof OrderRecord)[];

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; null → empty. */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One CSV line including its trailing newline. */
export function csvLine(values: readonly (string | number | boolean | null)[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) line += (i === 0 ? '' : ',') + csvField(values[i]);
  return `${line}\n`;
}

/** A record as a CSV line in the given column order; money columns keep two decimals. */
export function recordCsvLine<R extends object>(record: R, columns: readonly (keyof R & string)[]): string {
  return csvLine(
    columns.map((c) => {
      const v = record[c] as string | number | boolean | null;
      return (c === 'amount' || c === 'refund_amount') && typeof v === 'number' ? v.toFixed(2) : v;
    }),
  );
}

export { ROSTER_COLUMNS, type RosterColumn };
/** The roster CSV header line. */
export const ROSTER_CSV_HEADER = csvLine(ROSTER_COLUMNS);

/**
 * One roster row keyed by column (as a CSV parser with `columns: true` yields it): department
 * and group by name, lead and mentor by login, shops by name joined with `;`, '' for nothing.
 */
export function rosterCsvRow(
  person: DemoPerson,
  org: Pick<DemoOrganisation, 'departments' | 'groups' | 'shops'>,
): Record<RosterColumn, string> {
  const shopName = (id: string) => org.shops.find((s) => s.id === id)?.name ?? id;
  return {
    login: person.login,
    name: person.name,
    role: person.role,
    level: person.level,
    star: person.star === null ? '' : String(person.star),
    department: org.departments.find((d) => d.id === person.departmentId)?.name ?? '',
    group: org.groups.find((g) => g.id === person.groupId)?.name ?? '',
    lead: person.leadLogin ?? '',
    mentor: person.mentorLogin ?? '',
    shops: person.shopIds.map(shopName).join(';'),
    hire_date: person.hireDate,
    status: person.status,
    status_date: person.statusDate,
    email: person.email,
    phone: person.phone,
  };
}

/** The whole roster as CSV text (header plus one line per person). */
export function rosterCsv(org: DemoOrganisation): string {
  return (
    ROSTER_CSV_HEADER + org.people.map((p) => csvLine(ROSTER_COLUMNS.map((c) => rosterCsvRow(p, org)[c]))).join('')
  );
}
