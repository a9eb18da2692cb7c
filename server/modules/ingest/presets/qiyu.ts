/**
 * `qiyu`: 网易七鱼 session and message exports as JSON Lines. 七鱼's bulk export
 * (`/openapi/export/session`) delivers `session.txt` and `message.txt`, one JSON object per
 * line; the session-end push (会话结束推送) has the same session fields. A file may hold either
 * or both (`cat session.txt message.txt > qiyu.jsonl`); each line is classified on its own.
 *
 * The field names and codes below are those published in 七鱼's developer documentation and
 * seen in public integrations; where the export may differ, fix `QIYU_FIELDS` and the code
 * tables, not the mapping code. docs/import-format.md has the full table.
 *
 * - A message line (`sessionId` + `from`) → one `messages` record.
 * - A session line (`id` + `startTime`/`endTime`/`interaction`…) → a `conversations` record, a
 *   `ratings` record when the visitor rated (评价), and conversation events as `messages`:
 *   a hand-off when the session came from the bot (relatedType 1), a transfer when it came
 *   from another agent (relatedType 4), a close at `endTime`.
 * Messages take the customer from their own user field, else from a session line met earlier
 * in the file (put sessions first), else `qiyu-session-<sessionId>` — one customer per session.
 */
import type { FieldProblem } from '../ingest.formats.ts';
import { asText, agentLogin, categoryOf, iso, parseJsonLine, SourceFields, sourceTime } from './fields.ts';
import {
  assertPresetOptions,
  type Preset,
  type PresetInput,
  type PresetOptions,
  type PresetOutput,
  type PresetRecord,
} from './preset.ts';

/** Source field names, first found wins (compared without case, spaces or underscores). */
export const QIYU_FIELDS = {
  message: {
    sessionId: ['sessionId'],
    id: ['id', 'msgId', 'msgIdServer'],
    from: ['from', 'fromUser'],
    staffId: ['staffId'],
    staffName: ['staffName'],
    time: ['time', 'timeStamp'],
    content: ['content', 'msg'],
    autoReply: ['autoReply'],
    user: ['userId', 'uid', 'foreignId', 'visitorId'],
  },
  session: {
    id: ['id', 'sessionId'],
    startTime: ['startTime'],
    endTime: ['endTime'],
    staffId: ['staffId'],
    staffName: ['staffName'],
    user: ['userId', 'uid', 'foreignId', 'visitorId'],
    category: ['category', 'categoryDesc'],
    interaction: ['interaction'],
    relatedType: ['relatedType'],
    fromStaff: ['fromStaff'],
    resolvedStatus: ['userResolvedStatus'],
    evaluation: ['evaluation', 'satisfaction'],
    evaluationRemark: ['evaluationRemark'],
    evaluatedAt: ['userJoinEvaluateTime'],
  },
} as const;

/** `from` of a message: 1 = the visitor (访客), 0 = the staff side (客服, or the bot when staffId ≤ 0 or no staff is named). */
export const QIYU_FROM: Readonly<Record<string, 'customer' | 'staff'>> = { '1': 'customer', '0': 'staff' };

/** Staff ids and names 七鱼 uses for its bot (机器人). */
export const QIYU_BOT_STAFF = ['机器人', 'qiyu_robot', 'robot'];

/**
 * `evaluation` → CSAT 1–5. 七鱼 scores every model on 1–100: two levels 100 满意 / 1 不满意,
 * three 100/50/1, five 100 非常满意 / 75 满意 / 50 一般 / 25 不满意 / 1 非常不满意. Other values
 * (0, −1, empty) mean not rated.
 */
export const QIYU_EVALUATION: Readonly<Record<string, number>> = { '100': 5, '75': 4, '50': 3, '25': 2, '1': 1 };

/** relatedType codes: how a session began. */
export const QIYU_RELATED = { fromBot: '1', fromStaff: '4' } as const;

/** Customers of sessions met so far, for messages without a user field; capped to keep memory bounded. */
const SESSION_CACHE_MAX = 200_000;

function isBotStaff(staffId: string, staffName: string): boolean {
  if (QIYU_BOT_STAFF.includes(staffName.toLowerCase()) || QIYU_BOT_STAFF.includes(staffId.toLowerCase())) return true;
  if (staffId === '') return staffName === '';
  const n = Number(staffId);
  return Number.isFinite(n) && n <= 0;
}

const truthy = (v: string) => ['1', 'true', 'yes'].includes(v.toLowerCase());

class Mapper {
  private readonly customers = new Map<string, string>();

  constructor(private readonly opts: PresetOptions) {}

  private remember(sessionId: string, customer: string) {
    if (this.customers.size >= SESSION_CACHE_MAX) this.customers.delete(this.customers.keys().next().value!);
    this.customers.set(sessionId, customer);
  }

  private base(conversationId: string, customerId: string) {
    return { conversation_id: conversationId, shop_id: this.opts.shop!, channel: 'chat', customer_id: customerId };
  }

  *message(line: number, f: SourceFields): Generator<PresetOutput> {
    const F = QIYU_FIELDS.message;
    const sessionId = f.text(...F.sessionId);
    const id = f.text(...F.id);
    const from = f.text(...F.from);
    const side = QIYU_FROM[from];
    const rawTime = f.raw(...F.time);
    const time = rawTime === undefined ? 'required' : sourceTime(rawTime, this.opts.tz);
    const problems: FieldProblem[] = [];
    if (!sessionId) problems.push({ field: 'sessionId', message: 'required' });
    if (!id) problems.push({ field: 'id', message: 'required (the message id)' });
    if (!side)
      problems.push({
        field: 'from',
        message: `"${from}" is not ${Object.entries(QIYU_FROM)
          .map(([code, who]) => `${code} (${who})`)
          .join(' or ')}`,
      });
    if (typeof time === 'string') problems.push({ field: 'time', message: time });
    if (problems.length) {
      yield { line, problems };
      return;
    }
    const staffId = f.text(...F.staffId);
    const staffName = f.text(...F.staffName);
    const bot = side === 'staff' && isBotStaff(staffId, staffName);
    const sender = side === 'customer' ? 'customer' : bot ? 'bot' : 'agent';
    const customer = f.text(...F.user) || this.customers.get(sessionId) || `qiyu-session-${sessionId}`;
    yield {
      line,
      type: 'messages',
      values: {
        ...this.base(`qiyu-${sessionId}`, customer),
        message_id: `qiyu-${id}`,
        sender,
        agent_id: sender === 'agent' ? agentLogin(this.opts.agentMap, staffName, staffId) : '',
        sent_at: iso(time as number),
        text: asText(f.raw(...F.content)),
        auto_reply: sender === 'agent' && truthy(f.text(...F.autoReply)) ? 'true' : 'false',
        event: '',
        to_agent_id: '',
      },
    };
  }

  *session(line: number, f: SourceFields): Generator<PresetOutput> {
    const F = QIYU_FIELDS.session;
    const id = f.text(...F.id);
    if (!id) {
      yield { line, problems: [{ field: 'id', message: 'required (the session id)' }] };
      return;
    }
    const problems: FieldProblem[] = [];
    const time = (field: string, names: readonly string[]) => {
      const raw = f.raw(...names);
      if (raw === undefined || Number(raw) <= 0) return null; // 七鱼 writes -1 or 0 for "never"
      const t = sourceTime(raw, this.opts.tz);
      if (typeof t === 'string') problems.push({ field, message: t });
      return typeof t === 'number' ? t : null;
    };
    const start = time('startTime', F.startTime);
    const end = time('endTime', F.endTime);
    const evaluatedAt = time('userJoinEvaluateTime', F.evaluatedAt);
    if (problems.length) {
      yield { line, problems };
      return;
    }

    const conversationId = `qiyu-${id}`;
    const customer = f.text(...F.user) || `qiyu-session-${id}`;
    this.remember(id, customer);
    const staffId = f.text(...F.staffId);
    const staffName = f.text(...F.staffName);
    const human = f.text(...F.interaction) !== '1' && !isBotStaff(staffId, staffName);
    const staff = human ? agentLogin(this.opts.agentMap, staffName, staffId) : '';
    const base = this.base(conversationId, customer);
    const event = (suffix: string, at: number, values: Record<string, string>): PresetRecord => ({
      line,
      type: 'messages',
      values: {
        ...base,
        message_id: `${conversationId}-${suffix}`,
        sender: 'system',
        sent_at: iso(at),
        text: '',
        auto_reply: 'false',
        agent_id: '',
        to_agent_id: '',
        ...values,
      },
    });

    const related = f.text(...F.relatedType);
    const fromStaff = f.text(...F.fromStaff);
    if (start !== null && staff && related === QIYU_RELATED.fromBot)
      yield event('handoff', start, { event: 'handoff', to_agent_id: staff });
    if (start !== null && staff && fromStaff && related === QIYU_RELATED.fromStaff) {
      yield event('transfer', start, {
        event: 'transfer',
        agent_id: agentLogin(this.opts.agentMap, fromStaff),
        to_agent_id: staff,
      });
    }
    if (end !== null) yield event('close', end, { event: 'close' });

    const resolved = f.text(...F.resolvedStatus) === '1';
    yield {
      line,
      type: 'conversations',
      values: {
        conversation_id: conversationId,
        category: categoryOf(f.text(...F.category)),
        resolved: resolved ? 'true' : 'false',
        resolved_at: resolved && end !== null ? iso(end) : '',
        issue_key: '',
      },
    };

    const csat = QIYU_EVALUATION[f.text(...F.evaluation)];
    const ratedAt = evaluatedAt ?? end ?? start;
    if (csat !== undefined && ratedAt !== null) {
      yield {
        line,
        type: 'ratings',
        values: {
          conversation_id: conversationId,
          customer_id: customer,
          agent_id: staff,
          rated_at: iso(ratedAt),
          csat: String(csat),
          nps: '',
          comment: f.text(...F.evaluationRemark),
        },
      };
    }
  }
}

async function* map(source: AsyncIterable<PresetInput>, opts: PresetOptions): AsyncGenerator<PresetOutput> {
  assertPresetOptions(qiyu, opts);
  const mapper = new Mapper(opts);
  for await (const { line, text, values } of source) {
    let obj: unknown = values;
    if (obj === undefined) {
      try {
        obj = parseJsonLine(text ?? '');
      } catch (e) {
        yield { line, problems: [{ field: 'line', message: `not valid JSON: ${(e as Error).message}` }] };
        continue;
      }
    }
    if (!obj || typeof obj !== 'object' || Array.isArray(obj)) {
      yield { line, problems: [{ field: 'line', message: 'each line must be one JSON object' }] };
      continue;
    }
    const f = new SourceFields(obj as Record<string, unknown>);
    const M = QIYU_FIELDS.message;
    const S = QIYU_FIELDS.session;
    if (f.has(...M.sessionId) && f.has(...M.from)) yield* mapper.message(line, f);
    else if (f.has(...S.startTime, ...S.endTime, ...S.interaction, ...S.relatedType)) yield* mapper.session(line, f);
    else
      yield {
        line,
        problems: [
          {
            field: 'line',
            message: 'neither a 七鱼 message (sessionId, from, time …) nor a session (id, startTime, endTime …)',
          },
        ],
      };
  }
}

function looksLikeQiyu(firstLine: string): boolean {
  try {
    const o = parseJsonLine(firstLine);
    if (!o || typeof o !== 'object' || Array.isArray(o)) return false;
    const f = new SourceFields(o as Record<string, unknown>);
    return (
      (f.has('sessionId') && f.has('from')) ||
      (f.has('startTime') && f.has('staffId')) ||
      f.has('interaction', 'relatedType', 'userResolvedStatus')
    );
  } catch {
    return false;
  }
}

export const qiyu: Preset = {
  name: 'qiyu',
  description: '网易七鱼 session.txt / message.txt export (JSON Lines): messages, conversations, ratings',
  input: 'lines',
  outputType: 'mixed',
  outputTypes: ['messages', 'conversations', 'ratings'],
  options: { shop: 'required', agentMap: 'optional', tz: 'optional' },
  detect: (fileName, firstLine) => /\.(jsonl|ndjson|json|txt)$/i.test(fileName) && looksLikeQiyu(firstLine),
  map,
};
