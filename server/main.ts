/**
 * `npm start`: opens the database (DATABASE_URL, default sqlite:data/helmsman.sqlite), brings
 * the schema up to date, seeds the demo organisation on first start, and serves the API and
 * the console on PORT (default 3000).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { buildApp } from './app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo } from './demo/seed.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const started = Date.now();
  const db = openDatabase();
  await migrateToLatest(db);
  if (process.env.HELMSMAN_DEMO !== 'off' && (await isEmpty(db.kysely))) {
    console.log('First start: creating the demo organisation and 90 days of service data…');
    const org = await seedDemo(db, { log: (line) => console.log(line) });
    console.log(`  ${org.people.length} people.`);
    console.log(`Demo accounts (password ${DEMO_PASSWORD}): ${DEMO_ACCOUNTS.join(', ')}`);
  }
  const app = await buildApp({
    db,
    staticDir: path.join(root, 'dist/web'),
    logger: process.env.LOG_LEVEL !== 'silent',
    secureCookies: process.env.COOKIE_SECURE === 'true',
  });
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '0.0.0.0';
  await app.listen({ port, host });
  console.log(`Helmsman is serving on http://localhost:${port} (${db.describe}) — ready in ${Date.now() - started} ms`);
  const stop = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
