import {
  assignableRoles,
  canReadPerson,
  canWritePerson,
  readScope,
  type Actor,
  type Placement,
} from '../../../domain/access.ts';
import { isNewHire, statusChangeEvent, type EmploymentEventKind, type Role, type Status } from '../../../domain/org.ts';
import { maskEmail, maskPhone } from '../../../domain/mask.ts';
import type { Conn } from '../../db/types.ts';
import type { PersonRow } from '../../db/schema.ts';
import { newId } from '../../lib/ids.ts';
import { nowIso, todayIn } from '../../lib/dates.ts';
import { hashPassword } from '../../lib/password.ts';
import { badRequest, conflict, forbidden, notFound, type ErrorDetail } from '../../lib/errors.ts';
import { record, type AuditActor } from '../audit/audit.service.ts';
import { getSettings } from '../settings/settings.service.ts';
import * as repo from './people.repository.ts';
import type { EmploymentEvent, Person, PersonCreate, PersonDetail, PersonUpdate } from './people.schema.ts';

/** Everything that defines a person's place and standing; what create, update and import write. */
export interface PersonState {
  login: string;
  name: string;
  email: string | null;
  phone: string | null;
  role: Role;
  level: 'junior' | 'senior' | 'star';
  star: number | null;
  departmentId: string | null;
  groupId: string | null;
  leadId: string | null;
  mentorId: string | null;
  shopIds: string[];
  hireDate: string;
  status: Status;
  statusSince: string;
}

export type ChangeOutcome = 'created' | 'updated' | 'unchanged';

const placementOf = (p: { id?: string; department_id?: string | null; group_id?: string | null }): Placement => ({
  personId: p.id ?? null,
  groupId: p.group_id ?? null,
  departmentId: p.department_id ?? null,
});

/** A person row and their shops as the state create, update and import write. */
export function stateOf(row: PersonRow, shopIds: string[]): PersonState {
  return {
    login: row.login,
    name: row.name,
    email: row.email,
    phone: row.phone,
    role: row.role as Role,
    level: row.level as PersonState['level'],
    star: row.star,
    departmentId: row.department_id,
    groupId: row.group_id,
    leadId: row.lead_id,
    mentorId: row.mentor_id,
    shopIds: [...shopIds].sort(),
    hireDate: row.hire_date,
    status: row.status as Status,
    statusSince: row.status_since,
  };
}

/** Contact details of colleagues are masked for people who do not manage them. */
function present(row: PersonRow, shopIds: string[], viewer: Actor, today: string, newHireDays: number): Person {
  const seeContact = viewer.id === row.id || canWritePerson(viewer, placementOf(row));
  return {
    id: row.id,
    login: row.login,
    name: row.name,
    email: row.email && !seeContact ? maskEmail(row.email) : row.email,
    phone: row.phone && !seeContact ? maskPhone(row.phone) : row.phone,
    role: row.role as Person['role'],
    level: row.level as Person['level'],
    star: row.star,
    departmentId: row.department_id,
    groupId: row.group_id,
    leadId: row.lead_id,
    mentorId: row.mentor_id,
    shopIds,
    hireDate: row.hire_date,
    newHire: row.status !== 'left' && isNewHire(row.hire_date, today, newHireDays),
    status: row.status as Person['status'],
    statusSince: row.status_since,
  };
}

async function context(db: Conn) {
  const settings = await getSettings(db);
  return { today: todayIn(settings.timezone), newHireDays: settings.newHireDays };
}

/** The people the actor may see, filtered. */
export async function listPeople(db: Conn, actor: Actor, filter: repo.PersonFilter): Promise<Person[]> {
  const rows = await repo.list(db, readScope(actor), filter);
  const shops = await repo.shopIdsOf(db, rows.length <= 500 ? rows.map((r) => r.id) : undefined);
  const { today, newHireDays } = await context(db);
  return rows.map((r) => present(r, shops.get(r.id) ?? [], actor, today, newHireDays));
}

/** One person with their employment history; 403 outside the actor's scope. */
export async function getPerson(db: Conn, actor: Actor, id: string): Promise<PersonDetail> {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('person');
  if (!canReadPerson(actor, placementOf(row))) throw forbidden('this person is outside your scope');
  const shops = await repo.shopIdsOf(db, [id]);
  const { today, newHireDays } = await context(db);
  const history: EmploymentEvent[] = (await repo.eventsOf(db, id)).map((e) => ({
    id: e.id,
    personId: e.person_id,
    kind: e.kind as EmploymentEventKind,
    onDate: e.on_date,
    detail: e.detail ? (JSON.parse(e.detail) as Record<string, unknown>) : null,
    actorId: e.actor_id,
    createdAt: e.created_at,
  }));
  const names = await repo.namesOf(db, [row.lead_id, row.mentor_id].filter((x): x is string => !!x));
  return {
    ...present(row, shops.get(id) ?? [], actor, today, newHireDays),
    leadName: row.lead_id ? (names.get(row.lead_id) ?? null) : null,
    mentorName: row.mentor_id ? (names.get(row.mentor_id) ?? null) : null,
    history,
  };
}

/**
 * Checks the references of a person state against the organisation and the roster:
 * the group belongs to the department (the department is taken from the group when absent),
 * lead and mentor exist and are not the person, shops exist, a star level has 1–5 stars.
 * Returns the problems by field; never throws.
 */
export async function checkState(db: Conn, s: PersonState, selfId: string | null, known?: Set<string>): Promise<ErrorDetail[]> {
  const problems: ErrorDetail[] = [];
  const org = await repo.orgIndex(db);
  if (s.groupId) {
    const g = org.groups.find((x) => x.id === s.groupId);
    if (!g) problems.push({ field: 'group', message: 'unknown group' });
    else if (s.departmentId && s.departmentId !== g.department_id) {
      problems.push({ field: 'group', message: 'the group belongs to another department' });
    } else s.departmentId = g.department_id;
  }
  if (s.departmentId && !org.departments.some((d) => d.id === s.departmentId)) {
    problems.push({ field: 'department', message: 'unknown department' });
  }
  for (const shopId of s.shopIds) {
    if (!org.shops.some((x) => x.id === shopId)) problems.push({ field: 'shops', message: `unknown shop ${shopId}` });
  }
  for (const field of ['leadId', 'mentorId'] as const) {
    const ref = s[field];
    if (!ref) continue;
    if (ref === selfId) problems.push({ field: field === 'leadId' ? 'lead' : 'mentor', message: 'cannot be the person themself' });
    else if (!known?.has(ref) && !(await repo.findById(db, ref))) {
      problems.push({ field: field === 'leadId' ? 'lead' : 'mentor', message: 'unknown person' });
    }
  }
  if (s.level === 'star' && (s.star === null || s.star < 1 || s.star > 5)) {
    problems.push({ field: 'star', message: 'a star level needs 1 to 5 stars' });
  }
  if (s.level !== 'star') s.star = null;
  if (s.statusSince < s.hireDate) problems.push({ field: 'status_date', message: 'before the hire date' });
  return problems;
}

/** Whether the actor may place a person with this role where this state puts them. */
export function authorise(actor: AuditActor | Actor, before: PersonRow | undefined, s: PersonState): string | null {
  if (!('role' in actor)) return null; // the system (demo seed, CLI) is trusted
  const a = actor;
  if (before && !canWritePerson(a, placementOf(before))) return 'this person is outside your scope';
  if (!canWritePerson(a, { personId: before?.id ?? null, groupId: s.groupId, departmentId: s.departmentId })) {
    return 'you may not place people outside your department';
  }
  if ((!before || before.role !== s.role) && !assignableRoles(a).includes(s.role)) return `you may not assign the role ${s.role}`;
  if (before && before.role !== s.role && !assignableRoles(a).includes(before.role as Role)) {
    return `you may not change the role of a ${before.role}`;
  }
  return null;
}

/**
 * Writes a person's new state and appends what changed to their employment history —
 * joining, leaving, leave, moves between groups, level and role changes are never overwritten.
 * `effectiveDate` dates the history entries of an update (a status change carries its own date).
 */
export async function applyState(
  db: Conn,
  actor: AuditActor,
  before: PersonRow | undefined,
  s: PersonState,
  opts: { effectiveDate: string; note?: string; passwordHash?: string | null; id?: string },
): Promise<{ id: string; outcome: ChangeOutcome }> {
  const now = nowIso();
  const columns = {
    login: s.login,
    name: s.name,
    email: s.email,
    phone: s.phone,
    role: s.role,
    level: s.level,
    star: s.star,
    department_id: s.departmentId,
    group_id: s.groupId,
    lead_id: s.leadId,
    mentor_id: s.mentorId,
    hire_date: s.hireDate,
    status: s.status,
    status_since: s.statusSince,
  };
  const event = async (personId: string, kind: EmploymentEventKind, onDate: string, detail: Record<string, unknown> | null) =>
    repo.insertEvent(db, {
      id: newId(),
      person_id: personId,
      kind,
      on_date: onDate,
      detail: detail ? JSON.stringify(opts.note ? { ...detail, note: opts.note } : detail) : opts.note ? JSON.stringify({ note: opts.note }) : null,
      actor_id: actor.id,
      created_at: now,
    });

  if (!before) {
    const id = opts.id ?? newId();
    await repo.insert(db, { id, ...columns, password_hash: opts.passwordHash ?? null, locale: 'zh-CN', created_at: now, updated_at: now });
    await repo.replaceShops(db, id, s.shopIds);
    await event(id, 'joined', s.hireDate, { groupId: s.groupId, role: s.role, level: s.level });
    const kind = statusChangeEvent('active', s.status);
    if (kind) await event(id, kind, s.statusSince, null);
    await record(db, actor, 'people.create', 'person', id, null, { ...columns, shopIds: s.shopIds });
    return { id, outcome: 'created' };
  }

  const prev = stateOf(before, (await repo.shopIdsOf(db, [before.id])).get(before.id) ?? []);
  const next = { ...s, shopIds: [...s.shopIds].sort() };
  if (JSON.stringify(prev) === JSON.stringify(next)) return { id: before.id, outcome: 'unchanged' };

  await repo.update(db, before.id, { ...columns, updated_at: now });
  if (prev.shopIds.join() !== next.shopIds.join()) await repo.replaceShops(db, before.id, next.shopIds);
  const on = opts.effectiveDate;
  if (prev.groupId !== next.groupId || prev.departmentId !== next.departmentId) {
    await event(before.id, 'moved', on, { fromGroupId: prev.groupId, toGroupId: next.groupId, fromDepartmentId: prev.departmentId, toDepartmentId: next.departmentId });
  }
  if (prev.level !== next.level || prev.star !== next.star) {
    await event(before.id, 'level_changed', on, { from: prev.level, fromStar: prev.star, to: next.level, toStar: next.star });
  }
  if (prev.role !== next.role) await event(before.id, 'role_changed', on, { from: prev.role, to: next.role });
  const statusKind = statusChangeEvent(prev.status, next.status);
  if (statusKind) await event(before.id, statusKind, next.statusSince, { from: prev.status, to: next.status });
  await record(db, actor, 'people.update', 'person', before.id, prev, next);
  return { id: before.id, outcome: 'updated' };
}

function fail(problems: ErrorDetail[]): never {
  throw badRequest(problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
}

/** Adds a person (with an initial password) to the roster. */
export async function createPerson(db: Conn, actor: Actor, input: PersonCreate): Promise<string> {
  if ((await repo.findByLogins(db, [input.login])).length) {
    throw conflict(`login "${input.login}" is taken`, [{ field: 'login', message: 'already taken' }]);
  }
  const s: PersonState = {
    login: input.login,
    name: input.name,
    email: input.email ?? null,
    phone: input.phone ?? null,
    role: input.role,
    level: input.level,
    star: input.star ?? null,
    departmentId: input.departmentId ?? null,
    groupId: input.groupId ?? null,
    leadId: input.leadId ?? null,
    mentorId: input.mentorId ?? null,
    shopIds: input.shopIds ?? [],
    hireDate: input.hireDate,
    status: 'active',
    statusSince: input.hireDate,
  };
  const problems = await checkState(db, s, null);
  if (problems.length) fail(problems);
  const denied = authorise(actor, undefined, s);
  if (denied) throw forbidden(denied);
  const { id } = await applyState(db, actor, undefined, s, { effectiveDate: input.hireDate, passwordHash: await hashPassword(input.password) });
  return id;
}

async function loadForWrite(db: Conn, actor: Actor, id: string) {
  const row = await repo.findById(db, id);
  if (!row) throw notFound('person');
  if (!canReadPerson(actor, placementOf(row)) || !canWritePerson(actor, placementOf(row))) {
    throw forbidden('this person is outside your scope');
  }
  const shops = (await repo.shopIdsOf(db, [id])).get(id) ?? [];
  return { row, state: stateOf(row, shops) };
}

/** Changes a person's profile and placement; what changed goes into their history. */
export async function updatePerson(db: Conn, actor: Actor, id: string, patch: PersonUpdate): Promise<void> {
  const { row, state } = await loadForWrite(db, actor, id);
  const s: PersonState = { ...state };
  for (const [k, v] of Object.entries(patch)) if (v !== undefined) (s as unknown as Record<string, unknown>)[k] = v;
  // a new group brings its department along (checkState takes it from the group)
  if (patch.groupId && patch.departmentId === undefined) s.departmentId = null;
  for (const field of ['email', 'phone'] as const) {
    if (patch[field] && /\*{3}/.test(patch[field])) {
      throw badRequest(`${field}: looks masked — send the real value or leave it out`, [{ field, message: 'masked value' }]);
    }
  }
  const problems = await checkState(db, s, id);
  if (problems.length) fail(problems);
  const denied = authorise(actor, row, s);
  if (denied) throw forbidden(denied);
  const { today } = await context(db);
  await applyState(db, actor, row, s, { effectiveDate: today });
}

/** Marks a person active, on leave or left from a date; appended to the history. */
export async function changeStatus(db: Conn, actor: Actor, id: string, status: Status, date: string, note?: string) {
  const { row, state } = await loadForWrite(db, actor, id);
  if (state.status === status) throw badRequest(`already ${status}`, [{ field: 'status', message: 'unchanged' }]);
  if (date < state.hireDate) throw badRequest('the date is before the hire date', [{ field: 'date', message: 'before the hire date' }]);
  await applyState(db, actor, row, { ...state, status, statusSince: date }, { effectiveDate: date, note });
}

/** Sets a temporary password for someone (HR, managers, admins, supervisors in scope). */
export async function resetPassword(db: Conn, actor: Actor, id: string, password: string) {
  const { row } = await loadForWrite(db, actor, id);
  if (!assignableRoles(actor).includes(row.role as Role) && actor.id !== id) {
    throw forbidden(`you may not reset the password of a ${row.role}`);
  }
  await repo.update(db, id, { password_hash: await hashPassword(password), updated_at: nowIso() });
  await db.deleteFrom('sessions').where('person_id', '=', id).execute();
  await record(db, actor, 'people.password_reset', 'person', id, null, { password: '[reset]' });
}
