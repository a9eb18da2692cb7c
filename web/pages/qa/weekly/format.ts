/** Weeks to choose from and how the report's figures read (shares as percentages). */
import dayjs from 'dayjs';
import { addWeeks, isoWeekRange } from '../../../../domain/qa/weekly.ts';
import { isoWeekKey } from '../../../../domain/time.ts';

/** The ISO week holding today (the browser's calendar day). */
export const currentWeek = (): string => isoWeekKey(dayjs().format('YYYY-MM-DD'));

/** The week the report opens on: the last complete week. */
export const defaultWeek = (): string => addWeeks(currentWeek(), -1);

/** The week in the URL if it names one, else the default. */
export const weekOrDefault = (w: string | null): string => (w && isoWeekRange(w) ? w : defaultWeek());

/** The current week and the `n` − 1 before it, newest first. */
export function recentWeeks(n = 26): string[] {
  const now = currentWeek();
  return Array.from({ length: n }, (_, i) => addWeeks(now, -i));
}

/** A share 0–1 as a percentage with one decimal; a dash for none. */
export const pctText = (x: number | null | undefined): string => (x == null ? '—' : `${(x * 100).toFixed(1)}%`);

/** A share 0–1 as a chart value in percent (two decimals), null kept. */
export const pctValue = (x: number | null): number | null => (x === null ? null : Math.round(x * 10000) / 100);

/** A change of share in percentage points, signed. */
export const pointsText = (x: number | null): string =>
  x === null ? '—' : `${x > 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;

/** A QA score in points. */
export const scoreText = (x: number | null): string => (x === null ? '—' : x.toFixed(2));

export const RED = '#f5222d';
export const BLUE = '#1677ff';
