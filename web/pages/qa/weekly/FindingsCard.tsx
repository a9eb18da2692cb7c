/** Automatic-inspection findings of the week by kind; an empty section when there are no inspection results. */
import { useMemo } from 'react';
import { Card, Empty, Table, Typography } from 'antd';
import type { WeeklyOut } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { Chart } from '../../../components/charts/Chart.tsx';
import { useT, type MessageKey } from '../../../locales/index.tsx';
import { barOption } from './charts.ts';

type Row = WeeklyOut['findings']['kinds'][number];
const KNOWN = new Set([
  'banned_rude',
  'banned_promise',
  'banned_privacy',
  'banned_off_platform',
  'repeated_questions',
  'unanswered',
  'ended_upset',
]);

/** Finding counts by kind as bars and a table; empty without inspection results. */
export function FindingsCard({ r }: { r: WeeklyOut }) {
  const { t } = useT();
  const { kinds, available, conversations } = r.findings;
  const name = (kind: string) => (KNOWN.has(kind) ? t(`qaWeekly.finding.${kind}` as MessageKey) : kind);
  const option = useMemo(
    () =>
      barOption({
        names: kinds.map((k) => (KNOWN.has(k.kind) ? t(`qaWeekly.finding.${k.kind}` as MessageKey) : k.kind)),
        values: kinds.map((k) => k.count),
        horizontal: true,
      }),
    [kinds, t],
  );
  return (
    <Card title={t('qaWeekly.findings.title')} size="small" data-testid="qa-weekly-findings">
      {!available || conversations === 0 ? (
        <Empty description={t('qaWeekly.findings.unavailable')} />
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('qaWeekly.findings.conversations', { n: conversations })}
          </Typography.Text>
          <Chart option={option} height={Math.max(160, kinds.length * 28)} ariaLabel={t('qaWeekly.findings.title')} />
          <Table<Row>
            size="small"
            rowKey="kind"
            pagination={false}
            dataSource={kinds}
            columns={[
              { title: t('qaWeekly.findings.kind'), render: (_v, k) => name(k.kind) },
              { title: t('qaWeekly.findings.count'), dataIndex: 'count', align: 'right' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
