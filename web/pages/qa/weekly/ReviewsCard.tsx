/** Reviews done vs due (assignments of the week's conversations), per reviewer. */
import { Card, Empty, Progress, Table } from 'antd';
import type { WeeklyOut } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { useT } from '../../../locales/index.tsx';
import { pctText } from './format.ts';

type Row = WeeklyOut['reviews']['byReviewer'][number];

/** Done vs due overall (a progress bar) and per reviewer. */
export function ReviewsCard({ r }: { r: WeeklyOut }) {
  const { t } = useT();
  return (
    <Card title={t('qaWeekly.reviews.title')} size="small" data-testid="qa-weekly-reviews">
      {r.reviews.due === 0 ? (
        <Empty description={t('qaWeekly.reviews.empty')} />
      ) : (
        <>
          <Progress
            percent={Math.round((r.reviews.rate ?? 0) * 1000) / 10}
            format={() => `${r.reviews.done} / ${r.reviews.due}`}
          />
          <Table<Row>
            size="small"
            rowKey="reviewerId"
            pagination={false}
            dataSource={r.reviews.byReviewer}
            columns={[
              { title: t('qaWeekly.reviews.reviewer'), dataIndex: 'reviewerName' },
              { title: t('qaWeekly.reviews.due'), dataIndex: 'due', align: 'right' },
              { title: t('qaWeekly.reviews.done'), dataIndex: 'done', align: 'right' },
              { title: t('qaWeekly.reviews.rate'), align: 'right', render: (_v, x) => pctText(x.rate) },
            ]}
          />
        </>
      )}
    </Card>
  );
}
