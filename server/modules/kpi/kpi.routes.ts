import { z } from 'zod';
import { METRIC_DEFINITIONS } from '../../../domain/metrics/catalogue.ts';
import { requirePermission, type App, type RouteDeps } from '../../http.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { IdParams } from '../org/org.schema.ts';
import {
  ConversationDetail,
  KpiDataRange,
  KpiDefinitions,
  MetricSettingsSaved,
  RecomputeStateSchema,
  KpiQuery,
  KpiResult,
  MetricSettingsSchema,
  RoundsQuery,
  RoundsResult,
} from './kpi.schema.ts';
import { dataRange, getConversation, kpiToCsv, listRounds, queryKpis } from './kpi.service.ts';
import { recomputeSettled, recomputeState, requestRecompute } from './kpi.recompute.ts';
import { getMetricSettings, updateMetricSettings } from './kpi.settings.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError };
const tags = ['kpi'];
const localeOf = (l: string | undefined) => (l === 'en-US' ? 'en-US' : 'zh-CN') as 'zh-CN' | 'en-US';
const plainSettings = (s: Awaited<ReturnType<typeof getMetricSettings>>) => ({ ...s, closedDays: [...s.closedDays] });

/** KPIs (SPEC KPI), their definitions and settings, and the drill-down to rounds and conversations. */
export async function kpiRoutes(app: App, { db }: RouteDeps) {
  // reads go to the read connection so they never wait behind an import
  const k = db.read;

  app.get(
    '/api/kpi',
    { schema: { tags, summary: 'KPIs for a period by agent, group, shop, channel, day or all (scoped to the caller)', querystring: KpiQuery, response: { 200: KpiResult, ...errors } } },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'kpi.read');
      const result = await queryKpis(k, actor, req.query);
      if (req.query.format === 'csv') {
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="kpi-${req.query.by}-${req.query.from}-${req.query.to}.csv"`)
          .serializer((x: unknown) => x as string)
          .send(kpiToCsv(result.rows) as never);
      }
      return result;
    },
  );

  app.get(
    '/api/kpi/definitions',
    { schema: { tags, summary: 'Every metric’s definition and the settings in force', response: { 200: KpiDefinitions, 401: ApiError, 403: ApiError } } },
    async (req) => {
      requirePermission(req, 'kpi.read');
      return { definitions: METRIC_DEFINITIONS as unknown as Record<string, z.infer<typeof KpiDefinitions>['definitions'][string]>, settings: plainSettings(await getMetricSettings(k)) };
    },
  );

  app.get(
    '/api/kpi/range',
    { schema: { tags, summary: 'First and last day with KPI data', response: { 200: KpiDataRange, 401: ApiError, 403: ApiError } } },
    async (req) => {
      requirePermission(req, 'kpi.read');
      return dataRange(k);
    },
  );

  app.get(
    '/api/kpi/rounds',
    { schema: { tags, summary: 'The response rounds behind a figure, each with why it counted', querystring: RoundsQuery, response: { 200: RoundsResult, ...errors } } },
    async (req) => {
      const { actor, person } = requirePermission(req, 'kpi.read');
      return listRounds(k, actor, { ...req.query }, localeOf(person.locale));
    },
  );

  app.get(
    '/api/conversations/:id',
    { schema: { tags, summary: 'A conversation with its messages and rounds (not for HR)', params: IdParams, response: { 200: ConversationDetail, ...errors } } },
    async (req) => {
      const { actor, person } = requirePermission(req, 'kpi.read');
      return getConversation(k, actor, req.params.id, localeOf(person.locale));
    },
  );

  app.get(
    '/api/kpi/settings',
    { schema: { tags, summary: 'Metric settings in force', response: { 200: MetricSettingsSchema, 401: ApiError, 403: ApiError } } },
    async (req) => {
      requirePermission(req, 'kpi.read');
      return plainSettings(await getMetricSettings(k));
    },
  );

  app.put(
    '/api/kpi/settings',
    {
      schema: {
        tags,
        summary: 'Change metric settings; every fact and KPI is then recomputed in the background (GET /api/kpi/recompute)',
        body: MetricSettingsSchema.partial(),
        response: { 200: MetricSettingsSaved, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'kpi.settings');
      const settings = await db.kysely.transaction().execute((trx) => updateMetricSettings(trx, actor, req.body));
      const recompute = requestRecompute(db, (msg, err) => req.log.error({ err }, msg));
      return { ...plainSettings(settings), recompute };
    },
  );

  // a recompute holds the write transaction: let it finish before the database closes
  app.addHook('onClose', async () => {
    await recomputeSettled(db);
  });

  app.get(
    '/api/kpi/recompute',
    { schema: { tags, summary: 'Where the recompute after a settings change stands', response: { 200: RecomputeStateSchema, 401: ApiError, 403: ApiError } } },
    async (req) => {
      requirePermission(req, 'kpi.read');
      return recomputeState(db);
    },
  );
}
