/**
 * Peer/360 reviewers of a cycle (同事评价, SPEC APR-3): every agent in the reader's scope with the
 * reviewers their supervisor picked and who has answered — never what they answered. While the
 * cycle is open for it, a reviewer picks or changes the list; someone who answered stays on it.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Form, Modal, Progress, Select, Skeleton, Space, Table, Tag, Tooltip } from 'antd';
import { CheckCircleFilled, ClockCircleOutlined, UsergroupAddOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { PeerAssignmentOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useCycle } from '../../../api/appraisal.ts';
import { usePeerAssignments, useSetPeerReviewers } from '../../../api/appraisal-reviews.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useDirectory, type Directory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { accepts, cyclePath } from '../components/cycle.ts';
import { StateTag } from '../components/tags.tsx';

function PickModal({
  cycleId,
  row,
  dir,
  onClose,
}: {
  cycleId: string;
  row: PeerAssignmentOut | null;
  dir: Directory;
  onClose(): void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reviewerIds: string[] }>();
  const save = useSetPeerReviewers(cycleId);
  useEffect(() => {
    if (row) form.setFieldsValue({ reviewerIds: row.reviewers.map((r) => r.reviewerId) });
  }, [row, form]);
  const answered = new Set(row?.reviewers.filter((r) => r.submitted).map((r) => r.reviewerId));
  // people the reader may see, plus reviewers already on the list whom the directory does not hold
  const options = [
    ...dir.people
      .filter((p) => p.status !== 'left' && p.id !== row?.personId)
      .map((p) => ({ value: p.id, label: p.name, disabled: answered.has(p.id) })),
    ...(row?.reviewers ?? [])
      .filter((r) => !dir.person(r.reviewerId))
      .map((r) => ({ value: r.reviewerId, label: r.name, disabled: r.submitted })),
  ];
  return (
    <Modal
      open={row !== null}
      title={t('appraisal.peers.pickTitle', { name: row?.personName ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<{ reviewerIds: string[] }>
        form={form}
        layout="vertical"
        data-testid="peers-form"
        onFinish={(v) =>
          row &&
          save.mutate(
            { personId: row.personId, reviewerIds: v.reviewerIds },
            {
              onSuccess: () => {
                void message.success(t('appraisal.peers.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="reviewerIds"
          label={t('appraisal.peers.reviewers')}
          extra={t('appraisal.peers.pickHelp', { n: row?.minRaters ?? 0 })}
          rules={[{ type: 'array', max: 20, message: t('appraisal.peers.tooMany') }]}
        >
          <Select mode="multiple" showSearch optionFilterProp="label" options={options} data-testid="peers-select" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PeersPage() {
  const { t } = useT();
  const { cycleId } = useParams();
  const cycle = useCycle(cycleId);
  const rows = usePeerAssignments(cycleId);
  const dir = useDirectory();
  const [picking, setPicking] = useState<PeerAssignmentOut | null>(null);

  const failed = cycle.error ?? rows.error;
  if (failed) return <LoadError error={failed} onRetry={() => void Promise.all([cycle.refetch(), rows.refetch()])} />;
  const c = cycle.data;
  if (!c) return <Skeleton active />;
  const editable = accepts(c.state, 'peer_reviewers');

  return (
    <PageContainer
      title={
        <Space>
          <span>{t('appraisal.peers.title', { cycle: c.name })}</span>
          <StateTag state={c.state} />
        </Space>
      }
      extra={<Link to={cyclePath(c.id)}>{t('appraisal.backToCycle')}</Link>}
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert
          type={editable ? 'info' : 'warning'}
          showIcon
          message={
            editable
              ? t('appraisal.peers.hint')
              : t('appraisal.peers.readOnly', { state: t(`appraisal.state.${c.state}`) })
          }
        />
        <Table<PeerAssignmentOut>
          rowKey="personId"
          loading={rows.isPending}
          dataSource={rows.data ?? []}
          data-testid="peers-table"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: <Empty description={t('common.empty')} /> }}
          columns={[
            { title: t('appraisal.agent'), dataIndex: 'personName', width: 160 },
            {
              title: t('appraisal.peers.reviewers'),
              render: (_v, r) =>
                r.reviewers.length ? (
                  <Space size={[4, 4]} wrap>
                    {r.reviewers.map((x) => (
                      <Tooltip
                        key={x.reviewerId}
                        title={t(x.submitted ? 'appraisal.peers.submitted' : 'appraisal.peers.waiting')}
                      >
                        <Tag
                          color={x.submitted ? 'green' : undefined}
                          icon={x.submitted ? <CheckCircleFilled /> : <ClockCircleOutlined />}
                        >
                          {x.name}
                        </Tag>
                      </Tooltip>
                    ))}
                  </Space>
                ) : (
                  <Tag color="orange">{t('appraisal.peers.none')}</Tag>
                ),
            },
            {
              title: t('appraisal.peers.progress'),
              width: 200,
              render: (_v, r) => (
                <Tooltip title={t('appraisal.peers.minHint', { n: r.minRaters })}>
                  <Progress
                    size="small"
                    percent={r.reviewers.length ? Math.round((r.submitted / r.reviewers.length) * 100) : 0}
                    format={() => `${r.submitted}/${r.reviewers.length}`}
                    status={r.submitted >= r.minRaters ? 'success' : 'normal'}
                  />
                </Tooltip>
              ),
            },
            ...(editable
              ? [
                  {
                    title: t('common.actions'),
                    width: 140,
                    render: (_v: unknown, r: PeerAssignmentOut) => (
                      <Button
                        size="small"
                        icon={<UsergroupAddOutlined />}
                        onClick={() => setPicking(r)}
                        data-testid="peers-pick"
                      >
                        {t('appraisal.peers.pick')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Space>
      <PickModal cycleId={c.id} row={picking} dir={dir} onClose={() => setPicking(null)} />
    </PageContainer>
  );
}
