/**
 * The explorer's table: one row per key (and period bucket), a typed, sortable column per chosen
 * metric with its definition on hover, figures coloured against their targets, and response
 * figures linking to the rounds behind them.
 */
import { useMemo, type ReactNode } from 'react';
import { Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import type { MetricKey } from '../../../../domain/metrics/catalogue.ts';
import type { Period } from '../../../../domain/time.ts';
import { CHANNEL_KINDS, type ChannelKind } from '../../../../domain/org.ts';
import type { KpiRow } from '../../../../server/modules/kpi/kpi.schema.ts';
import type { KpiFilters } from '../../../api/kpi.ts';
import { groups } from '../../../api/org.ts';
import { useT } from '../../../locales/index.tsx';
import { compareMetric, DRILL_FILTER, periodRange } from '../components/format.ts';
import { MetricFigure, MetricTitle } from '../components/Metric.tsx';
import type { Metrics } from '../components/useMetrics.ts';
import { roundsLink } from '../rounds/link.ts';

/** A row is one key in one period bucket. */
export const rowKey = (r: KpiRow) => `${r.key}@${r.period_key}`;

const isChannel = (c: string): c is ChannelKind => (CHANNEL_KINDS as readonly string[]).includes(c);

/** A row's name in the current language: groups by their English name, channels by kind, the total as such. */
export function useRowName(by: KpiFilters['by']): (r: KpiRow) => string {
  const { t, label, localName } = useT();
  const groupList = groups.useList();
  return useMemo(() => {
    const byId = new Map((groupList.data ?? []).map((g) => [g.id, g]));
    return (r: KpiRow) => {
      switch (by ?? 'agent') {
        case 'group': {
          const g = byId.get(r.key);
          return g ? localName(g) : r.name;
        }
        case 'channel':
          return isChannel(r.key) ? label('channelKind', r.key) : r.name;
        case 'all':
          return t('kpi.total');
        case 'day':
          return r.period_key;
        case 'agent':
        case 'shop':
          return r.name;
      }
    };
  }, [by, groupList.data, t, label, localName]);
}

/** The rounds page for a row's figure, or null when rounds cannot be filtered that way (group, channel). */
function drillTo(row: KpiRow, metric: MetricKey, q: KpiFilters): string | null {
  const filter = DRILL_FILTER[metric];
  if (!filter) return null;
  const by = q.by ?? 'agent';
  if (by === 'group' || by === 'channel') return null;
  const period: Period = by === 'day' ? 'day' : (q.period ?? 'all');
  const range = periodRange(row.period_key, period, q.from, q.to);
  return roundsLink({
    ...range,
    filter,
    agentId: by === 'agent' ? (row.agent_id ?? row.key) : q.agentId,
    shopId: by === 'shop' ? (row.shop_id ?? row.key) : q.shopId,
  });
}

export function KpiTable({
  rows,
  total,
  columns,
  query,
  metrics,
  loading,
  selected,
  onSelect,
  empty,
}: {
  rows: KpiRow[];
  /** the whole scope's figures for a summary row (exact, not an average of rows) */
  total: KpiRow | undefined;
  columns: MetricKey[];
  query: KpiFilters;
  metrics: Metrics;
  loading: boolean;
  /** rows ticked for the trend (by key); null: no trend selection (a per-day table is its own trend) */
  selected: Set<string> | null;
  onSelect(keys: Set<string>): void;
  empty: ReactNode;
}) {
  const { t, label } = useT();
  const by = query.by ?? 'agent';
  const nameOf = useRowName(by);
  const showPeriod = by !== 'day' && (query.period ?? 'all') !== 'all';
  // cells before the first metric: the selection box, the name, the period
  const lead = (selected ? 1 : 0) + 1 + (showPeriod ? 1 : 0);

  const cols: TableColumnsType<KpiRow> = [
    {
      title: label('breakdownHead', by),
      dataIndex: 'name',
      key: 'name',
      fixed: 'left',
      width: 160,
      sorter: (a, b) => nameOf(a).localeCompare(nameOf(b)),
      render: (_: string, r) =>
        by === 'agent' ? <Link to={`/people/${r.agent_id ?? r.key}`}>{nameOf(r)}</Link> : nameOf(r),
    },
    ...(showPeriod
      ? [
          {
            title: t('kpi.period'),
            dataIndex: 'period_key',
            key: 'period_key',
            width: 120,
            sorter: (a: KpiRow, b: KpiRow) => a.period_key.localeCompare(b.period_key),
          },
        ]
      : []),
    ...columns.map((m) => ({
      title: <MetricTitle metric={m} metrics={metrics} />,
      dataIndex: m,
      key: m,
      align: 'right' as const,
      showSorterTooltip: false,
      sorter: (a: KpiRow, b: KpiRow) => compareMetric(a[m], b[m]),
      render: (_: unknown, r: KpiRow) => {
        const figure = <MetricFigure metric={m} value={r[m]} metrics={metrics} />;
        const to = typeof r[m] === 'number' ? drillTo(r, m, query) : null;
        return to ? (
          <Link to={to} style={{ textDecoration: 'underline dotted' }} title={t('kpi.drill')} data-testid="kpi-drill">
            {figure}
          </Link>
        ) : (
          figure
        );
      },
    })),
  ];

  return (
    <Table<KpiRow>
      size="small"
      rowKey={rowKey}
      data-testid="kpi-table"
      loading={loading}
      dataSource={rows}
      columns={cols}
      scroll={{ x: 'max-content' }}
      sticky
      pagination={{ defaultPageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      locale={{ emptyText: empty }}
      rowSelection={
        selected
          ? {
              selectedRowKeys: rows.filter((r) => selected.has(r.key)).map(rowKey),
              onChange: (_keys, picked) => onSelect(new Set(picked.map((r) => r.key))),
              columnTitle: <Typography.Text type="secondary">{t('kpi.trend.short')}</Typography.Text>,
              columnWidth: 56,
              fixed: 'left',
            }
          : undefined
      }
      summary={() =>
        total && rows.length > 1 ? (
          <Table.Summary fixed="top">
            <Table.Summary.Row style={{ background: '#fafafa' }} data-testid="kpi-total">
              {selected ? <Table.Summary.Cell index={0} /> : null}
              <Table.Summary.Cell index={lead - (showPeriod ? 2 : 1)} colSpan={showPeriod ? 2 : 1}>
                <Typography.Text strong>{t('kpi.total')}</Typography.Text>
              </Table.Summary.Cell>
              {columns.map((m, i) => (
                <Table.Summary.Cell key={m} index={lead + i} align="right">
                  <MetricFigure metric={m} value={total[m]} metrics={metrics} strong />
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
