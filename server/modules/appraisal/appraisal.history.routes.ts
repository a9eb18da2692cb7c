import { z } from 'zod';
import { requirePermission, type App, type RouteDeps } from '../../http.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { AppealItem, AppealsQuery, ResultEvent, ResultParams, ValueOut } from './appraisal.schema.ts';
import * as appraisal from './appraisal.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['appraisal'];

/**
 * What stands behind results, read only (SPEC APR-4): the appeal inbox across cycles, a person's
 * hand-entered values and a result's calibration and appeal history. Scoped like results: the
 * caller's scope, and the appraised person only from calibration on (403 not_released before).
 */
export async function appraisalHistoryRoutes(app: App, { db }: RouteDeps) {
  app.get(
    '/api/appraisal/appeals',
    {
      schema: {
        tags,
        summary: 'Appeals of the results in the caller’s scope across cycles (open, answered, or both)',
        querystring: AppealsQuery,
        response: { 200: z.array(AppealItem), ...errors },
      },
    },
    async (req) =>
      appraisal.listAppeals(db.read, requirePermission(req, 'appraisal.calibrate').actor, req.query.status),
  );

  app.get(
    '/api/appraisal/cycles/:id/values/:personId',
    {
      schema: {
        tags,
        summary: 'Hand-entered values of a person in a cycle: who entered what, when (scoped like results)',
        params: ResultParams,
        response: { 200: z.array(ValueOut), ...errors },
      },
    },
    async (req) =>
      appraisal.listValues(db.read, requirePermission(req, 'appraisal.read').actor, req.params.id, req.params.personId),
  );

  app.get(
    '/api/appraisal/cycles/:id/results/:personId/history',
    {
      schema: {
        tags,
        summary: 'Every calibration, appeal, answer and acknowledgement of a result, oldest first (from the audit log)',
        params: ResultParams,
        response: { 200: z.array(ResultEvent), ...errors },
      },
    },
    async (req) =>
      appraisal.resultHistory(
        db.read,
        requirePermission(req, 'appraisal.read').actor,
        req.params.id,
        req.params.personId,
      ),
  );
}
