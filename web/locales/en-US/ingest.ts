import type zh from '../zh-CN/ingest.ts';

const en: typeof zh = {
  'dataImport.intro':
    'Import chat messages, conversation attributes, ratings or orders. The import runs in the background with its progress shown. By default one bad row keeps the whole file out; with "Keep good rows" the good rows are written and the bad ones handed back as a file. Importing the same file again changes nothing.',
  'dataImport.choose': 'Click or drop a file here',
  'dataImport.chosen': 'Chosen: {file}',
  'dataImport.type': 'Record type',
  'dataImport.type.auto': 'Detect from the header',
  'dataImport.type.help': 'One record type per file; detection looks for the required columns in the header.',
  'dataImport.tz': 'Time zone',
  'dataImport.tz.none': 'Times carry their own offset',
  'dataImport.tz.help': 'Only for times written without an offset (such as +08:00); times with one are read by it.',
  'dataImport.keepGood': 'Keep good rows',
  'dataImport.keepGood.help':
    'Off: one bad row keeps the whole file out. On: good rows are written and the bad ones can be downloaded, fixed and imported again.',
  'dataImport.start': 'Import',
  'dataImport.job': 'Import: {file}',
  'dataImport.phase.reading': 'Reading: {rows} rows so far ({mb} / {total} MB)',
  'dataImport.phase.facts': '{rows} rows read; updating the KPI data…',
  'dataImport.done': 'Imported {rows} rows in {s} s.',
  'dataImport.doneWithRejects': 'Imported {rows} rows in {s} s; {rejected} rows had problems and were left out.',
  'dataImport.nothingChanged': 'Nothing changed: this file’s data had already been imported.',
  'dataImport.factsRefreshed': 'KPI data recomputed for {conversations} conversations and {customers} customers.',
  'dataImport.rejectedWhole': 'The file was rejected and nothing was written ({count} problems).',
  'dataImport.failed': 'The import failed; nothing was written.',
  'dataImport.rejects': 'Download the rejected rows (CSV)',
  'dataImport.rows': 'Rows',
  'dataImport.inserted': 'Inserted',
  'dataImport.updated': 'Updated',
  'dataImport.unchanged': 'Unchanged',
  'dataImport.rejected': 'Rejected',
  'dataImport.line': 'Line',
  'dataImport.field': 'Column',
  'dataImport.reason': 'Reason',
  'dataImport.history': 'Import history',
  'dataImport.history.empty': 'Nothing imported yet',
  'dataImport.startedAt': 'Started',
  'dataImport.file': 'File',
  'dataImport.status': 'Status',
  'dataImport.by': 'By',
  'dataImport.message': 'Message',
  'dataImport.formats': 'Accepted formats',
  'dataImport.formats.files':
    'Files: CSV (UTF-8, header row), JSON Lines (one JSON object per line) or XLSX (first sheet); one record type per file.',
  'dataImport.formats.times':
    'Times: ISO 8601 with an offset, e.g. 2026-11-11T20:15:03+08:00; for times without one, choose a time zone above.',
  'dataImport.formats.refs':
    'Agents by login, shops by shop id or name; an account or shop the system does not know is reported as a problem.',
  'dataImport.formats.amounts': 'Amounts in yuan with up to two decimals.',
  'dataImport.formats.repeat':
    'Records are matched by message, conversation and order id: re-importing never counts twice; changed conversation attributes, ratings and orders are updated, while imported messages cannot change.',
  'dataImport.formats.docs': 'Every column is described in the repository at',
  'dataImport.required': 'Required columns',
  'dataImport.optional': 'Optional columns',
};
export default en;
