import { z } from 'zod';
import { requirePermission, type App, type RouteDeps } from '../../http.ts';
import type { Conn } from '../../db/types.ts';
import { ApiError } from '../auth/auth.schema.ts';
import {
  BenchmarkSet,
  CalibrationCreate,
  CalibrationOut,
  CalibrationReportOut,
  CalibrationScoreBody,
} from './qa.calibration.schema.ts';
import { IdParams } from './qa.schema.ts';
import * as qa from './qa.calibration.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['qa'];

/**
 * Calibration sessions (SPEC QA-5): opened by a QA manager, scored blind by reviewers, closed,
 * then the agreement report. Every write runs in a transaction with its audit entry.
 */
export async function calibrationRoutes(app: App, { db }: RouteDeps) {
  const k = db.kysely;
  const tx = <T>(fn: (trx: Conn) => Promise<T>) => k.transaction().execute(fn);

  app.post(
    '/api/qa/calibrations',
    {
      schema: {
        tags,
        summary: 'Open a calibration session',
        body: CalibrationCreate,
        response: { 201: CalibrationOut, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'qa.manage');
      return reply.code(201).send(await tx((trx) => qa.createCalibration(trx, actor, req.body)));
    },
  );

  app.get(
    '/api/qa/calibrations',
    {
      schema: {
        tags,
        summary: 'Calibration sessions I take part in (QA managers: all)',
        response: { 200: z.array(CalibrationOut), ...errors },
      },
    },
    async (req) => qa.listCalibrations(db.read, requirePermission(req, 'qa.review').actor),
  );

  app.get(
    '/api/qa/calibrations/:id',
    {
      schema: {
        tags,
        summary: 'One session: my own scores only while it is open',
        params: IdParams,
        response: { 200: CalibrationOut, ...errors },
      },
    },
    async (req) => qa.getCalibration(db.read, requirePermission(req, 'qa.review').actor, req.params.id),
  );

  app.put(
    '/api/qa/calibrations/:id/scores',
    {
      schema: {
        tags,
        summary: 'Score one of the session’s conversations, blind',
        params: IdParams,
        body: CalibrationScoreBody,
        response: { 200: CalibrationOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.review');
      return tx((trx) => qa.submitCalibrationScore(trx, actor, req.params.id, req.body));
    },
  );

  app.put(
    '/api/qa/calibrations/:id/benchmark',
    {
      schema: {
        tags,
        summary: 'Set whose scores are the benchmark (null: the median)',
        params: IdParams,
        body: BenchmarkSet,
        response: { 200: CalibrationOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.review');
      return tx((trx) => qa.setBenchmark(trx, actor, req.params.id, req.body.benchmarkReviewerId));
    },
  );

  app.post(
    '/api/qa/calibrations/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the session: scores become visible',
        params: IdParams,
        response: { 200: CalibrationOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.review');
      return tx((trx) => qa.closeCalibration(trx, actor, req.params.id));
    },
  );

  app.get(
    '/api/qa/calibrations/:id/report',
    {
      schema: {
        tags,
        summary: 'Agreement per item and per reviewer (closed sessions only)',
        params: IdParams,
        response: { 200: CalibrationReportOut, ...errors },
      },
    },
    async (req) => qa.calibrationReportOf(db.read, requirePermission(req, 'qa.review').actor, req.params.id),
  );
}
