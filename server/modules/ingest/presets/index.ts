/**
 * Import presets (`helmsman import FILE --preset qiyu|jddc|zendesk|freshdesk`): common exports
 * mapped onto the canonical format. The contract is in preset.ts; in short:
 *
 *   const preset = PRESETS[name] ?? detectPreset(fileName, await readFirstLine(path));
 *   const optionProblems = checkPresetOptions(preset, opts);      // --shop, --agent …
 *   const src = await openPresetSource(path, preset);             // rows or text lines
 *   const headerProblems = preset.checkHeader?.(src.header) ?? [];// line 1
 *   for await (const out of preset.map(src.inputs, opts)) {
 *     if (isProblem(out)) reject(out.line, out.problems);         // source line unusable
 *     else PARSERS[out.type](out.values, { tz })                  // then as a canonical row
 *   }
 */
import { freshdesk } from './freshdesk.ts';
import { jddc } from './jddc.ts';
import type { Preset, PresetName } from './preset.ts';
import { qiyu } from './qiyu.ts';
import { zendesk } from './zendesk.ts';

export { loadAgentMap, parseAgentMap, AgentMapError } from './agent-map.ts';
export { openPresetSource, readFirstLine, textLines, type PresetSource } from './source.ts';
export * from './preset.ts';

/** Every preset by name. */
export const PRESETS: Readonly<Record<PresetName, Preset>> = { qiyu, jddc, zendesk, freshdesk };

/** Detection order: ticket headers are the most specific, the JDDC shape the loosest. */
const DETECT_ORDER: readonly Preset[] = [zendesk, freshdesk, qiyu, jddc];

/** The preset a file looks like, from its name and first line (BOM removed), or null. */
export function detectPreset(fileName: string, firstLine: string): Preset | null {
  const line = firstLine.replace(/^\uFEFF/, '');
  return DETECT_ORDER.find((p) => p.detect(fileName, line)) ?? null;
}
