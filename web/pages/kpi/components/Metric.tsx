/** A KPI figure (unit, target colour, pending, no data) and a metric's name with its definition on hover. */
import type { ReactNode } from 'react';
import { Tag, Tooltip, Typography } from 'antd';
import { InfoCircleOutlined } from '@ant-design/icons';
import type { MetricKey } from '../../../../domain/metrics/catalogue.ts';
import { useT } from '../../../locales/index.tsx';
import { TARGETS, targetStatus, type Target } from '../targets.ts';
import { formatMetric, type MetricValue } from './format.ts';
import type { Metrics } from './useMetrics.ts';

export const TARGET_COLOR = { met: '#389e0d', missed: '#cf1322' } as const;

/** 目标 ≤ 30 秒 / Target ≥ 95.0% */
export function useTargetText(metrics: Metrics) {
  const i18n = useT();
  return (key: MetricKey, target: Target | undefined = TARGETS[key]) =>
    target
      ? i18n.t(target.op === 'atMost' ? 'kpi.target.atMost' : 'kpi.target.atLeast', {
          value: formatMetric(target.value, metrics.definition(key).unit, i18n),
        })
      : null;
}

/** A figure: green when it meets its target, red when it misses; 待结算 while a payment window is open; — for no data. */
export function MetricFigure({
  metric,
  value,
  metrics,
  strong,
}: {
  metric: MetricKey;
  value: MetricValue;
  metrics: Metrics;
  strong?: boolean;
}) {
  const i18n = useT();
  const { t } = i18n;
  if (value === null)
    return (
      <Tooltip title={t('kpi.noData')}>
        <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
      </Tooltip>
    );
  if (value === 'pending')
    return (
      <Tooltip title={t('kpi.pending.help', { days: metrics.settings.paymentWindowDays })}>
        <Tag color="gold" style={{ marginInlineEnd: 0 }} data-testid="kpi-pending">
          {t('kpi.pending')}
        </Tag>
      </Tooltip>
    );
  const status = targetStatus(metric, value);
  return (
    <span
      data-target={status ?? undefined}
      style={{
        color: status ? TARGET_COLOR[status] : undefined,
        fontWeight: strong || status ? 500 : undefined,
        fontVariantNumeric: 'tabular-nums',
      }}
    >
      {formatMetric(value, metrics.definition(metric).unit, i18n)}
    </span>
  );
}

/** The explanation shown on hover: definition, target and the settings (with values) that shape the figure. */
export function MetricHelp({ metric, metrics }: { metric: MetricKey; metrics: Metrics }) {
  const { t } = useT();
  const target = useTargetText(metrics)(metric);
  const shaped = metrics.shapedBy(metric);
  return (
    <div style={{ maxWidth: 360 }} data-testid={`metric-help-${metric}`}>
      <div style={{ fontWeight: 600, marginBottom: 4 }}>{metrics.name(metric)}</div>
      <div>{metrics.describe(metric)}</div>
      {target ? <div style={{ marginTop: 6 }}>{target}</div> : null}
      {shaped.length ? (
        <div style={{ marginTop: 6, opacity: 0.85 }}>
          {t('kpi.shapedBy')}
          <ul style={{ margin: '2px 0 0', paddingInlineStart: 18 }}>
            {shaped.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** A metric's name with an info mark; hovering shows MetricHelp. */
export function MetricTitle({
  metric,
  metrics,
  children,
}: {
  metric: MetricKey;
  metrics: Metrics;
  children?: ReactNode;
}) {
  return (
    <Tooltip
      title={<MetricHelp metric={metric} metrics={metrics} />}
      placement="top"
      styles={{ root: { maxWidth: 400 } }}
    >
      <span style={{ whiteSpace: 'nowrap', cursor: 'help' }} data-testid={`metric-title-${metric}`}>
        {children ?? metrics.name(metric)} <InfoCircleOutlined style={{ color: 'rgba(0,0,0,0.35)', fontSize: 12 }} />
      </span>
    </Tooltip>
  );
}
