/**
 * Complaint categories of the week with their share of complaints; a category above the flag
 * share shows in red with a button to raise an improvement action (QA managers).
 */
import { useMemo } from 'react';
import { Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { ComplaintCategory } from '../../../../domain/qa/complaints.ts';
import type { WeeklyOut } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { Chart } from '../../../components/charts/Chart.tsx';
import { useT } from '../../../locales/index.tsx';
import { barOption } from './charts.ts';
import { BLUE, pctText, pctValue, RED } from './format.ts';

type Row = WeeklyOut['complaints']['categories'][number];

/** Shares of the week's complaints by category, flagged ones in red with the action button. */
export function ComplaintsCard({
  r,
  canManage,
  onCreateAction,
}: {
  r: WeeklyOut;
  canManage: boolean;
  onCreateAction(category: ComplaintCategory): void;
}) {
  const { t } = useT();
  const { categories, total, bySource } = r.complaints;
  const flag = r.settings.flagShare;
  const option = useMemo(
    () =>
      barOption({
        names: categories.map((c) => t(`qaWeekly.category.${c.category}`)),
        values: categories.map((c) => pctValue(c.share)),
        colors: categories.map((c) => (c.flagged ? RED : BLUE)),
        line: { value: pctValue(flag) ?? 0, label: pctText(flag) },
        percent: true,
      }),
    [categories, flag, t],
  );
  return (
    <Card title={t('qaWeekly.complaints.title')} size="small" data-testid="qa-weekly-complaints">
      {total === 0 ? (
        <Empty description={t('qaWeekly.complaints.empty')} />
      ) : (
        <>
          <Chart option={option} height={220} ariaLabel={t('qaWeekly.complaints.title')} />
          <Table<Row>
            size="small"
            rowKey="category"
            pagination={false}
            dataSource={categories}
            onRow={(c) => (c.flagged ? { className: 'qa-weekly-flagged', style: { background: '#fff1f0' } } : {})}
            columns={[
              {
                title: t('qaWeekly.complaints.category'),
                render: (_v, c) =>
                  c.flagged ? (
                    <Typography.Text type="danger" strong>
                      {t(`qaWeekly.category.${c.category}`)}
                    </Typography.Text>
                  ) : (
                    t(`qaWeekly.category.${c.category}`)
                  ),
              },
              { title: t('qaWeekly.complaints.count'), dataIndex: 'count', align: 'right' },
              {
                title: t('qaWeekly.complaints.share'),
                align: 'right',
                render: (_v, c) =>
                  c.flagged ? <Typography.Text type="danger">{pctText(c.share)}</Typography.Text> : pctText(c.share),
              },
              {
                key: 'flag',
                render: (_v, c) =>
                  c.flagged ? (
                    <Space size={4} wrap>
                      <Tag color="red">{t('qaWeekly.complaints.flagged', { share: pctText(flag) })}</Tag>
                      {c.actionIds.length ? <Tag color="blue">{t('qaWeekly.complaints.hasAction')}</Tag> : null}
                      {canManage ? (
                        <Button
                          size="small"
                          danger
                          onClick={() => onCreateAction(c.category)}
                          data-testid={`qa-weekly-act-${c.category}`}
                        >
                          {t('qaWeekly.complaints.createAction')}
                        </Button>
                      ) : null}
                    </Space>
                  ) : null,
              },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('qaWeekly.complaints.bySource', bySource)}
          </Typography.Text>
        </>
      )}
    </Card>
  );
}
