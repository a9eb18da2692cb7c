/** KPI queries, definitions, drill-down and metric settings (SPEC KPI); shared by server and web. */
import { z } from 'zod';
import { DIMENSIONS } from '../../../domain/metrics/counters.ts';
import { METRIC_KEYS } from '../../../domain/metrics/catalogue.ts';
import { ORDER_CREDITING_RULES } from '../../../domain/metrics/settings.ts';
import { PERIODS } from '../../../domain/time.ts';
import { CHANNEL_KINDS } from '../../../domain/org.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** `by`: the breakdown. `day` = everything per day (by all, period day). */
export const KPI_BREAKDOWNS = [...DIMENSIONS, 'day'] as const;

export const KpiQuery = z.object({
  from: isoDate,
  to: isoDate,
  by: z.enum(KPI_BREAKDOWNS).default('agent'),
  /** period buckets within [from, to]; default: the whole range */
  period: z.enum(PERIODS).default('all'),
  /** limit to one agent / group / shop / channel */
  agentId: z.string().optional(),
  groupId: z.string().optional(),
  shopId: z.string().optional(),
  channel: z.enum(CHANNEL_KINDS).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});
export type KpiQuery = z.infer<typeof KpiQuery>;

const metricValue = z.union([z.number(), z.literal('pending'), z.null()]);

/** One row: key fields for the breakdown, then every metric key. */
export const KpiRow = z
  .object({
    /** id of the agent / group / shop, the channel kind, or 'all' */
    key: z.string(),
    /** display name of the key */
    name: z.string(),
    /** the period bucket: YYYY-MM-DD, 2026-W46, 2026-11, 2026-Q4 or 'all' */
    period_key: z.string(),
    agent_id: z.string().optional(),
    group_id: z.string().nullable().optional(),
    shop_id: z.string().optional(),
    channel: z.string().optional(),
    day: z.string().optional(),
  })
  .extend(Object.fromEntries(METRIC_KEYS.map((k) => [k, metricValue])) as Record<(typeof METRIC_KEYS)[number], typeof metricValue>);
export type KpiRow = z.infer<typeof KpiRow>;

export const MetricSettingsSchema = z.object({
  timeZone: z.string(),
  serviceHours: z.object({ start: z.string().regex(/^\d{2}:\d{2}$/), end: z.string().regex(/^\d{2}:\d{2}$/) }),
  closedDays: z.array(isoDate),
  roundCapS: z.number().positive(),
  slowThresholdS: z.number().nonnegative(),
  serviceLevelThresholdS: z.number().nonnegative(),
  orderWindowDays: z.number().int().nonnegative(),
  paymentWindowDays: z.number().int().nonnegative(),
  orderCrediting: z.enum(ORDER_CREDITING_RULES),
  repeatComplaintWindowDays: z.number().int().positive(),
  immediateResolutionGraceMin: z.number().nonnegative(),
});
export type MetricSettingsT = z.infer<typeof MetricSettingsSchema>;

export const KpiResult = z.object({
  from: isoDate,
  to: isoDate,
  by: z.enum(KPI_BREAKDOWNS),
  period: z.enum(PERIODS),
  /** the moment the figures are for (pending payment windows are judged against it) */
  asOf: z.string(),
  settings: MetricSettingsSchema,
  rows: z.array(KpiRow),
  /** milliseconds the query took on the server */
  ms: z.number(),
});
export type KpiResult = z.infer<typeof KpiResult>;

export const MetricDefinitionSchema = z.object({
  spec: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  definitionZh: z.string(),
  definitionEn: z.string(),
  unit: z.enum(['seconds', 'ratio', 'count', 'per_day', 'cents', 'score']),
  direction: z.enum(['higher', 'lower', 'neutral']),
  settings: z.array(z.string()),
});

export const KpiDefinitions = z.object({
  definitions: z.record(z.string(), MetricDefinitionSchema),
  settings: MetricSettingsSchema,
});

/** Drill-down: the rounds behind a figure. */
export const RoundsQuery = z.object({
  from: isoDate,
  to: isoDate,
  agentId: z.string().optional(),
  shopId: z.string().optional(),
  /** which rounds: all counted, first rounds, slow, unanswered, not counted (with why) */
  filter: z.enum(['counted', 'first', 'slow', 'unanswered', 'not_counted', 'all']).default('counted'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const RoundOut = z.object({
  conversationId: z.string(),
  seq: z.number(),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  shopId: z.string(),
  channel: z.string(),
  /** masked */
  customerId: z.string(),
  day: z.string(),
  openAt: z.string(),
  closeAt: z.string().nullable(),
  waitS: z.number().nullable(),
  durationS: z.number(),
  countsForResponse: z.boolean(),
  isFirst: z.boolean(),
  unanswered: z.boolean(),
  slow: z.boolean(),
  reason: z.string(),
  /** a sentence saying why the round counted (or not) and how its duration was set */
  explanation: z.string(),
});
export type RoundOut = z.infer<typeof RoundOut>;

export const RoundsResult = z.object({ total: z.number(), rounds: z.array(RoundOut) });

export const ConversationMessage = z.object({
  messageId: z.string(),
  sender: z.enum(['customer', 'agent', 'bot', 'system']),
  agentId: z.string().nullable(),
  agentName: z.string().nullable(),
  sentAt: z.string(),
  /** phone numbers masked for roles that do not need them */
  text: z.string(),
  autoReply: z.boolean(),
  event: z.string(),
  toAgentId: z.string().nullable(),
});

export const ConversationDetail = z.object({
  conversationId: z.string(),
  shopId: z.string(),
  channel: z.string(),
  customerId: z.string(),
  agentId: z.string().nullable(),
  category: z.string().nullable(),
  resolved: z.boolean(),
  messages: z.array(ConversationMessage),
  rounds: z.array(RoundOut),
});
export type ConversationDetail = z.infer<typeof ConversationDetail>;

/** First and last day with KPI data (for the console's default period and empty states). */
export const KpiDataRange = z.object({ first: z.string().nullable(), last: z.string().nullable() });

/** The answer of PUT /api/kpi/settings: the settings and what was recomputed under them. */
/** Where the background recompute after a settings change stands (see kpi.recompute.ts). */
export const RecomputeStateSchema = z.object({
  status: z.enum(['idle', 'running', 'done', 'failed']),
  done: z.number().int().describe('conversations recomputed so far'),
  total: z.number().int(),
  days: z.number().int().describe('days whose KPI counters were rebuilt (when done)'),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  queued: z.boolean().describe('another run follows, for a change saved while this one ran'),
});

export const MetricSettingsSaved = MetricSettingsSchema.extend({
  recompute: RecomputeStateSchema,
});
