import { requirePermission, type App, type RouteDeps } from '../../http.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { reinspectSettled, reinspectState, requestReinspect } from './qa.inspection.jobs.ts';
import { InspectionOut, InspectionPreviewBody, InspectionPreviewOut } from './qa.inspection.schema.ts';
import { getInspection, previewText } from './qa.inspection.service.ts';
import { InspectionSettingsSaved, InspectionSettingsSchema, ReinspectState } from './qa.lexicons.schema.ts';
import { getInspectionSettings, updateInspectionSettings } from './qa.lexicons.ts';
import { IdParams } from './qa.schema.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['qa'];
const plain = (s: Awaited<ReturnType<typeof getInspectionSettings>>) => ({ ...s, bannedSenders: [...s.bannedSenders] });

/**
 * Automatic inspection (SPEC QA-3, KPI-12): one conversation's findings for the conversation
 * view (whoever may read its chat), the inspection settings (changing them re-inspects history
 * in the background) and the lexicon tester.
 */
export async function inspectionRoutes(app: App, { db }: RouteDeps) {
  app.get(
    '/api/qa/inspections/:id',
    {
      schema: {
        tags,
        summary: 'A conversation’s automatic inspection: findings with positions, negative share, flags (not for HR)',
        params: IdParams,
        response: { 200: InspectionOut, ...errors },
      },
    },
    async (req) => getInspection(db.read, requirePermission(req, 'kpi.read').actor, req.params.id),
  );

  app.get(
    '/api/qa/inspection/settings',
    {
      schema: { tags, summary: 'Inspection settings in force', response: { 200: InspectionSettingsSchema, ...errors } },
    },
    async (req) => {
      requirePermission(req, 'qa.review');
      return plain(await getInspectionSettings(db.read));
    },
  );

  app.put(
    '/api/qa/inspection/settings',
    {
      schema: {
        tags,
        summary: 'Change inspection settings; history is then re-inspected in the background',
        body: InspectionSettingsSchema.partial(),
        response: { 200: InspectionSettingsSaved, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.manage');
      const saved = await db.kysely.transaction().execute((trx) => updateInspectionSettings(trx, actor, req.body));
      return { ...plain(saved), reinspect: requestReinspect(db, (msg, err) => req.log.error({ err }, msg)) };
    },
  );

  app.post(
    '/api/qa/inspection/preview',
    {
      schema: {
        tags,
        summary: 'What inspection finds in a text under the lexicons in force (nothing stored)',
        body: InspectionPreviewBody,
        response: { 200: InspectionPreviewOut, ...errors },
      },
    },
    async (req) => {
      requirePermission(req, 'qa.manage');
      return previewText(db.read, req.body.text, req.body.sender);
    },
  );

  app.get(
    '/api/qa/inspection/reinspect',
    {
      schema: {
        tags,
        summary: 'Where the re-inspection after a lexicon or settings change stands',
        response: { 200: ReinspectState, ...errors },
      },
    },
    async (req) => {
      requirePermission(req, 'qa.manage');
      return reinspectState(db);
    },
  );

  // a re-inspection writes page by page: let it finish before the database closes
  app.addHook('onClose', async () => {
    await reinspectSettled(db);
  });
}
