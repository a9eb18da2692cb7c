/** Instants as the QA pages show them: in the organisation's time zone, not the browser's. */
import { useCallback } from 'react';
import { DEFAULT_METRIC_SETTINGS } from '../../../domain/metrics/settings.ts';
import { useMetricSettings } from '../../api/kpi.ts';
import { formatTime } from '../../pages/kpi/components/format.ts';

/** `YYYY-MM-DD HH:mm` (or only the time / the day) of an instant in the organisation's time zone; "—" for none. */
export function useOrgTime(): (iso: string | null | undefined, part?: 'minute' | 'time' | 'day') => string {
  const tz = useMetricSettings().data?.timeZone ?? DEFAULT_METRIC_SETTINGS.timeZone;
  return useCallback(
    (iso, part = 'minute') => {
      if (!iso) return '—';
      const full = formatTime(iso, tz);
      return part === 'time' ? full.slice(11) : part === 'day' ? full.slice(0, 10) : full.slice(0, 16);
    },
    [tz],
  );
}
