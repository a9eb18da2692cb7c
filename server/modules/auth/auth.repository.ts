import type { Conn } from '../../db/types.ts';

export function findPersonByLogin(db: Conn, login: string) {
  return db.selectFrom('people').selectAll().where('login', '=', login).executeTakeFirst();
}

export function findPersonById(db: Conn, id: string) {
  return db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertSession(db: Conn, row: { id: string; person_id: string; created_at: string; expires_at: string }) {
  await db.insertInto('sessions').values(row).execute();
}

/** The live session's person, or undefined for unknown or expired sessions. */
export function findSessionPerson(db: Conn, sessionId: string, now: string) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('people as p', 'p.id', 's.person_id')
    .selectAll('p')
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .executeTakeFirst();
}

export async function deleteSession(db: Conn, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/** Signs a person out everywhere except, optionally, one session. */
export async function deleteSessionsOf(db: Conn, personId: string, keep?: string) {
  let q = db.deleteFrom('sessions').where('person_id', '=', personId);
  if (keep) q = q.where('id', '<>', keep);
  await q.execute();
}

export async function deleteExpiredSessions(db: Conn, now: string) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function setPasswordHash(db: Conn, personId: string, hash: string, at: string) {
  await db.updateTable('people').set({ password_hash: hash, updated_at: at }).where('id', '=', personId).execute();
}

export async function setLocale(db: Conn, personId: string, locale: string) {
  await db.updateTable('people').set({ locale }).where('id', '=', personId).execute();
}
