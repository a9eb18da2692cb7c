/**
 * The organisation's vocabulary (SPEC ORG-1, ORG-2): roles, levels, platforms, channels,
 * employment status, and the new-hire rule. Pure data and functions, no I/O.
 */

/** 专员 agent → 组长 lead → 主管 supervisor, plus manager, HR and admin. */
export const ROLES = ['agent', 'lead', 'supervisor', 'manager', 'hr', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** 初级 junior, 资深 senior, 星级 star (with a star count 1–5). */
export const LEVELS = ['junior', 'senior', 'star'] as const;
export type Level = (typeof LEVELS)[number];

export const PLATFORMS = ['taobao', 'tmall', 'jd', 'pinduoduo', 'douyin', 'own_site'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CHANNEL_KINDS = ['chat', 'phone', 'ticket', 'email', 'video'] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** 售前组 presale, 售后组 after-sales, 疑难投诉组 difficult complaints, 基础咨询组 basic inquiries. */
export const GROUP_KINDS = ['presale', 'after_sales', 'complaints', 'basic', 'other'] as const;
export type GroupKind = (typeof GROUP_KINDS)[number];

export const STATUSES = ['active', 'on_leave', 'left'] as const;
export type Status = (typeof STATUSES)[number];

/** Kinds of entries in a person's employment history; history is appended, never overwritten. */
export const EMPLOYMENT_EVENT_KINDS = [
  'joined',
  'left',
  'leave_started',
  'returned',
  'rejoined',
  'moved',
  'level_changed',
  'role_changed',
] as const;
export type EmploymentEventKind = (typeof EMPLOYMENT_EVENT_KINDS)[number];

/** Default for the `new_hire_days` setting: a person is a new hire for this many days. */
export const DEFAULT_NEW_HIRE_DAYS = 90;

const DAY_MS = 86_400_000;

/** Whole days from `from` to `to`, both `YYYY-MM-DD` calendar dates. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * New hire (新人): hired fewer than `newHireDays` days before `today` (hire day = day 0).
 * A person hired in the future is not yet a new hire.
 */
export function isNewHire(hireDate: string, today: string, newHireDays: number = DEFAULT_NEW_HIRE_DAYS): boolean {
  const d = daysBetween(hireDate, today);
  return d >= 0 && d < newHireDays;
}

/** The employment-history entry a status change produces, or null when nothing changes. */
export function statusChangeEvent(from: Status, to: Status): EmploymentEventKind | null {
  if (from === to) return null;
  if (to === 'left') return 'left';
  if (to === 'on_leave') return 'leave_started';
  return from === 'left' ? 'rejoined' : 'returned';
}

/** Roster import columns, in template order (README "Roster import"); the demo generator writes them too. */
export const ROSTER_COLUMNS = [
  'login',
  'name',
  'role',
  'level',
  'star',
  'department',
  'group',
  'lead',
  'mentor',
  'shops',
  'hire_date',
  'status',
  'status_date',
  'email',
  'phone',
] as const;
export type RosterColumn = (typeof ROSTER_COLUMNS)[number];
