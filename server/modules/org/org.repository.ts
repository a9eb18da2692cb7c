import type { Conn } from '../../db/types.ts';

/** The four simple organisation tables share one shape of access. */
export type OrgTable = 'departments' | 'groups' | 'shops' | 'channels';

export async function listDepartments(db: Conn) {
  const rows = await db.selectFrom('departments').selectAll().orderBy('name').execute();
  const counts = await db
    .selectFrom('people')
    .select(['department_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '<>', 'left')
    .groupBy('department_id')
    .execute();
  const byId = new Map(counts.map((c) => [c.department_id, Number(c.n)]));
  return rows.map((r) => ({ ...r, headcount: byId.get(r.id) ?? 0 }));
}

export async function listGroups(db: Conn) {
  const rows = await db.selectFrom('groups').selectAll().orderBy('department_id').orderBy('name').execute();
  const members = await db
    .selectFrom('people')
    .select(['id', 'group_id', 'role'])
    .where('status', '<>', 'left')
    .where('group_id', 'is not', null)
    .execute();
  return rows.map((g) => {
    const inGroup = members.filter((m) => m.group_id === g.id);
    return { ...g, headcount: inGroup.length, leadIds: inGroup.filter((m) => m.role === 'lead').map((m) => m.id) };
  });
}

export function listShops(db: Conn) {
  return db.selectFrom('shops').selectAll().orderBy('name').execute();
}

export function listChannels(db: Conn) {
  return db.selectFrom('channels').selectAll().orderBy('name').execute();
}

export function findById(db: Conn, table: OrgTable, id: string) {
  return db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst();
}

/** A row with the same name (within the same department for groups), other than `exceptId`. */
export function findByName(db: Conn, table: OrgTable, name: string, departmentId?: string, exceptId?: string) {
  let q = db.selectFrom(table).select('id').where('name', '=', name);
  if (table === 'groups' && departmentId) q = q.where('department_id' as never, '=', departmentId as never);
  if (exceptId) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

export async function insert(db: Conn, table: OrgTable, row: Record<string, unknown>) {
  await db.insertInto(table).values(row as never).execute();
}

export async function update(db: Conn, table: OrgTable, id: string, patch: Record<string, unknown>) {
  await db.updateTable(table).set(patch as never).where('id', '=', id).execute();
}
