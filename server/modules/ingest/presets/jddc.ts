/**
 * `jddc`: the JD Dialogue Challenge corpus (`chat.txt`), one message per line, tab-separated:
 *
 *   session_id ⇥ user_id ⇥ waiter_send ⇥ is_transfer ⇥ is_repeat ⇥ sku ⇥ content
 *
 * waiter_send 0 = the customer, 1 = the agent. The corpus has no times and no agents, so:
 * - every agent line is credited to `--agent`;
 * - line n is sent at `--base` + (n − 1) × `--spacing` seconds (10 by default). The times are
 *   made up, so such imports suit QA and text analysis, never response-time KPIs;
 * - a line with is_transfer = 1 is followed by a transfer event from `--agent` to
 *   `--transfer-to` (default: `--agent`) at the same time.
 * is_repeat and sku are not imported. Ids are `jddc-<session_id>` for conversations and
 * `jddc-<session_id>-<line>` for messages, so re-importing the same file changes nothing.
 */
import type { FieldProblem } from '../ingest.formats.ts';
import { iso, sourceTime } from './fields.ts';
import { assertPresetOptions, type Preset, type PresetInput, type PresetOptions, type PresetOutput } from './preset.ts';

const FIELDS = ['session_id', 'user_id', 'waiter_send', 'is_transfer', 'is_repeat', 'sku', 'content'] as const;
const DEFAULT_SPACING_S = 10;

function flag(v: string): boolean | null {
  return v === '1' ? true : v === '0' ? false : null;
}

function baseTime(opts: PresetOptions): number | string {
  return sourceTime(opts.base ?? '', opts.tz);
}

async function* map(source: AsyncIterable<PresetInput>, opts: PresetOptions): AsyncGenerator<PresetOutput> {
  assertPresetOptions(jddc, opts);
  const base = baseTime(opts) as number;
  const spacingMs = (opts.spacingSeconds ?? DEFAULT_SPACING_S) * 1000;
  const agent = opts.agent!;
  for await (const { line, text = '' } of source) {
    const parts = text.split('\t');
    if (parts.length < FIELDS.length) {
      yield {
        line,
        problems: [
          {
            field: 'line',
            message: `expected ${FIELDS.length} tab-separated fields (${FIELDS.join(', ')}), found ${parts.length}`,
          },
        ],
      };
      continue;
    }
    const [session, user, waiterSend, isTransfer] = parts.map((p) => p.trim());
    const content = parts.slice(6).join('\t');
    const problems: FieldProblem[] = [];
    if (!session) problems.push({ field: 'session_id', message: 'required' });
    if (!user) problems.push({ field: 'user_id', message: 'required' });
    const fromAgent = flag(waiterSend);
    if (fromAgent === null)
      problems.push({ field: 'waiter_send', message: `"${waiterSend}" is not 0 (customer) or 1 (agent)` });
    const transfer = flag(isTransfer);
    if (transfer === null) problems.push({ field: 'is_transfer', message: `"${isTransfer}" is not 0 or 1` });
    if (problems.length) {
      yield { line, problems };
      continue;
    }
    const common = {
      conversation_id: `jddc-${session}`,
      shop_id: opts.shop!,
      channel: 'chat',
      customer_id: user,
      sent_at: iso(base + (line - 1) * spacingMs),
      auto_reply: 'false',
    };
    yield {
      line,
      type: 'messages',
      values: {
        ...common,
        message_id: `jddc-${session}-${line}`,
        sender: fromAgent ? 'agent' : 'customer',
        agent_id: fromAgent ? agent : '',
        text: content,
        event: '',
        to_agent_id: '',
      },
    };
    if (transfer) {
      yield {
        line,
        type: 'messages',
        values: {
          ...common,
          message_id: `jddc-${session}-${line}-transfer`,
          sender: 'system',
          agent_id: agent,
          text: '',
          event: 'transfer',
          to_agent_id: opts.transferTo || agent,
        },
      };
    }
  }
}

export const jddc: Preset = {
  name: 'jddc',
  description:
    'JDDC corpus chat.txt (tab-separated, no times): messages at synthesised times, for QA and text analysis only',
  input: 'lines',
  outputType: 'messages',
  outputTypes: ['messages'],
  options: {
    shop: 'required',
    agent: 'required',
    base: 'required',
    spacingSeconds: 'optional',
    transferTo: 'optional',
    tz: 'optional',
  },
  detect(fileName, firstLine) {
    if (/(^|[\\/])chat\.txt$/i.test(fileName)) return true;
    const parts = firstLine.split('\t');
    return parts.length >= FIELDS.length && [parts[2], parts[3], parts[4]].every((p) => flag(p.trim()) !== null);
  },
  checkOptions(opts) {
    const t = baseTime(opts);
    return typeof t === 'string' ? [{ field: 'base', message: t }] : [];
  },
  map,
};
