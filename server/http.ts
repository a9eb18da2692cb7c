/** What every route module shares: the typed Fastify instance, the caller, and permission checks. */
import type { FastifyBaseLogger, FastifyInstance, FastifyRequest, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Actor } from '../domain/access.ts';
import type { PersonRow } from './db/schema.ts';
import type { Db } from './db/database.ts';
import { forbidden, unauthorized } from './lib/errors.ts';
import { permissionsOf } from './modules/auth/auth.service.ts';
import type { Permission } from './modules/auth/auth.schema.ts';
import type { Role } from '../domain/org.ts';

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

export interface RouteDeps {
  db: Db;
  /** login attempts allowed per minute per address and login */
  loginRateLimit: number;
  secureCookies: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** the signed-in person, set by the session hook; null when not signed in */
    person: PersonRow | null;
    actor: Actor | null;
  }
}

/** The caller, or 401. */
export function requireActor(req: FastifyRequest): { actor: Actor; person: PersonRow } {
  if (!req.actor || !req.person) throw unauthorized();
  return { actor: req.actor, person: req.person };
}

/** The caller if their role carries the permission, else 403 (401 when not signed in). */
export function requirePermission(req: FastifyRequest, permission: Permission): { actor: Actor; person: PersonRow } {
  const who = requireActor(req);
  if (!permissionsOf(who.actor.role as Role).includes(permission)) throw forbidden(`needs permission ${permission}`);
  return who;
}

export const SESSION_COOKIE = 'hm_session';
