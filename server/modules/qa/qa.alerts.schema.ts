/**
 * Alerts (危机预警, SPEC QA-3, SVC-7): what inspection raised for the supervisors of an agent's
 * group, how they handled it, and the intervention success rate; shared by server and web.
 */
import { z } from 'zod';
import type { AlertKind } from '../../../domain/qa/text/index.ts';
import { BANNED_CATEGORIES } from '../../../domain/qa/text/index.ts';
import { PERIODS } from '../../../domain/time.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const ALERT_KINDS = ['negative_share', 'banned_word', 'long_wait'] as const satisfies readonly AlertKind[];
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
/** intervened and bad_review_avoided count as a successful intervention */
export const ALERT_OUTCOMES = ['intervened', 'bad_review_avoided', 'bad_review_not_avoided'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

/** What raised an alert; which fields are set depends on its kind. */
export const AlertDetail = z.object({
  /** banned_word: categories hit in the message */
  categories: z.array(z.enum(BANNED_CATEGORIES)).optional(),
  /** banned_word: the words (personal data by kind: phone, id_number, address) */
  words: z.array(z.string()).optional(),
  /** negative_share: the conversation's share when raised, and the threshold it exceeded */
  negativeShare: z.number().optional(),
  threshold: z.number().optional(),
  /** long_wait: seconds waited; answered = the reply had come when inspected */
  waitS: z.number().optional(),
  answered: z.boolean().optional(),
  /** the start of the message (phone numbers masked for roles that may not see them) */
  excerpt: z.string(),
});
export type AlertDetail = z.infer<typeof AlertDetail>;

export const AlertOut = z.object({
  id: z.string(),
  conversationId: z.string(),
  messageId: z.string(),
  kind: z.enum(ALERT_KINDS),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  groupId: z.string().nullable(),
  departmentId: z.string().nullable(),
  /** the conversation's local day */
  day: z.string(),
  /** when the message was sent */
  at: z.string(),
  detail: AlertDetail,
  /** raised while the conversation was going on (message under an hour old) */
  live: z.boolean(),
  raisedAt: z.string(),
  status: z.enum(ALERT_STATUSES),
  outcome: z.enum(ALERT_OUTCOMES).nullable(),
  note: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type AlertOut = z.infer<typeof AlertOut>;

/** Filters of the alert list; `active` = open or acknowledged. */
export const AlertsQuery = z.object({
  status: z.enum([...ALERT_STATUSES, 'active']).optional(),
  kind: z.enum(ALERT_KINDS).optional(),
  groupId: z.string().optional(),
  agentId: z.string().optional(),
  /** conversation days */
  from: isoDate.optional(),
  to: isoDate.optional(),
  live: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type AlertsQuery = z.infer<typeof AlertsQuery>;

/** One page of alerts, newest first, and how many match. */
export const AlertsPage = z.object({ items: z.array(AlertOut), total: z.number().int() });

/** How an alert ended. */
export const AlertResolve = z.object({
  outcome: z.enum(ALERT_OUTCOMES),
  note: z.string().trim().max(500).optional(),
});
export type AlertResolve = z.infer<typeof AlertResolve>;

export const AlertStatsQuery = z.object({
  from: isoDate,
  to: isoDate,
  period: z.enum(PERIODS).default('all'),
  by: z.enum(['group', 'all']).default('group'),
});
export type AlertStatsQuery = z.infer<typeof AlertStatsQuery>;

/** Alerts of one period (and group): how many were raised and handled, and how interventions went. */
export const AlertStatsRow = z.object({
  periodKey: z.string(),
  /** null: all groups (by=all), or agents without a group */
  groupId: z.string().nullable(),
  raised: z.number().int(),
  open: z.number().int(),
  acknowledged: z.number().int(),
  resolved: z.number().int(),
  /** resolved as intervened or bad_review_avoided */
  succeeded: z.number().int(),
  /** succeeded / resolved; null without resolved alerts */
  successRate: z.number().nullable(),
});
export type AlertStatsRow = z.infer<typeof AlertStatsRow>;

export const AlertStats = z.object({ rows: z.array(AlertStatsRow), total: AlertStatsRow });
export type AlertStats = z.infer<typeof AlertStats>;
