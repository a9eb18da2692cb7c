/** The organisation's business day in the console: dates from its time zone, not the browser's. */
import dayjs from 'dayjs';
import { DEFAULT_METRIC_SETTINGS } from '../../domain/metrics/settings.ts';
import { useMetricSettings } from '../api/kpi.ts';
import { formatTime } from '../pages/kpi/components/format.ts';

/** Today (YYYY-MM-DD) in the organisation's time zone: its business day, not the browser's. */
export function orgToday(timeZone: string, now: Date = new Date()): string {
  return formatTime(now.toISOString(), timeZone).slice(0, 10);
}

/** The organisation's time zone (the default until the settings have loaded). */
export function useOrgTimeZone(): string {
  return useMetricSettings().data?.timeZone ?? DEFAULT_METRIC_SETTINGS.timeZone;
}

/** The `days` days ending `endOffset` days before the organisation's today. */
export function orgDays(timeZone: string, days: number, endOffset = 0, now: Date = new Date()): { from: string; to: string } {
  const today = dayjs(orgToday(timeZone, now));
  return {
    from: today.subtract(days - 1 + endOffset, 'day').format('YYYY-MM-DD'),
    to: today.subtract(endOffset, 'day').format('YYYY-MM-DD'),
  };
}
