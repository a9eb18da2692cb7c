/** Agreement per item: one bar per reviewer (alignment with the benchmark, in percent) and every reviewer together as a line. */
import { useMemo } from 'react';
import { Chart } from '../../../../components/charts/Chart.tsx';
import type { ChartOption } from '../../../../components/charts/echarts.ts';
import { useT } from '../../../../locales/index.tsx';
import type { AgreementSeries } from './report.ts';

export function AgreementChart({ series, itemName }: { series: AgreementSeries; itemName(id: string): string }) {
  const { t } = useT();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 48, right: 16, top: 40, bottom: 64 },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v) => (v == null ? '—' : `${String(v)}%`),
      },
      xAxis: {
        type: 'category',
        data: series.items.map(itemName),
        axisLabel: { interval: 0, rotate: series.items.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value', min: 0, max: 100, name: t('qa.report.alignmentPct') },
      series: [
        ...series.reviewers.map((r) => ({
          type: 'bar' as const,
          name: r.name,
          barMaxWidth: 28,
          data: r.data,
        })),
        {
          type: 'line' as const,
          name: t('qa.report.allReviewers'),
          data: series.overall,
          symbolSize: 8,
          lineStyle: { type: 'dashed' as const },
          color: '#595959',
        },
      ],
    }),
    [series, itemName, t],
  );
  return (
    <div data-testid="qa-agreement-chart">
      <Chart option={option} height={340} ariaLabel={t('qa.report.chart')} />
    </div>
  );
}
