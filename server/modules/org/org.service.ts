import type { Conn } from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso } from '../../lib/dates.ts';
import { badRequest, conflict, notFound } from '../../lib/errors.ts';
import { record, type AuditActor } from '../audit/audit.service.ts';
import * as repo from './org.repository.ts';
import type { Channel, Department, Group, Shop } from './org.schema.ts';

type Row = Record<string, unknown> & { id: string };

/** Database row → API shape (snake_case → camelCase) for the organisation entities. */
export const present = {
  departments: (r: Row & { name: string; name_en: string | null; headcount: number }): Department => ({
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    headcount: r.headcount,
  }),
  groups: (r: Row & { department_id: string; name: string; name_en: string | null; kind: string; headcount: number; leadIds: string[] }): Group => ({
    id: r.id,
    departmentId: r.department_id,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind as Group['kind'],
    leadIds: r.leadIds,
    headcount: r.headcount,
  }),
  shops: (r: Row & { name: string; platform: string }): Shop => ({ id: r.id, name: r.name, platform: r.platform as Shop['platform'] }),
  channels: (r: Row & { name: string; kind: string }): Channel => ({ id: r.id, name: r.name, kind: r.kind as Channel['kind'] }),
};

/** camelCase input → column names. */
function toColumns(input: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(input)) {
    if (v === undefined) continue;
    out[k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] = v;
  }
  return out;
}

async function checkName(db: Conn, table: repo.OrgTable, name: string | undefined, departmentId: string | undefined, exceptId?: string) {
  if (name === undefined) return;
  if (await repo.findByName(db, table, name, departmentId, exceptId)) {
    throw conflict(`"${name}" already exists`, [{ field: 'name', message: 'already exists' }]);
  }
}

async function checkDepartment(db: Conn, departmentId: string | undefined) {
  if (departmentId !== undefined && !(await repo.findById(db, 'departments', departmentId))) {
    throw badRequest(`unknown department ${departmentId}`, [{ field: 'departmentId', message: 'unknown department' }]);
  }
}

/** Creates a department, group, shop or channel; names are unique (groups: within their department). */
export async function createEntity(db: Conn, actor: AuditActor, table: repo.OrgTable, input: Record<string, unknown>): Promise<string> {
  const departmentId = input.departmentId as string | undefined;
  await checkDepartment(db, departmentId);
  await checkName(db, table, input.name as string, departmentId);
  const row = { id: newId(), ...toColumns(input), created_at: nowIso() };
  await repo.insert(db, table, row);
  await record(db, actor, `${table}.create`, table, row.id, null, row);
  return row.id;
}

/** Changes a department, group, shop or channel. */
export async function updateEntity(db: Conn, actor: AuditActor, table: repo.OrgTable, id: string, input: Record<string, unknown>) {
  const before = (await repo.findById(db, table, id)) as Row | undefined;
  if (!before) throw notFound(table.slice(0, -1));
  const departmentId = (input.departmentId as string | undefined) ?? (before.department_id as string | undefined);
  await checkDepartment(db, input.departmentId as string | undefined);
  await checkName(db, table, input.name as string | undefined, departmentId, id);
  const patch = toColumns(input);
  if (Object.keys(patch).length > 0) await repo.update(db, table, id, patch);
  await record(db, actor, `${table}.update`, table, id, before, { ...before, ...patch });
}

export async function listEntities(db: Conn, table: repo.OrgTable) {
  switch (table) {
    case 'departments':
      return (await repo.listDepartments(db)).map(present.departments);
    case 'groups':
      return (await repo.listGroups(db)).map(present.groups);
    case 'shops':
      return (await repo.listShops(db)).map(present.shops);
    case 'channels':
      return (await repo.listChannels(db)).map(present.channels);
  }
}
