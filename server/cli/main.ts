/**
 * The command line: `npx helmsman <command>`. Uses DATABASE_URL like the server.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { HttpError } from '../lib/errors.ts';
import { hashPassword } from '../lib/password.ts';
import { SYSTEM } from '../modules/audit/audit.service.ts';
import { importRoster } from '../modules/people/roster.import.ts';
import { DEMO_PASSWORD, isEmpty, seedDemo } from '../demo/seed.ts';
import { importCommand, kpiCommand } from './service-data.ts';
import { reinspect } from '../modules/qa/qa.inspection.ts';
import { isCalendarDate } from '../lib/dates.ts';

const HELP = `Helmsman command line (DATABASE_URL selects the database; default sqlite:data/helmsman.sqlite)

  helmsman migrate                         bring the schema up to date
  helmsman demo seed [--agents N] [--days N] [--seed N]
                                           create the demo organisation in an empty database
  helmsman roster import <file.csv|xlsx> [--dry-run]
                                           import a roster: all rows or none
  helmsman import <file…> [--type T] [--tz Asia/Shanghai] [--rejects out.csv]
                                           import service data (messages, conversations, ratings, orders)
           [--preset qiyu|jddc|zendesk|freshdesk] [--shop S] [--agent LOGIN] [--transfer-to LOGIN]
           [--base 2026-11-01T09:00:00+08:00] [--spacing 10] [--agent-map agents.csv]
                                           read a common export through a preset (docs/import-format.md)
  helmsman kpi --from YYYY-MM-DD --to YYYY-MM-DD [--by agent|group|shop|channel|day|all]
               [--period day|week|month|quarter|all] [--format json|csv|table]
  helmsman kpi rebuild                     recompute every fact and KPI (after changing metric settings)
  helmsman qa inspect [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                                           re-inspect stored conversations (after lexicon edits); raises new alerts
  helmsman user password <login> [--password P]
                                           set a person's password (prompted from stdin if omitted)
`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8').trim();
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      agents: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      'dry-run': { type: 'boolean' },
      password: { type: 'string' },
      type: { type: 'string' },
      tz: { type: 'string' },
      rejects: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      by: { type: 'string' },
      period: { type: 'string' },
      format: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      preset: { type: 'string' },
      shop: { type: 'string' },
      agent: { type: 'string' },
      'transfer-to': { type: 'string' },
      base: { type: 'string' },
      spacing: { type: 'string' },
      'agent-map': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [cmd, sub, arg] = positionals;
  if (!cmd || values.help) {
    process.stdout.write(HELP);
    return cmd ? 0 : 1;
  }
  const db = openDatabase();
  try {
    await migrateToLatest(db);
    if (cmd === 'migrate') {
      console.log(`schema up to date (${db.describe})`);
      return 0;
    }
    if (cmd === 'demo' && sub === 'seed') {
      if (!(await isEmpty(db.kysely))) {
        console.error('the database already has people; demo seeding only runs on an empty database');
        return 2;
      }
      const org = await seedDemo(db, {
        agents: values.agents ? Number(values.agents) : undefined,
        days: values.days ? Number(values.days) : undefined,
        seed: values.seed ? Number(values.seed) : undefined,
        log: (line) => console.log(line),
      });
      console.log(`demo organisation created: ${org.people.length} people; password ${DEMO_PASSWORD}`);
      return 0;
    }
    if (cmd === 'roster' && sub === 'import' && arg) {
      const data = fs.readFileSync(arg);
      const result = await importRoster(db.kysely, SYSTEM, path.basename(arg), data, values['dry-run'] ?? false);
      console.log(
        `${result.file}: ${result.rows} rows — ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged${result.dryRun ? ' (dry run, nothing written)' : ''}`,
      );
      return 0;
    }
    if (cmd === 'import') {
      return await importCommand(db, positionals.slice(1), values);
    }
    if (cmd === 'qa' && sub === 'inspect') {
      for (const d of [values.from, values.to]) {
        if (d !== undefined && !isCalendarDate(d)) {
          console.error(`--from/--to: expected YYYY-MM-DD, got "${d}"`);
          return 1;
        }
      }
      const started = Date.now();
      const r = await reinspect(db, { from: values.from, to: values.to }, (done, total) => {
        if (!values.quiet && process.stderr.isTTY) process.stderr.write(`\rinspected ${done} of ${total} conversations`);
      });
      if (!values.quiet && process.stderr.isTTY) process.stderr.write('\n');
      console.log(`inspected ${r.conversations} conversations, ${r.alerts} new alerts in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return 0;
    }
    if (cmd === 'kpi') {
      return await kpiCommand(db, sub, values);
    }
    if (cmd === 'user' && sub === 'password' && arg) {
      const password = values.password ?? (await readStdin());
      if (password.length < 8) {
        console.error('password: at least 8 characters');
        return 2;
      }
      const res = await db.kysely
        .updateTable('people')
        .set({ password_hash: await hashPassword(password), updated_at: new Date().toISOString() })
        .where('login', '=', arg)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) {
        console.error(`unknown login "${arg}"`);
        return 2;
      }
      console.log(`password set for ${arg}`);
      return 0;
    }
    process.stderr.write(`unknown command: ${positionals.join(' ')}\n\n${HELP}`);
    return 1;
  } catch (e) {
    if (e instanceof HttpError) {
      console.error(e.message);
      for (const d of e.details ?? []) console.error(`  ${d.row !== undefined ? `row ${d.row}: ` : ''}${d.field ? `${d.field}: ` : ''}${d.message}`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      console.error(`cannot read ${(e as NodeJS.ErrnoException).path ?? 'the file'}: ${code}`);
      return 2;
    }
    throw e;
  } finally {
    await db.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
