/**
 * Reading inspection results (SPEC QA-3, KPI-12): one conversation's findings for the
 * conversation view — for whoever may read that conversation's chat, as the KPI drill-down
 * decides — and the lexicon page's tester, which inspects a typed text under the rules in force.
 */
import { canReadChatContent, readScope, type Actor } from '../../../domain/access.ts';
import type { ConversationFact } from '../../../domain/metrics/facts.ts';
import { conversationCodec } from '../../../domain/metrics/codec.ts';
import { inspectConversation } from '../../../domain/qa/text/index.ts';
import type { Conn } from '../../db/types.ts';
import { forbidden, notFound } from '../../lib/errors.ts';
import { alertsOfConversation } from './qa.alerts.ts';
import { findPeople } from './qa.repository.ts';
import * as repo from './qa.inspection.repository.ts';
import { presentInspection } from './qa.inspection.present.ts';
import type { InspectionOut, MessageFindingOut } from './qa.inspection.schema.ts';
import { compiledFor, loadRules } from './qa.lexicons.ts';

/**
 * Whether the actor may read the conversation's chat: an agent who worked it, within the
 * actor's chat scope (HR never), or anyone with an organisation-wide scope other than HR.
 */
async function mayRead(conn: Conn, actor: Actor, fact: ConversationFact, agentId: string | null): Promise<boolean> {
  if (readScope(actor).kind === 'all' && actor.role !== 'hr') return true;
  const owners = fact.ownerIds ? fact.ownerIds.split(',') : agentId ? [agentId] : [];
  const people = await findPeople(conn, owners);
  return people.some((p) =>
    canReadChatContent(actor, { personId: p.id, groupId: p.group_id, departmentId: p.department_id }),
  );
}

/** One conversation's stored inspection: 404 before it is inspected, 403 outside the caller's chat scope. */
export async function getInspection(conn: Conn, actor: Actor, id: string): Promise<InspectionOut> {
  const fact = await repo.conversationFact(conn, id);
  if (!fact) throw notFound('conversation');
  if (!(await mayRead(conn, actor, conversationCodec.decode(fact.data), fact.agent_id))) {
    throw forbidden('this conversation is outside your scope');
  }
  const row = await repo.findInspection(conn, id);
  if (!row) throw notFound('inspection');
  const rules = await loadRules(conn);
  return presentInspection(
    row,
    { version: rules.version, threshold: rules.settings.negativeShareThreshold },
    await alertsOfConversation(conn, actor, id),
  );
}

/** What inspection finds in one message a customer or an agent might send, under the rules in force. */
export async function previewText(
  conn: Conn,
  text: string,
  sender: 'customer' | 'agent',
): Promise<Omit<MessageFindingOut, 'messageId'>> {
  const rules = await loadRules(conn);
  const result = inspectConversation(
    [
      {
        conversationId: 'preview',
        messageId: 'preview',
        shopId: '',
        channel: 'chat',
        customerId: '',
        sender,
        agentId: null,
        sentAt: 0,
        text,
        autoReply: false,
        event: '',
        toAgentId: null,
      },
    ],
    compiledFor(rules),
    rules.settings,
  );
  const f = result.findings[0];
  return {
    sender,
    banned: (f?.banned ?? []).map((h) => ({ category: h.category, start: h.start, end: h.end, source: h.source })),
    sentiment: f?.sentiment
      ? {
          label: f.sentiment.label,
          score: f.sentiment.score,
          negativeWords: f.sentiment.negativeWords,
          terms: f.sentiment.terms.map((t) => ({ start: t.start, end: t.end, value: t.value })),
        }
      : null,
  };
}
