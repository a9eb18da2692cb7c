import type { Kysely } from 'kysely';

/**
 * Monthly KPI counters: the daily counters of each (dimension, key) summed per calendar month,
 * kept in step with `kpi_daily`, so a query over whole months reads one row per key and month
 * instead of one per day (a month of 1,000 agents: 1,000 rows instead of 30,000).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('kpi_monthly')
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    /** first day of the month, YYYY-MM-01 */
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('counters', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('kpi_monthly_pk', ['dimension', 'month', 'key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('kpi_monthly').execute();
}
