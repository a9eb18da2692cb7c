/**
 * `npm start`: opens the database (DATABASE_URL, default sqlite:data/helmsman.sqlite), brings
 * the schema up to date, seeds the demo organisation on first start, and serves the API and
 * the console on PORT (default 3000).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateToLatest, openDatabase } from './db/database.ts';
import { buildApp } from './app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, isEmpty, seedDemo, seedServiceData } from './demo/seed.ts';
import type { DemoOrganisation } from '../domain/demo/organisation.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const started = Date.now();
  const db = openDatabase();
  await migrateToLatest(db);
  let demo: DemoOrganisation | null = null;
  if (process.env.HELMSMAN_DEMO !== 'off' && (await isEmpty(db.kysely))) {
    demo = await seedDemo(db, { serviceData: false });
    console.log(`First start: demo organisation created (${demo.people.length} people).`);
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
  if (demo) {
    // The demo's 90 days of chats, ratings and orders arrive in the background, ten days at a
    // time, while the console is already usable.
    const org = demo;
    console.log('Importing the demo service data (90 days) in the background…');
    seedServiceData(db, org, (line) => console.log(line))
      .then(() => console.log('Demo service data imported.'))
      .catch((e: unknown) => console.error(`demo service data failed: ${(e as Error).message}`));
  }
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
