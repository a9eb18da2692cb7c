/** The live preview of an indicator's score curve: points by value, one line per distinct level target. */
import { useMemo } from 'react';
import { Empty } from 'antd';
import type { Level } from '../../../../../domain/org.ts';
import { unitOf, type Indicator } from '../../../../../domain/appraisal/index.ts';
import { Chart } from '../../../../components/charts/Chart.tsx';
import type { ChartOption } from '../../../../components/charts/echarts.ts';
import { useT } from '../../../../locales/index.tsx';
import { curveSeries } from './curve.ts';

const COLORS = ['#1677ff', '#fa8c16', '#722ed1'];

export function CurvePreview({ indicator, height = 260 }: { indicator: Indicator; height?: number }) {
  const { t, label } = useT();
  const unit = unitOf(indicator);
  const series = useMemo(() => curveSeries(indicator), [indicator]);
  const option = useMemo<ChartOption>(() => {
    const name = (levels: Level[]) =>
      levels.length ? levels.map((l) => label('level', l)).join(' / ') : t('appraisal.curve.allLevels');
    return {
      animation: false,
      grid: { left: 48, right: 40, top: 32, bottom: 64 },
      legend: { bottom: 0 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${String(v)}` },
      xAxis: {
        type: 'value',
        min: 'dataMin',
        max: 'dataMax',
        name: unit ? t(`appraisal.unit.${unit}`) : '',
        nameLocation: 'middle',
        nameGap: 26,
      },
      yAxis: { type: 'value', min: 0, name: t('appraisal.points') },
      series: series.map((s, i) => ({
        type: 'line',
        name: name(s.levels),
        showSymbol: false,
        color: COLORS[i % COLORS.length],
        data: s.points,
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: COLORS[i % COLORS.length] },
          label: { formatter: t('appraisal.curve.target') },
          data: [{ xAxis: s.target }],
        },
      })),
    };
  }, [series, unit, t, label]);

  if (series.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.curve.unavailable')} />;
  return (
    <div data-testid="curve-preview">
      <Chart option={option} height={height} ariaLabel={t('appraisal.curve.title')} />
    </div>
  );
}
