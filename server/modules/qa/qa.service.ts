/**
 * Quality inspection (SPEC QA-1, QA-2, QA-4, QA-5), one import for the routes: the reviewer's
 * queue and assignments, and the conversation text behind a review for those with a reason to
 * read it, here; scorecards and sampling rules in qa.scorecards.ts, samples qa.samples.ts,
 * reviews and disputes qa.reviews.ts, QA scores qa.scores.ts, calibration qa.calibration.ts.
 */
import { canReadChatContent, canSeeCustomerContact, inScope, readScope, type Actor } from '../../../domain/access.ts';
import { conversationCodec } from '../../../domain/metrics/codec.ts';
import { maskPhonesInText } from '../../../domain/mask.ts';
import type { Conn } from '../../db/types.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { can, placementOf } from './qa.guard.ts';
import * as calibrationRepo from './qa.calibration.repository.ts';
import * as repo from './qa.repository.ts';
import * as reviewsRepo from './qa.reviews.repository.ts';
import { presentAssignments } from './qa.samples.ts';
import { getScorecard } from './qa.scorecards.ts';
import type { AssignmentDetail, AssignmentOut } from './qa.schema.ts';
import type { ConversationOut } from './qa.reviews.schema.ts';

/** The caller's review queue: their assignments, open ones first. */
export async function listQueue(conn: Conn, actor: Actor, status: 'open' | 'done' | 'all'): Promise<AssignmentOut[]> {
  return presentAssignments(conn, await repo.assignmentsOfReviewer(conn, actor.id, status));
}

/** One assignment with its scorecard: for its reviewer, or a QA manager with the agent in scope. */
export async function getAssignment(conn: Conn, actor: Actor, id: string): Promise<AssignmentDetail> {
  const a = await repo.findAssignment(conn, id);
  if (!a) throw notFound('assignment');
  if (a.reviewer_id !== actor.id) {
    const agent = await repo.findPerson(conn, a.agent_id);
    if (!can(actor, 'qa.manage') || !agent || !inScope(readScope(actor), placementOf(agent))) {
      throw forbidden('this assignment is someone else’s');
    }
  }
  const [out] = await presentAssignments(conn, [a]);
  const review = await reviewsRepo.reviewOfAssignment(conn, a.id);
  return {
    ...out,
    scorecard: await getScorecard(conn, out.scorecardId, out.scorecardVersion),
    reviewId: review?.id ?? null,
  };
}

/**
 * Why the caller may read a conversation's text for QA: HR never (SPEC ORG-3); otherwise its
 * reviewer, a participant of a calibration session holding it, or whoever may read the chats
 * of one of its agents (the agent themself, their lead, supervisor, managers).
 */
async function mayReadConversation(conn: Conn, actor: Actor, id: string, owners: string[]): Promise<boolean> {
  if (actor.role === 'hr') return false;
  if ((await repo.findAssignmentByConversation(conn, id))?.reviewer_id === actor.id) return true;
  if ((await reviewsRepo.reviewsOfConversation(conn, id)).some((r) => r.reviewer_id === actor.id)) return true;
  const sessions = await calibrationRepo.sessionMembers(conn);
  if (
    sessions.some(
      (s) =>
        (JSON.parse(s.conversation_ids) as string[]).includes(id) &&
        (s.owner_id === actor.id || (JSON.parse(s.reviewer_ids) as string[]).includes(actor.id)),
    )
  ) {
    return true;
  }
  const people = await repo.findPeople(conn, owners);
  return people.some((p) => canReadChatContent(actor, placementOf(p)));
}

/** A conversation's messages for the reviewer workspace; customer phone numbers masked unless the role may see them. */
export async function getConversationText(conn: Conn, actor: Actor, id: string): Promise<ConversationOut> {
  const row = await repo.findConversation(conn, id);
  if (!row) throw notFound('conversation');
  const fact = conversationCodec.decode(row.data);
  const owners = fact.ownerIds ? fact.ownerIds.split(',') : row.agent_id ? [row.agent_id] : [];
  if (!(await mayReadConversation(conn, actor, id, owners))) throw forbidden('you may not read this conversation');
  const mask = !canSeeCustomerContact(actor);
  return {
    conversationId: id,
    agentId: row.agent_id,
    day: row.day,
    shopId: fact.shopId,
    messages: (await repo.messagesOf(conn, id)).map((m) => ({
      messageId: m.message_id,
      sender: m.sender,
      agentId: m.agent_id,
      sentAt: new Date(Number(m.sent_at)).toISOString(),
      text: mask ? maskPhonesInText(m.text) : m.text,
      event: m.event,
    })),
  };
}

export * from './qa.scorecards.ts';
export * from './qa.samples.ts';
export * from './qa.reviews.ts';
export * from './qa.scores.ts';
export * from './qa.calibration.ts';
