/** Quality-inspection tables: calibration sessions and their blind scores (Kysely, one query per method). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { QaCalibrationScoreTable, QaCalibrationSessionTable } from '../../db/schema.ts';
import type { Conn } from '../../db/types.ts';

export type SessionRow = Selectable<QaCalibrationSessionTable>;
export type CalibrationScoreRow = Selectable<QaCalibrationScoreTable>;

/** A new session. */
export const insertSession = (db: Conn, row: Insertable<QaCalibrationSessionTable>) =>
  db.insertInto('qa_calibration_sessions').values(row).execute();

/** One session, or undefined. */
export const findSession = (db: Conn, id: string) =>
  db.selectFrom('qa_calibration_sessions').selectAll().where('id', '=', id).executeTakeFirst();

/** Every session, newest first. */
export const listSessions = (db: Conn) =>
  db.selectFrom('qa_calibration_sessions').selectAll().orderBy('created_at', 'desc').orderBy('id').execute();

/** Changes a session (benchmark, status). */
export const updateSession = (db: Conn, id: string, patch: Updateable<QaCalibrationSessionTable>) =>
  db.updateTable('qa_calibration_sessions').set(patch).where('id', '=', id).execute();

/** A session's blind scores by conversation and reviewer. */
export const scoresOf = (db: Conn, sessionId: string) =>
  db
    .selectFrom('qa_calibration_scores')
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('conversation_id')
    .orderBy('reviewer_id')
    .execute();

/** One reviewer's score of one conversation in a session, or undefined. */
export const findScore = (db: Conn, sessionId: string, conversationId: string, reviewerId: string) =>
  db
    .selectFrom('qa_calibration_scores')
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('conversation_id', '=', conversationId)
    .where('reviewer_id', '=', reviewerId)
    .executeTakeFirst();

/** A reviewer's first score of a conversation in a session. */
export const insertScore = (db: Conn, row: Insertable<QaCalibrationScoreTable>) =>
  db.insertInto('qa_calibration_scores').values(row).execute();

/** Replaces a reviewer's score of a conversation while the session is open. */
export const updateScore = (
  db: Conn,
  key: { session_id: string; conversation_id: string; reviewer_id: string },
  patch: Updateable<QaCalibrationScoreTable>,
) =>
  db
    .updateTable('qa_calibration_scores')
    .set(patch)
    .where('session_id', '=', key.session_id)
    .where('conversation_id', '=', key.conversation_id)
    .where('reviewer_id', '=', key.reviewer_id)
    .execute();

/** Every session's participants and conversations (few rows: sessions are meetings), for read checks. */
export const sessionMembers = (db: Conn) =>
  db.selectFrom('qa_calibration_sessions').select(['id', 'owner_id', 'reviewer_ids', 'conversation_ids']).execute();
