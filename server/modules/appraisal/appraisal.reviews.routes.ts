import { z } from 'zod';
import { requirePermission, type App, type RouteDeps } from '../../http.ts';
import type { Conn } from '../../db/types.ts';
import { badRequest } from '../../lib/errors.ts';
import { ApiError } from '../auth/auth.schema.ts';
import {
  CycleParams,
  InterviewOut,
  InterviewPut,
  PeerAssignmentOut,
  PeerReviewersSet,
  PeerReviewSubmit,
  PendingPeerReview,
  ProposalDecision,
  ProposalOut,
  ProposalParams,
  ResultParams,
  SurveyAnswers,
  SurveyImportResult,
  SurveyOut,
} from './appraisal.schema.ts';
import * as appraisal from './appraisal.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['appraisal'];
const Answered = z.object({ answered: z.number().int() });
const Ok = z.object({ ok: z.literal(true) });

/**
 * Reviews around a cycle's results (SPEC APR-3, APR-7): peer/360 reviewers and reviews, the
 * customer-survey sample and its answers, performance-interview notes and the consequence
 * proposals. Reads are scoped by role; every write runs in a transaction with its audit entry and
 * is refused once the cycle is finalised (409 cycle_locked).
 */
export async function appraisalReviewRoutes(app: App, { db }: RouteDeps) {
  const k = db.kysely;
  const tx = <T>(fn: (trx: Conn) => Promise<T>) => k.transaction().execute(fn);
  const cycle = '/api/appraisal/cycles/:id';

  // ---- peer/360 ----

  app.get(
    `${cycle}/peers`,
    {
      schema: {
        tags,
        summary: 'Peer reviewers of every agent in scope and who has answered (never the scores)',
        params: CycleParams,
        response: { 200: z.array(PeerAssignmentOut), ...errors },
      },
    },
    async (req) =>
      appraisal.listPeerAssignments(db.read, requirePermission(req, 'appraisal.review').actor, req.params.id),
  );

  app.put(
    `${cycle}/peers/:personId`,
    {
      schema: {
        tags,
        summary: 'Pick the peer reviewers of an agent in scope (replaces the list)',
        params: ResultParams,
        body: PeerReviewersSet,
        response: { 200: PeerAssignmentOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.review');
      return tx((trx) => appraisal.setPeerReviewers(trx, actor, req.params.id, req.params.personId, req.body));
    },
  );

  app.get(
    '/api/appraisal/peer-reviews/mine',
    {
      schema: {
        tags,
        summary: 'Peer reviews I was asked for and have not submitted yet',
        response: { 200: z.array(PendingPeerReview), ...errors },
      },
    },
    async (req) => appraisal.myPendingPeerReviews(db.read, requirePermission(req, 'appraisal.read').actor),
  );

  app.post(
    `${cycle}/peer-reviews`,
    {
      schema: {
        tags,
        summary: 'Submit a peer review (only a reviewer the supervisor picked)',
        params: CycleParams,
        body: PeerReviewSubmit,
        response: { 200: Ok, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.read');
      await tx((trx) => appraisal.submitPeerReview(trx, actor, req.params.id, req.body));
      return { ok: true as const };
    },
  );

  // ---- customer survey ----

  app.get(
    `${cycle}/survey`,
    {
      schema: {
        tags,
        summary: 'The customer-survey sample (10 % of the customers each agent served) with the answers',
        params: CycleParams,
        response: { 200: SurveyOut, ...errors },
      },
    },
    async (req) => appraisal.getSurvey(db.read, requirePermission(req, 'appraisal.review').actor, req.params.id),
  );

  app.get(
    `${cycle}/survey.csv`,
    {
      schema: {
        tags,
        summary: 'The survey sending list (CSV; fill satisfied or csat and import it back)',
        params: CycleParams,
      },
    },
    async (req, reply) => {
      const csv = await appraisal.surveyCsv(db.read, requirePermission(req, 'appraisal.review').actor, req.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="survey-${req.params.id}.csv"`)
        .send(`\ufeff${csv}`);
    },
  );

  app.post(
    `${cycle}/survey/answers`,
    {
      schema: {
        tags,
        summary: 'Enter survey answers (all or none; each customer must be in the agent’s sample)',
        params: CycleParams,
        body: SurveyAnswers,
        response: { 200: Answered, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.review');
      return { answered: await tx((trx) => appraisal.enterSurveyAnswers(trx, actor, req.params.id, req.body.answers)) };
    },
  );

  app.post(
    `${cycle}/survey/import`,
    {
      schema: {
        tags,
        summary: 'Import survey answers from the filled sending list (CSV, multipart field "file"); all rows or none',
        params: CycleParams,
        consumes: ['multipart/form-data'],
        response: { 200: SurveyImportResult, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.review');
      const file = await req.file();
      if (!file)
        throw badRequest('upload a file in the multipart field "file"', [{ field: 'file', message: 'missing' }]);
      const data = await file.toBuffer();
      return tx((trx) => appraisal.importSurveyCsv(trx, actor, req.params.id, data));
    },
  );

  // ---- performance interviews (绩效面谈) ----

  app.get(
    `${cycle}/interviews`,
    {
      schema: {
        tags,
        summary: 'Performance-interview notes the caller may read (agents: their own)',
        params: CycleParams,
        response: { 200: z.array(InterviewOut), ...errors },
      },
    },
    async (req) => appraisal.listInterviews(db.read, requirePermission(req, 'appraisal.read').actor, req.params.id),
  );

  app.get(
    `${cycle}/interviews/:personId`,
    {
      schema: {
        tags,
        summary: 'One agent’s performance-interview note',
        params: ResultParams,
        response: { 200: InterviewOut, ...errors },
      },
    },
    async (req) =>
      appraisal.getInterview(
        db.read,
        requirePermission(req, 'appraisal.read').actor,
        req.params.id,
        req.params.personId,
      ),
  );

  app.put(
    `${cycle}/interviews/:personId`,
    {
      schema: {
        tags,
        summary: 'Record the performance-interview note of an agent in scope (date, summary, agreed actions)',
        params: ResultParams,
        body: InterviewPut,
        response: { 200: InterviewOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.review');
      return tx((trx) => appraisal.putInterview(trx, actor, req.params.id, req.params.personId, req.body));
    },
  );

  // ---- consequence proposals ----

  app.get(
    `${cycle}/proposals`,
    {
      schema: {
        tags,
        summary: 'Consequence proposals of a cycle and their decisions (supervisors, managers, HR)',
        params: CycleParams,
        response: { 200: z.array(ProposalOut), ...errors },
      },
    },
    async (req) => appraisal.listProposals(db.read, requirePermission(req, 'appraisal.read').actor, req.params.id),
  );

  app.post(
    `${cycle}/proposals/:proposalId/decision`,
    {
      schema: {
        tags,
        summary:
          'Confirm or reject a proposal (a rejection needs a reason); a level change goes to the person’s history',
        params: ProposalParams,
        body: ProposalDecision,
        response: { 200: ProposalOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'appraisal.calibrate');
      return tx((trx) => appraisal.decideProposal(trx, actor, req.params.id, req.params.proposalId, req.body));
    },
  );
}
