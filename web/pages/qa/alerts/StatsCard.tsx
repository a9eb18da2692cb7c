/**
 * The intervention success rate (SPEC QA-3, SVC-7) for a period: resolved alerts whose outcome is
 * "intervened" or "bad review avoided" / resolved alerts, overall and per group in the reader's scope.
 */
import { Card, Flex, Statistic, Table, Tooltip, Typography } from 'antd';
import { QuestionCircleOutlined } from '@ant-design/icons';
import type { AlertStatsRow } from '../../../../server/modules/qa/qa.alerts.schema.ts';
import { useAlertStats } from '../../../api/qa-inspection.ts';
import { useDirectory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { RangeFilter, type DayRange } from '../../kpi/components/RangeFilter.tsx';
import { percent } from './alertText.ts';

/** Success rate and counts for the chosen period, per group when there are several. */
export function StatsCard({ range, onRange }: { range: DayRange; onRange(r: DayRange): void }) {
  const { t, locale, localName } = useT();
  const dir = useDirectory();
  const stats = useAlertStats({ ...range, by: 'group', period: 'all' });
  const total = stats.data?.total;
  const rate = (r: AlertStatsRow | undefined) =>
    r?.successRate == null ? t('common.none') : percent(r.successRate, locale);

  return (
    <Card
      size="small"
      title={
        <Flex gap={6} align="center">
          {t('qaInspection.stats.title')}
          <Tooltip title={t('qaInspection.stats.help')}>
            <QuestionCircleOutlined style={{ color: 'rgba(0,0,0,0.45)' }} />
          </Tooltip>
        </Flex>
      }
      extra={<RangeFilter value={range} onChange={onRange} />}
      loading={stats.isPending}
      data-testid="alert-stats"
    >
      <Flex gap={32} wrap style={{ marginBottom: 12 }}>
        <Statistic title={t('qaInspection.stats.rate')} value={rate(total)} />
        <Statistic title={t('qaInspection.stats.raised')} value={total?.raised ?? 0} />
        <Statistic title={t('qaInspection.stats.open')} value={(total?.open ?? 0) + (total?.acknowledged ?? 0)} />
        <Statistic title={t('qaInspection.stats.resolved')} value={total?.resolved ?? 0} />
        <Statistic title={t('qaInspection.stats.succeeded')} value={total?.succeeded ?? 0} />
      </Flex>
      {(stats.data?.rows.length ?? 0) > 1 ? (
        <Table<AlertStatsRow>
          size="small"
          rowKey={(r) => r.groupId ?? ''}
          dataSource={stats.data?.rows ?? []}
          pagination={false}
          columns={[
            {
              title: t('qaInspection.stats.group'),
              render: (_v, r) => {
                const g = dir.group(r.groupId);
                return g ? (
                  localName(g)
                ) : (
                  <Typography.Text type="secondary">{t('qaInspection.stats.noGroup')}</Typography.Text>
                );
              },
            },
            { title: t('qaInspection.stats.raised'), dataIndex: 'raised', align: 'right' },
            { title: t('qaInspection.stats.resolved'), dataIndex: 'resolved', align: 'right' },
            { title: t('qaInspection.stats.succeeded'), dataIndex: 'succeeded', align: 'right' },
            { title: t('qaInspection.stats.rate'), align: 'right', render: (_v, r) => rate(r) },
          ]}
        />
      ) : null}
    </Card>
  );
}
