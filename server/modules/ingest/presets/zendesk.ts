/**
 * `zendesk`: a Zendesk Support ticket export (CSV from Reports → Export, or the same columns
 * as XLSX). One row per ticket → conversation, synthesised messages and rating; see
 * tickets.ts for the rules and docs/import-format.md for the table.
 */
import { ticketPreset, type TicketVendor } from './tickets.ts';

/**
 * Satisfaction Score → CSAT: Zendesk asks good/bad, so good → 5 and bad → 1 ("Good with
 * comment" too); offered-but-unanswered and empty are no rating.
 */
export function zendeskSatisfaction(value: string): number | null | undefined {
  const v = value.replace(/[\s_]+/g, ' ').trim();
  if (v.startsWith('good')) return 5;
  if (v.startsWith('bad')) return 1;
  if (['offered', 'unoffered', 'not offered', 'no rating', '-'].includes(v)) return null;
  return undefined;
}

export const ZENDESK: TicketVendor = {
  prefix: 'zendesk',
  columns: {
    id: ['Id', 'Ticket id'],
    subject: ['Subject'],
    description: ['Description'],
    status: ['Status'],
    type: ['Type'],
    tags: ['Tags'],
    requesterEmail: ['Requester email'],
    requesterId: ['Requester id'],
    requesterName: ['Requester'],
    assignee: ['Assignee'],
    assigneeEmail: ['Assignee email'],
    createdAt: ['Created at'],
    solvedAt: ['Solved at'],
    firstReply: { columns: ['First reply time in minutes'], unit: 'minutes' },
    channel: ['Via'],
    satisfaction: ['Satisfaction Score', 'Satisfaction rating'],
    satisfactionComment: ['Satisfaction Comment'],
  },
  resolvedStatuses: ['solved', 'closed'],
  satisfaction: zendeskSatisfaction,
};

export const zendesk = ticketPreset(
  'zendesk',
  'Zendesk ticket export (CSV/XLSX): conversations, synthesised messages, ratings',
  ZENDESK,
  (h) => h.has('id') && h.has('created at') && (h.has('requester') || h.has('assignee')),
);
