/** A metric per day as lines (one per selected row), with the target as a dashed line. */
import { useMemo } from 'react';
import { Empty } from 'antd';
import type { MetricKey } from '../../../../domain/metrics/catalogue.ts';
import type { KpiRow } from '../../../../server/modules/kpi/kpi.schema.ts';
import { Chart } from '../../../components/charts/Chart.tsx';
import type { ChartOption } from '../../../components/charts/echarts.ts';
import { useT } from '../../../locales/index.tsx';
import { TARGETS } from '../targets.ts';
import { formatMetric } from './format.ts';
import type { Metrics } from './useMetrics.ts';

export interface TrendSeries {
  key: string;
  name: string;
}

/** Every day from `from` to `to`, so days without data show as gaps rather than vanish. */
function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); ms <= end; ms += 86_400_000)
    out.push(new Date(ms).toISOString().slice(0, 10));
  return out;
}

export function TrendChart({
  rows,
  series,
  metric,
  metrics,
  from,
  to,
  height = 320,
}: {
  /** rows with period_key = day */
  rows: KpiRow[];
  series: TrendSeries[];
  metric: MetricKey;
  metrics: Metrics;
  from: string;
  to: string;
  height?: number;
}) {
  const i18n = useT();
  const unit = metrics.definition(metric).unit;
  const option = useMemo<ChartOption>(() => {
    const days = daysBetween(from, to);
    const byKeyDay = new Map(rows.map((r) => [`${r.key}|${r.period_key}`, r[metric]]));
    const target = TARGETS[metric];
    // rates are plotted in percent so the axis reads like the table
    const scale = unit === 'ratio' ? 100 : unit === 'cents' ? 0.01 : 1;
    const fmt = (v: number) => formatMetric(v / scale, unit, i18n);
    return {
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? fmt(v) : i18n.t('common.none')),
      },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days.map((d) => d.slice(5)), boundaryGap: false },
      yAxis: {
        type: 'value',
        scale: unit !== 'count',
        axisLabel: { formatter: (v: number) => (unit === 'ratio' ? `${v}%` : String(v)) },
      },
      series: [
        ...series.map((s) => ({
          name: s.name,
          type: 'line' as const,
          showSymbol: days.length <= 31,
          connectNulls: false,
          data: days.map((d) => {
            const v = byKeyDay.get(`${s.key}|${d}`);
            return typeof v === 'number' ? Math.round(v * scale * 100) / 100 : null;
          }),
        })),
        // the target as its own dashed line across every day (it also shows in the tooltip)
        ...(target
          ? [
              {
                name: i18n.t('kpi.target'),
                type: 'line' as const,
                silent: true,
                showSymbol: false,
                emphasis: { disabled: true },
                color: '#8c8c8c',
                lineStyle: { type: 'dashed' as const, width: 1 },
                data: days.map(() => target.value * scale),
              },
            ]
          : []),
      ],
    };
  }, [rows, series, metric, unit, from, to, i18n]);

  if (series.length === 0) return <Empty description={i18n.t('kpi.trend.noSelection')} />;
  return <Chart option={option} height={height} ariaLabel={metrics.name(metric)} />;
}
