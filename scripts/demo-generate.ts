/**
 * Writes a demo organisation and its service data to files in the canonical import format:
 *
 *   npm run demo:generate -- --agents 60 --days 90 --seed 7 [--start 2026-09-01] [--out data/demo] [--format csv|jsonl]
 *
 * org.json and roster.csv describe the organisation; messages, conversations, ratings and
 * orders are streamed day by day with back-pressure, so 1000 agents × 30 days runs in bounded
 * memory. Progress goes to stderr, the summary (counts, sizes, time, peak RSS) to stdout.
 */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import {
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  ORDER_COLUMNS,
  RATING_COLUMNS,
  csvLine,
  generateOrganisation,
  generateServiceData,
  recordCsvLine,
  rosterCsv,
} from '../domain/demo/index.ts';

const USAGE =
  'usage: demo-generate --agents 60 --days 90 --seed 7 [--start 2026-09-01] [--out data/demo] [--format csv|jsonl] [--quiet]';
/** Default start: 90 days from here include 双11 (2026-11-11). */
const DEFAULT_START = '2026-09-01';
const CHUNK = 1 << 16;
/** Above this heap size a finished day's garbage is collected before the next day starts. */
const GC_AT_BYTES = 128 * 2 ** 20;

/**
 * A handle on V8's collector. V8 sizes its heap from the machine's memory, not from what is
 * live, so left alone it lets dead days pile up to gigabytes; one collection between days keeps
 * the footprint at about one day of records.
 */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as unknown;
  return typeof gc === 'function' ? () => gc() : () => undefined;
}

/** One output table: buffers lines into ~64 KB chunks and waits for 'drain' when the stream is full. */
class TableWriter<R extends object> {
  private readonly stream: WriteStream;
  private buffer = '';
  rows = 0;

  constructor(
    readonly file: string,
    private readonly encode: (record: R) => string,
    header: string,
  ) {
    this.stream = createWriteStream(file);
    this.buffer = header;
  }

  async write(records: readonly R[]): Promise<void> {
    for (const r of records) {
      this.buffer += this.encode(r);
      this.rows++;
      if (this.buffer.length >= CHUNK) await this.flush();
    }
  }

  private async flush(): Promise<void> {
    if (this.buffer === '') return;
    const chunk = this.buffer;
    this.buffer = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    await this.flush();
    this.stream.end();
    await once(this.stream, 'finish');
  }
}

function positiveInt(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer, got "${value}"`);
  return n;
}

function table<R extends object>(
  dir: string,
  name: string,
  format: 'csv' | 'jsonl',
  columns: readonly (keyof R & string)[],
): TableWriter<R> {
  const file = path.join(dir, `${name}.${format}`);
  return format === 'csv'
    ? new TableWriter<R>(file, (r) => recordCsvLine(r, columns), csvLine(columns))
    : new TableWriter<R>(file, (r) => `${JSON.stringify(r)}\n`, '');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      agents: { type: 'string', default: '60' },
      days: { type: 'string', default: '90' },
      seed: { type: 'string', default: '7' },
      start: { type: 'string', default: DEFAULT_START },
      out: { type: 'string', default: 'data/demo' },
      format: { type: 'string', default: 'csv' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const agents = positiveInt('agents', values.agents);
  const days = positiveInt('days', values.days);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed}"`);
  const format = values.format;
  if (format !== 'csv' && format !== 'jsonl') throw new Error(`--format must be csv or jsonl, got "${format}"`);
  const dir = values.out;
  const began = performance.now();

  const org = generateOrganisation({ agents, days, seed, start: values.start });
  mkdirSync(dir, { recursive: true });
  const { departments, groups, shops, channels } = org;
  writeFileSync(
    path.join(dir, 'org.json'),
    `${JSON.stringify({ generator: { agents, days, seed, start: org.start }, departments, groups, shops, channels }, null, 2)}\n`,
  );
  writeFileSync(path.join(dir, 'roster.csv'), rosterCsv(org));

  const messages = table(dir, 'messages', format, MESSAGE_COLUMNS);
  const conversations = table(dir, 'conversations', format, CONVERSATION_COLUMNS);
  const ratings = table(dir, 'ratings', format, RATING_COLUMNS);
  const orders = table(dir, 'orders', format, ORDER_COLUMNS);
  const writers = [messages, conversations, ratings, orders];
  const gc = collector();
  let n = 0;
  try {
    for (const day of generateServiceData(org)) {
      n++;
      await messages.write(day.messages);
      await conversations.write(day.conversations);
      await ratings.write(day.ratings);
      await orders.write(day.orders);
      if (process.memoryUsage().heapUsed > GC_AT_BYTES) gc();
      if (!values.quiet) {
        const rss = Math.round(process.memoryUsage().rss / 2 ** 20);
        process.stderr.write(
          `[${n}/${days}] ${day.day}  ${day.conversations.length} conversations  ${day.messages.length} messages  ${day.orders.length} orders  rss ${rss} MB\n`,
        );
      }
    }
  } finally {
    await Promise.all(writers.map((w) => w.close()));
  }

  const seconds = (performance.now() - began) / 1000;
  const size = (file: string) => `${(statSync(file).size / 2 ** 20).toFixed(1)} MB`;
  console.log(
    `wrote ${path.resolve(dir)} in ${seconds.toFixed(1)} s, peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
  );
  console.log(`  people         ${String(org.people.length).padStart(10)}  roster.csv`);
  for (const w of writers)
    console.log(`  ${path.basename(w.file).padEnd(22)} ${String(w.rows).padStart(10)} rows  ${size(w.file)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  console.error(USAGE);
  process.exitCode = 1;
});
