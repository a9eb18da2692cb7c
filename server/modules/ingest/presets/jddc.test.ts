import { describe, expect, it } from 'vitest';
import { jddc } from './jddc.ts';
import { checkPresetOptions, PresetOptionsError } from './preset.ts';
import { runPreset } from './testing.ts';

const opts = { shop: '京东自营店', agent: 'agent001', base: '2026-01-05', tz: 'Asia/Shanghai' };
const at = (line: number, spacingS = 10) =>
  new Date(Date.parse('2026-01-05T00:00:00+08:00') + (line - 1) * spacingS * 1000).toISOString();

describe('jddc preset', () => {
  it('maps a customer line and an agent line at base + (line − 1) × spacing', async () => {
    const run = await runPreset(jddc, 'chat.txt', opts);
    const common = {
      conversation_id: 'jddc-s001',
      shop_id: '京东自营店',
      channel: 'chat',
      customer_id: 'u01',
      auto_reply: 'false',
      event: '',
      to_agent_id: '',
    };
    expect(run.records.slice(0, 2)).toEqual([
      {
        line: 1,
        type: 'messages',
        values: {
          ...common,
          message_id: 'jddc-s001-1',
          sender: 'customer',
          agent_id: '',
          sent_at: '2026-01-04T16:00:00.000Z',
          text: '请问这款手机有现货吗',
        },
      },
      {
        line: 2,
        type: 'messages',
        values: {
          ...common,
          message_id: 'jddc-s001-2',
          sender: 'agent',
          agent_id: 'agent001',
          sent_at: '2026-01-04T16:00:10.000Z',
          text: '有的亲，今天下单今天发',
        },
      },
    ]);
  });

  it('follows an is_transfer line with a transfer event from --agent to --transfer-to', async () => {
    const run = await runPreset(jddc, 'chat.txt', { ...opts, transferTo: 'aftersales01' });
    expect(run.byId('messages', 'jddc-s001-4')).toMatchObject({
      sender: 'agent',
      event: '',
      text: '好的，为您转接售后专员',
    });
    expect(run.records.find((r) => r.values.message_id === 'jddc-s001-4-transfer')).toEqual({
      line: 4,
      type: 'messages',
      values: {
        conversation_id: 'jddc-s001',
        message_id: 'jddc-s001-4-transfer',
        shop_id: '京东自营店',
        channel: 'chat',
        customer_id: 'u01',
        sender: 'system',
        agent_id: 'agent001',
        sent_at: at(4),
        text: '',
        auto_reply: 'false',
        event: 'transfer',
        to_agent_id: 'aftersales01',
      },
    });
  });

  it('transfers to --agent itself when no --transfer-to is given', async () => {
    const run = await runPreset(jddc, 'chat.txt', opts);
    expect(run.byId('messages', 'jddc-s001-4-transfer')).toMatchObject({
      agent_id: 'agent001',
      to_agent_id: 'agent001',
    });
  });

  it('keeps tabs inside the content and counts blank lines for line numbers and times', async () => {
    const run = await runPreset(jddc, 'chat.txt', { ...opts, spacingSeconds: 60 });
    expect(run.records.find((r) => r.values.message_id === 'jddc-s002-6')).toMatchObject({
      line: 6,
      values: {
        conversation_id: 'jddc-s002',
        customer_id: 'u02',
        text: '发票怎么开\t（电子发票）',
        sent_at: at(6, 60),
      },
    });
  });

  it('reports malformed lines with their line numbers and carries on', async () => {
    const run = await runPreset(jddc, 'chat.txt', opts);
    expect(run.problems).toEqual([
      {
        line: 7,
        problems: [
          {
            field: 'line',
            message:
              'expected 7 tab-separated fields (session_id, user_id, waiter_send, is_transfer, is_repeat, sku, content), found 5',
          },
        ],
      },
      { line: 8, problems: [{ field: 'waiter_send', message: '"2" is not 0 (customer) or 1 (agent)' }] },
    ]);
    expect(run.records).toHaveLength(6);
    expect(run.parseProblems).toEqual([]);
  });

  it('needs --shop, --agent and a readable --base', () => {
    expect(checkPresetOptions(jddc, {})).toEqual([
      { field: 'shop', message: 'required by --preset jddc' },
      { field: 'agent', message: 'required by --preset jddc' },
      { field: 'base', message: 'required by --preset jddc' },
    ]);
    expect(checkPresetOptions(jddc, { ...opts, tz: undefined })).toEqual([
      { field: 'base', message: '"2026-01-05" has no UTC offset: add one (+08:00) or import with --tz' },
    ]);
    expect(checkPresetOptions(jddc, { ...opts, base: '2026-01-05T00:00:00+08:00', tz: undefined })).toEqual([]);
    expect(checkPresetOptions(jddc, { ...opts, spacingSeconds: 0 })).toEqual([
      { field: 'spacingSeconds', message: 'must be a whole number of seconds above 0' },
    ]);
  });

  it('refuses to map without its options', async () => {
    await expect(runPreset(jddc, 'chat.txt', { shop: 's' })).rejects.toThrow(
      /--agent: required by --preset jddc; --base: required/,
    );
    await expect(runPreset(jddc, 'chat.txt', { shop: 's' })).rejects.toBeInstanceOf(PresetOptionsError);
  });

  it('recognises chat.txt by name or by its seven tab-separated fields', () => {
    expect(jddc.detect('data/chat.txt', 'anything')).toBe(true);
    expect(jddc.detect('dialogues.tsv', 's1\tu1\t1\t0\t0\t\t你好')).toBe(true);
    expect(jddc.detect('dialogues.tsv', 'a\tb\tc\td\te\tf\tg')).toBe(false);
    expect(jddc.detect('orders.csv', 'order_id,shop_id')).toBe(false);
  });
});
