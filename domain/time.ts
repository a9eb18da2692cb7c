/**
 * Time-zone arithmetic for bucketing UTC instants into the organisation's calendar
 * (days, ISO weeks, months, quarters). Pure and fast: it runs once per imported message, so
 * each zone's UTC offset is asked of Intl once per UTC hour and memoised; a fixed-offset zone
 * such as Asia/Shanghai therefore costs one Intl call per hour of data, not one per message.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Calendar buckets a KPI can be reported in; `all` is one bucket for the whole range. */
export const PERIODS = ['day', 'week', 'month', 'quarter', 'all'] as const;
export type Period = (typeof PERIODS)[number];

/** Offsets of one zone, memoised per UTC hour; NaN marks an hour holding an offset change. */
interface ZoneCache {
  readonly format: Intl.DateTimeFormat;
  readonly byHour: Map<number, number>;
  lastHour: number;
  lastOffset: number;
}

const zones = new Map<string, ZoneCache>();
let lastZoneName = '';
let lastZone: ZoneCache | null = null;

function zone(timeZone: string): ZoneCache {
  if (timeZone === lastZoneName && lastZone) return lastZone;
  let z = zones.get(timeZone);
  if (!z) {
    // Throws RangeError for an unknown zone, which is what a bad setting deserves.
    const format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    z = { format, byHour: new Map(), lastHour: Number.NaN, lastOffset: 0 };
    zones.set(timeZone, z);
  }
  lastZoneName = timeZone;
  lastZone = z;
  return z;
}

/** The offset asked of Intl directly (slow path). */
function intlOffset(z: ZoneCache, epochMs: number): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  const f: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of z.format.formatToParts(wholeSecond)) f[part.type] = Number(part.value);
  const utc = Date.UTC(f.year ?? 1970, (f.month ?? 1) - 1, f.day ?? 1, f.hour ?? 0, f.minute ?? 0, f.second ?? 0);
  return utc - wholeSecond;
}

/** UTC offset (ms, east positive) of `timeZone` at the instant `epochMs`. */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const z = zone(timeZone);
  const hour = Math.floor(epochMs / HOUR_MS);
  if (hour === z.lastHour) return z.lastOffset;
  let offset = z.byHour.get(hour);
  if (offset === undefined) {
    const atStart = intlOffset(z, hour * HOUR_MS);
    const atEnd = intlOffset(z, hour * HOUR_MS + HOUR_MS - 1);
    offset = atStart === atEnd ? atStart : Number.NaN;
    z.byHour.set(hour, offset);
  }
  if (Number.isNaN(offset)) return intlOffset(z, epochMs); // the rare hour with a DST change
  z.lastHour = hour;
  z.lastOffset = offset;
  return offset;
}

/** The local wall-clock time of `epochMs` in `timeZone`, expressed as if it were a UTC epoch. */
export function localEpochMs(epochMs: number, timeZone: string): number {
  return epochMs + zoneOffsetMs(epochMs, timeZone);
}

/** Days since 1970-01-01 of the local calendar day holding `epochMs` in `timeZone`. */
export function localDayNumber(epochMs: number, timeZone: string): number {
  return Math.floor(localEpochMs(epochMs, timeZone) / DAY_MS);
}

/** Minutes since local midnight (0–1439) of `epochMs` in `timeZone`. */
export function localMinuteOfDay(epochMs: number, timeZone: string): number {
  const local = localEpochMs(epochMs, timeZone);
  return Math.floor((local - Math.floor(local / DAY_MS) * DAY_MS) / MINUTE_MS);
}

const dayStrings = new Map<number, string>();

/** `YYYY-MM-DD` of a day number (days since 1970-01-01); memoised, days repeat endlessly. */
export function dayNumberToString(dayNumber: number): string {
  let s = dayStrings.get(dayNumber);
  if (s === undefined) {
    s = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
    dayStrings.set(dayNumber, s);
  }
  return s;
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` calendar date. */
export function dayStringToNumber(day: string): number {
  const ms = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new RangeError(`not a YYYY-MM-DD date: ${day}`);
  return Math.round(ms / DAY_MS);
}

/** Local calendar day `YYYY-MM-DD` of `epochMs` in `timeZone`. */
export function localDay(epochMs: number, timeZone: string): string {
  return dayNumberToString(localDayNumber(epochMs, timeZone));
}

/** The calendar day `n` days after `day` (negative `n` goes back). */
export function addDays(day: string, n: number): string {
  return dayNumberToString(dayStringToNumber(day) + n);
}

/** The instant of local wall-clock `minuteOfDay` on `day` in `timeZone` (may be 1440 = next midnight). */
export function localTimeToEpoch(day: string, minuteOfDay: number, timeZone: string): number {
  return wallClockToEpoch(dayStringToNumber(day) * DAY_MS + minuteOfDay * MINUTE_MS, timeZone);
}

/** The instant whose local wall clock in `timeZone` reads `wallMs` (a local time written as a UTC epoch). */
export function wallClockToEpoch(wallMs: number, timeZone: string): number {
  const guess = wallMs - zoneOffsetMs(wallMs, timeZone);
  return wallMs - zoneOffsetMs(guess, timeZone);
}

/** The instant local `day` starts (its midnight) in `timeZone`. */
export function startOfLocalDay(day: string, timeZone: string): number {
  return localTimeToEpoch(day, 0, timeZone);
}

/** ISO-8601 week key `YYYY-Www` (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeekKey(day: string): string {
  const n = dayStringToNumber(day);
  const weekday = (((n + 3) % 7) + 7) % 7; // 1970-01-01 was a Thursday; 0 = Monday
  const thursday = n - weekday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  const jan1 = Math.round(Date.UTC(year, 0, 1) / DAY_MS);
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${year}-W${week < 10 ? '0' : ''}${week}`;
}

/** Month key `YYYY-MM`. */
export function monthKey(day: string): string {
  return day.slice(0, 7);
}

/** Quarter key `YYYY-Qn`. */
export function quarterKey(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** The bucket key of `day` for `period`: the day itself, its ISO week, month, quarter, or `all`. */
export function periodKey(day: string, period: Period): string {
  switch (period) {
    case 'day':
      return day;
    case 'week':
      return isoWeekKey(day);
    case 'month':
      return monthKey(day);
    case 'quarter':
      return quarterKey(day);
    case 'all':
      return 'all';
  }
}
