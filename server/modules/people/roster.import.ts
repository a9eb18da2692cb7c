/**
 * Roster import from CSV or XLSX (documented in README "Roster import"). The whole file is
 * validated first; any bad row rejects the file with its row number and field, and nothing
 * is written. A valid file is applied in one transaction: new logins are created, known ones
 * updated, and every change lands in the employment history.
 */
import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { LEVELS, ROLES, ROSTER_COLUMNS, STATUSES, type Role, type Status } from '../../../domain/org.ts';
import type { Actor } from '../../../domain/access.ts';
import type { Kysely } from 'kysely';
import type { Conn } from '../../db/types.ts';
import type { Database } from '../../db/schema.ts';
import { isCalendarDate, todayIn } from '../../lib/dates.ts';
import { badRequest, type ErrorDetail } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { AuditActor } from '../audit/audit.service.ts';
import { getSettings } from '../settings/settings.service.ts';
import * as repo from './people.repository.ts';
import { applyState, authorise, checkState, type PersonState } from './people.service.ts';
import type { ImportResult } from './people.schema.ts';

const REQUIRED = ['login', 'name', 'role', 'level', 'hire_date'] as const;

/** Chinese labels accepted beside the codes, as people type them in spreadsheets. */
const ROLE_ALIASES: Record<string, Role> = { 专员: 'agent', 客服: 'agent', 组长: 'lead', 主管: 'supervisor', 经理: 'manager', 人事: 'hr', 管理员: 'admin' };
const LEVEL_ALIASES: Record<string, string> = { 初级: 'junior', 资深: 'senior', 星级: 'star' };
const STATUS_ALIASES: Record<string, Status> = { 在职: 'active', 休假: 'on_leave', 离职: 'left' };

export interface RawRow {
  /** the row number a spreadsheet user sees (header = 1) */
  row: number;
  values: Record<string, string>;
}

/** Reads a CSV or XLSX roster into header-keyed string rows; throws on an unreadable file. */
export async function readRosterFile(fileName: string, data: Buffer): Promise<RawRow[]> {
  const isXlsx = /\.xlsx$/i.test(fileName) || (data[0] === 0x50 && data[1] === 0x4b);
  const table: { row: number; cells: string[] }[] = [];
  if (isXlsx) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch (e) {
      throw badRequest(`${fileName}: not a readable XLSX file (${(e as Error).message})`);
    }
    const ws = wb.worksheets[0];
    if (!ws) throw badRequest(`${fileName}: the workbook has no sheet`);
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= Math.max(row.cellCount, ROSTER_COLUMNS.length); c++) cells.push(cellText(row.getCell(c).value));
      table.push({ row: rowNumber, cells });
    });
  } else {
    let text = data.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    try {
      const records = parseCsv(text, { relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[];
      for (const r of records) table.push({ row: r.info.lines, cells: r.record });
    } catch (e) {
      throw badRequest(`${fileName}: not readable as CSV (${(e as Error).message})`);
    }
  }
  if (table.length === 0) throw badRequest(`${fileName}: the file is empty`);
  const header = table[0].cells.map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => h && !(ROSTER_COLUMNS as readonly string[]).includes(h));
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (unknown.length || missing.length) {
    throw badRequest(`${fileName}: the header row is not a roster header`, [
      ...missing.map((c) => ({ row: table[0].row, field: c, message: 'required column missing' })),
      ...unknown.map((c) => ({ row: table[0].row, field: c, message: `unknown column (expected: ${ROSTER_COLUMNS.join(', ')})` })),
    ]);
  }
  return table.slice(1).map(({ row, cells }) => ({
    row,
    values: Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()])),
  }));
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result instanceof Date ? v.result.toISOString().slice(0, 10) : String(v.result ?? '');
    return '';
  }
  return String(v);
}

interface ParsedRow {
  row: number;
  state: PersonState;
  leadLogin: string | null;
  mentorLogin: string | null;
}

/** Turns raw rows into person states, collecting every problem with its row and field. */
async function parseRows(db: Conn, rows: RawRow[], today: string): Promise<{ parsed: ParsedRow[]; problems: ErrorDetail[] }> {
  const org = await repo.orgIndex(db);
  const problems: ErrorDetail[] = [];
  const parsed: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const { row, values: v } of rows) {
    const bad = (field: string, message: string) => problems.push({ row, field, message });
    const before = problems.length;
    for (const c of REQUIRED) if (!v[c]) bad(c, 'required');
    const login = v.login ?? '';
    if (login && !/^[A-Za-z0-9._-]{2,64}$/.test(login)) bad('login', 'use 2–64 letters, digits, dot, dash or underscore');
    if (login && seen.has(login)) bad('login', `duplicate of row ${seen.get(login)}`);
    seen.set(login, row);
    const role = ROLE_ALIASES[v.role] ?? (v.role?.toLowerCase() as Role);
    if (v.role && !ROLES.includes(role)) bad('role', `unknown role "${v.role}" (expected ${ROLES.join('|')})`);
    const level = LEVEL_ALIASES[v.level] ?? v.level?.toLowerCase();
    if (v.level && !(LEVELS as readonly string[]).includes(level)) bad('level', `unknown level "${v.level}" (expected ${LEVELS.join('|')})`);
    let star: number | null = null;
    if (v.star) {
      star = Number(v.star);
      if (!Number.isInteger(star) || star < 1 || star > 5) bad('star', `"${v.star}" is not a whole number 1–5`);
    }
    const status = v.status ? (STATUS_ALIASES[v.status] ?? (v.status.toLowerCase() as Status)) : 'active';
    if (!STATUSES.includes(status)) bad('status', `unknown status "${v.status}" (expected ${STATUSES.join('|')})`);
    if (v.hire_date && !isCalendarDate(v.hire_date)) bad('hire_date', `"${v.hire_date}" is not a date YYYY-MM-DD`);
    if (v.status_date && !isCalendarDate(v.status_date)) bad('status_date', `"${v.status_date}" is not a date YYYY-MM-DD`);
    if (v.email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v.email)) bad('email', `"${v.email}" is not an e-mail address`);

    let departmentId: string | null = null;
    if (v.department) {
      const d = org.departments.find((x) => x.name === v.department || x.id === v.department);
      if (!d) bad('department', `unknown department "${v.department}"`);
      else departmentId = d.id;
    }
    let groupId: string | null = null;
    if (v.group) {
      const candidates = org.groups.filter((g) => (g.name === v.group || g.id === v.group) && (!departmentId || g.department_id === departmentId));
      if (candidates.length === 0) bad('group', `unknown group "${v.group}"${v.department ? ` in ${v.department}` : ''}`);
      else if (candidates.length > 1) bad('group', `"${v.group}" exists in several departments: fill in the department`);
      else groupId = candidates[0].id;
    }
    const shopIds: string[] = [];
    for (const name of (v.shops ?? '').split(/[;；|]/).map((s) => s.trim()).filter(Boolean)) {
      const shop = org.shops.find((s) => s.name === name || s.id === name);
      if (!shop) bad('shops', `unknown shop "${name}"`);
      else shopIds.push(shop.id);
    }
    if (problems.length > before) continue;
    parsed.push({
      row,
      leadLogin: v.lead || null,
      mentorLogin: v.mentor || null,
      state: {
        login,
        name: v.name,
        email: v.email || null,
        phone: v.phone || null,
        role,
        level: level as PersonState['level'],
        star,
        departmentId,
        groupId,
        leadId: null,
        mentorId: null,
        shopIds: [...new Set(shopIds)],
        hireDate: v.hire_date,
        status,
        statusSince: v.status_date || (status === 'active' ? v.hire_date : today),
      },
    });
  }
  return { parsed, problems };
}

/** Orders rows so that a person's lead and mentor are written before them. */
function dependencyOrder(rows: ParsedRow[], problems: ErrorDetail[]): ParsedRow[] {
  const byLogin = new Map(rows.map((r) => [r.state.login, r]));
  const out: ParsedRow[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (r: ParsedRow) => {
    const s = state.get(r.state.login);
    if (s === 'done') return;
    if (s === 'visiting') {
      problems.push({ row: r.row, field: 'lead', message: 'circular lead/mentor references' });
      return;
    }
    state.set(r.state.login, 'visiting');
    for (const dep of [r.leadLogin, r.mentorLogin]) {
      const d = dep ? byLogin.get(dep) : undefined;
      if (d && d !== r) visit(d);
    }
    state.set(r.state.login, 'done');
    out.push(r);
  };
  rows.forEach(visit);
  return out;
}

class DryRun extends Error {}

/**
 * Imports a roster file. Throws 400 with every problem (row, field, reason) when any row is
 * bad; otherwise applies all rows in one transaction, or only counts them when `dryRun`.
 */
export async function importRoster(
  db: Kysely<Database>,
  actor: AuditActor | Actor,
  fileName: string,
  data: Buffer,
  dryRun = false,
): Promise<ImportResult> {
  const rows = await readRosterFile(fileName, data);
  const settings = await getSettings(db);
  const today = todayIn(settings.timezone);
  const { parsed, problems } = await parseRows(db, rows, today);
  const ordered = dependencyOrder(parsed, problems);
  const existing = new Map((await repo.findByLogins(db, ordered.map((r) => r.state.login))).map((p) => [p.login, p]));
  const idOf = new Map<string, string>();
  for (const r of ordered) idOf.set(r.state.login, existing.get(r.state.login)?.id ?? newId());
  const referenced = [...new Set(ordered.flatMap((r) => [r.leadLogin, r.mentorLogin]).filter((l): l is string => !!l && !idOf.has(l)))];
  for (const p of await repo.findByLogins(db, referenced)) idOf.set(p.login, p.id);

  for (const r of ordered) {
    for (const [field, login] of [['lead', r.leadLogin], ['mentor', r.mentorLogin]] as const) {
      if (!login) continue;
      const id = idOf.get(login);
      if (!id) problems.push({ row: r.row, field, message: `unknown login "${login}"` });
      else if (field === 'lead') r.state.leadId = id;
      else r.state.mentorId = id;
    }
    const selfId = idOf.get(r.state.login) ?? null;
    for (const p of await checkState(db, r.state, selfId, new Set(idOf.values()))) problems.push({ row: r.row, ...p });
    const denied = authorise(actor, existing.get(r.state.login), r.state);
    if (denied) problems.push({ row: r.row, field: 'login', message: denied });
  }
  if (problems.length) {
    problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    throw badRequest(
      `${fileName}: ${problems.length} problem(s), nothing imported — first: row ${problems[0].row}, ${problems[0].field}: ${problems[0].message}`,
      problems.slice(0, 500),
    );
  }

  const result: ImportResult = { file: fileName, rows: rows.length, created: 0, updated: 0, unchanged: 0, dryRun };
  const apply = async (trx: Conn) => {
    for (const r of ordered) {
      const before = existing.get(r.state.login);
      const { outcome } = await applyState(trx, actor, before, r.state, { effectiveDate: today, id: idOf.get(r.state.login) });
      result[outcome] += 1;
    }
    if (dryRun) throw new DryRun();
  };
  try {
    await db.transaction().execute(apply);
  } catch (e) {
    if (!(e instanceof DryRun)) throw e;
  }
  return result;
}

/** A template with the header and two example rows. */
export function rosterTemplateCsv(): string {
  return [
    ROSTER_COLUMNS.join(','),
    'zhangwei,张伟,agent,senior,,客服部,售前一组,lead,,旗舰店;京东店,2025-03-01,active,,zhangwei@example.com,13800000001',
    'lina,李娜,专员,星级,3,客服部,售后一组,lead02,zhangwei,旗舰店,2024-07-15,在职,,,',
  ].join('\n');
}
