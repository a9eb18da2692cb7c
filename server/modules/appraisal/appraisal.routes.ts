import { z } from 'zod';
import { requireActor, requirePermission, type App, type RouteDeps } from '../../http.ts';
import type { Conn } from '../../db/types.ts';
import { ApiError } from '../auth/auth.schema.ts';
import {
  AppealAnswer,
  AppealBody,
  Calibrate,
  CycleCreate,
  CycleOut,
  CycleParams,
  RedLineCreate,
  RedLineOut,
  ResultOut,
  ResultParams,
  ReviewSubmit,
  SchemeCreate,
  SchemeOut,
  SchemeParams,
  StateChange,
  ValueSubmit,
} from './appraisal.schema.ts';
import * as appraisal from './appraisal.service.ts';
import { payrollXlsx } from './appraisal.payroll.ts';
import { appraisalHistoryRoutes } from './appraisal.history.routes.ts';
import { appraisalReviewRoutes } from './appraisal.reviews.routes.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['appraisal'];
const Ok = z.object({ ok: z.literal(true) });

/**
 * Appraisal (SPEC APR): schemes, cycles and their states, reviews, results with the "why",
 * calibration, acknowledgement and appeals, red lines and the payroll export; peer reviews, the
 * survey, interview notes and proposals in appraisal.reviews.routes.ts; the appeal inbox, values
 * and result history in appraisal.history.routes.ts. Reads are scoped
 * by role; every write runs in a transaction with its audit entry.
 */
export async function appraisalRoutes(app: App, deps: RouteDeps) {
  const { db } = deps;
  const k = db.kysely;
  const tx = <T>(fn: (trx: Conn) => Promise<T>) => k.transaction().execute(fn);
  const ok = { ok: true as const };

  app.get(
    '/api/appraisal/schemes',
    { schema: { tags, summary: 'Every version of every scheme', response: { 200: z.array(SchemeOut), ...errors } } },
    async (req) => {
      requirePermission(req, 'appraisal.read');
      return appraisal.listSchemes(k);
    },
  );

  app.get(
    '/api/appraisal/schemes/:id/:version',
    { schema: { tags, summary: 'One scheme version', params: SchemeParams, response: { 200: SchemeOut, ...errors } } },
    async (req) => {
      requirePermission(req, 'appraisal.read');
      return appraisal.getScheme(k, req.params.id, req.params.version);
    },
  );

  app.post(
    '/api/appraisal/schemes',
    {
      schema: {
        tags,
        summary: 'Save a new version of a scheme (validated)',
        body: SchemeCreate,
        response: { 201: SchemeOut, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'appraisal.manage');
      return reply.code(201).send(await tx((trx) => appraisal.createSchemeVersion(trx, actor, req.body)));
    },
  );

  app.get(
    '/api/appraisal/cycles',
    {
      schema: {
        tags,
        summary: 'Appraisal cycles, each open one with what is missing before its next state',
        response: { 200: z.array(CycleOut), ...errors },
      },
    },
    async (req) => {
      requirePermission(req, 'appraisal.read');
      return appraisal.listCycles(db.read);
    },
  );

  app.get(
    '/api/appraisal/cycles/:id',
    {
      schema: {
        tags,
        summary: 'One cycle with what is missing before its next state',
        params: CycleParams,
        response: { 200: CycleOut, ...errors },
      },
    },
    async (req) => {
      requirePermission(req, 'appraisal.read');
      return appraisal.getCycle(db.read, req.params.id);
    },
  );

  app.post(
    '/api/appraisal/cycles',
    {
      schema: {
        tags,
        summary: 'Open a cycle (draft) for a period, scope and scheme version',
        body: CycleCreate,
        response: { 201: CycleOut, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'appraisal.manage');
      return reply.code(201).send(await tx((trx) => appraisal.createCycle(trx, actor, req.body)));
    },
  );

  app.post(
    '/api/appraisal/cycles/:id/state',
    {
      schema: {
        tags,
        summary: 'Move a cycle one step; entering reviewing or calibration computes the results',
        params: CycleParams,
        body: StateChange,
        response: { 200: CycleOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.manage');
      return tx((trx) => appraisal.changeState(trx, actor, req.params.id, req.body.to));
    },
  );

  app.post(
    '/api/appraisal/cycles/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Submit a self-review (own) or a supervisor review (in scope)',
        params: CycleParams,
        body: ReviewSubmit,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.read');
      await tx((trx) => appraisal.submitReview(trx, actor, req.params.id, req.body));
      return ok;
    },
  );

  app.post(
    '/api/appraisal/cycles/:id/values',
    {
      schema: {
        tags,
        summary: 'Enter a hand-entered indicator value for a person in scope',
        params: CycleParams,
        body: ValueSubmit,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.review');
      await tx((trx) => appraisal.submitValue(trx, actor, req.params.id, req.body));
      return ok;
    },
  );

  app.get(
    '/api/appraisal/cycles/:id/results',
    {
      schema: {
        tags,
        summary: 'Results the caller may see (the appraised person’s own only from calibration on)',
        params: CycleParams,
        response: { 200: z.array(ResultOut), ...errors },
      },
    },
    async (req) => appraisal.listResults(db.read, requirePermission(req, 'appraisal.read').actor, req.params.id),
  );

  app.get(
    '/api/appraisal/cycles/:id/results/:personId',
    {
      schema: {
        tags,
        summary: 'One result with the why of every indicator (403 not_released to the agent before calibration)',
        params: ResultParams,
        response: { 200: ResultOut, ...errors },
      },
    },
    async (req) =>
      appraisal.getResult(db.read, requirePermission(req, 'appraisal.read').actor, req.params.id, req.params.personId),
  );

  app.post(
    '/api/appraisal/cycles/:id/results/:personId/calibrate',
    {
      schema: {
        tags,
        summary: 'Calibrate a total (reason required)',
        params: ResultParams,
        body: Calibrate,
        response: { 200: ResultOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.calibrate');
      await tx((trx) => appraisal.calibrateResult(trx, actor, req.params.id, req.params.personId, req.body));
      return appraisal.getResult(k, actor, req.params.id, req.params.personId);
    },
  );

  app.post(
    '/api/appraisal/cycles/:id/results/:personId/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge one’s own result',
        params: ResultParams,
        response: { 200: ResultOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requireActor(req);
      await tx((trx) => appraisal.acknowledge(trx, actor, req.params.id, req.params.personId));
      return appraisal.getResult(k, actor, req.params.id, req.params.personId);
    },
  );

  app.post(
    '/api/appraisal/cycles/:id/results/:personId/appeal',
    {
      schema: {
        tags,
        summary: 'Appeal one’s own result with a reason',
        params: ResultParams,
        body: AppealBody,
        response: { 200: ResultOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requireActor(req);
      await tx((trx) => appraisal.appeal(trx, actor, req.params.id, req.params.personId, req.body.reason));
      return appraisal.getResult(k, actor, req.params.id, req.params.personId);
    },
  );

  app.post(
    '/api/appraisal/cycles/:id/results/:personId/appeal/answer',
    {
      schema: {
        tags,
        summary: 'Answer an open appeal',
        params: ResultParams,
        body: AppealAnswer,
        response: { 200: ResultOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.calibrate');
      await tx((trx) => appraisal.answerAppeal(trx, actor, req.params.id, req.params.personId, req.body.answer));
      return appraisal.getResult(k, actor, req.params.id, req.params.personId);
    },
  );

  app.post(
    '/api/appraisal/redlines',
    {
      schema: {
        tags,
        summary: 'Record a red-line violation (voids the period’s bonus)',
        body: RedLineCreate,
        response: { 201: RedLineOut, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'appraisal.calibrate');
      return reply.code(201).send(await tx((trx) => appraisal.recordRedLine(trx, actor, req.body)));
    },
  );

  app.get(
    '/api/appraisal/cycles/:id/payroll.xlsx',
    { schema: { tags, summary: 'Payroll export: every bonus component itemised (XLSX)', params: CycleParams } },
    async (req, reply) => {
      requirePermission(req, 'pay.read');
      const { fileName, data } = await payrollXlsx(db.read, req.params.id);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(data);
    },
  );

  await appraisalReviewRoutes(app, deps);
  await appraisalHistoryRoutes(app, deps);
}
