import { z } from 'zod';
import { requireActor, requirePermission, type App, type RouteDeps } from '../../http.ts';
import type { Conn } from '../../db/types.ts';
import { ApiError } from '../auth/auth.schema.ts';
import {
  ConversationOut,
  DisputeBody,
  DisputeDecide,
  DisputeListOut,
  DisputeQuery,
  QaScoreOut,
  ReviewOut,
  ReviewQuery,
  ReviewSubmit,
  ScoresQuery,
} from './qa.reviews.schema.ts';
import { IdParams } from './qa.schema.ts';
import * as qa from './qa.service.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['qa'];

/**
 * Reviews, disputes, the conversation text behind them and QA scores (SPEC QA-1, QA-4). Agents
 * read and dispute their own reviews; a second reviewer decides; HR reads scores, never chat
 * text. Every write runs in a transaction with its audit entry.
 */
export async function reviewRoutes(app: App, { db }: RouteDeps) {
  const k = db.kysely;
  const tx = <T>(fn: (trx: Conn) => Promise<T>) => k.transaction().execute(fn);

  app.post(
    '/api/qa/assignments/:id/review',
    {
      schema: {
        tags,
        summary: 'Review an assigned conversation: ratings (null = N/A), comments per item, coaching note',
        params: IdParams,
        body: ReviewSubmit,
        response: { 201: ReviewOut, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'qa.review');
      return reply.code(201).send(await tx((trx) => qa.submitReview(trx, actor, req.params.id, req.body)));
    },
  );

  app.get(
    '/api/qa/conversations/:id',
    {
      schema: {
        tags,
        summary: 'A conversation’s messages for the reviewer workspace',
        params: IdParams,
        response: { 200: ConversationOut, ...errors },
      },
    },
    async (req) => qa.getConversationText(db.read, requireActor(req).actor, req.params.id),
  );

  app.get(
    '/api/qa/reviews',
    {
      schema: {
        tags,
        summary: 'Reviews in my scope (agents: my own)',
        querystring: ReviewQuery,
        response: { 200: z.array(ReviewOut), ...errors },
      },
    },
    async (req) => qa.listReviews(db.read, requireActor(req).actor, req.query),
  );

  app.get(
    '/api/qa/reviews/:id',
    {
      schema: {
        tags,
        summary: 'One review with its breakdown and dispute',
        params: IdParams,
        response: { 200: ReviewOut, ...errors },
      },
    },
    async (req) => qa.getReview(db.read, requireActor(req).actor, req.params.id),
  );

  app.post(
    '/api/qa/reviews/:id/dispute',
    {
      schema: {
        tags,
        summary: 'Dispute my review (once, with a reason)',
        params: IdParams,
        body: DisputeBody,
        response: { 200: ReviewOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requireActor(req);
      return tx((trx) => qa.disputeReview(trx, actor, req.params.id, req.body.reason));
    },
  );

  app.get(
    '/api/qa/disputes',
    {
      schema: {
        tags,
        summary: 'Disputes in my scope',
        querystring: DisputeQuery,
        response: { 200: z.array(DisputeListOut), ...errors },
      },
    },
    async (req) => qa.listDisputes(db.read, requireActor(req).actor, req.query.status),
  );

  app.post(
    '/api/qa/disputes/:id/decide',
    {
      schema: {
        tags,
        summary: 'Decide a dispute as a second reviewer: upheld, or revised with new ratings',
        params: IdParams,
        body: DisputeDecide,
        response: { 200: ReviewOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.review');
      return tx((trx) => qa.decideDispute(trx, actor, req.params.id, req.body));
    },
  );

  app.get(
    '/api/qa/scores',
    {
      schema: {
        tags,
        summary: 'QA score per agent for a period (mean of their reviews)',
        querystring: ScoresQuery,
        response: { 200: z.array(QaScoreOut), ...errors },
      },
    },
    async (req) => qa.listQaScores(db.read, requireActor(req).actor, req.query.from, req.query.to),
  );
}
