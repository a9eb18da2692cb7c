/** The distribution of final grades per group: one stacked bar per group, one colour per grade. */
import { useMemo } from 'react';
import { GRADES } from '../../../../domain/appraisal/index.ts';
import { Chart } from '../../../components/charts/Chart.tsx';
import type { ChartOption } from '../../../components/charts/echarts.ts';
import { useT } from '../../../locales/index.tsx';
import type { GroupStats } from './outliers.ts';

const GRADE_HEX = { S: '#eb2f96', A: '#52c41a', B: '#1677ff', C: '#fa8c16', D: '#f5222d' } as const;

export function GradeChart({ stats, groupName }: { stats: GroupStats[]; groupName(id: string | null): string }) {
  const { t } = useT();
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 40, right: 16, top: 36, bottom: 32 },
      legend: { top: 0 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: stats.map((s) => groupName(s.groupId)) },
      yAxis: { type: 'value', minInterval: 1, name: t('appraisal.calibration.people') },
      series: GRADES.map((g) => ({
        type: 'bar',
        name: g,
        stack: 'grades',
        barMaxWidth: 56,
        color: GRADE_HEX[g],
        data: stats.map((s) => s.grades[g]),
      })),
    }),
    [stats, groupName, t],
  );
  return (
    <div data-testid="grade-chart">
      <Chart option={option} height={300} ariaLabel={t('appraisal.calibration.distribution')} />
    </div>
  );
}
