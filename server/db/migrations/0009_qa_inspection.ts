import type { Kysely } from 'kysely';

/**
 * Automatic inspection of every conversation (SPEC QA-3, KPI-12, KPI-15 compliance, the alert
 * part of SVC-7): one result row per conversation (counts to filter and aggregate on, the
 * findings with their positions as JSON), the words a manager adds to the shipped lexicons,
 * and the alerts raised for supervisors with what was done about them. Shares and indexes are
 * stored as integers (parts per million, basis points) so they stay exact and portable.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('qa_inspections')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey())
    /** the credited agent and their group when inspected */
    .addColumn('agent_id', 'text')
    .addColumn('group_id', 'text')
    /** the conversation's local day (as its facts) */
    .addColumn('day', 'text', (c) => c.notNull())
    /** fingerprint of the lexicon additions and settings the result was computed with */
    .addColumn('rules_version', 'text', (c) => c.notNull())
    .addColumn('customer_messages', 'integer', (c) => c.notNull())
    .addColumn('negative_words', 'integer', (c) => c.notNull())
    /** negative-word share × 1,000,000 */
    .addColumn('negative_share_ppm', 'integer', (c) => c.notNull())
    /** sentiment index × 10,000, in [−10000, 10000] */
    .addColumn('sentiment_bp', 'integer', (c) => c.notNull())
    .addColumn('banned_hits', 'integer', (c) => c.notNull())
    .addColumn('banned_rude', 'integer', (c) => c.notNull())
    .addColumn('banned_promise', 'integer', (c) => c.notNull())
    .addColumn('banned_privacy', 'integer', (c) => c.notNull())
    .addColumn('banned_off_platform', 'integer', (c) => c.notNull())
    .addColumn('repeated_questions', 'integer', (c) => c.notNull())
    .addColumn('unanswered', 'integer', (c) => c.notNull())
    .addColumn('ended_upset', 'integer', (c) => c.notNull())
    .addColumn('longest_wait_s', 'integer', (c) => c.notNull())
    /** what the domain found, message by message, with positions (JSON) */
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('inspected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qa_inspections_day_idx').on('qa_inspections').column('day').execute();
  await db.schema.createIndex('qa_inspections_agent_idx').on('qa_inspections').columns(['agent_id', 'day']).execute();

  await db.schema
    .createTable('qa_lexicon_words')
    .addColumn('id', 'text', (c) => c.primaryKey())
    /** rude | promise | privacy | off_platform (banned words), whitelist, negative | positive | neutral (sentiment) */
    .addColumn('list', 'text', (c) => c.notNull())
    .addColumn('word', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addUniqueConstraint('qa_lexicon_words_word_uq', ['list', 'word'])
    .execute();

  await db.schema
    .createTable('qa_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    /** negative_share | banned_word | long_wait */
    .addColumn('kind', 'text', (c) => c.notNull())
    /** what makes the alert one: the message for banned words and waits, '' for the conversation's negative share */
    .addColumn('anchor', 'text', (c) => c.notNull())
    /** the message that raised it */
    .addColumn('message_id', 'text', (c) => c.notNull())
    /** the agent and their group and department when raised: who gets to see it */
    .addColumn('agent_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('department_id', 'text')
    .addColumn('day', 'text', (c) => c.notNull())
    /** when the message was sent (epoch ms) */
    .addColumn('at', 'bigint', (c) => c.notNull())
    /** categories, words, shares, waits and an excerpt (JSON) */
    .addColumn('detail', 'text', (c) => c.notNull())
    /** 1 when raised while the conversation was going on (message less than an hour old) */
    .addColumn('live', 'integer', (c) => c.notNull())
    .addColumn('raised_at', 'text', (c) => c.notNull())
    /** open | acknowledged | resolved */
    .addColumn('status', 'text', (c) => c.notNull())
    /** intervened | bad_review_avoided | bad_review_not_avoided, when resolved */
    .addColumn('outcome', 'text')
    .addColumn('note', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('resolved_by', 'text')
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema
    .createIndex('qa_alerts_key_uq')
    .on('qa_alerts')
    .columns(['conversation_id', 'kind', 'anchor'])
    .unique()
    .execute();
  await db.schema.createIndex('qa_alerts_status_idx').on('qa_alerts').columns(['status', 'raised_at']).execute();
  await db.schema.createIndex('qa_alerts_day_idx').on('qa_alerts').columns(['day', 'group_id']).execute();
}

/** Drops the inspection tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['qa_alerts', 'qa_lexicon_words', 'qa_inspections']) await db.schema.dropTable(t).execute();
}
