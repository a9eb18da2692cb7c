import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { categoryOf, hashId, sourceTime } from './fields.ts';
import { AgentMapError, detectPreset, flagOf, parseAgentMap, PRESET_NAMES, PRESETS, readFirstLine } from './index.ts';
import { FIXTURES } from './testing.ts';

const fixture = (name: string) => path.join(FIXTURES, name);

describe('preset registry and detection', () => {
  it('registers every preset under its name', () => {
    expect(Object.keys(PRESETS).sort()).toEqual([...PRESET_NAMES].sort());
    for (const name of PRESET_NAMES) expect(PRESETS[name].name).toBe(name);
    expect(PRESETS.qiyu.outputType).toBe('mixed');
    expect(PRESETS.jddc.outputType).toBe('messages');
  });

  it.each([
    ['qiyu.jsonl', 'qiyu'],
    ['chat.txt', 'jddc'],
    ['zendesk.csv', 'zendesk'],
    ['freshdesk.csv', 'freshdesk'],
  ])('detects %s as %s from its name and first line', async (file, preset) => {
    expect(detectPreset(file, await readFirstLine(fixture(file)))?.name).toBe(preset);
  });

  it('leaves canonical files and unknown shapes alone', () => {
    expect(
      detectPreset('messages.csv', 'conversation_id,message_id,shop_id,channel,customer_id,sender,sent_at'),
    ).toBeNull();
    expect(detectPreset('records.jsonl', '{"conversation_id":"c1","message_id":"m1","sender":"customer"}')).toBeNull();
    expect(detectPreset('notes.txt', 'hello')).toBeNull();
  });

  it('reads the first line without BOM or line break', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-presets-'));
    const p = path.join(dir, 'x.csv');
    fs.writeFileSync(p, '\uFEFFTicket ID,Created time\r\n1,2\r\n');
    expect(await readFirstLine(p)).toBe('Ticket ID,Created time');
    expect(detectPreset('x.csv', await readFirstLine(p))?.name).toBe('freshdesk');
  });

  it('names options by their CLI flags', () => {
    expect(['shop', 'agentMap', 'transferTo', 'spacingSeconds', 'tz'].map(flagOf)).toEqual([
      'shop',
      'agent-map',
      'transfer-to',
      'spacing',
      'tz',
    ]);
  });
});

describe('agent map', () => {
  it('maps every key column to the login, case-insensitively', () => {
    const map = parseAgentMap('\uFEFFname,email,login\n王小明,XiaoMing@Shop.example,wangxm\n李娜,,lina\n');
    expect([...map]).toEqual([
      ['王小明', 'wangxm'],
      ['xiaoming@shop.example', 'wangxm'],
      ['李娜', 'lina'],
    ]);
  });

  it('names the bad lines of an unusable map', () => {
    expect(() => parseAgentMap('name,email\na,b\n', 'agents.csv')).toThrow('agents.csv:1: needs a "login" column');
    const err = (() => {
      try {
        parseAgentMap('name,login\n王小明,wangxm\n王小明,other\n,\n李娜,\n', 'agents.csv');
      } catch (e) {
        return e as AgentMapError;
      }
    })();
    expect(err).toBeInstanceOf(AgentMapError);
    expect(err?.problems).toEqual([
      { line: 3, message: '"王小明" is already mapped to "wangxm"' },
      { line: 4, message: 'login is empty' },
      { line: 5, message: 'login is empty' },
    ]);
  });
});

describe('source field helpers', () => {
  it.each([
    ['2026-11-11 20:15:03 +0800', undefined, '2026-11-11T12:15:03.000Z'],
    ['2026-11-11T20:15:03+08:00', undefined, '2026-11-11T12:15:03.000Z'],
    ['2026/11/11 20:15', 'Asia/Shanghai', '2026-11-11T12:15:00.000Z'],
    ['2026-11-11 8:05:00 UTC', undefined, '2026-11-11T08:05:00.000Z'],
    ['2026-11-11', 'Asia/Shanghai', '2026-11-10T16:00:00.000Z'],
    ['1794362400000', undefined, '2026-11-11T02:00:00.000Z'],
    ['1794362400', undefined, '2026-11-11T02:00:00.000Z'],
  ])('reads the source time %s (tz %s) as %s', (text, tz, expected) => {
    const t = sourceTime(text, tz);
    expect(typeof t === 'number' ? new Date(t).toISOString() : t).toBe(expected);
  });

  it('explains times it cannot read', () => {
    expect(sourceTime('11/12/2026 10:00')).toBe('"11/12/2026 10:00" is not a time (e.g. 2026-11-11 20:15:03 +0800)');
    expect(sourceTime('2026-02-30 10:00 +0800')).toBe('"2026-02-30 10:00 +0800" is not a real time');
    expect(sourceTime('2026-11-11 10:00')).toBe(
      '"2026-11-11 10:00" has no UTC offset: add one (+08:00) or import with --tz',
    );
  });

  it('hashes identifiers trimmed and lower-cased to 12 hex digits', () => {
    expect(hashId(' Zhang.San@Example.com ')).toBe('e83e76d596bd');
    expect(hashId('zhang.san@example.com')).toBe('e83e76d596bd');
  });

  it.each([
    [['投诉/物流慢'], 'complaint'],
    [['refund complaint'], 'complaint'],
    [['售后/退款'], 'after_sales'],
    [['presale vip'], 'presale'],
    [['', 'Question'], 'consult'],
  ] as const)('gives %j the category %s', (texts, category) => {
    expect(categoryOf(...texts)).toBe(category);
  });
});
