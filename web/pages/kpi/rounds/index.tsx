/**
 * Drill-down (响应明细): the rounds behind a response figure — each with its conversation, start,
 * end, wait, counted duration, flags and the sentence explaining why it counted — on tabs for
 * counted / first / slow / unanswered / not-counted rounds, a page at a time. The scope (period,
 * agent, shop, tab, page) is in the URL, so the explorer can link straight to it.
 */
import { useMemo } from 'react';
import { Card, Empty, Flex, Select, Table, Tabs, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import type { RoundOut } from '../../../../server/modules/kpi/kpi.schema.ts';
import { useMe } from '../../../api/auth.ts';
import { useRounds } from '../../../api/kpi.ts';
import { usePeople } from '../../../api/people.ts';
import { shops } from '../../../api/org.ts';
import { useAccess } from '../../../access.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { formatTime } from '../components/format.ts';
import { RangeFilter, thisMonth } from '../components/RangeFilter.tsx';
import { RoundFlags } from '../components/RoundFlags.tsx';
import { useMetrics } from '../components/useMetrics.ts';
import { conversationLink, ROUND_FILTERS, type RoundFilter } from './link.ts';

const PAGE_SIZE = 20;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export default function RoundsPage() {
  const { t, label } = useT();
  const { canExploreKpi, canReadChats } = useAccess();
  const me = useMe().data;
  const metrics = useMetrics();
  const tz = metrics.settings.timeZone;
  const [params, setParams] = useSearchParams();
  const month = thisMonth();
  const from = DAY.test(params.get('from') ?? '') ? params.get('from')! : month.from;
  const to = DAY.test(params.get('to') ?? '') ? params.get('to')! : month.to;
  const rawFilter = params.get('filter');
  const filter: RoundFilter = ROUND_FILTERS.find((f) => f === rawFilter) ?? 'counted';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const agentId = params.get('agentId') ?? (canExploreKpi ? undefined : me?.id);
  const shopId = params.get('shopId') ?? undefined;

  const rounds = useRounds({ from, to, agentId, shopId, filter, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const people = usePeople({}, canExploreKpi);
  const shopList = shops.useList();
  const agents = useMemo(
    () => (people.data ?? []).filter((p) => p.role === 'agent' || p.role === 'lead'),
    [people.data],
  );

  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch))
          if (v) next.set(k, v);
          else next.delete(k);
        if (!('page' in patch)) next.delete('page');
        return next;
      },
      { replace: true },
    );

  const sameDay = (a: string, b: string) => formatTime(a, tz).slice(0, 10) === formatTime(b, tz).slice(0, 10);
  const seconds = (n: number | null) => (n === null ? t('common.none') : t('kpi.unit.seconds', { n }));

  return (
    <PageContainer title={t('menu.kpi.rounds')}>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Flex wrap gap={12} align="center">
          <RangeFilter value={{ from, to }} onChange={(r) => set({ ...r })} />
          {canExploreKpi ? (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 200 }}
              placeholder={t('rounds.agent')}
              value={agentId}
              loading={people.isPending}
              onChange={(v?: string) => set({ agentId: v })}
              options={agents.map((p) => ({ value: p.id, label: `${p.name} (${p.login})` }))}
              data-testid="rounds-agent"
            />
          ) : null}
          <Select
            allowClear
            style={{ width: 200 }}
            placeholder={t('kpi.filter.shop')}
            value={shopId}
            onChange={(v?: string) => set({ shopId: v })}
            options={(shopList.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
          />
          <Typography.Text type="secondary">
            {t('rounds.settings', {
              hours: `${metrics.settings.serviceHours.start}–${metrics.settings.serviceHours.end}`,
              cap: metrics.settings.roundCapS,
              slow: metrics.settings.slowThresholdS,
              tz,
            })}
          </Typography.Text>
        </Flex>
      </Card>
      <Card size="small">
        <Tabs
          activeKey={filter}
          onChange={(k) => set({ filter: k })}
          items={ROUND_FILTERS.map((f) => ({ key: f, label: label('roundFilter', f) }))}
          data-testid="rounds-tabs"
        />
        {rounds.isError ? (
          <LoadError error={rounds.error} onRetry={() => void rounds.refetch()} />
        ) : (
          <Table<RoundOut>
            size="small"
            data-testid="rounds-table"
            rowKey={(r) => `${r.conversationId}#${r.seq}`}
            loading={rounds.isFetching}
            dataSource={rounds.data?.rounds ?? []}
            scroll={{ x: 1100 }}
            tableLayout="fixed"
            locale={{ emptyText: rounds.isPending ? <span /> : <Empty description={t('rounds.empty')} /> }}
            pagination={{
              current: page,
              pageSize: PAGE_SIZE,
              total: rounds.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (n) => t('rounds.total', { n }),
              onChange: (p) => set({ page: p > 1 ? String(p) : undefined }),
            }}
            columns={[
              {
                title: t('rounds.conversation'),
                key: 'conversation',
                width: 170,
                render: (_v, r) => {
                  const text = (
                    <>
                      {r.conversationId}
                      <br />
                      {t('conversation.roundNo', { n: r.seq + 1 })}
                    </>
                  );
                  return canReadChats ? (
                    <Link to={conversationLink(r.conversationId)} data-testid="rounds-conversation">
                      {text}
                    </Link>
                  ) : (
                    text
                  );
                },
              },
              {
                title: t('rounds.agentCol'),
                dataIndex: 'agentName',
                width: 80,
                render: (v: string | null) => v ?? t('common.none'),
              },
              { title: t('rounds.start'), dataIndex: 'openAt', width: 160, render: (v: string) => formatTime(v, tz) },
              {
                title: t('rounds.end'),
                dataIndex: 'closeAt',
                width: 110,
                render: (v: string | null, r) =>
                  v ? (
                    // the day only when it differs from the start's
                    sameDay(v, r.openAt) ? (
                      formatTime(v, tz).slice(11)
                    ) : (
                      formatTime(v, tz)
                    )
                  ) : r.unanswered ? (
                    <Tag color="red">{t('rounds.flag.unanswered')}</Tag>
                  ) : (
                    t('common.none')
                  ),
              },
              { title: t('rounds.wait'), dataIndex: 'waitS', width: 80, align: 'right', render: seconds },
              {
                title: t('rounds.duration'),
                dataIndex: 'durationS',
                width: 90,
                align: 'right',
                render: (v: number, r) => (
                  <Typography.Text type={r.slow || r.unanswered ? 'danger' : undefined}>{seconds(v)}</Typography.Text>
                ),
              },
              { title: t('rounds.flags'), key: 'flags', width: 120, render: (_v, r) => <RoundFlags round={r} /> },
              {
                title: t('rounds.explanation'),
                dataIndex: 'explanation',
                render: (v: string) => <span style={{ fontSize: 13 }}>{v}</span>,
              },
            ]}
          />
        )}
      </Card>
    </PageContainer>
  );
}
