/**
 * KPI explorer (指标分析): figures for a period by agent, group, shop, channel, day or overall,
 * optionally in day/week/month buckets; chosen metric columns with their definitions; targets
 * coloured; a per-day trend of one metric for the ticked rows; CSV export; response figures
 * open the rounds behind them. The filters live in the URL, so coming back from a drill-down
 * (or sharing the link) shows the same view.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Flex, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { Link, useSearchParams } from 'react-router-dom';
import type { MetricKey } from '../../../../domain/metrics/catalogue.ts';
import { PERIODS, type Period } from '../../../../domain/time.ts';
import { KPI_BREAKDOWNS } from '../../../../server/modules/kpi/kpi.schema.ts';
import { kpiCsvUrl, useKpi, type KpiFilters } from '../../../api/kpi.ts';
import { groups } from '../../../api/org.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { EmptyPeriod } from '../components/EmptyPeriod.tsx';
import { RangeFilter, thisMonth } from '../components/RangeFilter.tsx';
import { useMetrics } from '../components/useMetrics.ts';
import { storedColumns, storeColumns } from './columns.ts';
import { KpiTable, useRowName } from './KpiTable.tsx';
import { MetricChooser } from './MetricChooser.tsx';
import { MAX_SERIES, TrendCard } from './TrendCard.tsx';

type Breakdown = (typeof KPI_BREAKDOWNS)[number];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(allowed: readonly T[], v: string | null, fallback: T): T {
  return (allowed as readonly (string | null)[]).includes(v) ? (v as T) : fallback;
}

/** Breakdowns the server answers for everyone who may explore; the rest need an organisation-wide scope. */
const SCOPED_BREAKDOWNS: readonly Breakdown[] = ['agent', 'group'];

/** The explorer's query from the URL; anything missing, malformed or not allowed gets its default. */
function useExplorerQuery(
  breakdowns: readonly Breakdown[],
): [KpiFilters, (patch: Partial<Record<keyof KpiFilters, string | undefined>>) => void] {
  const [params, setParams] = useSearchParams();
  const query = useMemo<KpiFilters>(() => {
    const month = thisMonth();
    const from = params.get('from') ?? '';
    const to = params.get('to') ?? '';
    const by = oneOf<Breakdown>(breakdowns, params.get('by'), 'agent');
    return {
      from: DAY.test(from) ? from : month.from,
      to: DAY.test(to) ? to : month.to,
      by,
      // `by=day` is already one row per day
      period: by === 'day' ? 'all' : oneOf<Period>(PERIODS, params.get('period'), 'all'),
      // the server narrows agents and groups by group; other breakdowns have no group
      groupId: by === 'agent' || by === 'group' ? (params.get('groupId') ?? undefined) : undefined,
    };
  }, [params, breakdowns]);
  const update = (patch: Partial<Record<keyof KpiFilters, string | undefined>>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch))
          if (v) next.set(k, v);
          else next.delete(k);
        return next;
      },
      { replace: true },
    );
  return [query, update];
}

export default function KpiExplorerPage() {
  const { t, label, localName } = useT();
  const { canImportData, canKpiOrgWide } = useAccess();
  const breakdowns = canKpiOrgWide ? KPI_BREAKDOWNS : SCOPED_BREAKDOWNS;
  const metrics = useMetrics();
  const [query, update] = useExplorerQuery(breakdowns);
  const [columns, setColumns] = useState<MetricKey[]>(storedColumns);
  const [trendMetric, setTrendMetric] = useState<MetricKey>('avg_response_s');
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const groupList = groups.useList();

  const by = query.by ?? 'agent';
  const kpi = useKpi(query);
  const rows = useMemo(() => kpi.data?.rows ?? [], [kpi.data]);
  // the organisation's figures for the summary row; the server offers no department or group total,
  // so there is none for a scoped reader or a group filter
  const total = useKpi(
    { ...query, by: 'all', period: 'all', groupId: undefined },
    canKpiOrgWide && by !== 'all' && by !== 'day' && !query.groupId,
  );
  // the trend needs per-day rows; `by=day` already has them
  const daily = useKpi({ ...query, period: 'day' }, by !== 'day');
  const dailyRows = useMemo(
    // per-day rows of the whole scope form one line, whatever key the server gives them
    () => (by === 'day' ? rows.map((r) => ({ ...r, key: 'all' })) : (daily.data?.rows ?? [])),
    [by, rows, daily.data],
  );

  // a new query starts with its first rows ticked for the trend
  useEffect(() => setSelected(null), [query]);
  const keys = useMemo(() => [...new Set(rows.map((r) => r.key))], [rows]);
  const ticked = useMemo(
    () => selected ?? new Set(keys.slice(0, by === 'agent' ? 5 : MAX_SERIES)),
    [selected, keys, by],
  );
  const nameOf = useRowName(by);
  const series = useMemo(() => {
    const names = new Map(rows.map((r) => [r.key, nameOf(r)]));
    if (by === 'day') return [{ key: 'all', name: t('kpi.total') }];
    return keys.filter((k) => ticked.has(k)).map((k) => ({ key: k, name: names.get(k) ?? k }));
  }, [rows, keys, ticked, by, t, nameOf]);

  const chooseColumns = (next: MetricKey[]) => {
    setColumns(next);
    storeColumns(next);
  };

  const s = metrics.settings;
  const empty = (
    <EmptyPeriod
      description={t('kpi.empty', { from: query.from, to: query.to })}
      onJump={(r) => update({ ...r })}
      extra={canImportData ? <Link to="/data/import">{t('kpi.empty.import')}</Link> : null}
    />
  );

  return (
    <PageContainer
      title={t('menu.kpi.explorer')}
      extra={
        <Button icon={<DownloadOutlined />} href={kpiCsvUrl(query)} download data-testid="kpi-export">
          {t('kpi.export')}
        </Button>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Flex wrap gap={12} align="center">
            <RangeFilter value={{ from: query.from, to: query.to }} onChange={(r) => update(r)} />
            <Select<Breakdown>
              style={{ width: 130 }}
              value={by}
              onChange={(v) => update({ by: v })}
              options={breakdowns.map((b) => ({ value: b, label: label('breakdown', b) }))}
              data-testid="kpi-by"
            />
            <Select<Period>
              style={{ width: 130 }}
              value={query.period ?? 'all'}
              disabled={by === 'day'}
              onChange={(v) => update({ period: v === 'all' ? undefined : v })}
              options={PERIODS.map((p) => ({ value: p, label: label('period', p) }))}
              data-testid="kpi-period"
            />
            {by === 'agent' || by === 'group' ? (
              <Select
                allowClear
                showSearch
                optionFilterProp="label"
                style={{ width: 160 }}
                placeholder={t('kpi.filter.group')}
                value={query.groupId}
                onChange={(v?: string) => update({ groupId: v })}
                options={(groupList.data ?? []).map((g) => ({ value: g.id, label: localName(g) }))}
              />
            ) : null}
            <MetricChooser value={columns} onChange={chooseColumns} metrics={metrics} />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
            {t('kpi.settingsLine', {
              hours: `${s.serviceHours.start}–${s.serviceHours.end}`,
              cap: s.roundCapS,
              tz: s.timeZone,
            })}
            {kpi.data
              ? ` · ${t('kpi.asOf', { at: kpi.data.asOf.slice(0, 16).replace('T', ' '), ms: kpi.data.ms })}`
              : null}
          </Typography.Paragraph>
        </Card>

        {kpi.isError ? (
          <LoadError error={kpi.error} onRetry={() => void kpi.refetch()} />
        ) : (
          <>
            {by === 'group' || by === 'channel' ? (
              <Alert type="info" showIcon message={t('kpi.drill.unavailable')} />
            ) : null}
            <KpiTable
              rows={rows}
              total={total.isEnabled ? total.data?.rows[0] : undefined}
              columns={columns}
              query={query}
              metrics={metrics}
              loading={kpi.isFetching}
              selected={by === 'day' ? null : ticked}
              onSelect={setSelected}
              empty={kpi.isPending ? <span /> : empty}
            />
            {rows.length ? (
              <TrendCard
                metric={trendMetric}
                onMetric={setTrendMetric}
                rows={dailyRows}
                series={series}
                from={query.from}
                to={query.to}
                metrics={metrics}
                loading={by !== 'day' && daily.isPending}
              />
            ) : null}
          </>
        )}
      </Space>
    </PageContainer>
  );
}
