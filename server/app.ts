import fs from 'node:fs';
import path from 'node:path';
import Fastify, { type FastifyError } from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Db } from './db/database.ts';
import { HttpError } from './lib/errors.ts';
import { SESSION_COOKIE, type App } from './http.ts';
import { resolveSession, toActor } from './modules/auth/auth.service.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { orgRoutes } from './modules/org/org.routes.ts';
import { peopleRoutes } from './modules/people/people.routes.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { settingsRoutes } from './modules/settings/settings.routes.ts';
import { kpiRoutes } from './modules/kpi/kpi.routes.ts';
import { ingestRoutes } from './modules/ingest/ingest.routes.ts';
import { appraisalRoutes } from './modules/appraisal/appraisal.routes.ts';
import { qaRoutes } from './modules/qa/qa.routes.ts';

export interface AppOptions {
  db: Db;
  /** built console (dist/web); omitted in API-only tests */
  staticDir?: string;
  logger?: boolean;
  /** login attempts allowed per minute per address and login */
  loginRateLimit?: number;
  /** mark the session cookie Secure (behind HTTPS) */
  secureCookies?: boolean;
}

/** Builds the whole HTTP application: API under /api, docs at /api/docs, the console at /. */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger ? { level: 'info' } : false,
    bodyLimit: 20 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((err: FastifyError | HttpError, req, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ error: err.code, message: err.message, details: err.details });
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || undefined,
        message: v.message ?? 'invalid',
      }));
      const where = err.validationContext ?? 'request';
      return reply.code(400).send({
        error: 'validation',
        message: `invalid ${where}: ${details.map((d) => (d.field ? `${d.field}: ${d.message}` : d.message)).join('; ')}`,
        details,
      });
    }
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) req.log.error(err);
    return reply.code(status).send({
      error: status === 429 ? 'rate_limited' : status >= 500 ? 'internal' : 'error',
      message: status >= 500 ? 'internal error' : err.message,
    });
  });

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Helmsman API',
        description: 'Helmsman (舵手): performance and service operations for e-commerce customer service.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.decorateRequest('person', null);
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    const person = await resolveSession(opts.db.read, req.cookies[SESSION_COOKIE]);
    req.person = person;
    req.actor = person ? toActor(person) : null;
  });

  const deps = { db: opts.db, loginRateLimit: opts.loginRateLimit ?? 10, secureCookies: opts.secureCookies ?? false };
  await app.register(async (api) => {
    await authRoutes(api as unknown as App, deps);
    await orgRoutes(api as unknown as App, deps);
    await peopleRoutes(api as unknown as App, deps);
    await auditRoutes(api as unknown as App, deps);
    await settingsRoutes(api as unknown as App, deps);
    await kpiRoutes(api as unknown as App, deps);
    await ingestRoutes(api as unknown as App, deps);
    await appraisalRoutes(api as unknown as App, deps);
    await qaRoutes(api as unknown as App, deps);
    api.get('/api/health', { schema: { hide: true } }, async () => ({ ok: true, database: opts.db.dialect }));
  });

  const staticDir = opts.staticDir;
  if (staticDir && fs.existsSync(path.join(staticDir, 'index.html'))) {
    // wildcard: files are looked up per request, so a rebuilt console is served without a restart
    await app.register(fastifyStatic, { root: path.resolve(staticDir), wildcard: true });
    app.setNotFoundHandler((req, reply) => {
      if (req.url.startsWith('/api/') || req.url.startsWith('/assets/') || req.method !== 'GET') {
        return reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` });
      }
      return reply.type('text/html').sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((req, reply) =>
      reply.code(404).send({ error: 'not_found', message: `no route ${req.method} ${req.url.split('?')[0]}` }),
    );
  }
  return app as unknown as App;
}
