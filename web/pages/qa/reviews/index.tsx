/**
 * QA reviews (质检结果): agents see their own reviews — score, status, dispute — and open one to
 * read it and dispute it; reviewers, supervisors and HR see the reviews in their scope (HR
 * without the comments). `?agentId=&from=&to=` narrow the list (links from QA scores).
 */
import { Button, DatePicker, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router-dom';
import type { ReviewOut } from '../../../../server/modules/qa/qa.reviews.schema.ts';
import { useMe } from '../../../api/auth.ts';
import { useReviews } from '../../../api/qa.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { pointsText, scoreColor } from '../../../components/qa/text.ts';
import { useT } from '../../../locales/index.tsx';
import { STATUS_COLOR } from './status.ts';

const DAY = 'YYYY-MM-DD';

export default function ReviewsPage() {
  const { t } = useT();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const agentId = params.get('agentId') ?? undefined;
  const from = params.get('from') ?? undefined;
  const to = params.get('to') ?? undefined;
  const reviews = useReviews({ agentId, from, to });
  const isAgent = me?.role === 'agent';
  const agentName = agentId ? reviews.data?.find((r) => r.agentId === agentId)?.agentName : undefined;

  const setRange = (range: [string, string] | null) => {
    const next = new URLSearchParams(params);
    if (range) {
      next.set('from', range[0]);
      next.set('to', range[1]);
    } else {
      next.delete('from');
      next.delete('to');
    }
    setParams(next, { replace: true });
  };

  if (reviews.isError) return <LoadError error={reviews.error} onRetry={() => void reviews.refetch()} />;
  return (
    <PageContainer
      title={isAgent ? t('qa.reviews.mine') : t('menu.qa.reviews')}
      extra={
        <Space>
          {agentId ? (
            <Tag closable onClose={() => setParams(new URLSearchParams({ ...(from && to ? { from, to } : {}) }))}>
              {t('qa.reviews.ofAgent', { name: agentName ?? agentId })}
            </Tag>
          ) : null}
          <DatePicker.RangePicker
            value={from && to ? [dayjs(from), dayjs(to)] : null}
            onChange={(v) => setRange(v?.[0] && v[1] ? [v[0].format(DAY), v[1].format(DAY)] : null)}
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {isAgent ? t('qa.reviews.introAgent') : t('qa.reviews.intro')}
      </Typography.Paragraph>
      <Table<ReviewOut>
        rowKey="id"
        data-testid="qa-reviews"
        loading={reviews.isFetching && !reviews.data}
        dataSource={reviews.data}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('qa.total', { n }) }}
        columns={[
          { title: t('qa.day'), dataIndex: 'day', key: 'day', sorter: (a, b) => a.day.localeCompare(b.day) },
          ...(isAgent
            ? []
            : [
                {
                  title: t('qa.agent'),
                  dataIndex: 'agentName',
                  key: 'agent',
                  sorter: (a: ReviewOut, b: ReviewOut) => a.agentName.localeCompare(b.agentName),
                },
              ]),
          { title: t('qa.reviewer'), dataIndex: 'reviewerName', key: 'reviewer' },
          {
            title: t('qa.score'),
            key: 'score',
            align: 'right',
            sorter: (a, b) => a.finalScore - b.finalScore,
            render: (_, r) => (
              <Space size={4}>
                {r.finalScore !== r.score ? (
                  <Typography.Text delete type="secondary">
                    {pointsText(r.score)}
                  </Typography.Text>
                ) : null}
                <Tag color={scoreColor(r.finalScore)} style={{ marginInlineEnd: 0 }}>
                  {pointsText(r.finalScore)}
                </Tag>
              </Space>
            ),
          },
          {
            title: t('qa.review.criticalFail'),
            key: 'critical',
            render: (_, r) => (r.criticalFail ? <Tag color="red">{t('qa.review.criticalFail.yes')}</Tag> : null),
          },
          {
            title: t('qa.status'),
            key: 'status',
            render: (_, r) => <Tag color={STATUS_COLOR[r.status]}>{t(`qa.review.status.${r.status}`)}</Tag>,
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, r) => (
              <Link to={`/qa/reviews/${encodeURIComponent(r.id)}`}>
                <Button size="small" type="link">
                  {isAgent && r.status === 'submitted' ? t('qa.reviews.viewOrDispute') : t('common.view')}
                </Button>
              </Link>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
