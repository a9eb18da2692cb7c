/** CLI commands for service data: `helmsman import …` and `helmsman kpi …`. */
import path from 'node:path';
import type { Db } from '../db/database.ts';
import { ImportRejected, importFile } from '../modules/ingest/ingest.service.ts';
import { RECORD_TYPES, type RecordType } from '../modules/ingest/ingest.formats.ts';
import { isTimeZone } from '../lib/dates.ts';
import { kpiToCsv, queryKpis, rebuildAll } from '../modules/kpi/kpi.service.ts';
import { AgentMapError, detectPreset, loadAgentMap, PRESET_NAMES, PRESETS, readFirstLine, type Preset, type PresetName, type PresetOptions } from '../modules/ingest/presets/index.ts';
import { KpiQuery } from '../modules/kpi/kpi.schema.ts';

type Values = Record<string, string | boolean | undefined>;

function bar(done: number, total: number): string {
  const width = 30;
  const f = total > 0 ? Math.min(1, done / total) : 0;
  return `[${'#'.repeat(Math.round(f * width)).padEnd(width, '.')}] ${(f * 100).toFixed(0).padStart(3)}%`;
}

/** Imports each file in turn; stops at the first rejected file (earlier files stay imported). */
export async function importCommand(db: Db, files: string[], v: Values): Promise<number> {
  if (files.length === 0) {
    console.error('name at least one file: helmsman import messages.csv');
    return 1;
  }
  const type = v.type as string | undefined;
  if (type && !(RECORD_TYPES as readonly string[]).includes(type)) {
    console.error(`--type must be one of ${RECORD_TYPES.join(', ')}`);
    return 1;
  }
  const tz = v.tz as string | undefined;
  if (tz && !isTimeZone(tz)) {
    console.error(`--tz: unknown time zone "${tz}"`);
    return 1;
  }
  if (v.rejects && files.length > 1) {
    console.error('--rejects takes one input file at a time');
    return 1;
  }
  let presetOptions: PresetOptions;
  try {
    presetOptions = {
      shop: v.shop as string | undefined,
      agent: v.agent as string | undefined,
      transferTo: v['transfer-to'] as string | undefined,
      base: v.base as string | undefined,
      spacingSeconds: v.spacing !== undefined ? Number(v.spacing) : undefined,
      agentMap: v['agent-map'] ? loadAgentMap(v['agent-map'] as string) : undefined,
      tz,
    };
  } catch (e) {
    if (e instanceof AgentMapError) {
      console.error(e.message);
      return 2;
    }
    throw e;
  }
  const presetName = v.preset as string | undefined;
  if (presetName && !(PRESET_NAMES as readonly string[]).includes(presetName)) {
    console.error(`--preset must be one of ${PRESET_NAMES.join(', ')}`);
    return 1;
  }
  const tty = process.stderr.isTTY && !v.quiet;
  for (const file of files) {
    // a preset named, or one recognised from a file that is not in the canonical format
    let preset: Preset | null = presetName ? PRESETS[presetName as PresetName] : null;
    if (!preset && !type && !/\.(csv|jsonl|ndjson|json|xlsx)$/i.test(file)) preset = detectPreset(path.basename(file), await readFirstLine(file));
    if (!preset && !type && /\.(csv|jsonl|ndjson|json)$/i.test(file)) {
      const guess = detectPreset(path.basename(file), await readFirstLine(file));
      if (guess && guess.name !== 'jddc') preset = guess;
    }
    if (preset && !presetName) console.error(`${path.basename(file)}: recognised as a ${preset.name} export (--preset ${preset.name})`);
    const started = Date.now();
    let last = 0;
    try {
      const s = await importFile(db, {
        path: file,
        fileName: path.basename(file),
        type: type as RecordType | undefined,
        tz,
        rejectsPath: v.rejects as string | undefined,
        preset: preset ? { preset, options: presetOptions } : undefined,
        onProgress: (p) => {
          const now = Date.now();
          if (v.quiet || (now - last < 250 && p.phase === 'reading')) return;
          last = now;
          const rate = p.rows / Math.max(0.001, (now - started) / 1000);
          const line = `${path.basename(file)} ${bar(p.bytes, p.totalBytes)} ${p.rows.toLocaleString('en')} rows ${Math.round(rate).toLocaleString('en')}/s ${p.phase}`;
          process.stderr.write(tty ? `\r${line}` : `${line}\n`);
        },
      });
      if (tty) process.stderr.write('\n');
      const rate = Math.round(s.rows / Math.max(0.001, s.ms / 1000));
      console.log(
        `${s.file}: ${s.type}, ${s.rows} rows — ${s.inserted} new, ${s.updated} updated, ${s.unchanged} unchanged, ${s.rejected} rejected in ${(s.ms / 1000).toFixed(1)} s (${rate.toLocaleString('en')} rows/s)` +
          (s.nothingChanged ? ' — nothing changed: everything was already imported' : ''),
      );
      if (s.rejected > 0 && s.rejectsPath) console.log(`  bad rows with their reasons: ${s.rejectsPath}`);
    } catch (e) {
      if (tty) process.stderr.write('\n');
      if (e instanceof ImportRejected) {
        console.error(e.message);
        for (const p of e.problems.slice(0, 20)) console.error(`  ${e.file}:${p.line}: ${p.field}: ${p.message}`);
        if (e.problems.length > 20) console.error(`  … ${e.problems.length - 20} more`);
        return 2;
      }
      throw e;
    }
  }
  return 0;
}

/** Prints KPIs as JSON (default), CSV or a table; `kpi rebuild` recomputes everything. */
export async function kpiCommand(db: Db, sub: string | undefined, v: Values): Promise<number> {
  if (sub === 'rebuild') {
    const started = Date.now();
    const r = await rebuildAll(db);
    console.log(`recomputed ${r.conversations} conversations, ${r.days} days in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return 0;
  }
  const parsed = KpiQuery.safeParse({ from: v.from, to: v.to, by: v.by ?? 'agent', period: v.period ?? 'all', format: 'json' });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('\n'));
    return 1;
  }
  const result = await queryKpis(db.kysely, null, parsed.data);
  const format = (v.format as string | undefined) ?? 'json';
  if (format === 'csv') process.stdout.write(kpiToCsv(result.rows));
  else if (format === 'table') console.table(result.rows.map((r) => ({ key: r.name, period: r.period_key, frt: r.first_response_avg_s, art: r.avg_response_s, served: r.served_customers, reply: r.reply_rate, csat: r.satisfaction_rate, conv: r.conversion_rate_order })));
  else process.stdout.write(`${JSON.stringify(result.rows, null, 2)}\n`);
  return 0;
}
