import { z } from 'zod';
import { requireActor, requirePermission, type App, type RouteDeps } from '../../http.ts';
import type { Conn } from '../../db/types.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { calibrationRoutes } from './qa.calibration.routes.ts';
import { alertRoutes } from './qa.alerts.routes.ts';
import { inspectionRoutes } from './qa.inspection.routes.ts';
import { lexiconRoutes } from './qa.lexicons.routes.ts';
import { reviewRoutes } from './qa.reviews.routes.ts';
import { weeklyRoutes } from './qa.weekly.routes.ts';
import {
  AssignmentDetail,
  AssignmentOut,
  IdParams,
  QueueQuery,
  SampleCreate,
  SampleDetail,
  SampleOut,
  SamplePreview,
  SamplingRulesOut,
  SamplingRulesUpdate,
  ScorecardBody,
  ScorecardCreate,
  ScorecardOut,
  ScorecardParams,
} from './qa.schema.ts';
import * as qa from './qa.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['qa'];

/**
 * Quality inspection (SPEC QA-1, QA-2, QA-4, QA-5): scorecards, sampling rules, samples and the
 * reviewer's queue here; reviews, disputes, conversation text and QA scores in
 * qa.reviews.routes.ts; calibration in qa.calibration.routes.ts.
 * Reads are scoped by role (agents: their own reviews; HR: no chat text); every write runs in a
 * transaction with its audit entry. The shipped scorecard is seeded when the routes load.
 */
export async function qaRoutes(app: App, deps: RouteDeps) {
  const { db } = deps;
  const k = db.kysely;
  const tx = <T>(fn: (trx: Conn) => Promise<T>) => k.transaction().execute(fn);
  await tx((trx) => qa.ensureShippedScorecards(trx));

  app.get(
    '/api/qa/scorecards',
    {
      schema: {
        tags,
        summary: 'Every version of every scorecard',
        response: { 200: z.array(ScorecardOut), ...errors },
      },
    },
    async (req) => {
      requireActor(req);
      return qa.listScorecards(k);
    },
  );

  app.get(
    '/api/qa/scorecards/:id/:version',
    {
      schema: {
        tags,
        summary: 'One scorecard version',
        params: ScorecardParams,
        response: { 200: ScorecardOut, ...errors },
      },
    },
    async (req) => {
      requireActor(req);
      return qa.getScorecard(k, req.params.id, req.params.version);
    },
  );

  app.post(
    '/api/qa/scorecards',
    {
      schema: {
        tags,
        summary: 'Create a scorecard (version 1; validated)',
        body: ScorecardCreate,
        response: { 201: ScorecardOut, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'qa.manage');
      return reply.code(201).send(await tx((trx) => qa.createScorecard(trx, actor, req.body)));
    },
  );

  app.put(
    '/api/qa/scorecards/:id',
    {
      schema: {
        tags,
        summary: 'Edit a scorecard: saves its next version (validated)',
        params: IdParams,
        body: ScorecardBody,
        response: { 200: ScorecardOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.manage');
      return tx((trx) => qa.reviseScorecard(trx, actor, req.params.id, req.body));
    },
  );

  app.delete(
    '/api/qa/scorecards/:id',
    {
      schema: {
        tags,
        summary: 'Retire a scorecard (kept for its reviews)',
        params: IdParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'qa.manage');
      await tx((trx) => qa.retireScorecard(trx, actor, req.params.id));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/qa/sampling-rules',
    { schema: { tags, summary: 'The sampling rules in force', response: { 200: SamplingRulesOut, ...errors } } },
    async (req) => {
      requirePermission(req, 'qa.review');
      return qa.getSamplingRules(db.read);
    },
  );

  app.put(
    '/api/qa/sampling-rules',
    {
      schema: {
        tags,
        summary: 'Change the sampling rules (rates as fractions)',
        body: SamplingRulesUpdate,
        response: { 200: SamplingRulesOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.manage');
      return tx((trx) => qa.updateSamplingRules(trx, actor, req.body));
    },
  );

  app.post(
    '/api/qa/samples/preview',
    {
      schema: {
        tags,
        summary: 'The sample a period would get, not saved',
        body: SampleCreate,
        response: { 200: SamplePreview, ...errors },
      },
    },
    async (req) => qa.previewSample(k, requirePermission(req, 'qa.manage').actor, req.body),
  );

  app.post(
    '/api/qa/samples',
    {
      schema: {
        tags,
        summary: 'Draw a period’s sample and deal it to reviewers round-robin',
        body: SampleCreate,
        response: { 201: SampleOut, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'qa.manage');
      return reply.code(201).send(await tx((trx) => qa.createSample(trx, actor, req.body)));
    },
  );

  app.get(
    '/api/qa/samples',
    {
      schema: {
        tags,
        summary: 'Samples with per-agent and per-reviewer figures',
        response: { 200: z.array(SampleOut), ...errors },
      },
    },
    async (req) => qa.listSamples(db.read, requirePermission(req, 'qa.review').actor),
  );

  app.get(
    '/api/qa/samples/:id',
    {
      schema: {
        tags,
        summary: 'One sample with the assignments in scope',
        params: IdParams,
        response: { 200: SampleDetail, ...errors },
      },
    },
    async (req) => qa.getSample(db.read, requirePermission(req, 'qa.review').actor, req.params.id),
  );

  app.get(
    '/api/qa/queue',
    {
      schema: {
        tags,
        summary: 'My review queue',
        querystring: QueueQuery,
        response: { 200: z.array(AssignmentOut), ...errors },
      },
    },
    async (req) => qa.listQueue(db.read, requirePermission(req, 'qa.review').actor, req.query.status),
  );

  app.get(
    '/api/qa/assignments/:id',
    {
      schema: {
        tags,
        summary: 'One assignment with its scorecard',
        params: IdParams,
        response: { 200: AssignmentDetail, ...errors },
      },
    },
    async (req) => qa.getAssignment(k, requirePermission(req, 'qa.review').actor, req.params.id),
  );

  await reviewRoutes(app, deps);
  await calibrationRoutes(app, deps);
  await inspectionRoutes(app, deps);
  await alertRoutes(app, deps);
  await lexiconRoutes(app, deps);
  await weeklyRoutes(app, deps);
}
