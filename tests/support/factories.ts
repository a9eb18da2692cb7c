/**
 * Test data factories: a small organisation built through the real services, and people with
 * sensible defaults (`buildPerson({ role: 'lead' })`).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Role } from '../../domain/org.ts';
import type { Db } from '../../server/db/database.ts';
import { newId } from '../../server/lib/ids.ts';
import { hashPassword } from '../../server/lib/password.ts';
import { SYSTEM } from '../../server/modules/audit/audit.service.ts';
import { importFile } from '../../server/modules/ingest/ingest.service.ts';
import { applyState, stateOf, type PersonState } from '../../server/modules/people/people.service.ts';
import { findById, shopIdsOf } from '../../server/modules/people/people.repository.ts';

export const TEST_PASSWORD = 'correct-horse-9';
let hash: Promise<string> | undefined;
const passwordHash = () => (hash ??= hashPassword(TEST_PASSWORD));

export interface SmallOrg {
  departments: { cs: string; other: string };
  groups: { presale: string; afterSales: string; otherDept: string };
  shops: { tmall: string; jd: string };
  people: Record<'admin' | 'manager' | 'hr' | 'supervisor' | 'supervisor2' | 'leadA' | 'leadB' | 'agentA1' | 'agentA2' | 'agentB1' | 'agentOther', string>;
}

/** A person state with defaults; override what the test is about. */
export function buildPerson(over: Partial<PersonState> & { login: string }): PersonState {
  return {
    name: over.login,
    email: `${over.login}@example.com`,
    phone: '13800001234',
    role: 'agent',
    level: 'junior',
    star: null,
    departmentId: null,
    groupId: null,
    leadId: null,
    mentorId: null,
    shopIds: [],
    hireDate: '2025-01-01',
    status: 'active',
    statusSince: '2025-01-01',
    ...over,
  };
}

/**
 * Two departments: 客服部 with 售前一组 (lead A, agents A1, A2) and 售后一组 (lead B, agent B1),
 * and 直播客服部 with one group and one agent; plus admin, manager, HR and two supervisors.
 */
export async function buildSmallOrg(db: Db): Promise<SmallOrg> {
  const k = db.kysely;
  const now = new Date().toISOString();
  const ids = {
    departments: { cs: newId(), other: newId() },
    groups: { presale: newId(), afterSales: newId(), otherDept: newId() },
    shops: { tmall: newId(), jd: newId() },
  };
  await k.insertInto('departments').values([
    { id: ids.departments.cs, name: '客服部', name_en: 'Customer Service', created_at: now },
    { id: ids.departments.other, name: '直播客服部', name_en: 'Live-stream Service', created_at: now },
  ]).execute();
  await k.insertInto('groups').values([
    { id: ids.groups.presale, department_id: ids.departments.cs, name: '售前一组', name_en: 'Presale 1', kind: 'presale', created_at: now },
    { id: ids.groups.afterSales, department_id: ids.departments.cs, name: '售后一组', name_en: 'After-sales 1', kind: 'after_sales', created_at: now },
    { id: ids.groups.otherDept, department_id: ids.departments.other, name: '直播一组', name_en: 'Live 1', kind: 'presale', created_at: now },
  ]).execute();
  await k.insertInto('shops').values([
    { id: ids.shops.tmall, name: '云裳旗舰店', platform: 'tmall', created_at: now },
    { id: ids.shops.jd, name: '云裳京东店', platform: 'jd', created_at: now },
  ]).execute();

  const hashValue = await passwordHash();
  const people = {} as SmallOrg['people'];
  const add = async (key: keyof SmallOrg['people'], role: Role, departmentId: string | null, groupId: string | null, leadKey?: keyof SmallOrg['people']) => {
    const state = buildPerson({ login: key, role, departmentId, groupId, leadId: leadKey ? people[leadKey] : null, shopIds: [ids.shops.tmall] });
    const { id } = await applyState(k, SYSTEM, undefined, state, { effectiveDate: state.hireDate, passwordHash: hashValue });
    people[key] = id;
  };
  await add('admin', 'admin', null, null);
  await add('manager', 'manager', null, null);
  await add('hr', 'hr', null, null);
  await add('supervisor', 'supervisor', ids.departments.cs, null);
  await add('supervisor2', 'supervisor', ids.departments.other, null);
  await add('leadA', 'lead', ids.departments.cs, ids.groups.presale);
  await add('leadB', 'lead', ids.departments.cs, ids.groups.afterSales);
  await add('agentA1', 'agent', ids.departments.cs, ids.groups.presale, 'leadA');
  await add('agentA2', 'agent', ids.departments.cs, ids.groups.presale, 'leadA');
  await add('agentB1', 'agent', ids.departments.cs, ids.groups.afterSales, 'leadB');
  await add('agentOther', 'agent', ids.departments.other, ids.groups.otherDept);
  return { ...ids, people };
}

/**
 * A canonical message record (snake_case, as the live import endpoint takes it) in the small
 * org's 云裳旗舰店 on 2026-11-11 (+08:00); `at` is HH:MM:SS.
 */
export function buildMessageRecord(id: string, conv: string, sender: string, agent: string, at: string, text?: string, extra: Record<string, string> = {}) {
  return {
    conversation_id: conv,
    message_id: id,
    shop_id: '云裳旗舰店',
    channel: 'chat',
    customer_id: `cust-${conv}`,
    sender,
    agent_id: agent,
    sent_at: `2026-11-11T${at}+08:00`,
    text: text ?? (sender === 'customer' ? '在吗' : '在的亲'),
    ...extra,
  };
}

/** One conversation of a hand-built service month (buildServiceFiles): who, when, how fast, how it ended. */
export interface ConversationSpec {
  id: string;
  /** agent login */
  agent: string;
  customer: string;
  /** local day (+08:00), YYYY-MM-DD */
  day: string;
  /** local time of the customer's first message, HH:MM:SS */
  start: string;
  /** reply delay of each round in seconds; the customer writes again 60 s after each reply */
  rounds: number[];
  /** conversation attributes; absent = none imported */
  category?: 'consult' | 'presale' | 'complaint' | 'after_sales';
  /** resolved one minute after the last message (immediate); false = not resolved */
  resolved?: boolean;
  issueKey?: string;
  /** a rating 1–5 a minute after the last message */
  csat?: number;
  /** an order of this many yuan placed two minutes after the last message and paid at once */
  orderYuan?: string;
}

const atPlus = (day: string, start: string, seconds: number) =>
  new Date(Date.parse(`${day}T${start}+08:00`) + seconds * 1000).toISOString().replace('.000Z', 'Z');

/**
 * The canonical import files (CSV text per record type) for conversations described by
 * ConversationSpec, in 云裳旗舰店: what a test needs to get known response times, resolution,
 * complaints, ratings and credited sales out of the real metric engine.
 */
export function buildServiceFiles(convs: readonly ConversationSpec[]) {
  const messages = ['conversation_id,message_id,shop_id,channel,customer_id,sender,agent_id,sent_at,text'];
  const conversations = ['conversation_id,category,resolved,resolved_at,issue_key'];
  const ratings = ['conversation_id,customer_id,rated_at,csat,agent_id'];
  const orders = ['order_id,shop_id,customer_id,created_at,amount,paid_at'];
  for (const c of convs) {
    let t = 0;
    c.rounds.forEach((delay, i) => {
      if (i > 0) t += 60;
      messages.push(`${c.id},${c.id}-q${i},云裳旗舰店,chat,${c.customer},customer,,${atPlus(c.day, c.start, t)},在吗`);
      t += delay;
      messages.push(`${c.id},${c.id}-a${i},云裳旗舰店,chat,${c.customer},agent,${c.agent},${atPlus(c.day, c.start, t)},在的亲`);
    });
    if (c.category) {
      const resolvedAt = c.resolved ? atPlus(c.day, c.start, t + 60) : '';
      conversations.push(`${c.id},${c.category},${c.resolved ? 'true' : 'false'},${resolvedAt},${c.issueKey ?? c.id}`);
    }
    if (c.csat !== undefined) ratings.push(`${c.id},${c.customer},${atPlus(c.day, c.start, t + 60)},${c.csat},${c.agent}`);
    if (c.orderYuan) {
      const at = atPlus(c.day, c.start, t + 120);
      orders.push(`o-${c.id},云裳旗舰店,${c.customer},${at},${c.orderYuan},${at}`);
    }
  }
  return {
    messages: messages.join('\n'),
    conversations: conversations.join('\n'),
    ratings: ratings.join('\n'),
    orders: orders.join('\n'),
  };
}

/** Changes a person through the people service as the system (what changed is appended to their history). */
export async function changePerson(db: Db, id: string, over: Partial<PersonState>, effectiveDate: string): Promise<void> {
  const row = await findById(db.kysely, id);
  if (!row) throw new Error(`no person ${id}`);
  const state = stateOf(row, (await shopIdsOf(db.kysely, [id])).get(id) ?? []);
  await applyState(db.kysely, SYSTEM, row, { ...state, ...over }, { effectiveDate });
}

const clock = (k: number) => `${String(10 + Math.floor(k / 6)).padStart(2, '0')}:${String((k % 6) * 10).padStart(2, '0')}:00`;

/**
 * September 2026 of 客服部 for the appraisal worked examples (tests/db/appraisal.{month,quarter}.test.ts):
 * - agentA1, junior, 售前一组, on 09-02: 20 conversations with 19 customers (a1-c0 complains twice
 *   about one issue: 1 repeat in 10 complaints), first replies 39 s, 5 second rounds of 54 s
 *   (average (20 × 39 + 5 × 54) / 25 = 42 s), 16 of 20 resolved at once, 9 of 10 ratings satisfied.
 * - agentA2, senior from 09-16 (hired then), 售前一组, on 09-21: 20 customers, first replies 24 s, 10
 *   second rounds of 57 s (average (20 × 24 + 10 × 57) / 30 = 35 s), 19 of 20 resolved at once,
 *   4 complaints none repeated, 19 of 20 ratings satisfied, 8 orders of ¥150 (conversion 8 / 20).
 * - agentB1, star ★★, 售后一组, 12 customers on 09-08 and 13 on 09-09 (b1-c0 both days, a repeat
 *   complaint: 1 of 5), replies 45 s, 20 of 25 resolved at once, 7 of 10 ratings satisfied.
 */
export function septemberConversations(): ConversationSpec[] {
  const out: ConversationSpec[] = [];
  for (let k = 0; k < 20; k++) {
    out.push({
      id: `a1-${k}`,
      agent: 'agentA1',
      customer: k === 1 ? 'a1-c0' : `a1-c${k}`,
      day: '2026-09-02',
      start: clock(k),
      rounds: k < 5 ? [39, 54] : [39],
      category: k < 10 ? 'complaint' : 'consult',
      resolved: k < 16,
      issueKey: k <= 1 ? 'a1-issue-0' : `a1-issue-${k}`,
      ...(k < 10 ? { csat: k === 9 ? 2 : 5 } : {}),
    });
  }
  for (let k = 0; k < 20; k++) {
    out.push({
      id: `a2-${k}`,
      agent: 'agentA2',
      customer: `a2-c${k}`,
      day: '2026-09-21',
      start: clock(k),
      rounds: k < 10 ? [24, 57] : [24],
      category: k < 4 ? 'complaint' : 'consult',
      resolved: k < 19,
      csat: k === 19 ? 3 : 5,
      ...(k < 8 ? { orderYuan: '150.00' } : {}),
    });
  }
  for (let k = 0; k < 25; k++) {
    out.push({
      id: `b1-${k}`,
      agent: 'agentB1',
      customer: k === 12 ? 'b1-c0' : `b1-c${k}`,
      day: k < 12 ? '2026-09-08' : '2026-09-09',
      start: clock(k % 12),
      rounds: [45],
      category: [0, 1, 2, 12, 13].includes(k) ? 'complaint' : 'consult',
      resolved: k < 20,
      issueKey: k === 0 || k === 12 ? 'b1-c0-issue' : `b1-issue-${k}`,
      ...(k < 10 ? { csat: k < 7 ? 4 : 1 } : {}),
    });
  }
  return out;
}

/** The small org with agentA2 hired on 2026-09-16 as senior and agentB1 a ★★ star, and September imported. */
export async function buildAppraisalSeptember(db: Db): Promise<SmallOrg> {
  const org = await buildSmallOrg(db);
  await changePerson(db, org.people.agentA2, { level: 'senior', hireDate: '2026-09-16', statusSince: '2026-09-16' }, '2026-09-16');
  await changePerson(db, org.people.agentB1, { level: 'star', star: 2 }, '2025-06-01');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'helmsman-september-'));
  for (const [name, text] of Object.entries(buildServiceFiles(septemberConversations()))) {
    const file = path.join(dir, `${name}.csv`);
    fs.writeFileSync(file, text);
    const summary = await importFile(db, { path: file });
    if (summary.rejected) throw new Error(`${name}: ${JSON.stringify(summary.problems)}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return org;
}
