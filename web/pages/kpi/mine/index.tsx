/**
 * My KPIs (我的指标): the signed-in person's own figures for the period (this month by default)
 * against their targets, a daily trend of one metric, and a link to the rounds behind them.
 * The server returns only the caller's own row.
 */
import { useMemo, useState } from 'react';
import { Button, Card, Col, Flex, Row, Segmented, Select, Skeleton, Space, Statistic, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, FieldTimeOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { METRIC_KEYS, type MetricKey } from '../../../../domain/metrics/catalogue.ts';
import type { KpiRow } from '../../../../server/modules/kpi/kpi.schema.ts';
import { useMe } from '../../../api/auth.ts';
import { useKpi } from '../../../api/kpi.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { DEFAULT_COLUMNS } from '../explorer/columns.ts';
import { roundsLink } from '../rounds/link.ts';
import { TARGETS, targetStatus } from '../targets.ts';
import { MetricFigure, MetricTitle, TARGET_COLOR, useTargetText } from '../components/Metric.tsx';
import { EmptyPeriod } from '../components/EmptyPeriod.tsx';
import { RangeFilter, thisMonth, type DayRange } from '../components/RangeFilter.tsx';
import { TrendChart } from '../components/TrendChart.tsx';
import { useMetrics, type Metrics } from '../components/useMetrics.ts';

/** The figures an agent is judged on first: those with targets, then the rest of the default set. */
const CARDS: MetricKey[] = [
  ...DEFAULT_COLUMNS.filter((k) => TARGETS[k]),
  ...METRIC_KEYS.filter((k) => TARGETS[k] && !DEFAULT_COLUMNS.includes(k)),
  ...DEFAULT_COLUMNS.filter((k) => !TARGETS[k]),
];

function MetricCard({ metric, row, metrics }: { metric: MetricKey; row: KpiRow; metrics: Metrics }) {
  const { t } = useT();
  const targetText = useTargetText(metrics)(metric);
  const status = targetStatus(metric, row[metric]);
  return (
    <Card size="small" data-testid={`mine-${metric}`} style={{ height: '100%' }}>
      <Statistic
        title={<MetricTitle metric={metric} metrics={metrics} />}
        valueRender={() => <MetricFigure metric={metric} value={row[metric]} metrics={metrics} />}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {targetText ?? t('kpi.noTarget')}
        {status ? (
          <span style={{ color: TARGET_COLOR[status], marginInlineStart: 6 }}>
            {status === 'met' ? <CheckCircleFilled /> : <CloseCircleFilled />} {t(`kpi.target.${status}`)}
          </span>
        ) : null}
      </Typography.Text>
    </Card>
  );
}

export default function MyKpiPage() {
  const { t } = useT();
  const me = useMe().data;
  const metrics = useMetrics();
  const [range, setRange] = useState<DayRange>(thisMonth);
  const [trendMetric, setTrendMetric] = useState<MetricKey>('avg_response_s');
  const query = { ...range, by: 'agent' as const, agentId: me?.id };
  const kpi = useKpi(query, Boolean(me));
  const daily = useKpi({ ...query, period: 'day' }, Boolean(me));
  const row = kpi.data?.rows[0];
  const met = useMemo(() => (row ? CARDS.filter((k) => targetStatus(k, row[k]) === 'met').length : 0), [row]);
  const withTarget = row ? CARDS.filter((k) => targetStatus(k, row[k]) !== null).length : 0;

  return (
    <PageContainer
      title={t('menu.kpi.mine')}
      extra={
        <Link to={roundsLink({ ...range, agentId: me?.id, filter: 'counted' })} data-testid="mine-rounds">
          <Button icon={<FieldTimeOutlined />}>{t('mine.rounds')}</Button>
        </Link>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Flex wrap gap={12} align="center">
          <RangeFilter value={range} onChange={setRange} />
          {row ? (
            <Typography.Text data-testid="mine-summary">
              {t('mine.summary', { name: row.name, met, total: withTarget })}
            </Typography.Text>
          ) : null}
        </Flex>
        {kpi.isError ? (
          <LoadError error={kpi.error} onRetry={() => void kpi.refetch()} />
        ) : kpi.isPending ? (
          <Card>
            <Skeleton active />
          </Card>
        ) : !row ? (
          <Card>
            <EmptyPeriod description={t('mine.empty', { from: range.from, to: range.to })} onJump={setRange} />
          </Card>
        ) : (
          <>
            <Row gutter={[12, 12]} data-testid="mine-cards" data-rows={kpi.data.rows.length}>
              {CARDS.map((k) => (
                <Col key={k} xs={12} md={8} xl={6} xxl={4}>
                  <MetricCard metric={k} row={row} metrics={metrics} />
                </Col>
              ))}
            </Row>
            <Card
              size="small"
              title={t('mine.trend')}
              extra={
                <Space>
                  <Segmented<MetricKey>
                    value={CARDS.slice(0, 4).includes(trendMetric) ? trendMetric : undefined}
                    onChange={setTrendMetric}
                    options={CARDS.slice(0, 4).map((k) => ({ value: k, label: metrics.name(k) }))}
                  />
                  <Select<MetricKey>
                    showSearch
                    optionFilterProp="label"
                    style={{ width: 200 }}
                    value={trendMetric}
                    onChange={setTrendMetric}
                    options={METRIC_KEYS.map((k) => ({ value: k, label: metrics.name(k) }))}
                  />
                </Space>
              }
            >
              {daily.isError ? (
                <LoadError error={daily.error} onRetry={() => void daily.refetch()} />
              ) : daily.isPending ? (
                <Skeleton active />
              ) : (
                <TrendChart
                  rows={daily.data.rows}
                  series={[{ key: row.key, name: row.name }]}
                  metric={trendMetric}
                  metrics={metrics}
                  from={range.from}
                  to={range.to}
                  height={280}
                />
              )}
            </Card>
          </>
        )}
      </Space>
    </PageContainer>
  );
}
