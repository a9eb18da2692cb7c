import { z } from 'zod';
import { requirePermission, type App, type RouteDeps } from '../../http.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { AuditEntry, AuditQuery } from './audit.schema.ts';
import { listAudit } from './audit.service.ts';

export async function auditRoutes(app: App, { db }: RouteDeps) {
  app.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit log of every write, newest first (admins)',
        querystring: AuditQuery,
        response: { 200: z.array(AuditEntry), 401: ApiError, 403: ApiError },
      },
    },
    async (req) => {
      requirePermission(req, 'audit.read');
      return listAudit(db.read, req.query);
    },
  );
}
