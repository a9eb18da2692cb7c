/** The explorer's trend: one chosen metric per day for the rows ticked in the table. */
import { Card, Select, Space, Typography } from 'antd';
import { METRIC_KEYS, type MetricKey } from '../../../../domain/metrics/catalogue.ts';
import type { KpiRow } from '../../../../server/modules/kpi/kpi.schema.ts';
import { useT } from '../../../locales/index.tsx';
import { TrendChart, type TrendSeries } from '../components/TrendChart.tsx';
import type { Metrics } from '../components/useMetrics.ts';

/** More lines than this turn the chart into noise. */
export const MAX_SERIES = 8;

export function TrendCard({
  metric,
  onMetric,
  rows,
  series,
  from,
  to,
  metrics,
  loading,
}: {
  metric: MetricKey;
  onMetric(m: MetricKey): void;
  rows: KpiRow[];
  series: TrendSeries[];
  from: string;
  to: string;
  metrics: Metrics;
  loading: boolean;
}) {
  const { t } = useT();
  const shown = series.slice(0, MAX_SERIES);
  return (
    <Card
      size="small"
      loading={loading}
      title={t('kpi.trend')}
      extra={
        <Space>
          {series.length > MAX_SERIES ? (
            <Typography.Text type="secondary">{t('kpi.trend.limited', { n: MAX_SERIES })}</Typography.Text>
          ) : null}
          <Select<MetricKey>
            showSearch
            optionFilterProp="label"
            style={{ width: 240 }}
            value={metric}
            onChange={onMetric}
            options={METRIC_KEYS.map((k) => ({ value: k, label: metrics.name(k) }))}
            data-testid="kpi-trend-metric"
          />
        </Space>
      }
    >
      <TrendChart rows={rows} series={shown} metric={metric} metrics={metrics} from={from} to={to} />
    </Card>
  );
}
