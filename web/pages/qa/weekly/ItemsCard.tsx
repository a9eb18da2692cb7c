/** The scorecard items most often rated below full this week, with the share of reviews that failed them. */
import { useMemo } from 'react';
import { Card, Empty, Table } from 'antd';
import type { WeeklyOut } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { Chart } from '../../../components/charts/Chart.tsx';
import { useT } from '../../../locales/index.tsx';
import { barOption } from './charts.ts';
import { pctText, pctValue } from './format.ts';

type Row = WeeklyOut['failureItems'][number];

/** The top failure items as bars (failure share) and a table. */
export function ItemsCard({ r }: { r: WeeklyOut }) {
  const { t, locale } = useT();
  const text = (b: { zh: string; en: string } | null) => (b ? (locale === 'en-US' ? b.en : b.zh) : '—');
  const items = r.failureItems;
  const option = useMemo(
    () =>
      barOption({
        names: items.map((i) => (locale === 'en-US' ? i.label.en : i.label.zh)),
        values: items.map((i) => pctValue(i.share)),
        percent: true,
        horizontal: true,
      }),
    [items, locale],
  );
  return (
    <Card title={t('qaWeekly.items.title')} size="small" data-testid="qa-weekly-items">
      {items.length === 0 ? (
        <Empty description={t('qaWeekly.items.empty')} />
      ) : (
        <>
          <Chart option={option} height={Math.max(160, items.length * 28)} ariaLabel={t('qaWeekly.items.title')} />
          <Table<Row>
            size="small"
            rowKey="itemId"
            pagination={false}
            dataSource={items}
            columns={[
              { title: t('qaWeekly.items.item'), render: (_v, i) => text(i.label) },
              { title: t('qaWeekly.items.category'), render: (_v, i) => text(i.categoryLabel) },
              { title: t('qaWeekly.items.failures'), dataIndex: 'failures', align: 'right' },
              { title: t('qaWeekly.items.rated'), dataIndex: 'rated', align: 'right' },
              { title: t('qaWeekly.items.share'), align: 'right', render: (_v, i) => pctText(i.share) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
