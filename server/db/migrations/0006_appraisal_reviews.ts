import type { Kysely } from 'kysely';

/**
 * Appraisal reviews beyond the forms (SPEC APR-3, APR-7): the peer/360 reviewers a supervisor
 * picks, customer-survey answers for the reproducible sample, performance-interview notes
 * (绩效面谈) and the consequence proposals with their decisions. Peer scores themselves stay in
 * `appraisal_reviews` (kind `peer360`, one per reviewer).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appraisal_peer_reviewers')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('appraisal_cycles.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('assigned_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appraisal_peer_reviewers_pk', ['cycle_id', 'person_id', 'reviewer_id'])
    .execute();
  await db.schema
    .createIndex('appraisal_peer_reviewers_reviewer_idx')
    .on('appraisal_peer_reviewers')
    .column('reviewer_id')
    .execute();

  await db.schema
    .createTable('appraisal_survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('appraisal_cycles.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('satisfied', 'integer', (c) => c.notNull())
    .addColumn('csat', 'integer')
    .addColumn('comment', 'text')
    .addColumn('entered_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('appraisal_survey_answers_uq', ['cycle_id', 'person_id', 'customer_id'])
    .execute();

  await db.schema
    .createTable('appraisal_interviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('appraisal_cycles.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    /** agreed actions, JSON array of strings */
    .addColumn('actions', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('appraisal_interviews_uq', ['cycle_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('appraisal_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('appraisal_cycles.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    /** the domain's Proposal, JSON */
    .addColumn('proposal', 'text', (c) => c.notNull())
    /** open | confirmed | rejected */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('mentor_id', 'text')
    .addColumn('reappraise_on', 'text')
    /** what a confirmation changed (e.g. the level change and its history date), JSON */
    .addColumn('applied', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('appraisal_proposals_uq', ['cycle_id', 'person_id', 'kind'])
    .execute();
  await db.schema
    .createIndex('appraisal_proposals_person_idx')
    .on('appraisal_proposals')
    .columns(['person_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'appraisal_proposals',
    'appraisal_interviews',
    'appraisal_survey_answers',
    'appraisal_peer_reviewers',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
