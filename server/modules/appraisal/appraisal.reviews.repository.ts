/** Tables of peer reviewers, survey answers, interview notes and proposals (Kysely, one query per method). */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type {
  AppraisalInterviewTable,
  AppraisalPeerReviewerTable,
  AppraisalProposalTable,
  AppraisalSurveyAnswerTable,
} from '../../db/schema.ts';
import type { Conn } from '../../db/types.ts';

export type PeerReviewerRow = Selectable<AppraisalPeerReviewerTable>;
export type SurveyAnswerRow = Selectable<AppraisalSurveyAnswerTable>;
export type InterviewRow = Selectable<AppraisalInterviewTable>;
export type ProposalRow = Selectable<AppraisalProposalTable>;

// ---- people and their history ----

/** People by id with what a reviewer or mentor check needs. */
export const findPeople = async (db: Conn, ids: string[]) =>
  ids.length
    ? db.selectFrom('people').select(['id', 'name', 'login', 'role', 'status']).where('id', 'in', ids).execute()
    : [];

/** The employment history of these people, oldest first (appended, never rewritten). */
export const employmentEvents = async (db: Conn, personIds: string[]) =>
  personIds.length
    ? db
        .selectFrom('employment_events')
        .select(['person_id', 'kind', 'on_date', 'detail'])
        .where('person_id', 'in', personIds)
        .orderBy('created_at')
        .orderBy('id')
        .execute()
    : [];

// ---- peer reviewers ----

export const peerReviewersOf = (db: Conn, cycleId: string) =>
  db
    .selectFrom('appraisal_peer_reviewers')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('person_id')
    .orderBy('reviewer_id')
    .execute();

export const insertPeerReviewers = (db: Conn, rows: Insertable<AppraisalPeerReviewerTable>[]) =>
  rows.length ? db.insertInto('appraisal_peer_reviewers').values(rows).execute() : Promise.resolve([]);

export const deletePeerReviewers = (db: Conn, cycleId: string, personId: string, reviewerIds: string[]) =>
  reviewerIds.length
    ? db
        .deleteFrom('appraisal_peer_reviewers')
        .where('cycle_id', '=', cycleId)
        .where('person_id', '=', personId)
        .where('reviewer_id', 'in', reviewerIds)
        .execute()
    : Promise.resolve([]);

/** Assignments of a reviewer in cycles in `states` with no peer review from them yet. */
export const pendingPeerReviews = (db: Conn, reviewerId: string, states: readonly string[]) =>
  db
    .selectFrom('appraisal_peer_reviewers as a')
    .innerJoin('appraisal_cycles as c', 'c.id', 'a.cycle_id')
    .innerJoin('people as p', 'p.id', 'a.person_id')
    .leftJoin('appraisal_reviews as r', (join) =>
      join
        .onRef('r.cycle_id', '=', 'a.cycle_id')
        .onRef('r.person_id', '=', 'a.person_id')
        .onRef('r.reviewer_id', '=', 'a.reviewer_id')
        .on('r.kind', '=', 'peer360'),
    )
    .select([
      'a.cycle_id',
      'c.name as cycle_name',
      'c.state',
      'c.period_from',
      'c.period_to',
      'a.person_id',
      'p.name as person_name',
      'a.created_at',
    ])
    .where('a.reviewer_id', '=', reviewerId)
    .where('c.state', 'in', [...states])
    .where('r.id', 'is', null)
    .orderBy('c.period_from')
    .orderBy('a.person_id')
    .execute();

// ---- customer survey ----

/** Distinct (agent, customer) pairs served in the period: the inquiry facts of the KPI store. */
export const servedCustomers = async (db: Conn, agentIds: string[], from: string, to: string) =>
  agentIds.length
    ? db
        .selectFrom('fact_sales')
        .select(['agent_id', 'customer_id'])
        .distinct()
        .where('kind', '=', 'inquiry')
        .where('agent_id', 'in', agentIds)
        .where('day', '>=', from)
        .where('day', '<=', to)
        .execute()
    : [];

export const surveyAnswersOf = (db: Conn, cycleId: string) =>
  db
    .selectFrom('appraisal_survey_answers')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('person_id')
    .orderBy('customer_id')
    .execute();

export const deleteSurveyAnswer = (db: Conn, cycleId: string, personId: string, customerId: string) =>
  db
    .deleteFrom('appraisal_survey_answers')
    .where('cycle_id', '=', cycleId)
    .where('person_id', '=', personId)
    .where('customer_id', '=', customerId)
    .execute();

export const insertSurveyAnswer = (db: Conn, row: Insertable<AppraisalSurveyAnswerTable>) =>
  db.insertInto('appraisal_survey_answers').values(row).execute();

// ---- interview notes ----

export const interviewsOf = (db: Conn, cycleId: string) =>
  db.selectFrom('appraisal_interviews').selectAll().where('cycle_id', '=', cycleId).orderBy('person_id').execute();

export const findInterview = (db: Conn, cycleId: string, personId: string) =>
  db
    .selectFrom('appraisal_interviews')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('person_id', '=', personId)
    .executeTakeFirst();

export const insertInterview = (db: Conn, row: Insertable<AppraisalInterviewTable>) =>
  db.insertInto('appraisal_interviews').values(row).execute();

export const updateInterview = (db: Conn, id: string, patch: Updateable<AppraisalInterviewTable>) =>
  db.updateTable('appraisal_interviews').set(patch).where('id', '=', id).execute();

// ---- proposals ----

export const proposalsOf = (db: Conn, cycleId: string) =>
  db
    .selectFrom('appraisal_proposals')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .orderBy('person_id')
    .orderBy('created_at')
    .orderBy('kind')
    .execute();

export const findProposal = (db: Conn, cycleId: string, id: string) =>
  db
    .selectFrom('appraisal_proposals')
    .selectAll()
    .where('cycle_id', '=', cycleId)
    .where('id', '=', id)
    .executeTakeFirst();

export const insertProposals = (db: Conn, rows: Insertable<AppraisalProposalTable>[]) =>
  rows.length ? db.insertInto('appraisal_proposals').values(rows).execute() : Promise.resolve([]);

export const updateProposal = (db: Conn, id: string, patch: Updateable<AppraisalProposalTable>) =>
  db.updateTable('appraisal_proposals').set(patch).where('id', '=', id).execute();

export const deleteProposals = (db: Conn, ids: string[]) =>
  ids.length ? db.deleteFrom('appraisal_proposals').where('id', 'in', ids).execute() : Promise.resolve([]);

/** Confirmed improvement plans of these people (for the re-appraisal after the mentoring month). */
export const confirmedPlans = async (db: Conn, personIds: string[]) =>
  personIds.length
    ? db
        .selectFrom('appraisal_proposals')
        .select(['id', 'cycle_id', 'person_id', 'reappraise_on'])
        .where('kind', '=', 'improvement_plan')
        .where('status', '=', 'confirmed')
        .where('person_id', 'in', personIds)
        .execute()
    : [];
