/**
 * Saved samples with each reviewer's progress; opening one shows its per-agent figures and its
 * assignments reviewer by reviewer (the ones in the caller's scope).
 */
import { useMemo, useState } from 'react';
import { Card, Drawer, Flex, Progress, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { AssignmentOut, SampleOut } from '../../../../server/modules/qa/qa.schema.ts';
import { useSample, useSamples } from '../../../api/qa.ts';
import { useCardName } from '../../../components/qa/useCardName.ts';
import { useT } from '../../../locales/index.tsx';
import { AgentSampleTable } from './PreviewResult.tsx';
import { useOrgTime } from '../../../components/qa/time.ts';

type Reviewer = SampleOut['reviewers'][number];

function ReviewerProgress({ reviewers, nameOf }: { reviewers: Reviewer[]; nameOf(id: string): string }) {
  return (
    <Flex vertical gap={2}>
      {reviewers.map((r) => (
        <Flex key={r.reviewerId} gap={8} align="center">
          <span style={{ width: 80, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
            {nameOf(r.reviewerId)}
          </span>
          <Progress
            size="small"
            style={{ width: 160, margin: 0 }}
            percent={r.assigned ? Math.round((r.done / r.assigned) * 100) : 0}
            format={() => `${r.done}/${r.assigned}`}
          />
        </Flex>
      ))}
    </Flex>
  );
}

function SampleDrawer({ id, nameOf, onClose }: { id: string | null; nameOf(id: string): string; onClose(): void }) {
  const { t } = useT();
  const sample = useSample(id);
  const cardName = useCardName();
  const [reviewer, setReviewer] = useState<string | undefined>();
  const s = sample.data;
  const rows = useMemo(
    () => (s?.assignments ?? []).filter((a) => !reviewer || a.reviewerId === reviewer),
    [s, reviewer],
  );
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      width={980}
      title={s ? t('qa.sample.title', { from: s.periodFrom, to: s.periodTo }) : t('qa.sample.loading')}
      destroyOnHidden
    >
      {!s ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16} data-testid="qa-sample-detail">
          <Space wrap>
            <Tag>{cardName(s.scorecardId, s.scorecardVersion)}</Tag>
            <Typography.Text type="secondary">{t('qa.draw.seed', { seed: s.seed })}</Typography.Text>
          </Space>
          <Card size="small" title={t('qa.sample.reviewers')}>
            <ReviewerProgress reviewers={s.reviewers} nameOf={nameOf} />
          </Card>
          <Card
            size="small"
            title={t('qa.sample.assignments', { n: s.assignments.length })}
            extra={
              <Select
                allowClear
                size="small"
                style={{ width: 180 }}
                placeholder={t('qa.sample.allReviewers')}
                value={reviewer}
                onChange={setReviewer}
                options={s.reviewers.map((r) => ({ value: r.reviewerId, label: nameOf(r.reviewerId) }))}
              />
            }
          >
            <Table<AssignmentOut>
              size="small"
              rowKey="id"
              dataSource={rows}
              data-testid="qa-sample-assignments"
              pagination={{ pageSize: 15, showSizeChanger: false }}
              columns={[
                { title: t('qa.reviewer'), key: 'reviewer', render: (_, a) => nameOf(a.reviewerId) },
                { title: t('qa.agent'), dataIndex: 'agentName', key: 'agent' },
                { title: t('qa.day'), dataIndex: 'day', key: 'day' },
                { title: t('qa.conversation'), dataIndex: 'conversationId', key: 'c' },
                { title: t('qa.sample.reason'), key: 'reason', render: (_, a) => t(`qa.reason.${a.reason}`) },
                {
                  title: t('qa.status'),
                  key: 'status',
                  render: (_, a) => (
                    <Tag color={a.status === 'done' ? 'green' : 'blue'}>{t(`qa.assignment.${a.status}`)}</Tag>
                  ),
                },
              ]}
            />
          </Card>
          <Card size="small" title={t('qa.sample.agents')}>
            <AgentSampleTable agents={s.agents} rules={s.rules} />
          </Card>
        </Flex>
      )}
    </Drawer>
  );
}

export function SamplesCard({
  open,
  onOpen,
  nameOf,
}: {
  open: string | null;
  onOpen(id: string | null): void;
  nameOf(id: string): string;
}) {
  const { t } = useT();
  const samples = useSamples();
  const cardName = useCardName();
  const when = useOrgTime();
  return (
    <Card size="small" title={t('qa.samples.title')}>
      <Table<SampleOut>
        size="small"
        rowKey="id"
        loading={samples.isPending}
        dataSource={samples.data}
        data-testid="qa-samples"
        pagination={{ pageSize: 10, showSizeChanger: false }}
        onRow={(s) => ({ onClick: () => onOpen(s.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('qa.draw.period'), key: 'period', render: (_, s) => `${s.periodFrom} ~ ${s.periodTo}` },
          { title: t('qa.draw.scorecard'), key: 'card', render: (_, s) => cardName(s.scorecardId, s.scorecardVersion) },
          {
            title: t('qa.sample.sampled'),
            key: 'n',
            align: 'right',
            render: (_, s) => s.agents.reduce((a, x) => a + x.sampled, 0),
          },
          {
            title: t('qa.sample.reviewers'),
            key: 'reviewers',
            render: (_, s) => <ReviewerProgress reviewers={s.reviewers} nameOf={nameOf} />,
          },
          { title: t('qa.sample.createdAt'), key: 'at', render: (_, s) => when(s.createdAt) },
        ]}
      />
      <SampleDrawer id={open} nameOf={nameOf} onClose={() => onOpen(null)} />
    </Card>
  );
}
