import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAgentMap } from './agent-map.ts';
import { FIXTURES, runPreset } from './testing.ts';
import { zendesk, zendeskSatisfaction } from './zendesk.ts';

const agentMap = loadAgentMap(path.join(FIXTURES, 'agents.csv'));
const opts = { shop: '云裳旗舰店', agentMap, tz: 'Asia/Shanghai' };
const zhang = 'e83e76d596bd'; // sha256("zhang.san@example.com"), first 12 hex digits
const solved1001 = Date.parse('2026-11-11T02:30:00Z');

describe('zendesk preset', () => {
  it('turns a solved chat ticket into opening message, first reply and close, all on its line', async () => {
    const run = await runPreset(zendesk, 'zendesk.csv', opts);
    const common = {
      conversation_id: 'zendesk-1001',
      shop_id: '云裳旗舰店',
      channel: 'chat',
      customer_id: zhang,
      auto_reply: 'false',
      to_agent_id: '',
    };
    expect(run.records.filter((r) => r.type === 'messages' && r.values.conversation_id === 'zendesk-1001')).toEqual([
      {
        line: 2,
        type: 'messages',
        values: {
          ...common,
          message_id: 'zendesk-1001-opened',
          sender: 'customer',
          agent_id: '',
          sent_at: '2026-11-11T02:00:00.000Z',
          text: '尺码咨询',
          event: '',
        },
      },
      {
        line: 2,
        type: 'messages',
        values: {
          ...common,
          message_id: 'zendesk-1001-first-reply',
          sender: 'agent',
          agent_id: 'wangxm',
          sent_at: '2026-11-11T02:05:00.000Z',
          text: '',
          event: '',
        },
      },
      {
        line: 2,
        type: 'messages',
        values: {
          ...common,
          message_id: `zendesk-1001-closed-${solved1001}`,
          sender: 'system',
          agent_id: '',
          sent_at: '2026-11-11T02:30:00.000Z',
          text: '',
          event: 'close',
        },
      },
    ]);
  });

  it('maps tags to the category, status to resolved and Solved at to resolved_at', async () => {
    const run = await runPreset(zendesk, 'zendesk.csv', opts);
    expect(run.records.filter((r) => r.type === 'conversations').map((r) => [r.line, r.values])).toEqual([
      [
        2,
        {
          conversation_id: 'zendesk-1001',
          category: 'presale',
          resolved: 'true',
          resolved_at: '2026-11-11T02:30:00.000Z',
          issue_key: '',
        },
      ],
      [
        3,
        { conversation_id: 'zendesk-1002', category: 'after_sales', resolved: 'false', resolved_at: '', issue_key: '' },
      ],
      [
        4,
        {
          conversation_id: 'zendesk-1003',
          category: 'complaint',
          resolved: 'true',
          resolved_at: '2026-11-12T12:00:00.000Z',
          issue_key: '',
        },
      ],
      [5, { conversation_id: 'zendesk-1004', category: 'consult', resolved: 'false', resolved_at: '', issue_key: '' }],
    ]);
  });

  it('rates good as 5 and bad as 1 at the ticket creation, and skips offered-only surveys', async () => {
    const run = await runPreset(zendesk, 'zendesk.csv', opts);
    expect(run.records.filter((r) => r.type === 'ratings').map((r) => [r.line, r.values])).toEqual([
      [
        2,
        {
          conversation_id: 'zendesk-1001',
          customer_id: zhang,
          agent_id: 'wangxm',
          rated_at: '2026-11-11T02:00:00.000Z',
          csat: '5',
          nps: '',
          comment: '很耐心',
        },
      ],
      [
        4,
        {
          conversation_id: 'zendesk-1003',
          customer_id: 'c83d077b8b9e',
          agent_id: 'lina',
          rated_at: '2026-11-12T09:00:00.000Z',
          csat: '1',
          nps: '',
          comment: '太慢了',
        },
      ],
    ]);
    expect(
      ['good', 'good with comment', 'bad_with_comment', 'offered', 'unoffered', 'meh'].map(zendeskSatisfaction),
    ).toEqual([5, 5, 1, null, null, undefined]);
  });

  it('takes the channel from Via and the customer from the hashed requester e-mail', async () => {
    const run = await runPreset(zendesk, 'zendesk.csv', opts);
    expect(run.byId('messages', 'zendesk-1002-opened')).toMatchObject({
      channel: 'email',
      customer_id: 'b9b55f36c238',
    });
    expect(run.byId('messages', 'zendesk-1003-opened')).toMatchObject({
      channel: 'phone',
      sent_at: '2026-11-12T09:00:00.000Z',
    });
    expect(run.byId('messages', 'zendesk-1004-opened')).toMatchObject({
      channel: 'ticket',
      customer_id: 'dd02f59a0c34',
      text: '第一行\n第二行',
    });
    expect(JSON.stringify(run.records)).not.toMatch(/@example\.com/i);
  });

  it('synthesises no first reply for a ticket without assignee or without a first-reply time', async () => {
    const run = await runPreset(zendesk, 'zendesk.csv', opts);
    expect(run.byId('messages', 'zendesk-1002-first-reply')).toBeUndefined();
    expect(run.byId('messages', 'zendesk-1003-first-reply')).toBeUndefined();
    expect(run.byId('messages', 'zendesk-1004-first-reply')).toMatchObject({
      sent_at: '2026-11-13T01:07:30.000Z',
      agent_id: 'wangxm',
    });
  });

  it('reads offset-less times in --tz, and without it says so on the line where the row starts', async () => {
    const run = await runPreset(zendesk, 'zendesk.csv', { ...opts, tz: undefined });
    expect(run.problems.find((p) => p.line === 5)).toEqual({
      line: 5,
      problems: [
        {
          field: 'Created at',
          message: '"2026-11-13 09:00:00" has no UTC offset: add one (+08:00) or import with --tz',
        },
      ],
    });
  });

  it('reports every problem of a malformed row with its line, and the other rows map', async () => {
    const run = await runPreset(zendesk, 'zendesk.csv', opts);
    expect(run.problems).toEqual([
      {
        line: 7,
        problems: [
          { field: 'Created at', message: '"2026-13-01 10:00:00 +0800" is not a real time' },
          { field: 'First reply time in minutes', message: '"soon" is not a number of minutes' },
          { field: 'Satisfaction Score', message: '"Meh" is not a satisfaction rating this preset knows' },
        ],
      },
    ]);
    expect(run.records).toHaveLength(14);
    expect(run.parseProblems).toEqual([]);
  });

  it('takes assignees as written without an agent map', async () => {
    const run = await runPreset(zendesk, 'zendesk.csv', { shop: 's1', tz: 'Asia/Shanghai' });
    expect(run.byId('messages', 'zendesk-1001-first-reply')).toMatchObject({ agent_id: '王小明' });
  });

  it('checks the header and recognises a Zendesk export by it', () => {
    expect(zendesk.checkHeader!(['id', 'subject', 'created at'])).toEqual([
      {
        field: 'Requester email',
        message: 'required column missing (one of: Requester email, Requester id, Requester)',
      },
    ]);
    expect(zendesk.checkHeader!(['id', 'created at', 'requester'])).toEqual([]);
    expect(zendesk.detect('export.csv', '\uFEFF"Id","Subject","Requester","Created at"')).toBe(true);
    expect(zendesk.detect('export.csv', 'Ticket ID,Subject,Created time')).toBe(false);
  });
});
