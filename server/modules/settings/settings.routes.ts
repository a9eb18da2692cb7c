import { requireActor, requirePermission, type App, type RouteDeps } from '../../http.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { Settings, SettingsUpdate } from './settings.schema.ts';
import { getSettings, updateSettings } from './settings.service.ts';

export async function settingsRoutes(app: App, { db }: RouteDeps) {
  app.get(
    '/api/settings',
    { schema: { tags: ['settings'], summary: 'Organisation settings', response: { 200: Settings, 401: ApiError } } },
    async (req) => {
      requireActor(req);
      return getSettings(db.read);
    },
  );

  app.put(
    '/api/settings',
    {
      schema: {
        tags: ['settings'],
        summary: 'Change organisation settings (managers, admins)',
        body: SettingsUpdate,
        response: { 200: Settings, 400: ApiError, 401: ApiError, 403: ApiError },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'settings.manage');
      return db.kysely.transaction().execute((trx) => updateSettings(trx, actor, req.body));
    },
  );
}
