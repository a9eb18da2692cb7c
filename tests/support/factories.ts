/**
 * Test data factories: a small organisation built through the real services, and people with
 * sensible defaults (`buildPerson({ role: 'lead' })`).
 */
import type { Role } from '../../domain/org.ts';
import type { Db } from '../../server/db/database.ts';
import { newId } from '../../server/lib/ids.ts';
import { hashPassword } from '../../server/lib/password.ts';
import { SYSTEM } from '../../server/modules/audit/audit.service.ts';
import { applyState, type PersonState } from '../../server/modules/people/people.service.ts';

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
