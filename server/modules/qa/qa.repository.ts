/** Quality-inspection tables: scorecards, sampling rules, samples and assignments (Kysely, one query per method). */
import type { Insertable, Selectable } from 'kysely';
import type { QaAssignmentTable, QaSampleTable, QaSamplingRulesTable, QaScorecardTable } from '../../db/schema.ts';
import type { Conn } from '../../db/types.ts';

export type ScorecardRow = Selectable<QaScorecardTable>;
export type SampleRow = Selectable<QaSampleTable>;
export type AssignmentRow = Selectable<QaAssignmentTable>;

// ---- people ----

/** A person as the QA policy needs them. */
export const findPerson = (db: Conn, id: string) =>
  db
    .selectFrom('people')
    .select(['id', 'name', 'role', 'status', 'hire_date', 'group_id', 'department_id'])
    .where('id', '=', id)
    .executeTakeFirst();

/** People by id, as the QA policy needs them. */
export const findPeople = async (db: Conn, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : db
        .selectFrom('people')
        .select(['id', 'name', 'role', 'status', 'hire_date', 'group_id', 'department_id'])
        .where('id', 'in', [...ids])
        .execute();

// ---- scorecards ----

/** Every version of every scorecard. */
export const listScorecards = (db: Conn) =>
  db.selectFrom('qa_scorecards').selectAll().orderBy('id').orderBy('version').execute();

/** One scorecard version, or undefined. */
export const findScorecard = (db: Conn, id: string, version: number) =>
  db.selectFrom('qa_scorecards').selectAll().where('id', '=', id).where('version', '=', version).executeTakeFirst();

/** The newest version number of a scorecard family (0 when it doesn't exist). */
export async function latestScorecardVersion(db: Conn, id: string): Promise<number> {
  const r = await db
    .selectFrom('qa_scorecards')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

/** The shipped scorecard's first write; a concurrent first use inserts nothing twice. */
export const insertScorecardIfAbsent = (db: Conn, row: Insertable<QaScorecardTable>) =>
  db
    .insertInto('qa_scorecards')
    .values(row)
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .execute();

/** A new scorecard version. */
export const insertScorecard = (db: Conn, row: Insertable<QaScorecardTable>) =>
  db.insertInto('qa_scorecards').values(row).execute();

/** Marks every version of a scorecard family retired. */
export const retireScorecard = (db: Conn, id: string, at: string) =>
  db.updateTable('qa_scorecards').set({ retired_at: at }).where('id', '=', id).execute();

// ---- sampling rules ----

/** The newest sampling-rules version, or undefined (defaults apply). */
export const latestRules = (db: Conn) =>
  db.selectFrom('qa_sampling_rules').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst();

/** A new sampling-rules version. */
export const insertRules = (db: Conn, row: Insertable<QaSamplingRulesTable>) =>
  db.insertInto('qa_sampling_rules').values(row).execute();

// ---- the population a sample is drawn from ----

/** Conversations of a period credited to an agent, with what sampling needs (the fact JSON holds the shop). */
export const periodConversations = (db: Conn, from: string, to: string) =>
  db
    .selectFrom('fact_conversations')
    .select(['conversation_id', 'agent_id', 'day', 'category', 'data'])
    .where('day', '>=', from)
    .where('day', '<=', to)
    .where('agent_id', 'is not', null)
    .execute();

/** One conversation's fact row (agent, day, owners…). */
export const findConversation = (db: Conn, id: string) =>
  db
    .selectFrom('fact_conversations')
    .select(['conversation_id', 'agent_id', 'day', 'data'])
    .where('conversation_id', '=', id)
    .executeTakeFirst();

/** The fact rows (agent, day) of these conversations. */
export const conversationsByIds = async (db: Conn, ids: readonly string[]) =>
  ids.length === 0
    ? []
    : db
        .selectFrom('fact_conversations')
        .select(['conversation_id', 'agent_id', 'day'])
        .where('conversation_id', 'in', [...ids])
        .execute();

/** A conversation's messages in the order they were sent. */
export const messagesOf = (db: Conn, conversationId: string) =>
  db
    .selectFrom('messages')
    .select(['message_id', 'sender', 'agent_id', 'sent_at', 'text', 'event'])
    .where('conversation_id', '=', conversationId)
    .orderBy('sent_at')
    .orderBy('message_id')
    .execute();

// ---- samples and assignments ----

/** A new sample. */
export const insertSample = (db: Conn, row: Insertable<QaSampleTable>) =>
  db.insertInto('qa_samples').values(row).execute();

/** Every sample, newest period first. */
export const listSamples = (db: Conn) =>
  db.selectFrom('qa_samples').selectAll().orderBy('period_from', 'desc').orderBy('id', 'desc').execute();

/** One sample, or undefined. */
export const findSample = (db: Conn, id: string) =>
  db.selectFrom('qa_samples').selectAll().where('id', '=', id).executeTakeFirst();

/** Which of these conversations are already in a sample. */
export const alreadyAssigned = async (db: Conn, conversationIds: readonly string[]) => {
  const out: string[] = [];
  for (let i = 0; i < conversationIds.length; i += 500) {
    const chunk = conversationIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('qa_assignments')
      .select('conversation_id')
      .where('conversation_id', 'in', chunk)
      .execute();
    out.push(...rows.map((r) => r.conversation_id));
  }
  return out;
};

/** A sample's assignments, in batches. */
export async function insertAssignments(db: Conn, rows: Insertable<QaAssignmentTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 200)
    await db
      .insertInto('qa_assignments')
      .values(rows.slice(i, i + 200))
      .execute();
}

/** A sample's assignments by agent, day and conversation. */
export const assignmentsOfSample = (db: Conn, sampleId: string) =>
  db
    .selectFrom('qa_assignments')
    .selectAll()
    .where('sample_id', '=', sampleId)
    .orderBy('agent_id')
    .orderBy('day')
    .orderBy('conversation_id')
    .execute();

/** A reviewer's queue: their assignments (open first, then by day). */
export function assignmentsOfReviewer(db: Conn, reviewerId: string, status: 'open' | 'done' | 'all') {
  let q = db.selectFrom('qa_assignments').selectAll().where('reviewer_id', '=', reviewerId);
  if (status !== 'all') q = q.where('status', '=', status);
  return q.orderBy('status', 'desc').orderBy('day').orderBy('conversation_id').execute();
}

/** One assignment, or undefined. */
export const findAssignment = (db: Conn, id: string) =>
  db.selectFrom('qa_assignments').selectAll().where('id', '=', id).executeTakeFirst();

/** The assignment of a conversation (a conversation is sampled at most once), or undefined. */
export const findAssignmentByConversation = (db: Conn, conversationId: string) =>
  db.selectFrom('qa_assignments').selectAll().where('conversation_id', '=', conversationId).executeTakeFirst();

/** Marks an open assignment done once its review is in. */
export const completeAssignment = (db: Conn, id: string, at: string) =>
  db
    .updateTable('qa_assignments')
    .set({ status: 'done', done_at: at })
    .where('id', '=', id)
    .where('status', '=', 'open')
    .execute();
