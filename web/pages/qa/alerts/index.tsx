/**
 * Alerts (危机预警, SPEC QA-3, SVC-7): what automatic inspection raised about the agents in the
 * reader's scope — banned words, an upset customer's negative-word share, long waits — live as
 * they arrive (server-sent events), to acknowledge, open in the conversation view and resolve with
 * an outcome; above them, the intervention success rate for the period.
 */
import { useCallback, useState } from 'react';
import { Badge, Checkbox, Flex, Segmented, Select, Space } from 'antd';
import type { AlertOut } from '../../../../server/modules/qa/qa.alerts.schema.ts';
import { ALERT_KINDS } from '../../../../server/modules/qa/qa.alerts.schema.ts';
import { useAlerts, useAlertStream, type AlertEvent, type AlertFilters } from '../../../api/qa-inspection.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { orgDays } from '../../../components/orgTime.ts';
import { useT } from '../../../locales/index.tsx';
import type { DayRange } from '../../kpi/components/RangeFilter.tsx';
import { useMetrics } from '../../kpi/components/useMetrics.ts';
import { AlertTable } from './AlertTable.tsx';
import { alertKindKey } from './alertText.ts';
import { ResolveModal } from './ResolveModal.tsx';
import { StatsCard } from './StatsCard.tsx';

type Show = 'active' | 'open' | 'acknowledged' | 'resolved' | 'all';

/** The alert panel: success rate, filters and the live list. */
export default function AlertsPage() {
  const { t, localName } = useT();
  const dir = useDirectory();
  const tz = useMetrics().settings.timeZone;
  const [range, setRange] = useState<DayRange>(() => orgDays(tz, 30));
  const [show, setShow] = useState<Show>('active');
  const [kind, setKind] = useState<AlertOut['kind'] | undefined>();
  const [groupId, setGroupId] = useState<string | undefined>();
  const [liveOnly, setLiveOnly] = useState(false);
  const [page, setPage] = useState({ page: 1, size: 20 });
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [resolving, setResolving] = useState<AlertOut | null>(null);

  const filters: AlertFilters = {
    status: show === 'all' ? undefined : show,
    kind,
    groupId,
    live: liveOnly ? 'true' : undefined,
    from: range.from,
    to: range.to,
    limit: page.size,
    offset: (page.page - 1) * page.size,
  };
  const alerts = useAlerts(filters);
  const onEvent = useCallback((e: AlertEvent) => {
    if (e.type === 'alert') setFresh((s) => new Set([...s, e.alert.id]));
  }, []);
  useAlertStream(true, onEvent);
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setPage((p) => ({ ...p, page: 1 }));
    };

  return (
    <PageContainer title={t('menu.qa.alerts')} extra={<Badge status="processing" text={t('qaInspection.streaming')} />}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <StatsCard range={range} onRange={reset(setRange)} />
        <Flex gap={12} wrap align="center">
          <Segmented<Show>
            value={show}
            onChange={reset(setShow)}
            options={(['active', 'open', 'acknowledged', 'resolved', 'all'] as const).map((s) => ({
              value: s,
              label: t(`qaInspection.filter.${s}`),
            }))}
            data-testid="alerts-status"
          />
          <Select<AlertOut['kind']>
            allowClear
            placeholder={t('qaInspection.filter.kind')}
            style={{ width: 180 }}
            value={kind}
            onChange={reset(setKind)}
            options={ALERT_KINDS.map((k) => ({ value: k, label: t(alertKindKey(k)) }))}
          />
          <Select<string>
            allowClear
            placeholder={t('qaInspection.filter.group')}
            style={{ width: 180 }}
            value={groupId}
            onChange={reset(setGroupId)}
            options={dir.groups.map((g) => ({ value: g.id, label: localName(g) }))}
          />
          <Checkbox checked={liveOnly} onChange={(e) => reset(setLiveOnly)(e.target.checked)}>
            {t('qaInspection.filter.liveOnly')}
          </Checkbox>
        </Flex>
        {alerts.isError ? (
          <LoadError error={alerts.error} onRetry={() => void alerts.refetch()} />
        ) : (
          <AlertTable
            alerts={alerts.data?.items ?? []}
            total={alerts.data?.total ?? 0}
            loading={alerts.isFetching}
            page={page.page}
            pageSize={page.size}
            onPage={(p, size) => setPage({ page: size === page.size ? p : 1, size })}
            fresh={fresh}
            timeZone={tz}
            onResolve={setResolving}
          />
        )}
      </Space>
      <ResolveModal alert={resolving} onClose={() => setResolving(null)} />
    </PageContainer>
  );
}
