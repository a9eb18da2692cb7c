/** Appraisal schemes (SPEC APR-1): the shipped ones seeded on first use, versions saved validated and never changed. */
import type { Actor } from '../../../domain/access.ts';
import { DEFAULT_SCHEME, TAOBAO_SCHEME, validateScheme, type Scheme } from '../../../domain/appraisal/index.ts';
import type { Conn } from '../../db/types.ts';
import { nowIso } from '../../lib/dates.ts';
import { HttpError, notFound } from '../../lib/errors.ts';
import { record } from '../audit/audit.service.ts';
import { parseScheme } from './appraisal.compute.ts';
import * as repo from './appraisal.repository.ts';
import type { SchemeCreate, SchemeOut } from './appraisal.schema.ts';

const SHIPPED: readonly Scheme[] = [DEFAULT_SCHEME, TAOBAO_SCHEME];

/** The shipped schemes are written to the table the first time schemes are used. */
export async function ensureShippedSchemes(conn: Conn): Promise<void> {
  for (const s of SHIPPED) {
    if (await repo.findScheme(conn, s.id, s.version)) continue;
    await repo.insertSchemeIfAbsent(conn, {
      id: s.id,
      version: s.version,
      name: s.name.zh,
      json: JSON.stringify(s),
      created_at: nowIso(),
      created_by: null,
    });
  }
}

function presentScheme(row: repo.SchemeRow): SchemeOut {
  const s = parseScheme(row);
  return {
    ...(s as unknown as Omit<SchemeOut, 'createdAt' | 'createdBy'>),
    createdAt: row.created_at,
    createdBy: row.created_by,
  };
}

export async function listSchemes(conn: Conn): Promise<SchemeOut[]> {
  await ensureShippedSchemes(conn);
  return (await repo.listSchemes(conn)).map(presentScheme);
}

export async function getScheme(conn: Conn, id: string, version: number): Promise<SchemeOut> {
  await ensureShippedSchemes(conn);
  const row = await repo.findScheme(conn, id, version);
  if (!row) throw notFound(`scheme ${id} v${version}`);
  return presentScheme(row);
}

/** The scheme version a cycle runs with. */
export async function schemeOf(conn: Conn, cycle: repo.CycleRow): Promise<Scheme> {
  const row = await repo.findScheme(conn, cycle.scheme_id, cycle.scheme_version);
  if (!row) throw notFound(`scheme ${cycle.scheme_id} v${cycle.scheme_version}`);
  return parseScheme(row);
}

/** Saves the next version of a scheme family; older versions are never changed. 400 lists every problem by path. */
export async function createSchemeVersion(conn: Conn, actor: Actor, body: SchemeCreate): Promise<SchemeOut> {
  await ensureShippedSchemes(conn);
  const version = (await repo.latestVersion(conn, body.id)) + 1;
  const scheme = { id: body.id, version, name: body.name, sections: body.sections } as Scheme;
  const problems = validateScheme(scheme);
  if (problems.length > 0) {
    throw new HttpError(
      400,
      'scheme_invalid',
      `the scheme has ${problems.length} problem(s): ${problems.map((p) => `${p.path.join('.')}: ${p.en}`).join('; ')}`,
      problems.map((p) => ({ field: p.path.join('.'), message: `${p.zh} / ${p.en}` })),
    );
  }
  const row = {
    id: body.id,
    version,
    name: body.name.zh,
    json: JSON.stringify(scheme),
    created_at: nowIso(),
    created_by: actor.id,
  };
  await repo.insertScheme(conn, row);
  await record(conn, actor, 'appraisal.scheme_version', 'appraisal_scheme', `${body.id}@${version}`, null, scheme);
  return presentScheme(row);
}
