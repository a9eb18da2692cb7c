/**
 * Calendar and clock of the demo data: local wall-clock times in China (+08:00, no daylight
 * saving), the hourly arrival curve of a Chinese online shop, and promotion days.
 *
 * Times are carried as "local seconds": days since 1970-01-01 × 86 400 + seconds since local
 * midnight. That keeps the arithmetic in integers and formats without `Date` in the hot path.
 */

export const SECONDS_PER_DAY = 86_400;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function epochDay(date: string): number {
  const ms = Date.parse(`${date}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(ms))
    throw new Error(`invalid date "${date}", expected YYYY-MM-DD`);
  return Math.round(ms / DAY_MS);
}

const dateCache = new Map<number, string>();

/** `YYYY-MM-DD` of an epoch day (cached: the generator formats millions of times). */
export function dateOf(day: number): string {
  let s = dateCache.get(day);
  if (s === undefined) {
    s = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateCache.size > 10_000) dateCache.clear();
    dateCache.set(day, s);
  }
  return s;
}

/** The date `n` days after `date`. */
export function addDays(date: string, n: number): string {
  return dateOf(epochDay(date) + n);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(day: number): number {
  return (day + 3) % 7;
}

/** Monday-based week number since the epoch; used to rotate shifts weekly. */
export function weekIndex(day: number): number {
  return Math.floor((day + 3) / 7);
}

const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** ISO 8601 with the +08:00 offset at second precision: `2026-11-11T20:15:03+08:00`. */
export function isoLocal(localSeconds: number): string {
  const t = Math.floor(localSeconds);
  const day = Math.floor(t / SECONDS_PER_DAY);
  const s = t - day * SECONDS_PER_DAY;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  // join builds one flat string; a template literal would leave a chain of cons strings
  // (≈ 4× the memory), which matters with a million timestamps held per day
  return [dateOf(day), 'T', PAD2[h], ':', PAD2[m], ':', PAD2[s % 60], '+08:00'].join('');
}

/** Service hours (Taobao convention, SPEC KPI): 08:00–23:00 local. */
export const SERVICE_OPEN_HOUR = 8;
export const SERVICE_CLOSE_HOUR = 23;

/** Shifts agents work: early 08:00–16:00, late 15:00–23:00 (one hour of overlap for hand-over). */
export const SHIFTS = {
  early: { from: 8, to: 16 },
  late: { from: 15, to: 23 },
} as const;
export type Shift = keyof typeof SHIFTS;

/**
 * Relative customer arrivals per local hour on a weekday: quiet nights, a morning peak around
 * 10:00, a lunch dip and the evening peak 20:00–22:00 (people shop after work).
 */
const WEEKDAY_CURVE = [
  0.28, 0.14, 0.07, 0.04, 0.03, 0.04, 0.1, 0.3, 0.7, 1.1, 1.45, 1.2, 0.8, 0.9, 1.0, 1.0, 0.95, 0.85, 0.8, 1.0, 1.4, 1.5,
  1.25, 0.6,
];
/** Weekends: a later, flatter morning and a busier afternoon. */
const WEEKEND_CURVE = [
  0.35, 0.18, 0.08, 0.04, 0.03, 0.03, 0.06, 0.18, 0.45, 0.8, 1.15, 1.15, 0.95, 1.0, 1.1, 1.1, 1.05, 0.95, 0.85, 1.0,
  1.35, 1.45, 1.25, 0.7,
];

/** Arrival weight per hour (0–23) for the given epoch day. */
export function hourlyCurve(day: number): readonly number[] {
  return weekday(day) >= 5 ? WEEKEND_CURVE : WEEKDAY_CURVE;
}

/** Promotion days (MM-DD) and their volume multipliers: 双11 and 618 triple the load, the days around them less. */
const PROMOTIONS: Record<string, number> = {
  '06-17': 1.3,
  '06-18': 3,
  '06-19': 1.5,
  '11-10': 1.3,
  '11-11': 3,
  '11-12': 1.6,
};

/** Volume multiplier of a day: promotions, weekends slightly busier. */
export function volumeMultiplier(day: number): number {
  const promo = PROMOTIONS[dateOf(day).slice(5)];
  if (promo !== undefined) return promo;
  return weekday(day) >= 5 ? 1.1 : 1;
}

/** A peak promotion day (≥ 3×): everybody works, nobody has a rest day. */
export function isPeakDay(day: number): boolean {
  return volumeMultiplier(day) >= 3;
}
