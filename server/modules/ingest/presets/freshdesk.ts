/**
 * `freshdesk`: a Freshdesk ticket export (Tickets → Export, CSV or XLSX). One row per ticket
 * → conversation, synthesised messages and rating; see tickets.ts for the rules and
 * docs/import-format.md for the table.
 */
import { ticketPreset, type TicketVendor } from './tickets.ts';

/**
 * Satisfaction rating → CSAT. Freshdesk's default survey is three-point (Awesome / Just Okay /
 * Not Good); custom surveys use up to seven points, exported as labels or as the API codes
 * 103 … −103. Plain 1–5 passes through.
 */
export const FRESHDESK_SATISFACTION: Readonly<Record<string, number | null>> = {
  awesome: 5,
  'just okay': 3,
  'not good': 1,
  'extremely happy': 5,
  'very happy': 5,
  happy: 4,
  neutral: 3,
  unhappy: 2,
  'very unhappy': 1,
  'extremely unhappy': 1,
  '103': 5,
  '102': 5,
  '101': 4,
  '100': 3,
  '-101': 2,
  '-102': 1,
  '-103': 1,
  '5': 5,
  '4': 4,
  '3': 3,
  '2': 2,
  '1': 1,
  'not rated': null,
  'no rating': null,
  '-': null,
};

export const FRESHDESK: TicketVendor = {
  prefix: 'freshdesk',
  columns: {
    id: ['Ticket ID', 'Ticket Id'],
    subject: ['Subject'],
    description: ['Description'],
    status: ['Status'],
    type: ['Type'],
    tags: ['Tags'],
    requesterEmail: ['Requester Email', 'Customer Email', 'Contact Email', 'Email'],
    requesterId: ['Contact ID', 'Requester ID'],
    requesterName: ['Requester Name', 'Full name', 'Contact'],
    assignee: ['Agent'],
    assigneeEmail: ['Agent Email'],
    createdAt: ['Created time'],
    solvedAt: ['Resolved time', 'Closed time'],
    firstReply: { columns: ['First response time (in hrs)'], unit: 'hours' },
    channel: ['Source'],
    satisfaction: ['Satisfaction rating', 'Satisfaction Rating', 'Survey result'],
    satisfactionComment: ['Satisfaction comment', 'Survey comment'],
  },
  resolvedStatuses: ['resolved', 'closed'],
  satisfaction: (v) => FRESHDESK_SATISFACTION[v.replace(/\s+/g, ' ').trim()],
};

export const freshdesk = ticketPreset(
  'freshdesk',
  'Freshdesk ticket export (CSV/XLSX): conversations, synthesised messages, ratings',
  FRESHDESK,
  (h) => h.has('ticket id') && h.has('created time'),
);
