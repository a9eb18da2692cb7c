import { sql, type Kysely } from 'kysely';

/** The service-data, fact and KPI tables: the import's hot path. */
const TABLES = ['messages', 'conversation_attrs', 'ratings', 'orders', 'fact_conversations', 'fact_rounds', 'fact_agent_days', 'fact_offline', 'fact_transfers', 'fact_ratings', 'fact_sales', 'kpi_daily', 'kpi_monthly'];

/**
 * PostgreSQL only: the text columns of the service-data, fact and KPI tables compare bytewise
 * (COLLATE "C"), as SQLite's do. Their keys are ids, logins and ISO days, which need no
 * linguistic order, and a database created with a locale collation (C.UTF-8, en_US.UTF-8)
 * makes every index insert call the locale's comparison: inserting the rounds of a busy day
 * took twice as long. It also makes ORDER BY on these columns agree across the two dialects.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  await collate(db, 'C');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (!(await isPostgres(db))) return;
  await collate(db, 'default');
}

async function isPostgres(db: Kysely<unknown>): Promise<boolean> {
  try {
    await sql`select current_setting('server_version_num')`.execute(db);
    return true;
  } catch {
    return false;
  }
}

async function collate(db: Kysely<unknown>, collation: 'C' | 'default') {
  const cols = await sql<{ table_name: string; column_name: string }>`
    select table_name, column_name from information_schema.columns
    where table_schema = current_schema() and data_type = 'text' and table_name in (${sql.join(TABLES)})
    order by table_name, ordinal_position`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const c of cols.rows) byTable.set(c.table_name, [...(byTable.get(c.table_name) ?? []), c.column_name]);
  for (const [table, columns] of byTable) {
    // one ALTER per table: its indexes are rebuilt once
    const alters = columns.map((c) => sql`alter column ${sql.ref(c)} type text collate ${sql.id(collation === 'C' ? 'C' : 'default')}`);
    await sql`alter table ${sql.table(table)} ${sql.join(alters)}`.execute(db);
  }
}
