/** Instants as `YYYY-MM-DD HH:mm` in the organisation's time zone (the metric settings'), not the browser's or UTC. */
import { useCallback } from 'react';
import { DEFAULT_METRIC_SETTINGS } from '../../../../domain/metrics/settings.ts';
import { useKpiDefinitions } from '../../../api/kpi.ts';
import { formatTime } from '../../kpi/components/format.ts';

export function useWhen(): (iso: string | null | undefined) => string {
  const tz = useKpiDefinitions().data?.settings.timeZone ?? DEFAULT_METRIC_SETTINGS.timeZone;
  return useCallback((iso) => (iso ? formatTime(iso, tz).slice(0, 16) : ''), [tz]);
}
