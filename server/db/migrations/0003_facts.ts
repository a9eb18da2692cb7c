import type { Kysely } from 'kysely';

/**
 * Facts computed at import (domain/metrics/facts.ts): one table per fact kind with the columns
 * queries filter on and the whole fact as JSON, and `kpi_daily`, the additive KPI counters per
 * (dimension, key, day) that KPI queries roll up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('fact_conversations')
    .addColumn('conversation_id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('category', 'text')
    .addColumn('repeat_complaint', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fact_conversations_day_idx').on('fact_conversations').column('day').execute();
  await db.schema.createIndex('fact_conversations_customer_idx').on('fact_conversations').column('customer_id').execute();

  await db.schema
    .createTable('fact_rounds')
    .addColumn('conversation_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('shop_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('open_at', 'bigint', (c) => c.notNull())
    .addColumn('counts', 'integer', (c) => c.notNull())
    .addColumn('is_first', 'integer', (c) => c.notNull())
    .addColumn('slow', 'integer', (c) => c.notNull())
    .addColumn('unanswered', 'integer', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('fact_rounds_pk', ['conversation_id', 'seq'])
    .execute();
  await db.schema.createIndex('fact_rounds_day_idx').on('fact_rounds').columns(['day', 'agent_id']).execute();
  await db.schema.createIndex('fact_rounds_agent_idx').on('fact_rounds').columns(['agent_id', 'day']).execute();

  // Agent-days, offline messages, transfers, ratings: keyed by conversation, read by day.
  for (const table of ['fact_agent_days', 'fact_offline', 'fact_transfers', 'fact_ratings']) {
    await db.schema
      .createTable(table)
      .addColumn('conversation_id', 'text', (c) => c.notNull())
      .addColumn('customer_id', 'text', (c) => c.notNull())
      .addColumn('agent_id', 'text')
      .addColumn('day', 'text', (c) => c.notNull())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_conversation_idx`).on(table).column('conversation_id').execute();
    await db.schema.createIndex(`${table}_day_idx`).on(table).column('day').execute();
  }
  await db.schema.createIndex('fact_agent_days_customer_idx').on('fact_agent_days').column('customer_id').execute();

  /** Sales facts per customer: kind = order | assist | inquiry. */
  await db.schema
    .createTable('fact_sales')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('fact_sales_customer_idx').on('fact_sales').column('customer_id').execute();
  await db.schema.createIndex('fact_sales_day_idx').on('fact_sales').column('day').execute();

  await db.schema
    .createTable('kpi_daily')
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('counters', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_daily_pk', ['dimension', 'day', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['kpi_daily', 'fact_sales', 'fact_ratings', 'fact_transfers', 'fact_offline', 'fact_agent_days', 'fact_rounds', 'fact_conversations']) {
    await db.schema.dropTable(t).execute();
  }
}
