import type { Kysely } from 'kysely';

/**
 * Appraisal (SPEC APR): scheme versions, cycles, per-agent results, review entries and red-line
 * violations. Scores that need decimals are stored in hundredths as integers (portable and
 * exact); review values (0–100 points or fractions) as double precision; whole results as JSON.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('appraisal_schemes')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addPrimaryKeyConstraint('appraisal_schemes_pk', ['id', 'version'])
    .execute();

  await db.schema
    .createTable('appraisal_cycles')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('period_from', 'text', (c) => c.notNull())
    .addColumn('period_to', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('scheme_id', 'text', (c) => c.notNull())
    .addColumn('scheme_version', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addForeignKeyConstraint('appraisal_cycles_scheme_fk', ['scheme_id', 'scheme_version'], 'appraisal_schemes', [
      'id',
      'version',
    ])
    .execute();

  await db.schema
    .createTable('appraisal_results')
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('appraisal_cycles.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('group_id', 'text')
    .addColumn('department_id', 'text')
    .addColumn('total_hundredths', 'integer')
    .addColumn('grade', 'text')
    .addColumn('final_total_hundredths', 'integer')
    .addColumn('final_grade', 'text')
    .addColumn('rank', 'integer')
    .addColumn('rank_of', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('calibration_reason', 'text')
    .addColumn('calibrated_by', 'text')
    .addColumn('calibrated_at', 'text')
    .addColumn('bonus', 'text')
    .addColumn('bonus_cents', 'integer')
    .addColumn('proposals', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('acknowledged_at', 'text')
    .addColumn('appeal', 'text')
    .addColumn('appeal_open', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appraisal_results_pk', ['cycle_id', 'person_id'])
    .execute();
  await db.schema.createIndex('appraisal_results_person_idx').on('appraisal_results').column('person_id').execute();

  await db.schema
    .createTable('appraisal_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('cycle_id', 'text', (c) => c.notNull().references('appraisal_cycles.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('reviewer_id', 'text', (c) => c.notNull())
    /** the indicator a manual value is for; '' for review forms */
    .addColumn('item_id', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('appraisal_reviews_uq', ['cycle_id', 'person_id', 'kind', 'reviewer_id', 'item_id'])
    .execute();

  await db.schema
    .createTable('redline_violations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('cycle_id', 'text', (c) => c.references('appraisal_cycles.id'))
    .addColumn('on_date', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('redline_violations_person_idx')
    .on('redline_violations')
    .columns(['person_id', 'on_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'redline_violations',
    'appraisal_reviews',
    'appraisal_results',
    'appraisal_cycles',
    'appraisal_schemes',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
