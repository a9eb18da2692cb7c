/**
 * Disputes inbox (申诉处理): the agents' disputes in my scope, open ones first. A second
 * reviewer decides — the reviewer who wrote the review cannot (the server says so per row with
 * `canDecide`, and refuses it anyway).
 */
import { useMemo, useState } from 'react';
import { Button, Segmented, Table, Tag, Tooltip, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useMe } from '../../../../api/auth.ts';
import { usePeople } from '../../../../api/people.ts';
import { useDisputes, type DisputeRow, type DisputeStatus } from '../../../../api/qa.ts';
import { LoadError } from '../../../../components/Exception.tsx';
import { PageContainer } from '../../../../components/PageContainer.tsx';
import { pointsText } from '../../../../components/qa/text.ts';
import { useT } from '../../../../locales/index.tsx';
import { DecideDrawer } from './DecideDrawer.tsx';
import { useOrgTime } from '../../../../components/qa/time.ts';

export default function DisputesPage() {
  const { t } = useT();
  const me = useMe().data;
  const when = useOrgTime();
  const [status, setStatus] = useState<DisputeStatus>('open');
  const [open, setOpen] = useState<DisputeRow | null>(null);
  const disputes = useDisputes(status);
  const people = usePeople({});
  const nameOf = useMemo(() => {
    const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
    return (id: string | null) => (id ? (names.get(id) ?? id) : '—');
  }, [people.data]);

  if (disputes.isError) return <LoadError error={disputes.error} onRetry={() => void disputes.refetch()} />;
  return (
    <PageContainer
      title={t('menu.qa.disputes')}
      extra={
        <Segmented<DisputeStatus>
          value={status}
          onChange={setStatus}
          options={(['open', 'decided', 'all'] as const).map((s) => ({ value: s, label: t(`qa.disputes.${s}`) }))}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('qa.disputes.intro')}</Typography.Paragraph>
      <Table<DisputeRow>
        rowKey="id"
        data-testid="qa-disputes"
        loading={disputes.isFetching && !disputes.data}
        dataSource={disputes.data}
        pagination={{ pageSize: 20, showSizeChanger: false }}
        columns={[
          { title: t('qa.dispute.openedAt'), key: 'at', render: (_, d) => when(d.openedAt) },
          { title: t('qa.agent'), key: 'agent', render: (_, d) => nameOf(d.agentId) },
          { title: t('qa.reviewer'), key: 'reviewer', render: (_, d) => nameOf(d.reviewerId) },
          {
            title: t('qa.dispute.reason'),
            dataIndex: 'reason',
            key: 'reason',
            ellipsis: { showTitle: true },
          },
          {
            title: t('qa.dispute.outcome'),
            key: 'outcome',
            render: (_, d) =>
              d.outcome ? (
                <Tag color={d.outcome === 'revised' ? 'purple' : 'default'}>
                  {t(`qa.dispute.outcome.${d.outcome}`)}
                  {d.score !== null ? ` · ${pointsText(d.score)}` : ''}
                </Tag>
              ) : (
                <Tag color="orange">{t('qa.dispute.pending')}</Tag>
              ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, d) => (
              <>
                {d.outcome === null ? (
                  d.canDecide ? (
                    <Button size="small" type="primary" onClick={() => setOpen(d)} data-testid="qa-decide-open">
                      {t('qa.decide.open')}
                    </Button>
                  ) : (
                    <Tooltip title={d.reviewerId === me?.id ? t('qa.decide.ownReview') : t('qa.decide.notYours')}>
                      <Button size="small" disabled data-testid="qa-decide-disabled">
                        {t('qa.decide.open')}
                      </Button>
                    </Tooltip>
                  )
                ) : null}
                <Link to={`/qa/reviews/${encodeURIComponent(d.reviewId)}`}>
                  <Button size="small" type="link">
                    {t('qa.disputes.review')}
                  </Button>
                </Link>
              </>
            ),
          },
        ]}
      />
      <DecideDrawer dispute={open} onClose={() => setOpen(null)} />
    </PageContainer>
  );
}
