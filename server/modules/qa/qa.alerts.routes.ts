import { SESSION_COOKIE, requirePermission, type App, type RouteDeps } from '../../http.ts';
import type { Conn } from '../../db/types.ts';
import { ApiError } from '../auth/auth.schema.ts';
import { resolveSession, toActor } from '../auth/auth.service.ts';
import { acknowledgeAlert, alertStats, listAlerts, resolveAlert } from './qa.alerts.ts';
import { alertForActor, alertHub, type AlertSubscriber } from './qa.alerts.hub.ts';
import { AlertOut, AlertResolve, AlertsPage, AlertsQuery, AlertStats, AlertStatsQuery } from './qa.alerts.schema.ts';
import { roleCan } from './qa.guard.ts';
import { IdParams } from './qa.schema.ts';

const errors = { 400: ApiError, 401: ApiError, 403: ApiError, 404: ApiError, 409: ApiError };
const tags = ['qa'];

/**
 * Alerts (危机预警, SPEC QA-3, SVC-7) for QA reviewers — leads, supervisors, managers, admins —
 * about the agents in their scope: the list, a live stream of server-sent events, acknowledging,
 * resolving with an outcome, and the intervention success rate. Agents and HR get 403.
 */
export async function alertRoutes(app: App, { db }: RouteDeps) {
  const hub = alertHub(db);
  const tx = <T>(fn: (trx: Conn) => Promise<T>) => db.kysely.transaction().execute(fn);
  /** the streams this app serves, ended before the server closes */
  const streams = new Set<() => void>();

  app.get(
    '/api/qa/alerts',
    {
      schema: {
        tags,
        summary: 'Alerts about agents in your scope, newest first',
        querystring: AlertsQuery,
        response: { 200: AlertsPage, ...errors },
      },
    },
    async (req) => listAlerts(db.read, requirePermission(req, 'qa.review').actor, req.query),
  );

  app.get(
    '/api/qa/alerts/stats',
    {
      schema: {
        tags,
        summary: 'Alerts raised and handled, and the intervention success rate, per period and group',
        querystring: AlertStatsQuery,
        response: { 200: AlertStats, ...errors },
      },
    },
    async (req) => alertStats(db.read, requirePermission(req, 'qa.review').actor, req.query),
  );

  app.get(
    '/api/qa/alerts/stream',
    {
      schema: {
        tags,
        summary:
          'Server-sent events: `alert` (a new alert in your scope), `alerts` {count} (a burst: reload the list), `alert-updated`; a comment line every 15 s',
        produces: ['text/event-stream'],
      },
    },
    async (req, reply) => {
      const { actor } = requirePermission(req, 'qa.review');
      const token = req.cookies[SESSION_COOKIE];
      const res = reply.raw;
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      const write = (chunk: string) => {
        if (!res.writableEnded && !res.destroyed) res.write(chunk);
      };
      const sub: AlertSubscriber = {
        actor,
        send: (event, data) => write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
      };
      const unsubscribe = hub.subscribe(sub);
      // the session is checked again at every heartbeat: signing out or leaving ends the stream,
      // and a move to another group or role changes what it carries
      const beat = setInterval(() => {
        resolveSession(db.read, token)
          .then((person) => {
            if (!person || !roleCan(person.role, 'qa.review')) return close();
            sub.actor = toActor(person);
            write(': ping\n\n');
          })
          .catch(() => close());
      }, hub.heartbeatMs);
      const close = () => {
        clearInterval(beat);
        unsubscribe();
        streams.delete(close);
        if (!res.writableEnded) res.end();
      };
      streams.add(close);
      req.raw.on('close', close);
      write('retry: 3000\nevent: ready\ndata: {}\n\n');
    },
  );

  app.post(
    '/api/qa/alerts/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge an alert: you are on it',
        params: IdParams,
        response: { 200: AlertOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.review');
      const out = await tx((trx) => acknowledgeAlert(trx, actor, req.params.id));
      hub.publishUpdate(out);
      return alertForActor(actor, out);
    },
  );

  app.post(
    '/api/qa/alerts/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an alert with its outcome: intervened, bad review avoided or not',
        params: IdParams,
        body: AlertResolve,
        response: { 200: AlertOut, ...errors },
      },
    },
    async (req) => {
      const { actor } = requirePermission(req, 'qa.review');
      const out = await tx((trx) => resolveAlert(trx, actor, req.params.id, req.body));
      hub.publishUpdate(out);
      return alertForActor(actor, out);
    },
  );

  // open streams would keep the server from closing
  app.addHook('preClose', async () => {
    for (const close of [...streams]) close();
  });
}
