/** Test helpers for presets: run a preset over a fixture file and check its records parse. */
import path from 'node:path';
import { PARSERS, type FieldProblem } from '../ingest.formats.ts';
import { isProblem, type Preset, type PresetOptions, type PresetProblem, type PresetRecord } from './preset.ts';
import { openPresetSource } from './source.ts';

export const FIXTURES = path.resolve(import.meta.dirname, '../../../../tests/fixtures/presets');

export interface PresetRun {
  records: PresetRecord[];
  problems: PresetProblem[];
  /** the records of one type, by their canonical id column */
  byId(type: PresetRecord['type'], id: string): PresetRecord['values'] | undefined;
  /** parser problems of records that the canonical parsers reject, with their lines */
  parseProblems: (FieldProblem & { line: number })[];
}

/** Maps a fixture through `preset` and parses every record with the canonical parsers. */
export async function runPreset(preset: Preset, fixture: string, opts: PresetOptions): Promise<PresetRun> {
  const src = await openPresetSource(path.join(FIXTURES, fixture), preset);
  const records: PresetRecord[] = [];
  const problems: PresetProblem[] = [];
  for await (const out of preset.map(src.inputs, opts)) {
    if (isProblem(out)) problems.push(out);
    else records.push(out);
  }
  const parseProblems = records.flatMap((r) => {
    const parsed = PARSERS[r.type](r.values, { tz: opts.tz });
    return parsed.ok ? [] : parsed.problems.map((p) => ({ line: r.line, ...p }));
  });
  const idColumn = {
    messages: 'message_id',
    conversations: 'conversation_id',
    ratings: 'conversation_id',
    orders: 'order_id',
  } as const;
  return {
    records,
    problems,
    parseProblems,
    byId: (type, id) => records.find((r) => r.type === type && r.values[idColumn[type]] === id)?.values,
  };
}
