/**
 * Opening a file for a preset without holding it in memory: row presets read through the
 * importer's own readers (CSV, XLSX, JSON Lines), line presets read raw text lines. Line
 * numbers are those a person finds in the file (header = line 1).
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { formatOf, openRows, type FileFormat } from '../ingest.readers.ts';
import type { Preset, PresetInput } from './preset.ts';

export interface PresetSource {
  /** the header of a row preset's file (lower-cased), empty for line presets */
  header: string[];
  inputs: AsyncIterable<PresetInput>;
  /** bytes of the file consumed so far, for progress */
  bytesRead(): number;
}

/**
 * Opens `filePath` for `preset`. Row presets need a .csv, .xlsx or .jsonl name (or `format`);
 * throws `FileFormatError` (ingest.readers.ts) for an empty or unreadable file.
 */
export async function openPresetSource(filePath: string, preset: Preset, format?: FileFormat): Promise<PresetSource> {
  if (preset.input === 'rows') {
    const f = format ?? formatOf(filePath) ?? 'csv';
    const rows = await openRows(filePath, f);
    return { header: rows.header, inputs: rows.rows, bytesRead: rows.bytesRead };
  }
  const stream = fs.createReadStream(filePath, { highWaterMark: 1 << 20 });
  let bytes = 0;
  stream.on('data', (chunk) => (bytes += chunk.length));
  return { header: [], inputs: textLines(stream), bytesRead: () => bytes };
}

/** Non-blank lines of a text stream with their 1-based numbers; a UTF-8 BOM is dropped. */
export async function* textLines(input: NodeJS.ReadableStream): AsyncGenerator<PresetInput> {
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const raw of rl) {
    line++;
    const text = line === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (text.trim()) yield { line, text };
  }
}

/** The first line of a file (BOM and line break removed), read from at most `maxBytes`; for `detectPreset`. */
export async function readFirstLine(filePath: string, maxBytes = 64 * 1024): Promise<string> {
  const fd = await fs.promises.open(filePath, 'r');
  try {
    const buf = Buffer.alloc(maxBytes);
    const { bytesRead } = await fd.read(buf, 0, maxBytes, 0);
    const text = buf
      .subarray(0, bytesRead)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const end = text.search(/\r?\n/);
    return end < 0 ? text : text.slice(0, end);
  } finally {
    await fd.close();
  }
}
