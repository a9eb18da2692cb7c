/** The weekly QA report's tables and reads (Kysely, one query per method). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { QaComplaintClassTable, QaImprovementActionTable } from '../../db/schema.ts';
import type { Conn } from '../../db/types.ts';

export type ActionRow = Selectable<QaImprovementActionTable> & { owner_name: string };

// ---- the week's reviews ----

/** Assignments of conversations dated in [from, to], with the agent's placement. */
export const assignmentsOfDays = (db: Conn, from: string, to: string) =>
  db
    .selectFrom('qa_assignments as a')
    .innerJoin('people as p', 'p.id', 'a.agent_id')
    .innerJoin('people as r', 'r.id', 'a.reviewer_id')
    .select(['a.agent_id', 'a.reviewer_id', 'a.status', 'p.group_id', 'p.department_id', 'r.name as reviewer_name'])
    .where('a.day', '>=', from)
    .where('a.day', '<=', to)
    .orderBy('a.id')
    .execute();

/**
 * Reviews of conversations dated in [from, to] with the agent's name and placement, the score
 * that counts, and a revised dispute's ratings (the ratings that count then).
 */
export const reviewsOfDays = (db: Conn, from: string, to: string) =>
  db
    .selectFrom('qa_reviews as r')
    .innerJoin('people as p', 'p.id', 'r.agent_id')
    .leftJoin('qa_disputes as d', 'd.review_id', 'r.id')
    .select([
      'r.id',
      'r.agent_id',
      'p.name as agent_name',
      'p.group_id',
      'p.department_id',
      'r.scorecard_id',
      'r.scorecard_version',
      'r.ratings',
      'r.final_score_hundredths',
      'd.outcome as dispute_outcome',
      'd.ratings as dispute_ratings',
    ])
    .where('r.day', '>=', from)
    .where('r.day', '<=', to)
    .orderBy('r.id')
    .execute();

/** Every group with its department and names. */
export const allGroups = (db: Conn) =>
  db.selectFrom('groups').select(['id', 'name', 'name_en', 'department_id']).orderBy('name').execute();

// ---- complaints ----

/**
 * Complaint conversations dated in [from, to]: credited agent's placement, issue key, the
 * customer's message count, and the cached category if any.
 */
export const complaintsOfDays = (db: Conn, from: string, to: string) =>
  db
    .selectFrom('fact_conversations as f')
    .leftJoin('people as p', 'p.id', 'f.agent_id')
    .leftJoin('conversation_attrs as c', 'c.conversation_id', 'f.conversation_id')
    .leftJoin('qa_complaint_classes as q', 'q.conversation_id', 'f.conversation_id')
    .select((eb) => [
      'f.conversation_id',
      'f.day',
      'f.agent_id',
      'p.group_id',
      'p.department_id',
      'c.issue_key',
      'q.category as cached_category',
      'q.source as cached_source',
      'q.fingerprint',
      eb
        .selectFrom('messages as m')
        .select((m) => m.fn.countAll<number>().as('n'))
        .whereRef('m.conversation_id', '=', 'f.conversation_id')
        .where('m.sender', '=', 'customer')
        .where('m.event', '=', '')
        .as('customer_messages'),
    ])
    .where('f.category', '=', 'complaint')
    .where('f.day', '>=', from)
    .where('f.day', '<=', to)
    .orderBy('f.conversation_id')
    .execute();

/** The customer's messages (not events) of these conversations, in the order sent. */
export const customerTexts = async (db: Conn, conversationIds: readonly string[]) =>
  conversationIds.length === 0
    ? []
    : db
        .selectFrom('messages')
        .select(['conversation_id', 'text'])
        .where('conversation_id', 'in', [...conversationIds])
        .where('sender', '=', 'customer')
        .where('event', '=', '')
        .orderBy('conversation_id')
        .orderBy('sent_at')
        .orderBy('message_id')
        .execute();

/** Saves classifications, replacing stale ones. */
export const upsertComplaintClasses = (db: Conn, rows: Insertable<QaComplaintClassTable>[]) =>
  db
    .insertInto('qa_complaint_classes')
    .values(rows)
    .onConflict((oc) =>
      oc.column('conversation_id').doUpdateSet((eb) => ({
        day: eb.ref('excluded.day'),
        category: eb.ref('excluded.category'),
        source: eb.ref('excluded.source'),
        terms: eb.ref('excluded.terms'),
        fingerprint: eb.ref('excluded.fingerprint'),
        classified_at: eb.ref('excluded.classified_at'),
      })),
    )
    .execute();

// ---- improvement actions ----

const actionColumns = (db: Conn) =>
  db
    .selectFrom('qa_improvement_actions as a')
    .innerJoin('people as o', 'o.id', 'a.owner_id')
    .selectAll('a')
    .select('o.name as owner_name');

/** Actions flagged in `week` or before (all when null), oldest week first. */
export function listActions(db: Conn, upToWeek: string | null): Promise<ActionRow[]> {
  let q = actionColumns(db);
  if (upToWeek) q = q.where('a.week', '<=', upToWeek);
  return q.orderBy('a.week').orderBy('a.id').execute();
}

/** One action with its owner's name, or undefined. */
export const findAction = (db: Conn, id: string): Promise<ActionRow | undefined> =>
  actionColumns(db).where('a.id', '=', id).executeTakeFirst();

/** A new action. */
export const insertAction = (db: Conn, row: Insertable<QaImprovementActionTable>) =>
  db.insertInto('qa_improvement_actions').values(row).execute();

/** Changes an action. */
export const updateAction = (db: Conn, id: string, patch: Updateable<QaImprovementActionTable>) =>
  db.updateTable('qa_improvement_actions').set(patch).where('id', '=', id).execute();

/** Closes an open action unless someone closed it first (returns the rows changed). */
export async function closeAction(db: Conn, id: string, patch: Updateable<QaImprovementActionTable>): Promise<number> {
  const r = await db
    .updateTable('qa_improvement_actions')
    .set(patch)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

// ---- automatic inspection (migration 0009) ----

/** The automatic-inspection results table this report reads; the only place that names it. */
const INSPECTION_TABLE = 'qa_inspections';

/**
 * Automatic-inspection counts of conversations dated in [from, to] per credited agent (with the
 * agent's placement): conversations inspected, banned-word hits by category, repeated
 * questions, unanswered customers, upset endings. Null when the inspection table does not
 * exist (a database without automatic inspection): the report shows an empty section then.
 */
export async function inspectionCountsOfDays(db: Conn, from: string, to: string) {
  const tables = await db.introspection.getTables();
  if (!tables.some((t) => t.name === INSPECTION_TABLE)) return null;
  return db
    .selectFrom(`${INSPECTION_TABLE} as i`)
    .leftJoin('people as p', 'p.id', 'i.agent_id')
    .select((eb) => [
      'i.agent_id',
      'p.group_id',
      'p.department_id',
      eb.fn.countAll<number>().as('conversations'),
      eb.fn.sum<number>('i.banned_rude').as('banned_rude'),
      eb.fn.sum<number>('i.banned_promise').as('banned_promise'),
      eb.fn.sum<number>('i.banned_privacy').as('banned_privacy'),
      eb.fn.sum<number>('i.banned_off_platform').as('banned_off_platform'),
      eb.fn.sum<number>('i.repeated_questions').as('repeated_questions'),
      eb.fn.sum<number>('i.unanswered').as('unanswered'),
      eb.fn.sum<number>('i.ended_upset').as('ended_upset'),
    ])
    .where('i.day', '>=', from)
    .where('i.day', '<=', to)
    .groupBy(['i.agent_id', 'p.group_id', 'p.department_id'])
    .execute();
}
