/**
 * My peer reviews (我的同事评价, SPEC APR-3): the 360 reviews a supervisor asked the signed-in
 * person for and not yet submitted, in cycles still taking reviews, each with a form to answer
 * (0–100 and a comment). Answers are pooled anonymously: the colleague sees how many answered.
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, InputNumber, Modal, Space, Table } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import type { PendingPeerReview } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useMyPeerReviews, useSubmitPeerReview } from '../../../api/appraisal-reviews.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { StateTag } from '../components/tags.tsx';
import { useWhen } from '../components/useWhen.ts';

interface PeerForm {
  value: number;
  comment?: string;
}

function AnswerModal({ item, onClose }: { item: PendingPeerReview | null; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<PeerForm>();
  const submit = useSubmitPeerReview();
  useEffect(() => {
    if (item) form.setFieldsValue({ value: undefined, comment: undefined });
  }, [item, form]);
  return (
    <Modal
      open={item !== null}
      title={t('appraisal.peerReview.title', { name: item?.personName ?? '', cycle: item?.cycleName ?? '' })}
      okText={t('appraisal.review.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={submit.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<PeerForm>
        form={form}
        layout="vertical"
        data-testid="peer-review-form"
        onFinish={(v) =>
          item &&
          submit.mutate(
            { cycleId: item.cycleId, personId: item.personId, value: v.value, comment: v.comment?.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(t('appraisal.peerReview.done'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="value"
          label={t('appraisal.review.score')}
          extra={t('appraisal.peerReview.scoreHint')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <InputNumber min={0} max={100} style={{ width: '100%' }} addonAfter={t('appraisal.unit.score')} />
        </Form.Item>
        <Form.Item name="comment" label={t('appraisal.comment')} rules={[{ max: 2000 }]}>
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function MyPeerReviewsPage() {
  const { t } = useT();
  const when = useWhen();
  const pending = useMyPeerReviews();
  const [answering, setAnswering] = useState<PendingPeerReview | null>(null);

  return (
    <PageContainer title={t('menu.appraisal.peerReviews')}>
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('appraisal.peerReview.hint')} />
        {pending.isError ? (
          <LoadError error={pending.error} onRetry={() => void pending.refetch()} />
        ) : (
          <Table<PendingPeerReview>
            rowKey={(r) => `${r.cycleId}/${r.personId}`}
            loading={pending.isPending}
            dataSource={pending.data ?? []}
            data-testid="peer-reviews-table"
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t('appraisal.peerReview.empty')} /> }}
            columns={[
              { title: t('appraisal.peerReview.person'), dataIndex: 'personName' },
              { title: t('appraisal.cycle.name'), dataIndex: 'cycleName' },
              { title: t('appraisal.cycle.period'), render: (_v, r) => `${r.periodFrom} ~ ${r.periodTo}` },
              { title: t('appraisal.cycle.state'), render: (_v, r) => <StateTag state={r.cycleState} /> },
              { title: t('appraisal.peerReview.assignedAt'), render: (_v, r) => when(r.assignedAt) },
              {
                title: t('common.actions'),
                render: (_v, r) => (
                  <Button
                    size="small"
                    type="primary"
                    icon={<FormOutlined />}
                    onClick={() => setAnswering(r)}
                    data-testid="peer-review-answer"
                  >
                    {t('appraisal.peerReview.button')}
                  </Button>
                ),
              },
            ]}
          />
        )}
      </Space>
      <AnswerModal item={answering} onClose={() => setAnswering(null)} />
    </PageContainer>
  );
}
