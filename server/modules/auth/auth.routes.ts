import { z } from 'zod';
import { requireActor, SESSION_COOKIE, type App, type RouteDeps } from '../../http.ts';
import { ApiError, LocaleBody, LoginBody, Me, PasswordChangeBody } from './auth.schema.ts';
import * as auth from './auth.service.ts';

const Ok = z.object({ ok: z.literal(true) });
const errors = { 400: ApiError, 401: ApiError, 429: ApiError };

export async function authRoutes(app: App, { db, loginRateLimit, secureCookies }: RouteDeps) {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: secureCookies,
    maxAge: auth.SESSION_TTL_MS / 1000,
  };

  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in with login and password', body: LoginBody, response: { 200: Me, ...errors } },
      config: {
        rateLimit: {
          max: loginRateLimit,
          timeWindow: '1 minute',
          keyGenerator: (req) => `${req.ip}|${String((req.body as { login?: unknown } | undefined)?.login ?? '')}`,
        },
      },
    },
    async (req, reply) => {
      const { token, person } = await auth.login(db.kysely, req.body.login, req.body.password);
      reply.setCookie(SESSION_COOKIE, token, cookieOptions);
      return auth.toMe(person);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok } } }, async (req, reply) => {
    await auth.logout(db.kysely, req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true as const };
  });

  app.get('/api/auth/me', { schema: { tags: ['auth'], summary: 'The signed-in person', response: { 200: Me, 401: ApiError } } }, async (req) =>
    auth.toMe(requireActor(req).person),
  );

  app.post(
    '/api/auth/password',
    { schema: { tags: ['auth'], summary: 'Change my password', body: PasswordChangeBody, response: { 200: Ok, ...errors } } },
    async (req) => {
      const { person } = requireActor(req);
      await db.kysely.transaction().execute((trx) =>
        auth.changePassword(trx, person, req.cookies[SESSION_COOKIE] ?? '', req.body.currentPassword, req.body.newPassword),
      );
      return { ok: true as const };
    },
  );

  app.put(
    '/api/auth/locale',
    { schema: { tags: ['auth'], summary: 'Set my console language', body: LocaleBody, response: { 200: Ok, ...errors } } },
    async (req) => {
      await auth.setLocale(db.kysely, requireActor(req).person.id, req.body.locale);
      return { ok: true as const };
    },
  );
}
