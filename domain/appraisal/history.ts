/**
 * What an appraisal reads from a person's employment history (SPEC ORG-2, APR-5): the share of
 * the period they were present (pro-rating of part-period agents) and the level they held at the
 * end of the period (so a level change confirmed later — a red-line demotion, a star promotion —
 * never re-prices the cycle that caused it). History is appended, never overwritten, so both can
 * be read back from it at any time.
 */
import { daysBetween, type EmploymentEventKind, type Level } from '../org.ts';
import type { Standing } from './redline.ts';

/** An entry of the employment history as the appraisal reads it (`detail` parsed). */
export interface HistoryEvent {
  kind: EmploymentEventKind;
  /** YYYY-MM-DD */
  onDate: string;
  /** for `level_changed`: { from, fromStar, to, toStar } as the people module writes it */
  detail?: Readonly<Record<string, unknown>> | null;
}

const PRESENT_FROM: readonly EmploymentEventKind[] = ['returned', 'rejoined'];
const ABSENT_FROM: readonly EmploymentEventKind[] = ['leave_started', 'left'];

/**
 * Days of `from`…`to` (inclusive) the person was present: from the hire date on, less the days
 * on leave or gone (a status change takes effect on its date: leave starting on the 10th makes
 * the 10th a day away; returning on the 20th makes the 20th a day present).
 */
export function presentDays(from: string, to: string, hireDate: string, events: readonly HistoryEvent[]): number {
  const changes = events
    .filter((e) => PRESENT_FROM.includes(e.kind) || ABSENT_FROM.includes(e.kind))
    .map((e) => ({ on: e.onDate, present: PRESENT_FROM.includes(e.kind) }))
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  const total = daysBetween(from, to) + 1;
  let present = 0;
  for (let i = 0; i < total; i++) {
    const day = new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10);
    if (day < hireDate) continue;
    let here = true;
    for (const c of changes) {
      if (c.on > day) break;
      here = c.present;
    }
    if (here) present++;
  }
  return present;
}

/**
 * Coverage of the period (0 < coverage ≤ 1) for `appraise` and the bonus base: present days ÷
 * days in the period. Someone away for the whole period (yet still in scope) gets one day's
 * worth rather than zero, which `appraise` refuses; their volumes and base are then near zero.
 */
export function periodCoverage(from: string, to: string, hireDate: string, events: readonly HistoryEvent[]): number {
  const total = daysBetween(from, to) + 1;
  if (total <= 0) throw new RangeError(`the period ends before it starts: ${from}…${to}`);
  return Math.max(1, presentDays(from, to, hireDate, events)) / total;
}

/**
 * The standing a person held at the end of `day`: the current level and star with every
 * `level_changed` entry dated after `day` undone, latest first.
 */
export function standingAt(current: Standing, events: readonly HistoryEvent[], day: string): Standing {
  const later = events
    .map((e, i) => ({ e, i }))
    .filter(({ e }) => e.kind === 'level_changed' && e.onDate > day && e.detail)
    .sort((a, b) => (a.e.onDate > b.e.onDate ? -1 : a.e.onDate < b.e.onDate ? 1 : b.i - a.i));
  let s = current;
  for (const { e } of later) {
    const from = e.detail?.from;
    if (typeof from !== 'string') continue;
    const star = e.detail?.fromStar;
    s = { level: from as Level, star: typeof star === 'number' ? star : null };
  }
  return s;
}
