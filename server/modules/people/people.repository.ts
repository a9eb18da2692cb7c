import type { Insertable } from 'kysely';
import type { Scope } from '../../../domain/access.ts';
import type { Conn } from '../../db/types.ts';
import type { EmploymentEventTable, NewPerson, PersonUpdate } from '../../db/schema.ts';

export interface PersonFilter {
  departmentId?: string;
  groupId?: string;
  role?: string;
  status?: string;
  q?: string;
}

/** People inside a read scope, filtered, ordered by login. */
export function list(db: Conn, scope: Scope, f: PersonFilter) {
  let q = db.selectFrom('people').selectAll();
  switch (scope.kind) {
    case 'all':
      break;
    case 'department':
      q = q.where('department_id', '=', scope.departmentId ?? '\u0000');
      break;
    case 'groups': {
      const { groupIds, personId } = scope;
      q = q.where((eb) => (groupIds.length ? eb.or([eb('group_id', 'in', groupIds), eb('id', '=', personId)]) : eb('id', '=', personId)));
      break;
    }
    case 'self':
      q = q.where('id', '=', scope.personId);
      break;
  }
  if (f.departmentId) q = q.where('department_id', '=', f.departmentId);
  if (f.groupId) q = q.where('group_id', '=', f.groupId);
  if (f.role) q = q.where('role', '=', f.role);
  if (f.status) q = q.where('status', '=', f.status);
  if (f.q) {
    const like = `%${f.q.toLowerCase()}%`;
    q = q.where((eb) => eb.or([eb(eb.fn('lower', ['login']), 'like', like), eb('name', 'like', `%${f.q}%`)]));
  }
  return q.orderBy('login').execute();
}

export function findById(db: Conn, id: string) {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByLogins(db: Conn, logins: string[]) {
  if (logins.length === 0) return Promise.resolve([]);
  return db.selectFrom('people').selectAll().where('login', 'in', logins).execute();
}

export async function insert(db: Conn, row: NewPerson) {
  await db.insertInto('people').values(row).execute();
}

export async function update(db: Conn, id: string, patch: PersonUpdate) {
  await db.updateTable('people').set(patch).where('id', '=', id).execute();
}

/** Shop ids per person for the given people (all people when `ids` is omitted). */
export async function shopIdsOf(db: Conn, ids?: string[]): Promise<Map<string, string[]>> {
  let q = db.selectFrom('person_shops').select(['person_id', 'shop_id']).orderBy('shop_id');
  if (ids) {
    if (ids.length === 0) return new Map();
    if (ids.length <= 500) q = q.where('person_id', 'in', ids);
  }
  const rows = await q.execute();
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.person_id);
    if (list) list.push(r.shop_id);
    else out.set(r.person_id, [r.shop_id]);
  }
  return out;
}

export async function replaceShops(db: Conn, personId: string, shopIds: string[]) {
  await db.deleteFrom('person_shops').where('person_id', '=', personId).execute();
  if (shopIds.length) {
    await db
      .insertInto('person_shops')
      .values(shopIds.map((shop_id) => ({ person_id: personId, shop_id })))
      .execute();
  }
}

export async function insertEvent(db: Conn, row: Insertable<EmploymentEventTable>) {
  await db.insertInto('employment_events').values(row).execute();
}

export function eventsOf(db: Conn, personId: string) {
  return db
    .selectFrom('employment_events')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('on_date')
    .orderBy('id')
    .execute();
}

/** Lookup tables for validating references by id or by name. */
export async function orgIndex(db: Conn) {
  const [departments, groups, shops] = await Promise.all([
    db.selectFrom('departments').select(['id', 'name']).execute(),
    db.selectFrom('groups').select(['id', 'name', 'department_id']).execute(),
    db.selectFrom('shops').select(['id', 'name']).execute(),
  ]);
  return { departments, groups, shops };
}

/** Display names by person id (for lead and mentor names an agent may see). */
export async function namesOf(db: Conn, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
