import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../../../domain/access.ts';
import type { Role } from '../../../domain/org.ts';
import type { Conn } from '../../db/types.ts';
import type { PersonRow } from '../../db/schema.ts';
import { hashPassword, verifyPassword } from '../../lib/password.ts';
import { badRequest, HttpError } from '../../lib/errors.ts';
import { nowIso } from '../../lib/dates.ts';
import { record } from '../audit/audit.service.ts';
import * as repo from './auth.repository.ts';
import type { Me, Permission } from './auth.schema.ts';

/** Sessions last 7 days from sign-in. */
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

const ROLE_PERMISSIONS: Record<Role, Permission[]> = {
  agent: ['kpi.read', 'appraisal.read'],
  lead: ['org.read', 'people.read', 'kpi.read', 'appraisal.read', 'appraisal.review', 'qa.review'],
  supervisor: ['org.read', 'people.read', 'people.write', 'people.import', 'kpi.read', 'import.write', 'appraisal.read', 'appraisal.review', 'appraisal.calibrate', 'qa.review', 'qa.manage'],
  hr: ['org.read', 'people.read', 'people.write', 'people.import', 'kpi.read', 'appraisal.read', 'appraisal.manage', 'pay.read'],
  manager: ['org.read', 'org.manage', 'people.read', 'people.write', 'people.import', 'settings.manage', 'kpi.read', 'kpi.settings', 'import.write', 'appraisal.read', 'appraisal.manage', 'appraisal.review', 'appraisal.calibrate', 'pay.read', 'qa.review', 'qa.manage'],
  admin: ['org.read', 'org.manage', 'people.read', 'people.write', 'people.import', 'audit.read', 'settings.manage', 'kpi.read', 'kpi.settings', 'import.write', 'appraisal.read', 'appraisal.manage', 'appraisal.review', 'appraisal.calibrate', 'pay.read', 'qa.review', 'qa.manage'],
};

/** The console's permission flags for a role. */
export function permissionsOf(role: Role): Permission[] {
  return ROLE_PERMISSIONS[role];
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The policy's view of a person. A lead leads the group they are placed in. */
export function toActor(p: PersonRow): Actor {
  const role = p.role as Role;
  return {
    id: p.id,
    role,
    departmentId: p.department_id,
    groupId: p.group_id,
    ledGroupIds: role === 'lead' && p.group_id ? [p.group_id] : [],
  };
}

export function toMe(p: PersonRow): Me {
  return {
    id: p.id,
    login: p.login,
    name: p.name,
    role: p.role as Me['role'],
    level: p.level as Me['level'],
    star: p.star,
    departmentId: p.department_id,
    groupId: p.group_id,
    locale: p.locale === 'en-US' ? 'en-US' : 'zh-CN',
    permissions: permissionsOf(p.role as Role),
  };
}

/**
 * Checks a login and password and opens a session. The same error for an unknown login, a
 * wrong password and a person who has left, so logins cannot be probed.
 */
export async function login(db: Conn, loginName: string, password: string): Promise<{ token: string; person: PersonRow }> {
  const person = await repo.findPersonByLogin(db, loginName);
  const ok = await verifyPassword(password, person?.password_hash ?? null);
  if (!person || !ok || person.status === 'left') throw new HttpError(401, 'bad_credentials', 'wrong login or password');
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await repo.deleteExpiredSessions(db, new Date(now).toISOString());
  await repo.insertSession(db, {
    id: sha256(token),
    person_id: person.id,
    created_at: new Date(now).toISOString(),
    expires_at: new Date(now + SESSION_TTL_MS).toISOString(),
  });
  return { token, person };
}

/** The person behind a session cookie, or null. People who have left lose access at once. */
export async function resolveSession(db: Conn, token: string | undefined): Promise<PersonRow | null> {
  if (!token) return null;
  const person = await repo.findSessionPerson(db, sha256(token), nowIso());
  if (!person || person.status === 'left') return null;
  return person;
}

export async function logout(db: Conn, token: string | undefined): Promise<void> {
  if (token) await repo.deleteSession(db, sha256(token));
}

/** Changes one's own password after checking the current one; other sessions are signed out. */
export async function changePassword(db: Conn, person: PersonRow, token: string, current: string, next: string) {
  if (!(await verifyPassword(current, person.password_hash))) {
    throw badRequest('current password is wrong', [{ field: 'currentPassword', message: 'wrong password' }]);
  }
  if (current === next) {
    throw badRequest('the new password must differ', [{ field: 'newPassword', message: 'same as the current one' }]);
  }
  await repo.setPasswordHash(db, person.id, await hashPassword(next), nowIso());
  await repo.deleteSessionsOf(db, person.id, sha256(token));
  await record(db, { id: person.id }, 'auth.password_change', 'person', person.id, null, { password: '[changed]' });
}

export async function setLocale(db: Conn, personId: string, locale: string) {
  await repo.setLocale(db, personId, locale);
}
