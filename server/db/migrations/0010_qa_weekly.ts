import type { Kysely } from 'kysely';

/**
 * The weekly QA report (SPEC QA-6): improvement actions raised on a flagged complaint category,
 * and a cache of each complaint conversation's category (domain/qa/complaints.ts) so the share
 * of a category can be tracked over many weeks without re-reading the chats. A cached row is
 * trusted only while its fingerprint (lexicon version, customer-message count, issue key)
 * still matches; otherwise the conversation is classified again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('qa_improvement_actions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('category', 'text', (c) => c.notNull())
    /** the ISO week (YYYY-Www) the category was flagged in: the effect's baseline */
    .addColumn('week', 'text', (c) => c.notNull())
    /** { departmentIds, groupIds } JSON: the complaints whose share is tracked; both empty = everything */
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('due_date', 'text', (c) => c.notNull())
    /** open | done */
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_by', 'text', (c) => c.references('people.id'))
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('qa_improvement_actions_week_idx')
    .on('qa_improvement_actions')
    .columns(['week', 'status'])
    .execute();

  await db.schema
    .createTable('qa_complaint_classes')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey())
    /** the conversation's local day (as in fact_conversations) */
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    /** attribute | lexicon | none */
    .addColumn('source', 'text', (c) => c.notNull())
    /** the keywords found, JSON [{ category, term, hits }] */
    .addColumn('terms', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('classified_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_complaint_classes_day_idx').on('qa_complaint_classes').column('day').execute();
}

/** Drops the weekly-report tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('qa_complaint_classes').execute();
  await db.schema.dropTable('qa_improvement_actions').execute();
}
