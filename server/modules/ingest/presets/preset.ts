/**
 * Import presets: a preset turns one common export (七鱼 sessions, the JDDC corpus, Zendesk or
 * Freshdesk tickets) into records of the canonical import format (docs/import-format.md), so
 * the importer validates and stores them exactly as if the user had written canonical files.
 *
 * Contract, in the order the import CLI uses it:
 * 1. `detectPreset(fileName, firstLine)` (index.ts) or `--preset NAME` picks the preset.
 * 2. `checkPresetOptions(preset, opts)` lists missing/invalid options (`--shop` …) before any
 *    row is read; `map` throws `PresetOptionsError` when given options that fail this check.
 * 3. `openPresetSource(path, preset)` (source.ts) yields the file as `PresetInput`s: parsed
 *    rows (`input: 'rows'`, CSV/XLSX/JSONL through the ordinary readers, keys lower-cased) or
 *    raw text lines (`input: 'lines'`). `checkHeader` (row presets) vets the header first.
 * 4. `preset.map(inputs, opts)` streams `PresetOutput`s: canonical records (snake_case values,
 *    ISO 8601 times, yuan amounts), each with the ORIGINAL file's line number, or problems of
 *    a source line that cannot be mapped. One input may give several records of several types
 *    (`outputType: 'mixed'`). Memory stays bounded: presets keep no per-file state beyond
 *    small, size-capped caches.
 * 5. Each record then goes through `PARSERS[type]` and the usual store path; every problem,
 *    the preset's or the parser's, is reported as `file:line: field: reason`.
 */
import type { FieldProblem, RecordType } from '../ingest.formats.ts';

export const PRESET_NAMES = ['qiyu', 'jddc', 'zendesk', 'freshdesk'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/** One unit a preset reads, with the line a person finds it on in the original file. */
export interface PresetInput {
  line: number;
  /** the parsed row of a row preset (header names lower-cased by the readers) */
  values?: Record<string, unknown>;
  /** the raw text of a line preset, without its line break */
  text?: string;
}

/** Agent names, e-mails or source ids (trimmed, lower-cased) → Helmsman login. */
export type AgentMap = ReadonlyMap<string, string>;

/** Options of a preset run; each preset says which it needs (`Preset.options`). */
export interface PresetOptions {
  /** Helmsman shop id or exact shop name for every record (`--shop`) */
  shop?: string;
  /** default agent login for agent lines that name no agent (`--agent`, JDDC) */
  agent?: string;
  /** receiving agent login of JDDC transfers (`--transfer-to`); defaults to `agent` */
  transferTo?: string;
  /** time of the first line for sources without times (`--base`, JDDC): ISO 8601, or a date read in `tz` */
  base?: string;
  /** seconds between synthesised line times (`--spacing`, JDDC); 10 by default */
  spacingSeconds?: number;
  /** source agent names/e-mails/ids → logins (`--agent-map file.csv`, see agent-map.ts) */
  agentMap?: AgentMap;
  /** IANA zone for source times without an offset (`--tz`) */
  tz?: string;
}

export type PresetOptionName = keyof PresetOptions;

/** A canonical record produced by a preset. */
export interface PresetRecord {
  line: number;
  type: RecordType;
  /** canonical snake_case columns of `type`, as strings (the parser validates them) */
  values: Record<string, string>;
}

/** A source line the preset could not map; `field` names the source field or option. */
export interface PresetProblem {
  line: number;
  problems: FieldProblem[];
}

export type PresetOutput = PresetRecord | PresetProblem;

export interface Preset {
  name: PresetName;
  /** one line for `--help` and the console */
  description: string;
  /** what `map` reads: parsed rows (CSV/XLSX/JSONL) or raw text lines */
  input: 'rows' | 'lines';
  /** the record type produced, or `mixed` when one source line can give several types */
  outputType: RecordType | 'mixed';
  /** every record type `map` may produce, in the order a reader should expect them */
  outputTypes: readonly RecordType[];
  /** options read by `map`: required ones must be set */
  options: Partial<Record<PresetOptionName, 'required' | 'optional'>>;
  /** whether a file looks like this preset's export (name and first line, BOM removed) */
  detect(fileName: string, firstLine: string): boolean;
  /** problems of option values beyond presence (e.g. an unreadable `--base`) */
  checkOptions?(opts: PresetOptions): FieldProblem[];
  /** header problems of a row preset (missing columns), reported at line 1 */
  checkHeader?(header: readonly string[]): FieldProblem[];
  /** streams canonical records and problems; see the module comment */
  map(source: AsyncIterable<PresetInput>, opts: PresetOptions): AsyncIterable<PresetOutput>;
}

/** Thrown by `map` when run with options that `checkPresetOptions` rejects. */
export class PresetOptionsError extends Error {
  constructor(
    readonly preset: PresetName,
    readonly problems: FieldProblem[],
  ) {
    super(`--preset ${preset}: ${problems.map((p) => `--${flagOf(p.field)}: ${p.message}`).join('; ')}`);
  }
}

/** The CLI flag of an option (`transferTo` → `transfer-to`). */
export function flagOf(option: string): string {
  return option === 'spacingSeconds' ? 'spacing' : option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** Problems of `opts` for `preset`: required options missing, and malformed values. */
export function checkPresetOptions(preset: Preset, opts: PresetOptions): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [name, need] of Object.entries(preset.options) as [PresetOptionName, 'required' | 'optional'][]) {
    const v = opts[name];
    if (need === 'required' && (v === undefined || v === ''))
      problems.push({ field: name, message: `required by --preset ${preset.name}` });
  }
  if (opts.spacingSeconds !== undefined && !(Number.isInteger(opts.spacingSeconds) && opts.spacingSeconds > 0)) {
    problems.push({ field: 'spacingSeconds', message: 'must be a whole number of seconds above 0' });
  }
  return problems.length ? problems : (preset.checkOptions?.(opts) ?? []);
}

export function isProblem(o: PresetOutput): o is PresetProblem {
  return 'problems' in o;
}

/** Throws `PresetOptionsError` unless `opts` suit `preset`; `map` calls it before reading. */
export function assertPresetOptions(preset: Preset, opts: PresetOptions): void {
  const problems = checkPresetOptions(preset, opts);
  if (problems.length) throw new PresetOptionsError(preset.name, problems);
}
