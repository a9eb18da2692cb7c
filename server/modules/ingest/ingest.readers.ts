/**
 * Streaming readers: CSV, JSON Lines and XLSX files become `{ line, values }` rows without
 * ever holding the file in memory. `line` is what a person finds in the file: the physical
 * line for CSV/JSONL (header = line 1), the row number for XLSX.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { CsvSyntaxError, readCsv, type CsvRecord } from '../../lib/csv.ts';
import ExcelJS from 'exceljs';

export type FileFormat = 'csv' | 'jsonl' | 'xlsx';

export interface SourceRow {
  line: number;
  values: Record<string, unknown>;
}

export interface RowSource {
  /** the header (CSV/XLSX) or the keys of the first record (JSONL), lower-cased */
  header: string[];
  rows: AsyncIterable<SourceRow>;
  /** bytes of the file consumed so far, for progress */
  bytesRead(): number;
}

export class FileFormatError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

export function formatOf(fileName: string): FileFormat | null {
  if (/\.csv$/i.test(fileName)) return 'csv';
  if (/\.(jsonl|ndjson|json)$/i.test(fileName)) return 'jsonl';
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  return null;
}

/** Opens a file of a known format as a stream of rows. */
export async function openRows(filePath: string, format: FileFormat): Promise<RowSource> {
  const stream = fs.createReadStream(filePath, { highWaterMark: 1 << 20 });
  let bytes = 0;
  stream.on('data', (chunk) => (bytes += chunk.length));
  const bytesRead = () => bytes;
  switch (format) {
    case 'csv':
      return csvRows(stream, bytesRead);
    case 'jsonl':
      return jsonlRows(stream, bytesRead);
    case 'xlsx':
      return xlsxRows(stream, bytesRead);
  }
}

async function csvRows(stream: fs.ReadStream, bytesRead: () => number): Promise<RowSource> {
  const it = readCsv(stream);
  let first: IteratorResult<CsvRecord>;
  try {
    first = await it.next();
  } catch (e) {
    throw new FileFormatError(e instanceof CsvSyntaxError ? e.line : 1, `not readable as CSV: ${(e as Error).message}`);
  }
  if (first.done) throw new FileFormatError(1, 'the file is empty');
  const header = first.value.fields.map((h) => h.trim().toLowerCase());
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      let next: IteratorResult<CsvRecord>;
      try {
        next = await it.next();
      } catch (e) {
        if (e instanceof CsvSyntaxError) throw new FileFormatError(e.line, `CSV syntax: ${e.message}`);
        throw e;
      }
      if (next.done) return;
      const { fields, line } = next.value;
      const values: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) values[header[i]] = fields[i] ?? '';
      yield { line, values };
    }
  }
  return { header, rows: rows(), bytesRead };
}

async function jsonlRows(stream: fs.ReadStream, bytesRead: () => number): Promise<RowSource> {
  const rl = readline.createInterface({ input: stream, crlfDelay: Infinity });
  const it = rl[Symbol.asyncIterator]();
  let lineNo = 0;
  const parse = (text: string): Record<string, unknown> => {
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (e) {
      throw new FileFormatError(lineNo, `not valid JSON: ${(e as Error).message}`);
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new FileFormatError(lineNo, 'each line must be one JSON object');
    return v as Record<string, unknown>;
  };
  let first: SourceRow | undefined;
  for (;;) {
    const n = await it.next();
    if (n.done) break;
    lineNo++;
    const text = n.value.replace(/^\uFEFF/, '').trim();
    if (!text) continue;
    first = { line: lineNo, values: lowerKeys(parse(text)) };
    break;
  }
  if (!first) throw new FileFormatError(1, 'the file is empty');
  const header = Object.keys(first.values);
  const head = first;
  async function* rows(): AsyncGenerator<SourceRow> {
    yield head;
    for (;;) {
      const n = await it.next();
      if (n.done) return;
      lineNo++;
      const text = n.value.trim();
      if (text) yield { line: lineNo, values: lowerKeys(parse(text)) };
    }
  }
  return { header, rows: rows(), bytesRead };
}

function lowerKeys(o: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) out[k.toLowerCase()] = v;
  return out;
}

function cell(v: ExcelJS.CellValue): unknown {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result instanceof Date ? v.result.toISOString() : (v.result ?? '');
    return '';
  }
  return v;
}

async function xlsxRows(stream: fs.ReadStream, bytesRead: () => number): Promise<RowSource> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, { sharedStrings: 'cache', worksheets: 'emit', hyperlinks: 'ignore', styles: 'ignore', entries: 'ignore' });
  const sheets = reader[Symbol.asyncIterator]();
  let sheet: IteratorResult<ExcelJS.stream.xlsx.WorksheetReader>;
  try {
    sheet = await sheets.next();
  } catch (e) {
    throw new FileFormatError(1, `not a readable XLSX file: ${(e as Error).message}`);
  }
  if (sheet.done) throw new FileFormatError(1, 'the workbook has no sheet');
  const rowIt = (sheet.value as unknown as AsyncIterable<ExcelJS.Row>)[Symbol.asyncIterator]();
  const first = await rowIt.next();
  if (first.done) throw new FileFormatError(1, 'the sheet is empty');
  const headerRow = first.value;
  const header: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (c, col) => (header[col - 1] = String(cell(c.value)).trim().toLowerCase()));
  async function* rows(): AsyncGenerator<SourceRow> {
    for (;;) {
      const n = await rowIt.next();
      if (n.done) return;
      const values: Record<string, unknown> = {};
      for (let i = 0; i < header.length; i++) values[header[i]] = cell(n.value.getCell(i + 1).value);
      if (Object.values(values).every((v) => v === '')) continue;
      yield { line: n.value.number, values };
    }
  }
  return { header, rows: rows(), bytesRead };
}
