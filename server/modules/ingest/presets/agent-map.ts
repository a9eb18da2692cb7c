/**
 * The agent map (`--agent-map agents.csv`): how the names, e-mails or ids an export gives its
 * agents become Helmsman logins. A UTF-8 CSV with a header holding a `login` column; every
 * other column holds keys, matched trimmed and case-insensitively:
 *
 *   name,email,login
 *   王小明,xiaoming@shop.example,wangxm
 *   李娜,,lina
 *
 * Rows are few (one per agent), so the file is read whole.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { AgentMap } from './preset.ts';

export interface AgentMapProblem {
  line: number;
  message: string;
}

/** Thrown when the agent map cannot be used; `message` lists `file:line: reason`. */
export class AgentMapError extends Error {
  constructor(
    readonly file: string,
    readonly problems: AgentMapProblem[],
  ) {
    super(problems.map((p) => `${file}:${p.line}: ${p.message}`).join('\n'));
  }
}

/** Reads an agent map file; throws `AgentMapError` naming each bad line. */
export function loadAgentMap(filePath: string): AgentMap {
  return parseAgentMap(fs.readFileSync(filePath, 'utf8'), filePath.split(/[\\/]/).pop() ?? filePath);
}

/** Parses agent-map CSV text (see the module comment). */
export function parseAgentMap(csv: string, file = 'agent map'): AgentMap {
  let rows: string[][];
  try {
    rows = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (e) {
    throw new AgentMapError(file, [
      { line: (e as { lines?: number }).lines ?? 1, message: `not readable as CSV: ${(e as Error).message}` },
    ]);
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const loginAt = header.indexOf('login');
  if (loginAt < 0)
    throw new AgentMapError(file, [
      { line: 1, message: 'needs a "login" column and at least one key column (name, email, id …)' },
    ]);
  if (header.length < 2)
    throw new AgentMapError(file, [
      { line: 1, message: 'needs at least one key column (name, email, id …) besides "login"' },
    ]);
  const map = new Map<string, string>();
  const problems: AgentMapProblem[] = [];
  rows.slice(1).forEach((row, i) => {
    const line = i + 2;
    const login = (row[loginAt] ?? '').trim();
    const keys = row.map((k, col) => (col === loginAt ? '' : k.trim().toLowerCase())).filter(Boolean);
    if (!login) return void problems.push({ line, message: 'login is empty' });
    if (keys.length === 0) return void problems.push({ line, message: `no name, email or id for login "${login}"` });
    for (const k of keys) {
      const had = map.get(k);
      if (had && had !== login) problems.push({ line, message: `"${k}" is already mapped to "${had}"` });
      else map.set(k, login);
    }
  });
  if (problems.length) throw new AgentMapError(file, problems);
  return map;
}
