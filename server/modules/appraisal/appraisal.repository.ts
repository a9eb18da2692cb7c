/** Appraisal tables (Kysely, one query per method). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  AppraisalCycleTable,
  AppraisalResultTable,
  AppraisalReviewTable,
  AppraisalSchemeTable,
  RedlineViolationTable,
} from '../../db/schema.ts';
import type { Conn } from '../../db/types.ts';

export type SchemeRow = Selectable<AppraisalSchemeTable>;
export type CycleRow = Selectable<AppraisalCycleTable>;
export type ResultRow = Selectable<AppraisalResultTable>;
export type ReviewRow = Selectable<AppraisalReviewTable>;
export type RedLineRow = Selectable<RedlineViolationTable>;

export const listSchemes = (db: Conn) =>
  db.selectFrom('appraisal_schemes').selectAll().orderBy('id').orderBy('version').execute();

export const findScheme = (db: Conn, id: string, version: number) =>
  db.selectFrom('appraisal_schemes').selectAll().where('id', '=', id).where('version', '=', version).executeTakeFirst();

export async function latestVersion(db: Conn, id: string): Promise<number> {
  const r = await db
    .selectFrom('appraisal_schemes')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

/** The shipped schemes' first write; a concurrent first use inserts nothing twice. */
export const insertSchemeIfAbsent = (db: Conn, row: Insertable<AppraisalSchemeTable>) =>
  db
    .insertInto('appraisal_schemes')
    .values(row)
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .execute();

export const insertScheme = (db: Conn, row: Insertable<AppraisalSchemeTable>) =>
  db.insertInto('appraisal_schemes').values(row).execute();

export const listCycles = (db: Conn) =>
  db.selectFrom('appraisal_cycles').selectAll().orderBy('period_from', 'desc').orderBy('id').execute();

export const findCycle = (db: Conn, id: string) =>
  db.selectFrom('appraisal_cycles').selectAll().where('id', '=', id).executeTakeFirst();

export const insertCycle = (db: Conn, row: Insertable<AppraisalCycleTable>) =>
  db.insertInto('appraisal_cycles').values(row).execute();

export const updateCycle = (db: Conn, id: string, patch: Updateable<AppraisalCycleTable>) =>
  db.updateTable('appraisal_cycles').set(patch).where('id', '=', id).execute();

/** People with role agent placed in the scope's departments or groups and not gone before the period. */
export async function agentsInScope(
  db: Conn,
  scope: { departmentIds: string[]; groupIds: string[] },
  periodFrom: string,
) {
  if (scope.departmentIds.length === 0 && scope.groupIds.length === 0) return [];
  return db
    .selectFrom('people')
    .select([
      'id',
      'name',
      'level',
      'star',
      'group_id',
      'department_id',
      'mentor_id',
      'status',
      'status_since',
      'hire_date',
    ])
    .where('role', '=', 'agent')
    .where((eb) =>
      eb.or([
        ...(scope.departmentIds.length ? [eb('department_id', 'in', scope.departmentIds)] : []),
        ...(scope.groupIds.length ? [eb('group_id', 'in', scope.groupIds)] : []),
      ]),
    )
    .where((eb) => eb.or([eb('status', '!=', 'left'), eb('status_since', '>', periodFrom)]))
    .orderBy('id')
    .execute();
}

export const departmentIds = (db: Conn) => db.selectFrom('departments').select('id').execute();

export const groupKinds = (db: Conn) => db.selectFrom('groups').select(['id', 'kind']).execute();

export const personNames = async (db: Conn, ids: string[]) =>
  ids.length ? db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute() : [];

export const findPerson = (db: Conn, id: string) =>
  db.selectFrom('people').select(['id', 'role', 'group_id', 'department_id']).where('id', '=', id).executeTakeFirst();

export const reviewsOf = (db: Conn, cycleId: string) =>
  db
    .selectFrom('appraisal_reviews')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();

/** Removes the entry a new one replaces; without `reviewer_id`, whoever entered it. */
export function deleteReview(
  db: Conn,
  k: { cycle_id: string; person_id: string; kind: string; reviewer_id?: string; item_id: string },
) {
  let q = db
    .deleteFrom('appraisal_reviews')
    .where('cycle_id', '=', k.cycle_id)
    .where('person_id', '=', k.person_id)
    .where('kind', '=', k.kind)
    .where('item_id', '=', k.item_id);
  if (k.reviewer_id !== undefined) q = q.where('reviewer_id', '=', k.reviewer_id);
  return q.execute();
}

export const insertReview = (db: Conn, row: Insertable<AppraisalReviewTable>) =>
  db.insertInto('appraisal_reviews').values(row).execute();

export const resultsOf = (db: Conn, cycleId: string) =>
  db.selectFrom('appraisal_results').selectAll().where('cycle_id', '=', cycleId).orderBy('person_id').execute();

export const findResult = (db: Conn, cycleId: string, personId: string) =>
  db
    .selectFrom('appraisal_results')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('person_id', '=', personId)
    .executeTakeFirst();

export const deleteResults = (db: Conn, cycleId: string) =>
  db.deleteFrom('appraisal_results').where('cycle_id', '=', cycleId).execute();

export const insertResults = (db: Conn, rows: Insertable<AppraisalResultTable>[]) =>
  rows.length ? db.insertInto('appraisal_results').values(rows).execute() : Promise.resolve([]);

export const updateResult = (db: Conn, cycleId: string, personId: string, patch: Updateable<AppraisalResultTable>) =>
  db
    .updateTable('appraisal_results')
    .set(patch)
    .where('cycle_id', '=', cycleId)
    .where('person_id', '=', personId)
    .execute();

/** Final grades of finalised quarterly cycles for these people (for the excellent-twice rule). */
export const quarterlyGrades = async (db: Conn, personIds: string[]) =>
  personIds.length === 0
    ? []
    : db
        .selectFrom('appraisal_results as r')
        .innerJoin('appraisal_cycles as c', 'c.id', 'r.cycle_id')
        .select(['r.person_id', 'r.final_grade', 'r.bonus', 'c.period_from', 'c.id as cycle_id'])
        .where('c.kind', '=', 'quarterly')
        .where('c.state', '=', 'finalised')
        .where('r.person_id', 'in', personIds)
        .execute();

/** Red lines that count in a cycle: tied to it, or untied and dated inside its period. */
export const redLinesFor = (db: Conn, cycleId: string, from: string, to: string) =>
  db
    .selectFrom('redline_violations')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('cycle_id', '=', cycleId),
        eb.and([eb('cycle_id', 'is', null), eb('on_date', '>=', from), eb('on_date', '<=', to)]),
      ]),
    )
    .orderBy('on_date')
    .execute();

export const insertRedLine = (db: Conn, row: Insertable<RedlineViolationTable>) =>
  db.insertInto('redline_violations').values(row).execute();

/** Cycles not yet finalised whose period holds the day (a new red line changes their bonuses). */
export const openCyclesCovering = (db: Conn, day: string) =>
  db
    .selectFrom('appraisal_cycles')
    .selectAll()
    .where('period_from', '<=', day)
    .where('period_to', '>=', day)
    .where('state', 'in', ['reviewing', 'calibration'])
    .execute();

export const mentorsOf = async (db: Conn, ids: string[]) =>
  ids.length ? db.selectFrom('people').select(['id', 'mentor_id']).where('id', 'in', ids).execute() : [];

// ---- what stands behind results (the appeal inbox, hand-entered values, the audit trail) ----

/** Results with an appeal (open: waiting for an answer; answered), with their cycle and the names involved. */
export function appealsOf(db: Conn, status?: 'open' | 'answered') {
  let q = db
    .selectFrom('appraisal_results as r')
    .innerJoin('appraisal_cycles as c', 'c.id', 'r.cycle_id')
    .innerJoin('people as p', 'p.id', 'r.person_id')
    .select([
      'r.cycle_id',
      'r.person_id',
      'r.group_id',
      'r.department_id',
      'r.total_hundredths',
      'r.final_total_hundredths',
      'r.final_grade',
      'r.calibration_reason',
      'r.calibrated_by',
      'r.calibrated_at',
      'r.appeal',
      'c.name as cycle_name',
      'c.state as cycle_state',
      'c.period_from',
      'c.period_to',
      'p.name as person_name',
    ])
    .where('r.appeal', 'is not', null);
  if (status) q = q.where('r.appeal_open', '=', status === 'open' ? 1 : 0);
  return q.orderBy('c.period_from', 'desc').orderBy('r.cycle_id').orderBy('r.person_id').execute();
}

/** The hand-entered values of one person in a cycle with who entered them. */
export const manualValuesOf = (db: Conn, cycleId: string, personId: string) =>
  db
    .selectFrom('appraisal_reviews as v')
    .leftJoin('people as p', 'p.id', 'v.reviewer_id')
    .select(['v.item_id', 'v.value', 'v.comment', 'v.reviewer_id', 'v.created_at', 'p.name as reviewer_name'])
    .where('v.cycle_id', '=', cycleId)
    .where('v.person_id', '=', personId)
    .where('v.kind', '=', 'manual')
    .orderBy('v.item_id')
    .execute();

/** Audit entries of one entity with these actions, oldest first, with the actor's name. */
export const auditTrail = (db: Conn, entity: string, entityId: string, actions: readonly string[]) =>
  db
    .selectFrom('audit_log as a')
    .leftJoin('people as p', 'p.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.actor_id', 'p.name as actor_name', 'a.action', 'a.before', 'a.after'])
    .where('a.entity', '=', entity)
    .where('a.entity_id', '=', entityId)
    .where('a.action', 'in', [...actions])
    .orderBy('a.id')
    .execute();
