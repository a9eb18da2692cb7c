import { describe, expect, it } from 'vitest';
import { parseAgentMap } from './agent-map.ts';
import { PresetOptionsError } from './preset.ts';
import { parseJsonLine } from './fields.ts';
import { qiyu } from './qiyu.ts';
import { runPreset } from './testing.ts';

const agentMap = parseAgentMap('name,staff_id,login\n王小明,301,wangxm\n李娜,302,lina\n');
const opts = { shop: '云裳旗舰店', agentMap };
const common = { shop_id: '云裳旗舰店', channel: 'chat' };

describe('qiyu preset', () => {
  it('maps a visitor message, keeping its line and the session customer', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', opts);
    expect(run.records.find((r) => r.values.message_id === 'qiyu-501')).toEqual({
      line: 4,
      type: 'messages',
      values: {
        ...common,
        conversation_id: 'qiyu-9001',
        message_id: 'qiyu-501',
        customer_id: 'u-1001',
        sender: 'customer',
        agent_id: '',
        sent_at: '2026-11-11T02:00:05.000Z',
        text: '在吗，我的退款什么时候到账',
        auto_reply: 'false',
        event: '',
        to_agent_id: '',
      },
    });
  });

  it('tells the bot, agent auto-replies and agent replies apart on the staff side', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', opts);
    expect(run.byId('messages', 'qiyu-502')).toMatchObject({ sender: 'bot', agent_id: '', auto_reply: 'false' });
    expect(run.byId('messages', 'qiyu-503')).toMatchObject({
      sender: 'agent',
      agent_id: 'wangxm',
      auto_reply: 'true',
      sent_at: '2026-11-11T02:01:01.000Z',
    });
    expect(run.byId('messages', 'qiyu-505')).toMatchObject({
      sender: 'agent',
      agent_id: 'wangxm',
      auto_reply: 'false',
      text: '亲，我帮您查一下',
    });
  });

  it('takes a message customer from the session line met earlier, else one customer per session', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', opts);
    expect(run.byId('messages', 'qiyu-506')).toMatchObject({
      customer_id: 'u-1001',
      agent_id: 'lina',
      text: '{"url":"https://example.invalid/a.jpg"}',
    });
    expect(run.byId('messages', 'qiyu-507')).toMatchObject({
      conversation_id: 'qiyu-9999',
      customer_id: 'qiyu-session-9999',
    });
  });

  it('keeps message ids beyond 2^53 exact and leaves long numbers inside text alone', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', opts);
    expect(run.records.find((r) => r.values.message_id === 'qiyu-12345678901234567890')).toMatchObject({
      line: 8,
      values: { conversation_id: 'qiyu-9002', customer_id: 'u-1001', text: '退款还没到，订单号 98765432109876543210' },
    });
    expect(parseJsonLine('{"a":-12345678901234567,"b":[12345678901234567,1.5],"c":"x\\"12345678901234567"}')).toEqual({
      a: -12345678901234567,
      b: ['12345678901234567', 1.5],
      c: 'x"12345678901234567',
    });
  });

  it('maps a session to its conversation: category from 七鱼 category, resolved from the visitor mark', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', opts);
    expect(run.records.filter((r) => r.type === 'conversations').map((r) => [r.line, r.values])).toEqual([
      [1, { conversation_id: 'qiyu-9001', category: 'consult', resolved: 'false', resolved_at: '', issue_key: '' }],
      [
        2,
        {
          conversation_id: 'qiyu-9002',
          category: 'after_sales',
          resolved: 'true',
          resolved_at: '2026-11-11T02:15:00.000Z',
          issue_key: '',
        },
      ],
      [3, { conversation_id: 'qiyu-9003', category: 'complaint', resolved: 'false', resolved_at: '', issue_key: '' }],
    ]);
  });

  it('maps the evaluation to a rating at the time the visitor rated, else the session end', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', opts);
    expect(run.records.filter((r) => r.type === 'ratings').map((r) => [r.line, r.values])).toEqual([
      [
        2,
        {
          conversation_id: 'qiyu-9002',
          customer_id: 'u-1001',
          agent_id: 'wangxm',
          rated_at: '2026-11-11T02:21:00.000Z',
          csat: '4',
          nps: '',
          comment: '处理很快',
        },
      ],
      [
        3,
        {
          conversation_id: 'qiyu-9003',
          customer_id: 'u-1001',
          agent_id: 'lina',
          rated_at: '2026-11-11T02:30:00.000Z',
          csat: '1',
          nps: '',
          comment: '',
        },
      ],
    ]);
  });

  it('adds a hand-off for a session from the bot, a transfer for one from another agent, and a close at each end', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', opts);
    const events = run.records
      .filter((r) => r.type === 'messages' && r.values.event)
      .map((r) => [
        r.line,
        r.values.message_id,
        r.values.event,
        r.values.agent_id,
        r.values.to_agent_id,
        r.values.sent_at,
      ]);
    expect(events).toEqual([
      [1, 'qiyu-9001-close', 'close', '', '', '2026-11-11T02:01:00.000Z'],
      [2, 'qiyu-9002-handoff', 'handoff', '', 'wangxm', '2026-11-11T02:01:00.000Z'],
      [2, 'qiyu-9002-close', 'close', '', '', '2026-11-11T02:15:00.000Z'],
      [3, 'qiyu-9003-transfer', 'transfer', 'wangxm', 'lina', '2026-11-11T02:15:00.000Z'],
      [3, 'qiyu-9003-close', 'close', '', '', '2026-11-11T02:30:00.000Z'],
    ]);
    expect(run.byId('messages', 'qiyu-9002-handoff')).toMatchObject({
      sender: 'system',
      customer_id: 'u-1001',
      ...common,
    });
  });

  it('produces only records the canonical parsers accept', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', opts);
    expect(run.records).toHaveLength(17);
    expect(run.parseProblems).toEqual([]);
  });

  it('reports unusable lines with their line numbers and carries on', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', opts);
    expect(run.problems).toEqual([
      { line: 12, problems: [{ field: 'line', message: expect.stringMatching(/^not valid JSON/) }] },
      { line: 13, problems: [{ field: 'from', message: '"2" is not 0 (staff) or 1 (customer)' }] },
      { line: 14, problems: [{ field: 'line', message: expect.stringMatching(/neither a 七鱼 message/) }] },
    ]);
  });

  it('takes a staff message naming an agent but no staff id for the agent, and one naming nobody for the bot', async () => {
    const lines = [
      '{"id":1,"sessionId":7,"from":0,"staffName":"王小明","time":1794362400000,"content":"亲"}',
      '{"id":2,"sessionId":7,"from":0,"time":1794362401000,"content":"您好"}',
      '{"id":3,"from":1,"sessionId":"","time":1794362402000}',
    ];
    const out = [];
    for await (const o of qiyu.map(
      (async function* () {
        for (const [i, text] of lines.entries()) yield { line: i + 1, text };
      })(),
      opts,
    ))
      out.push(o);
    expect(out.map((o) => ('values' in o ? [o.values.sender, o.values.agent_id] : o.problems))).toEqual([
      ['agent', 'wangxm'],
      ['bot', ''],
      [{ field: 'sessionId', message: 'required' }],
    ]);
  });

  it('uses staff names as written when there is no agent map', async () => {
    const run = await runPreset(qiyu, 'qiyu.jsonl', { shop: 's1' });
    expect(run.byId('messages', 'qiyu-505')).toMatchObject({ agent_id: '王小明', shop_id: 's1' });
  });

  it('needs --shop', async () => {
    await expect(runPreset(qiyu, 'qiyu.jsonl', {})).rejects.toThrow(PresetOptionsError);
  });

  it('recognises 七鱼 lines and nothing else', () => {
    expect(qiyu.detect('session.txt', '{"id":1,"startTime":1,"staffId":3}')).toBe(true);
    expect(qiyu.detect('x.jsonl', '{"sessionId":1,"from":0,"time":1}')).toBe(true);
    expect(qiyu.detect('x.jsonl', '{"conversation_id":"c1","message_id":"m1"}')).toBe(false);
    expect(qiyu.detect('x.csv', '{"sessionId":1,"from":0}')).toBe(false);
  });
});
