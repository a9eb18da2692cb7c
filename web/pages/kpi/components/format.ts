/** How KPI figures, settings, times and period buckets read in the console. */
import type { MetricKey, MetricUnit, SettingKey } from '../../../../domain/metrics/catalogue.ts';
import type { MetricSettingsT } from '../../../../server/modules/kpi/kpi.schema.ts';
import type { Period } from '../../../../domain/time.ts';
import type { I18n, Locale } from '../../../locales/index.tsx';

export type MetricValue = number | 'pending' | null;

const numberFormats = new Map<string, Intl.NumberFormat>();
function nf(locale: Locale, min: number, max: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${locale}|${min}|${max}|${style}`;
  let f = numberFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style, minimumFractionDigits: min, maximumFractionDigits: max });
    numberFormats.set(key, f);
  }
  return f;
}

/** A figure in its unit: 12.3 秒, 95.2%, 1,234, ¥1,234.56 (money arrives in integer cents). */
export function formatMetric(value: number, unit: MetricUnit, { t, locale }: Pick<I18n, 't' | 'locale'>): string {
  switch (unit) {
    case 'seconds':
      return t('kpi.unit.seconds', { n: nf(locale, 0, 1).format(value) });
    case 'ratio':
      return nf(locale, 1, 1, 'percent').format(value);
    case 'count':
      return nf(locale, 0, 0).format(value);
    case 'per_day':
    case 'score':
      return nf(locale, 0, 1).format(value);
    case 'cents':
      return `¥${nf(locale, 2, 2).format(value / 100)}`;
  }
}

/** A setting with its current value, as a metric's tooltip lists it: 服务时间 08:00–23:00, 封顶 600 秒. */
export function formatSetting(key: SettingKey, s: MetricSettingsT, { t, label }: Pick<I18n, 't' | 'label'>): string {
  const name = t(`metricSettings.${key}`);
  const seconds = (n: number) => t('kpi.unit.seconds', { n });
  const days = (n: number) => t('kpi.unit.days', { n });
  switch (key) {
    case 'timeZone':
      return `${name} ${s.timeZone}`;
    case 'serviceHours':
      return `${name} ${s.serviceHours.start}–${s.serviceHours.end}`;
    case 'closedDays':
      return t('kpi.setting', {
        name,
        value:
          s.closedDays.length === 0
            ? t('metricSettings.closedDays.none')
            : s.closedDays.length > 4
              ? t('metricSettings.closedDays.count', { n: s.closedDays.length })
              : s.closedDays.join(', '),
      });
    case 'roundCapS':
      return `${name} ${seconds(s.roundCapS)}`;
    case 'slowThresholdS':
      return `${name} ${seconds(s.slowThresholdS)}`;
    case 'serviceLevelThresholdS':
      return `${name} ${seconds(s.serviceLevelThresholdS)}`;
    case 'orderWindowDays':
      return `${name} ${days(s.orderWindowDays)}`;
    case 'paymentWindowDays':
      return `${name} ${days(s.paymentWindowDays)}`;
    case 'orderCrediting':
      return t('kpi.setting', { name, value: label('orderCrediting', s.orderCrediting) });
    case 'repeatComplaintWindowDays':
      return `${name} ${days(s.repeatComplaintWindowDays)}`;
    case 'immediateResolutionGraceMin':
      return `${name} ${t('kpi.unit.minutes', { n: s.immediateResolutionGraceMin })}`;
  }
}

const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** `YYYY-MM-DD HH:mm:ss` of an instant in the organisation's time zone (not the browser's). */
export function formatTime(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  let f = timeFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    timeFormats.set(timeZone, f);
  }
  const p: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of f.formatToParts(new Date(iso))) p[part.type] = part.value;
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

const DAY_MS = 86_400_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first and last day of a period bucket (2026-W46, 2026-11, 2026-Q4, a day), clipped to [from, to]. */
export function periodRange(periodKey: string, period: Period, from: string, to: string): { from: string; to: string } {
  let start = from;
  let end = to;
  const week = /^(\d{4})-W(\d{2})$/.exec(periodKey);
  const month = /^(\d{4})-(\d{2})$/.exec(periodKey);
  const quarter = /^(\d{4})-Q([1-4])$/.exec(periodKey);
  if (/^\d{4}-\d{2}-\d{2}$/.test(periodKey)) start = end = periodKey;
  else if (period === 'week' && week) {
    // ISO week 1 holds 4 January; weeks start on Monday
    const jan4 = Date.UTC(+week[1], 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS + (+week[2] - 1) * 7 * DAY_MS;
    start = dayOf(monday);
    end = dayOf(monday + 6 * DAY_MS);
  } else if (period === 'month' && month) {
    start = dayOf(Date.UTC(+month[1], +month[2] - 1, 1));
    end = dayOf(Date.UTC(+month[1], +month[2], 0));
  } else if (period === 'quarter' && quarter) {
    start = dayOf(Date.UTC(+quarter[1], (+quarter[2] - 1) * 3, 1));
    end = dayOf(Date.UTC(+quarter[1], +quarter[2] * 3, 0));
  }
  return { from: start < from ? from : start, to: end > to ? to : end };
}

/** The rounds behind a response figure: which drill-down tab a click on it opens. */
export const DRILL_FILTER: Partial<Record<MetricKey, 'counted' | 'first' | 'slow' | 'unanswered'>> = {
  first_response_avg_s: 'first',
  avg_response_s: 'counted',
  response_within_180s_rate: 'counted',
  p50_response_s: 'counted',
  p90_response_s: 'counted',
  rounds: 'counted',
  slow_rounds: 'slow',
  unanswered_rounds: 'unanswered',
};

/** Orders figures for sorting: no figure and 'pending' sort below every number. */
export function compareMetric(a: MetricValue, b: MetricValue): number {
  const n = (v: MetricValue) => (typeof v === 'number' ? v : Number.NEGATIVE_INFINITY);
  const x = n(a);
  const y = n(b);
  return x === y ? 0 : x < y ? -1 : 1;
}
