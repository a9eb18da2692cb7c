/** The checks QA writes and reads share: permissions, placement, and domain errors turned into API errors. */
import type { Actor, Placement } from '../../../domain/access.ts';
import type { Role } from '../../../domain/org.ts';
import { NoReviewerError } from '../../../domain/qa/sampling.ts';
import { RatingsInvalidError } from '../../../domain/qa/score.ts';
import type { ScorecardProblem } from '../../../domain/qa/scorecard.ts';
import type { Conn } from '../../db/types.ts';
import { HttpError, notFound } from '../../lib/errors.ts';
import { permissionsOf } from '../auth/auth.service.ts';
import type { Permission } from '../auth/auth.schema.ts';
import * as repo from './qa.repository.ts';

/** Whether the actor's role carries the permission. */
export const can = (actor: Actor, p: Permission) => permissionsOf(actor.role).includes(p);

/** Whether a role carries the permission (for people who are not the caller: reviewers to assign). */
export const roleCan = (role: string, p: Permission) => permissionsOf(role as Role)?.includes(p) ?? false;

/** A person row as the access policy places it. */
export const placementOf = (p: { id: string; group_id: string | null; department_id: string | null }): Placement => ({
  personId: p.id,
  groupId: p.group_id,
  departmentId: p.department_id,
});

/** The person, or 404. */
export async function personOrThrow(conn: Conn, id: string) {
  const p = await repo.findPerson(conn, id);
  if (!p) throw notFound('person');
  return p;
}

/** 400 with every problem by path. */
export function problemsError(code: string, what: string, problems: ScorecardProblem[]): HttpError {
  return new HttpError(
    400,
    code,
    `${what} has ${problems.length} problem(s): ${problems.map((p) => `${p.path.join('.')}: ${p.en}`).join('; ')}`,
    problems.map((p) => ({ field: p.path.join('.'), message: `${p.zh} / ${p.en}` })),
  );
}

/** Runs a domain step and turns its typed errors into API errors (400 ratings_invalid, 400 no_reviewer). */
export function guard<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    if (e instanceof RatingsInvalidError) throw problemsError('ratings_invalid', 'the ratings', e.problems);
    if (e instanceof NoReviewerError) {
      throw new HttpError(400, 'no_reviewer', `${e.message}: add another reviewer`, [
        { field: 'reviewerIds', message: e.message },
      ]);
    }
    throw e;
  }
}

/** Points → stored hundredths (94.67 → 9467). */
export const toHundredths = (points: number) => Math.round(points * 100);
/** Stored hundredths → points. */
export const fromHundredths = (h: number) => Number(h) / 100;
