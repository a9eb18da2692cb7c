import { z } from 'zod';
import { requirePermission, type App, type RouteDeps } from '../../http.ts';
import type { Conn } from '../../db/types.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { IdParams } from './qa.schema.ts';
import { closeAction, createAction, listActions, updateAction } from './qa.weekly.actions.ts';
import {
  ActionClose,
  ActionCreate,
  ActionOut,
  ActionQuery,
  ActionUpdate,
  WeeklyOut,
  WeeklySettings,
  WeeklySettingsUpdate,
  WeekQuery,
} from './qa.weekly.schema.ts';
import { getWeeklySettings, updateWeeklySettings, weeklyReport } from './qa.weekly.service.ts';
import { weeklyXlsx } from './qa.weekly.xlsx.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['qa'];

/**
 * The weekly QA report (质检周报, SPEC QA-6): the week's report and its XLSX for leads (their
 * groups), supervisors (their department) and managers (everything); improvement actions and
 * the report's settings for QA managers, each write in a transaction with its audit entry.
 */
export async function weeklyRoutes(app: App, { db }: RouteDeps) {
  const k = db.kysely;
  const tx = <T>(fn: (trx: Conn) => Promise<T>) => k.transaction().execute(fn);
  // complaint classifications are saved for the next reader without waiting on SQLite's single writer
  const cache = { conn: k, wait: db.dialect !== 'sqlite' };

  app.get(
    '/api/qa/weekly',
    {
      schema: {
        tags,
        summary: 'The weekly QA report of an ISO week for the caller’s scope',
        querystring: WeekQuery,
        response: { 200: WeeklyOut, ...errors },
      },
    },
    async (req) => weeklyReport(db.read, cache, requirePermission(req, 'qa.review').actor, req.query.week),
  );

  app.get(
    '/api/qa/weekly.xlsx',
    {
      schema: {
        tags,
        summary: 'The weekly QA report as a workbook, every section on its own sheet',
        querystring: WeekQuery,
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'qa.review');
      const { fileName, data } = await weeklyXlsx(await weeklyReport(db.read, cache, actor, req.query.week));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(data);
    },
  );

  app.get(
    '/api/qa/weekly/settings',
    { schema: { tags, summary: 'The weekly report’s settings', response: { 200: WeeklySettings, ...errors } } },
    async (req) => {
      requirePermission(req, 'qa.review');
      return getWeeklySettings(db.read);
    },
  );

  app.put(
    '/api/qa/weekly/settings',
    {
      schema: {
        tags,
        summary: 'Change the weekly report’s settings (flag share as a fraction)',
        body: WeeklySettingsUpdate,
        response: { 200: WeeklySettings, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.manage');
      return tx((trx) => updateWeeklySettings(trx, actor, req.body));
    },
  );

  app.get(
    '/api/qa/weekly/actions',
    {
      schema: {
        tags,
        summary: 'Improvement actions the caller may see',
        querystring: ActionQuery,
        response: { 200: z.array(ActionOut), ...errors },
      },
    },
    async (req) => listActions(db.read, requirePermission(req, 'qa.review').actor, req.query.status),
  );

  app.post(
    '/api/qa/weekly/actions',
    {
      schema: {
        tags,
        summary: 'Raise an improvement action on a complaint category (owner, due date)',
        body: ActionCreate,
        response: { 201: ActionOut, ...errors },
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'qa.manage');
      return reply.code(201).send(await tx((trx) => createAction(trx, actor, req.body)));
    },
  );

  app.put(
    '/api/qa/weekly/actions/:id',
    {
      schema: {
        tags,
        summary: 'Change an open improvement action',
        params: IdParams,
        body: ActionUpdate,
        response: { 200: ActionOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.manage');
      return tx((trx) => updateAction(trx, actor, req.params.id, req.body));
    },
  );

  app.post(
    '/api/qa/weekly/actions/:id/close',
    {
      schema: {
        tags,
        summary: 'Close an improvement action (done) with its outcome',
        params: IdParams,
        body: ActionClose,
        response: { 200: ActionOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.manage');
      return tx((trx) => closeAction(trx, actor, req.params.id, req.body));
    },
  );
}
