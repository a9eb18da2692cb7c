/**
 * Ticket exports (Zendesk, Freshdesk) → canonical records. A ticket row becomes:
 * - `conversations`: category from tags and type (CATEGORY_KEYWORDS), resolved from status,
 *   resolved_at from the solved/resolved time;
 * - `messages`: the customer's opening message at the creation time (text: description, else
 *   subject); the agent's first reply when the export has a first-reply column (agent: the
 *   assignee; text unknown, left empty); a close event at the solved time of a solved ticket;
 * - `ratings`: when the satisfaction column holds a rating, timed at the ticket's creation so
 *   a ticket keeps one rating that later exports update in place.
 * The customer is the SHA-256 of the requester's e-mail (first 12 hex digits): no e-mail
 * address is stored. Agents go through the agent map, else are taken as written.
 */
import { parse } from 'csv-parse/sync';
import type { ChannelKind } from '../../../../domain/org.ts';
import type { FieldProblem } from '../ingest.formats.ts';
import { agentLogin, categoryOf, fieldKey, hashId, iso, SourceFields, sourceTime } from './fields.ts';
import {
  assertPresetOptions,
  type Preset,
  type PresetInput,
  type PresetName,
  type PresetOptions,
  type PresetOutput,
  type PresetRecord,
} from './preset.ts';

/** Where one vendor keeps each ticket field: column names, first found wins. */
export interface TicketColumns {
  id: readonly string[];
  subject: readonly string[];
  description: readonly string[];
  status: readonly string[];
  type: readonly string[];
  tags: readonly string[];
  requesterEmail: readonly string[];
  requesterId: readonly string[];
  requesterName: readonly string[];
  assignee: readonly string[];
  assigneeEmail: readonly string[];
  createdAt: readonly string[];
  solvedAt: readonly string[];
  /** first reply as a duration after creation */
  firstReply: { columns: readonly string[]; unit: 'minutes' | 'hours' };
  channel: readonly string[];
  satisfaction: readonly string[];
  satisfactionComment: readonly string[];
}

export interface TicketVendor {
  /** prefix of ids made from ticket ids: `zendesk-123` */
  prefix: string;
  columns: TicketColumns;
  /** statuses (lower-case) that mean resolved */
  resolvedStatuses: readonly string[];
  /** satisfaction value (lower-case) → CSAT 1–5, or null for "not rated" */
  satisfaction(value: string): number | null | undefined;
}

/**
 * Channel words looked for in Via (Zendesk) / Source (Freshdesk), first match wins; anything
 * else (web form, portal, API, feedback widget …) is a `ticket`.
 */
export const TICKET_CHANNELS: readonly (readonly [string, ChannelKind])[] = [
  ['video', 'video'],
  ['voice', 'phone'],
  ['phone', 'phone'],
  ['call', 'phone'],
  ['mail', 'email'],
  ['chat', 'chat'],
  ['messag', 'chat'],
  ['whatsapp', 'chat'],
  ['wechat', 'chat'],
  ['sms', 'chat'],
];

export function ticketChannel(via: string): ChannelKind {
  const v = via.toLowerCase();
  return TICKET_CHANNELS.find(([word]) => v.includes(word))?.[1] ?? 'ticket';
}

/** Header names of a CSV first line, compared as `fieldKey`s. */
export function headerKeys(firstLine: string): Set<string> {
  try {
    const [row] = parse(firstLine, { bom: true, relax_column_count: true, relax_quotes: true }) as string[][];
    return new Set((row ?? []).map(fieldKey));
  } catch {
    return new Set();
  }
}

/** Missing required columns of a ticket export header. */
export function checkTicketHeader(columns: TicketColumns, header: readonly string[]): FieldProblem[] {
  const has = new Set(header.map(fieldKey));
  const need: [string, readonly string[]][] = [
    ['id', columns.id],
    ['created', columns.createdAt],
    ['requester', [...columns.requesterEmail, ...columns.requesterId, ...columns.requesterName]],
  ];
  return need
    .filter(([, names]) => !names.some((n) => has.has(fieldKey(n))))
    .map(([, names]) => ({ field: names[0], message: `required column missing (one of: ${names.join(', ')})` }));
}

const HTML_TAG = /<\/?[a-z][^>]*>/gi;

/** A number of `unit`s ("90", "1.5") or a clock duration ("1:30" = 1 h 30 min, "01:30:00") → ms. */
function durationMs(text: string, unit: 'minutes' | 'hours'): number | null {
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (clock) {
    const [, h, m, s = '0'] = clock;
    return ((+h * 60 + +m) * 60 + +s) * 1000;
  }
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(n)) return null;
  return Math.round(n * (unit === 'hours' ? 3_600_000 : 60_000));
}

function mapTicket(vendor: TicketVendor, line: number, f: SourceFields, opts: PresetOptions): PresetOutput[] {
  const C = vendor.columns;
  const problems: FieldProblem[] = [];
  const time = (names: readonly string[], required: boolean): number | null => {
    const raw = f.text(...names);
    if (!raw) {
      if (required) problems.push({ field: names[0], message: 'required' });
      return null;
    }
    const t = sourceTime(raw, opts.tz);
    if (typeof t === 'string') problems.push({ field: names[0], message: t });
    return typeof t === 'number' ? t : null;
  };

  const id = f.text(...C.id);
  if (!id) problems.push({ field: C.id[0], message: 'required' });
  const created = time(C.createdAt, true);
  const solved = time(C.solvedAt, false);

  const email = f.text(...C.requesterEmail);
  const requesterId = f.text(...C.requesterId);
  const requesterName = f.text(...C.requesterName);
  const customer = email
    ? hashId(email)
    : requesterId
      ? hashId(`${vendor.prefix}-requester:${requesterId}`)
      : requesterName
        ? hashId(requesterName)
        : '';
  if (!customer)
    problems.push({
      field: C.requesterEmail[0],
      message: `required (or ${[...C.requesterId, ...C.requesterName].join(' / ')})`,
    });

  const replyText = f.text(...C.firstReply.columns);
  const replyAfter = replyText ? durationMs(replyText, C.firstReply.unit) : null;
  if (replyText && replyAfter === null)
    problems.push({
      field: C.firstReply.columns[0],
      message: `"${replyText}" is not a number of ${C.firstReply.unit}`,
    });

  const satisfactionText = f.text(...C.satisfaction);
  const csat = satisfactionText ? vendor.satisfaction(satisfactionText.toLowerCase()) : null;
  if (csat === undefined)
    problems.push({
      field: C.satisfaction[0],
      message: `"${satisfactionText}" is not a satisfaction rating this preset knows`,
    });
  if (problems.length || created === null) return [{ line, problems }];

  const conversationId = `${vendor.prefix}-${id}`;
  const status = f.text(...C.status).toLowerCase();
  const resolved = vendor.resolvedStatuses.includes(status);
  const agent = agentLogin(opts.agentMap, f.text(...C.assigneeEmail), f.text(...C.assignee));
  const base = {
    conversation_id: conversationId,
    shop_id: opts.shop!,
    channel: ticketChannel(f.text(...C.channel)),
    customer_id: customer,
    auto_reply: 'false',
    to_agent_id: '',
  };
  const message = (suffix: string, at: number, values: Record<string, string>): PresetRecord => ({
    line,
    type: 'messages',
    values: {
      ...base,
      message_id: `${conversationId}-${suffix}`,
      sent_at: iso(at),
      event: '',
      agent_id: '',
      text: '',
      ...values,
    },
  });

  const body = (f.text(...C.description) || f.text(...C.subject)).replace(HTML_TAG, '').trim();
  const out: PresetOutput[] = [message('opened', created, { sender: 'customer', text: body })];
  if (replyAfter !== null && agent)
    out.push(message('first-reply', created + replyAfter, { sender: 'agent', agent_id: agent }));
  // The solve time is part of the id: a ticket reopened and solved again gains a second close.
  if (resolved && solved !== null) out.push(message(`closed-${solved}`, solved, { sender: 'system', event: 'close' }));
  out.push({
    line,
    type: 'conversations',
    values: {
      conversation_id: conversationId,
      category: categoryOf(f.text(...C.tags), f.text(...C.type)),
      resolved: resolved ? 'true' : 'false',
      resolved_at: resolved && solved !== null ? iso(solved) : '',
      issue_key: '',
    },
  });
  if (csat !== null) {
    out.push({
      line,
      type: 'ratings',
      values: {
        conversation_id: conversationId,
        customer_id: customer,
        agent_id: agent,
        rated_at: iso(created),
        csat: String(csat),
        nps: '',
        comment: f.text(...C.satisfactionComment),
      },
    });
  }
  return out;
}

/** Streams a ticket export's rows as canonical records, ticket by ticket. */
export async function* mapTickets(
  vendor: TicketVendor,
  source: AsyncIterable<PresetInput>,
  opts: PresetOptions,
): AsyncGenerator<PresetOutput> {
  for await (const { line, values } of source) {
    yield* mapTicket(vendor, line, new SourceFields(values ?? {}), opts);
  }
}

/** A ticket-export preset (Zendesk, Freshdesk): everything but the vendor's columns and header test is shared. */
export function ticketPreset(
  name: PresetName,
  description: string,
  vendor: TicketVendor,
  detect: (header: Set<string>) => boolean,
): Preset {
  const preset: Preset = {
    name,
    description,
    input: 'rows',
    outputType: 'mixed',
    outputTypes: ['messages', 'conversations', 'ratings'],
    options: { shop: 'required', agentMap: 'optional', tz: 'optional' },
    detect: (_fileName, firstLine) => detect(headerKeys(firstLine)),
    checkHeader: (header) => checkTicketHeader(vendor.columns, header),
    async *map(source, opts) {
      assertPresetOptions(preset, opts);
      yield* mapTickets(vendor, source, opts);
    },
  };
  return preset;
}
