/**
 * My review queue (质检任务): the conversations dealt to me by the samples, open ones first;
 * each opens the reviewer workspace. Done ones link to the review written.
 */
import { useState } from 'react';
import { Button, Segmented, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { AssignmentOut } from '../../../../server/modules/qa/qa.schema.ts';
import { shops } from '../../../api/org.ts';
import { useQueue, type QueueStatus } from '../../../api/qa.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';

const REASON_COLOR = { new_hire: 'gold', high_complaints: 'red', random: 'blue' } as const;

export default function QueuePage() {
  const { t } = useT();
  const [status, setStatus] = useState<QueueStatus>('open');
  const queue = useQueue(status);
  const shopList = shops.useList();
  const shopName = (id: string) => shopList.data?.find((s) => s.id === id)?.name ?? id;

  if (queue.isError) return <LoadError error={queue.error} onRetry={() => void queue.refetch()} />;
  return (
    <PageContainer
      title={t('menu.qa.queue')}
      extra={
        <Segmented<QueueStatus>
          value={status}
          onChange={setStatus}
          options={(['open', 'done', 'all'] as const).map((s) => ({ value: s, label: t(`qa.queue.${s}`) }))}
        />
      }
    >
      <Typography.Paragraph type="secondary">{t('qa.queue.intro')}</Typography.Paragraph>
      <Table<AssignmentOut>
        rowKey="id"
        data-testid="qa-queue"
        loading={queue.isFetching && !queue.data}
        dataSource={queue.data}
        pagination={{ pageSize: 20, showSizeChanger: false, showTotal: (n) => t('qa.total', { n }) }}
        locale={{ emptyText: t(status === 'open' ? 'qa.queue.emptyOpen' : 'qa.queue.empty') }}
        columns={[
          { title: t('qa.day'), dataIndex: 'day', key: 'day', sorter: (a, b) => a.day.localeCompare(b.day) },
          {
            title: t('qa.agent'),
            dataIndex: 'agentName',
            key: 'agent',
            sorter: (a, b) => a.agentName.localeCompare(b.agentName),
          },
          { title: t('qa.shop'), key: 'shop', render: (_, a) => shopName(a.shopId) },
          { title: t('qa.conversation'), dataIndex: 'conversationId', key: 'c' },
          {
            title: t('qa.sample.reason'),
            key: 'reason',
            render: (_, a) => <Tag color={REASON_COLOR[a.reason]}>{t(`qa.reason.${a.reason}`)}</Tag>,
          },
          {
            title: t('qa.status'),
            key: 'status',
            render: (_, a) => (
              <Tag color={a.status === 'done' ? 'green' : 'blue'}>{t(`qa.assignment.${a.status}`)}</Tag>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, a) => (
              <Link to={`/qa/queue/${encodeURIComponent(a.id)}`}>
                <Button size="small" type={a.status === 'open' ? 'primary' : 'link'}>
                  {a.status === 'open' ? t('qa.queue.start') : t('common.view')}
                </Button>
              </Link>
            ),
          },
        ]}
      />
    </PageContainer>
  );
}
