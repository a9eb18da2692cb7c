import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import {
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  ORDER_COLUMNS,
  RATING_COLUMNS,
  ROSTER_COLUMNS,
  generateOrganisation,
  generateServiceData,
} from '../domain/demo/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUN = { agents: 12, days: 3, seed: 5, start: '2026-11-10' };
const dirs: string[] = [];

function generate(format: 'csv' | 'jsonl'): { dir: string; stdout: string; stderr: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'helmsman-demo-'));
  dirs.push(dir);
  const args = [
    '--agents',
    RUN.agents,
    '--days',
    RUN.days,
    '--seed',
    RUN.seed,
    '--start',
    RUN.start,
    '--out',
    dir,
    '--format',
    format,
  ].map(String);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo-generate.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(run.status, run.stderr).toBe(0);
  return { dir, stdout: run.stdout, stderr: run.stderr };
}

const read = (dir: string, file: string) => readFileSync(path.join(dir, file), 'utf8');
const csv = (dir: string, file: string): Record<string, string>[] => parse(read(dir, file), { columns: true });

/** A record as its CSV cells read back: booleans true/false, null empty, money with 2 decimals. */
function asCsv(record: object): Record<string, string> {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [
      k,
      v === null ? '' : (k === 'amount' || k === 'refund_amount') && typeof v === 'number' ? v.toFixed(2) : String(v),
    ]),
  );
}

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('demo-generate CLI', () => {
  const org = generateOrganisation(RUN);
  const days = [...generateServiceData(org)];
  const all = <K extends 'messages' | 'conversations' | 'ratings' | 'orders'>(key: K) =>
    days.flatMap((d) => d[key] as object[]).map(asCsv);

  it('writes valid CSV that reads back to exactly the generated records', () => {
    const texts = days.flatMap((d) => d.messages.map((m) => m.text));
    for (const special of ['\n', ',', '"'])
      expect(
        texts.some((t) => t.includes(special)),
        `a text with ${JSON.stringify(special)}`,
      ).toBe(true);
    const { dir, stdout, stderr } = generate('csv');
    expect(read(dir, 'messages.csv').split('\n')[0]).toBe(MESSAGE_COLUMNS.join(','));
    expect(read(dir, 'conversations.csv').split('\n')[0]).toBe(CONVERSATION_COLUMNS.join(','));
    expect(read(dir, 'ratings.csv').split('\n')[0]).toBe(RATING_COLUMNS.join(','));
    expect(read(dir, 'orders.csv').split('\n')[0]).toBe(ORDER_COLUMNS.join(','));
    expect(csv(dir, 'messages.csv')).toEqual(all('messages'));
    expect(csv(dir, 'conversations.csv')).toEqual(all('conversations'));
    expect(csv(dir, 'ratings.csv')).toEqual(all('ratings'));
    expect(csv(dir, 'orders.csv')).toEqual(all('orders'));
    expect(stdout).toMatch(/peak RSS \d+ MB/);
    expect(stderr).toContain('[3/3] 2026-11-12');
  });

  it('writes the roster and the organisation', () => {
    const { dir } = generate('csv');
    const roster = csv(dir, 'roster.csv');
    expect(Object.keys(roster[0])).toEqual([...ROSTER_COLUMNS]);
    expect(roster.map((r) => r.login)).toEqual(org.people.map((p) => p.login));
    expect(roster.filter((r) => r.role === 'agent')).toHaveLength(RUN.agents);
    const saved = JSON.parse(read(dir, 'org.json')) as Record<string, unknown>;
    expect(saved).toMatchObject({
      departments: org.departments,
      groups: org.groups,
      shops: org.shops,
      channels: org.channels,
    });
  });

  it('writes JSON Lines when asked', () => {
    const { dir } = generate('jsonl');
    const lines = read(dir, 'messages.jsonl').trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual(days.flatMap((d) => d.messages));
    const orders = read(dir, 'orders.jsonl')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown);
    expect(orders).toEqual(days.flatMap((d) => d.orders));
  });

  it('refuses bad arguments with a message', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/demo-generate.ts', '--agents', 'many'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--agents must be a positive integer');
  });
});
