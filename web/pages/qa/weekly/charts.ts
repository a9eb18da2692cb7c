/** Chart options of the weekly report, built on the console's one ECharts module. */
import type { ChartOption } from '../../../components/charts/echarts.ts';
import { BLUE } from './format.ts';

export interface Bars {
  names: string[];
  values: (number | null)[];
  /** a colour per bar (default blue) */
  colors?: string[];
  /** a dashed reference line (target, flag share) and its label */
  line?: { value: number; label: string };
  /** the axis is in percent */
  percent?: boolean;
  /** bars lie along the y axis (long labels) */
  horizontal?: boolean;
}

/** One series of bars with an optional reference line. */
export function barOption({ names, values, colors, line, percent, horizontal }: Bars): ChartOption {
  const category = {
    type: 'category' as const,
    data: names,
    axisLabel: { interval: 0, width: 120, overflow: 'truncate' as const },
  };
  const value = {
    type: 'value' as const,
    axisLabel: { formatter: (v: number) => (percent ? `${v}%` : String(v)) },
  };
  return {
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v) => (percent ? `${String(v)}%` : String(v)),
    },
    xAxis: horizontal ? value : category,
    yAxis: horizontal ? { ...category, inverse: true } : value,
    series: [
      {
        type: 'bar',
        barMaxWidth: 36,
        data: values.map((v, i) => ({ value: v, itemStyle: { color: colors?.[i] ?? BLUE } })),
        markLine: line
          ? {
              symbol: 'none',
              lineStyle: { type: 'dashed' },
              label: { formatter: line.label, position: 'insideEndTop' },
              data: [horizontal ? { xAxis: line.value } : { yAxis: line.value }],
            }
          : undefined,
      },
    ],
  };
}

/** A small line of weekly shares (percent) with the flag share as a dashed line. */
export function effectOption(weeks: string[], shares: (number | null)[], flag: number, name: string): ChartOption {
  return {
    grid: { left: 4, right: 12, top: 12, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (typeof v === 'number' ? `${v}%` : '—') },
    xAxis: { type: 'category', data: weeks.map((w) => w.slice(5)), boundaryGap: false },
    yAxis: { type: 'value', min: 0, splitNumber: 2, axisLabel: { formatter: (v: number) => `${v}%` } },
    series: [
      {
        type: 'line',
        name,
        data: shares,
        connectNulls: true,
        showSymbol: true,
        markLine: {
          symbol: 'none',
          lineStyle: { type: 'dashed', color: '#f5222d' },
          label: { show: false },
          data: [{ yAxis: flag }],
        },
      },
    ],
  };
}
