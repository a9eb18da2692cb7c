import type { Kysely } from 'kysely';

/**
 * Quality inspection (SPEC QA-1, QA-2, QA-4, QA-5): scorecard versions (the domain's Scorecard
 * as JSON), sampling-rule versions, samples with their reviewer assignments, reviews, disputes,
 * and calibration sessions with their blind scores. Scores are stored in hundredths as integers
 * (portable and exact); ratings, comments and breakdowns as JSON text.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('qa_scorecards')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('json', 'text', (c) => c.notNull())
    /** set on every version when the scorecard family is retired: no new samples or sessions use it */
    .addColumn('retired_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('qa_scorecards_pk', ['id', 'version'])
    .execute();

  await db.schema
    .createTable('qa_sampling_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('qa_samples')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('scorecard_id', 'text', (c) => c.notNull())
    .addColumn('scorecard_version', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addForeignKeyConstraint('qa_samples_scorecard_fk', ['scorecard_id', 'scorecard_version'], 'qa_scorecards', [
      'id',
      'version',
    ])
    .execute();

  await db.schema
    .createTable('qa_assignments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sample_id', 'text', (c) => c.notNull().references('qa_samples.id'))
    /** a conversation is sampled at most once */
    .addColumn('conversation_id', 'text', (c) => c.notNull().unique())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute();
  await db.schema
    .createIndex('qa_assignments_reviewer_idx')
    .on('qa_assignments')
    .columns(['reviewer_id', 'status'])
    .execute();
  await db.schema.createIndex('qa_assignments_sample_idx').on('qa_assignments').column('sample_id').execute();

  await db.schema
    .createTable('qa_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('assignment_id', 'text', (c) => c.notNull().unique().references('qa_assignments.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('people.id'))
    /** the conversation's local day: the period a review counts in */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('scorecard_id', 'text', (c) => c.notNull())
    .addColumn('scorecard_version', 'integer', (c) => c.notNull())
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('comments', 'text', (c) => c.notNull())
    .addColumn('coaching_note', 'text')
    .addColumn('score_hundredths', 'integer', (c) => c.notNull())
    /** the score that counts: the revised one after a dispute, else score_hundredths */
    .addColumn('final_score_hundredths', 'integer', (c) => c.notNull())
    .addColumn('critical_fail', 'integer', (c) => c.notNull())
    .addColumn('breakdown', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('qa_reviews_scorecard_fk', ['scorecard_id', 'scorecard_version'], 'qa_scorecards', [
      'id',
      'version',
    ])
    .execute();
  await db.schema.createIndex('qa_reviews_agent_idx').on('qa_reviews').columns(['agent_id', 'day']).execute();
  await db.schema.createIndex('qa_reviews_reviewer_idx').on('qa_reviews').column('reviewer_id').execute();

  await db.schema
    .createTable('qa_disputes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('review_id', 'text', (c) => c.notNull().unique().references('qa_reviews.id'))
    .addColumn('agent_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('note', 'text')
    .addColumn('ratings', 'text')
    .addColumn('score_hundredths', 'integer')
    .execute();

  await db.schema
    .createTable('qa_calibration_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scorecard_id', 'text', (c) => c.notNull())
    .addColumn('scorecard_version', 'integer', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('benchmark_reviewer_id', 'text')
    .addColumn('conversation_ids', 'text', (c) => c.notNull())
    .addColumn('reviewer_ids', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addForeignKeyConstraint('qa_calibration_scorecard_fk', ['scorecard_id', 'scorecard_version'], 'qa_scorecards', [
      'id',
      'version',
    ])
    .execute();

  await db.schema
    .createTable('qa_calibration_scores')
    .addColumn('session_id', 'text', (c) => c.notNull().references('qa_calibration_sessions.id'))
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('score_hundredths', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('qa_calibration_scores_pk', ['session_id', 'conversation_id', 'reviewer_id'])
    .execute();
}

/** Drops the QA tables, children first. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'qa_calibration_scores',
    'qa_calibration_sessions',
    'qa_disputes',
    'qa_reviews',
    'qa_assignments',
    'qa_samples',
    'qa_sampling_rules',
    'qa_scorecards',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
