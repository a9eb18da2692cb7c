/** Quality-inspection tables: reviews and disputes (Kysely, one query per method). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Scope } from '../../../domain/access.ts';
import type { QaDisputeTable, QaReviewTable } from '../../db/schema.ts';
import type { Conn } from '../../db/types.ts';

export type ReviewRow = Selectable<QaReviewTable>;
export type DisputeRow = Selectable<QaDisputeTable>;

/** A new review. */
export const insertReview = (db: Conn, row: Insertable<QaReviewTable>) =>
  db.insertInto('qa_reviews').values(row).execute();

/** One review, or undefined. */
export const findReview = (db: Conn, id: string) =>
  db.selectFrom('qa_reviews').selectAll().where('id', '=', id).executeTakeFirst();

/** Changes a review (status and final score after a dispute). */
export const updateReview = (db: Conn, id: string, patch: Updateable<QaReviewTable>) =>
  db.updateTable('qa_reviews').set(patch).where('id', '=', id).execute();

export interface ReviewFilter {
  agentId?: string;
  from?: string;
  to?: string;
  limit: number;
}

/**
 * Reviews the scope covers (by the agent's placement), plus any the viewer wrote; newest
 * conversation day first.
 */
export function listReviews(db: Conn, scope: Scope, viewerId: string, f: ReviewFilter) {
  let q = db
    .selectFrom('qa_reviews as r')
    .innerJoin('people as p', 'p.id', 'r.agent_id')
    .selectAll('r')
    .where((eb) => {
      const mine = eb('r.reviewer_id', '=', viewerId);
      switch (scope.kind) {
        case 'all':
          return eb.lit(true);
        case 'department':
          return scope.departmentId === null ? mine : eb.or([mine, eb('p.department_id', '=', scope.departmentId)]);
        case 'groups':
          return eb.or([
            mine,
            eb('r.agent_id', '=', scope.personId),
            ...(scope.groupIds.length ? [eb('p.group_id', 'in', scope.groupIds)] : []),
          ]);
        case 'self':
          return eb.or([mine, eb('r.agent_id', '=', scope.personId)]);
      }
    });
  if (f.agentId) q = q.where('r.agent_id', '=', f.agentId);
  if (f.from) q = q.where('r.day', '>=', f.from);
  if (f.to) q = q.where('r.day', '<=', f.to);
  return q.orderBy('r.day', 'desc').orderBy('r.id', 'desc').limit(f.limit).execute();
}

/** The scores that count for these agents' conversations in [from, to]. */
export const finalScores = async (db: Conn, agentIds: readonly string[], from: string, to: string) =>
  agentIds.length === 0
    ? []
    : db
        .selectFrom('qa_reviews')
        .select(['agent_id', 'final_score_hundredths'])
        .where('agent_id', 'in', [...agentIds])
        .where('day', '>=', from)
        .where('day', '<=', to)
        .orderBy('agent_id')
        .orderBy('id')
        .execute();

/** Agents with a review of a conversation in [from, to]. */
export const reviewedAgents = (db: Conn, from: string, to: string) =>
  db.selectFrom('qa_reviews').select('agent_id').distinct().where('day', '>=', from).where('day', '<=', to).execute();

/** A new dispute. */
export const insertDispute = (db: Conn, row: Insertable<QaDisputeTable>) =>
  db.insertInto('qa_disputes').values(row).execute();

/** One dispute, or undefined. */
export const findDispute = (db: Conn, id: string) =>
  db.selectFrom('qa_disputes').selectAll().where('id', '=', id).executeTakeFirst();

/** The disputes of these reviews (at most one each). */
export const disputesOfReviews = async (db: Conn, reviewIds: readonly string[]) =>
  reviewIds.length === 0
    ? []
    : db
        .selectFrom('qa_disputes')
        .selectAll()
        .where('review_id', 'in', [...reviewIds])
        .execute();

/** Disputes (open, decided or all), oldest first, with the review's reviewer and the agent's placement. */
export function listDisputes(db: Conn, open: boolean | null) {
  let q = db
    .selectFrom('qa_disputes as d')
    .innerJoin('qa_reviews as r', 'r.id', 'd.review_id')
    .innerJoin('people as p', 'p.id', 'd.agent_id')
    .selectAll('d')
    .select(['r.reviewer_id', 'r.conversation_id', 'p.group_id', 'p.department_id']);
  if (open !== null) q = q.where('d.outcome', open ? 'is' : 'is not', null);
  return q.orderBy('d.opened_at').execute();
}

/** Records the decision unless someone decided first (returns the rows changed). */
export async function decideDispute(db: Conn, id: string, patch: Updateable<QaDisputeTable>): Promise<number> {
  const r = await db
    .updateTable('qa_disputes')
    .set(patch)
    .where('id', '=', id)
    .where('outcome', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** The review written for an assignment, or undefined. */
export const reviewOfAssignment = (db: Conn, assignmentId: string) =>
  db.selectFrom('qa_reviews').select('id').where('assignment_id', '=', assignmentId).executeTakeFirst();

/** Reviews of a conversation with their agent and reviewer. */
export const reviewsOfConversation = (db: Conn, conversationId: string) =>
  db
    .selectFrom('qa_reviews')
    .select(['id', 'agent_id', 'reviewer_id'])
    .where('conversation_id', '=', conversationId)
    .execute();
