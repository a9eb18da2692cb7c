import { describe, expect, it } from 'vitest';
import { parseAgentMap } from './agent-map.ts';
import { freshdesk, FRESHDESK } from './freshdesk.ts';
import { runPreset } from './testing.ts';

const agentMap = parseAgentMap('name,login\n王小明,wangxm\n李娜,lina\n');
const opts = { shop: 'Global Store', agentMap, tz: 'Asia/Shanghai' };

describe('freshdesk preset', () => {
  it('maps a resolved e-mail ticket: opening (HTML stripped), first reply after (in hrs), close at Resolved time', async () => {
    const run = await runPreset(freshdesk, 'freshdesk.csv', opts);
    const common = {
      conversation_id: 'freshdesk-2001',
      shop_id: 'Global Store',
      channel: 'email',
      customer_id: 'ff8d9819fc0e',
      auto_reply: 'false',
      to_agent_id: '',
    };
    const resolved = Date.parse('2026-11-11T07:00:00Z');
    expect(run.records.filter((r) => r.values.conversation_id === 'freshdesk-2001')).toEqual([
      {
        line: 2,
        type: 'messages',
        values: {
          ...common,
          message_id: 'freshdesk-2001-opened',
          sender: 'customer',
          agent_id: '',
          sent_at: '2026-11-11T01:00:00.000Z',
          text: 'I want to return order 123',
          event: '',
        },
      },
      {
        line: 2,
        type: 'messages',
        values: {
          ...common,
          message_id: 'freshdesk-2001-first-reply',
          sender: 'agent',
          agent_id: 'wangxm',
          sent_at: '2026-11-11T02:30:00.000Z',
          text: '',
          event: '',
        },
      },
      {
        line: 2,
        type: 'messages',
        values: {
          ...common,
          message_id: `freshdesk-2001-closed-${resolved}`,
          sender: 'system',
          agent_id: '',
          sent_at: '2026-11-11T07:00:00.000Z',
          text: '',
          event: 'close',
        },
      },
      {
        line: 2,
        type: 'conversations',
        values: {
          conversation_id: 'freshdesk-2001',
          category: 'after_sales',
          resolved: 'true',
          resolved_at: '2026-11-11T07:00:00.000Z',
          issue_key: '',
        },
      },
      {
        line: 2,
        type: 'ratings',
        values: {
          conversation_id: 'freshdesk-2001',
          customer_id: 'ff8d9819fc0e',
          agent_id: 'wangxm',
          rated_at: '2026-11-11T01:00:00.000Z',
          csat: '5',
          nps: '',
          comment: '',
        },
      },
    ]);
  });

  it('reads the category from tags and type, the channel from Source', async () => {
    const run = await runPreset(freshdesk, 'freshdesk.csv', opts);
    expect(
      run.records
        .filter((r) => r.type === 'conversations')
        .map((r) => [r.values.conversation_id, r.values.category, r.values.resolved]),
    ).toEqual([
      ['freshdesk-2001', 'after_sales', 'true'],
      ['freshdesk-2002', 'presale', 'false'],
      ['freshdesk-2003', 'complaint', 'true'],
      ['freshdesk-2004', 'consult', 'false'],
    ]);
    expect(
      ['freshdesk-2002', 'freshdesk-2003', 'freshdesk-2004'].map((c) => run.byId('messages', `${c}-opened`)?.channel),
    ).toEqual(['chat', 'phone', 'ticket']);
  });

  it('takes Closed time when there is no Resolved time, and a clock duration for the first response', async () => {
    const run = await runPreset(freshdesk, 'freshdesk.csv', opts);
    expect(run.byId('conversations', 'freshdesk-2003')).toMatchObject({ resolved_at: '2026-11-12T10:00:00.000Z' });
    expect(run.byId('messages', 'freshdesk-2003-first-reply')).toMatchObject({
      agent_id: 'lina',
      sent_at: '2026-11-12T00:30:00.000Z',
    });
    expect(run.byId('messages', 'freshdesk-2002-first-reply')).toBeUndefined(); // no agent
    expect(run.byId('messages', 'freshdesk-2003-opened')).toMatchObject({
      customer_id: 'e0d47ca1bc1e',
      text: 'Box was crushed',
    });
  });

  it('maps Freshdesk satisfaction labels and codes to CSAT', async () => {
    const run = await runPreset(freshdesk, 'freshdesk.csv', opts);
    expect(
      run.records.filter((r) => r.type === 'ratings').map((r) => [r.values.conversation_id, r.values.csat]),
    ).toEqual([
      ['freshdesk-2001', '5'],
      ['freshdesk-2003', '1'],
      ['freshdesk-2004', '3'],
    ]);
    expect(
      ['awesome', 'just okay', 'not good', '103', '-101', 'extremely   unhappy', 'not rated', 'so-so'].map(
        FRESHDESK.satisfaction,
      ),
    ).toEqual([5, 3, 1, 5, 2, 1, null, undefined]);
  });

  it('reports a malformed row with its line and every problem', async () => {
    const run = await runPreset(freshdesk, 'freshdesk.csv', opts);
    expect(run.problems).toEqual([
      {
        line: 6,
        problems: [
          { field: 'Created time', message: '"yesterday" is not a time (e.g. 2026-11-11 20:15:03 +0800)' },
          { field: 'First response time (in hrs)', message: '"-1" is not a number of hours' },
          { field: 'Satisfaction rating', message: '"So-so" is not a satisfaction rating this preset knows' },
        ],
      },
    ]);
    expect(run.parseProblems).toEqual([]);
  });

  it('hashes the requester name when the export has no e-mail', async () => {
    const run = await runPreset(freshdesk, 'freshdesk.csv', opts);
    expect(run.problems[0].problems.map((p) => p.field)).not.toContain('Requester Email');
  });

  it('recognises a Freshdesk export by its header', () => {
    expect(freshdesk.detect('tickets.csv', 'Ticket ID,Subject,Status,Created time')).toBe(true);
    expect(freshdesk.detect('tickets.csv', 'Id,Subject,Requester,Created at')).toBe(false);
    expect(freshdesk.checkHeader!(['ticket id', 'created time', 'requester email'])).toEqual([]);
  });
});
