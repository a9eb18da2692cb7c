/**
 * The conventions that shape the metrics (SPEC KPI): every one is a setting with a default a
 * manager can change, and every metric's definition names the settings it depends on.
 */
import { dayStringToNumber, localEpochMs, wallClockToEpoch, DAY_MS, MINUTE_MS } from '../time.ts';

/** Who an order is credited to when several agents served the customer (SPEC KPI-14). */
export const ORDER_CREDITING_RULES = ['last_served_before_order', 'first_served_that_day'] as const;
export type OrderCreditingRule = (typeof ORDER_CREDITING_RULES)[number];

export interface MetricSettings {
  /** IANA zone that cuts days, weeks, months and service hours. Default Asia/Shanghai. */
  timeZone: string;
  /** Local service hours `HH:MM`–`HH:MM` (end exclusive, `24:00` allowed). Default 08:00–23:00. */
  serviceHours: { start: string; end: string };
  /** Local days (`YYYY-MM-DD`) with no service: rounds opening on them do not count. Default none. */
  closedDays: readonly string[];
  /** Longest a round may count for, and what an unanswered round counts as. Default 600 s. */
  roundCapS: number;
  /** A round longer than this is slow (千牛 warns at 100 s). Default 100 s. */
  slowThresholdS: number;
  /** A round answered within this meets the service level (3分钟响应率). Default 180 s. */
  serviceLevelThresholdS: number;
  /** An inquiry converts if the customer orders on its day or within this many days after. Default 1. */
  orderWindowDays: number;
  /** An order counts as paid if paid within this many days of being placed. Default 7. */
  paymentWindowDays: number;
  /** Which agent an order is credited to. Default `last_served_before_order`. */
  orderCrediting: OrderCreditingRule;
  /** A complaint repeats one from the same customer on the same issue within this many days. Default 30. */
  repeatComplaintWindowDays: number;
  /**
   * A resolution marked at most this long after the conversation's last message still counts as
   * resolved within the conversation (the agent ticks 'resolved' while wrapping up). Default 30 min.
   */
  immediateResolutionGraceMin: number;
}

export const DEFAULT_METRIC_SETTINGS: Readonly<MetricSettings> = Object.freeze({
  timeZone: 'Asia/Shanghai',
  serviceHours: Object.freeze({ start: '08:00', end: '23:00' }),
  closedDays: Object.freeze([]) as readonly string[],
  roundCapS: 600,
  slowThresholdS: 100,
  serviceLevelThresholdS: 180,
  orderWindowDays: 1,
  paymentWindowDays: 7,
  orderCrediting: 'last_served_before_order',
  repeatComplaintWindowDays: 30,
  immediateResolutionGraceMin: 30,
});

/** Complete settings from a partial override, validated (throws RangeError on nonsense). */
export function metricSettings(overrides: Partial<MetricSettings> = {}): MetricSettings {
  const s: MetricSettings = { ...DEFAULT_METRIC_SETTINGS, ...overrides };
  compile(s); // validates
  return s;
}

/** A stable string of the settings: facts computed under another fingerprint must be recomputed. */
export function settingsFingerprint(s: MetricSettings): string {
  return JSON.stringify([
    s.timeZone,
    s.serviceHours.start,
    s.serviceHours.end,
    [...s.closedDays].sort(),
    s.roundCapS,
    s.slowThresholdS,
    s.serviceLevelThresholdS,
    s.orderWindowDays,
    s.paymentWindowDays,
    s.orderCrediting,
    s.repeatComplaintWindowDays,
    s.immediateResolutionGraceMin,
  ]);
}

/** Settings pre-digested for the hot loop. */
export interface CompiledSettings {
  readonly s: MetricSettings;
  readonly startMin: number;
  readonly endMin: number;
  readonly closedDayNumbers: ReadonlySet<number>;
  readonly capS: number;
}

const compiled = new WeakMap<MetricSettings, CompiledSettings>();

function parseClock(hhmm: string, what: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  const min = m ? Number(m[1]) * 60 + Number(m[2]) : Number.NaN;
  if (!m || Number(m[2]) > 59 || min > 1440) throw new RangeError(`${what} must be HH:MM, got ${hhmm}`);
  return min;
}

function positive(n: number, what: string): void {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`${what} must be a non-negative number, got ${n}`);
}

/** Validated, pre-parsed settings; memoised per settings object. */
export function compile(s: MetricSettings): CompiledSettings {
  let c = compiled.get(s);
  if (c) return c;
  const startMin = parseClock(s.serviceHours.start, 'serviceHours.start');
  const endMin = parseClock(s.serviceHours.end, 'serviceHours.end');
  if (startMin >= endMin) throw new RangeError('service hours must start before they end on the same day');
  for (const [k, v] of [
    ['roundCapS', s.roundCapS],
    ['slowThresholdS', s.slowThresholdS],
    ['serviceLevelThresholdS', s.serviceLevelThresholdS],
    ['orderWindowDays', s.orderWindowDays],
    ['paymentWindowDays', s.paymentWindowDays],
    ['repeatComplaintWindowDays', s.repeatComplaintWindowDays],
    ['immediateResolutionGraceMin', s.immediateResolutionGraceMin],
  ] as const) {
    positive(v, k);
  }
  if (!ORDER_CREDITING_RULES.includes(s.orderCrediting))
    throw new RangeError(`unknown crediting rule ${s.orderCrediting}`);
  localEpochMs(0, s.timeZone); // throws on an unknown zone
  c = {
    s,
    startMin,
    endMin,
    closedDayNumbers: new Set(s.closedDays.map(dayStringToNumber)),
    capS: s.roundCapS,
  };
  compiled.set(s, c);
  return c;
}

/** Whether local minute `minute` of day `dayNumber` falls inside service hours on a service day. */
export function isServiceTime(c: CompiledSettings, dayNumber: number, minute: number): boolean {
  return minute >= c.startMin && minute < c.endMin && !c.closedDayNumbers.has(dayNumber);
}

/**
 * When an out-of-hours customer message must be answered by: the end of the first service hour
 * of the next service day (the same day if it arrived before opening time).
 */
export function offlineDeadline(c: CompiledSettings, dayNumber: number, minute: number): number {
  let day = minute < c.startMin ? dayNumber : dayNumber + 1;
  for (let guard = 0; c.closedDayNumbers.has(day) && guard < 366; guard++) day++;
  return wallClockToEpoch(day * DAY_MS + (c.startMin + 60) * MINUTE_MS, c.s.timeZone);
}
