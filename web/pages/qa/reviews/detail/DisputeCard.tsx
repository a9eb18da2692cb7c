/**
 * A review's dispute: the agent reviewed may dispute a submitted review once, with a reason; the
 * card then shows the reason, and once a second reviewer has decided, the outcome, their note
 * and the revised score.
 */
import { useState } from 'react';
import { App, Button, Card, Descriptions, Form, Input, Modal, Tag, Typography } from 'antd';
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { DisputeBody, type ReviewOut } from '../../../../../server/modules/qa/qa.reviews.schema.ts';
import { useDisputeReview } from '../../../../api/qa.ts';
import { zodRule } from '../../../../components/zodRule.ts';
import { pointsText } from '../../../../components/qa/text.ts';
import { useT } from '../../../../locales/index.tsx';
import { useOrgTime } from '../../../../components/qa/time.ts';

export function DisputeCard({
  review,
  mayDispute,
  nameOf,
}: {
  review: ReviewOut;
  /** the caller is the agent reviewed */
  mayDispute: boolean;
  nameOf(id: string | null): string;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const when = useOrgTime();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const dispute = useDisputeReview(review.id);
  const d = review.dispute;

  if (!d) {
    if (!mayDispute || review.status !== 'submitted') return null;
    return (
      <Card size="small" title={t('qa.dispute.title')}>
        <Typography.Paragraph type="secondary">{t('qa.dispute.help')}</Typography.Paragraph>
        <Button danger icon={<ExclamationCircleOutlined />} onClick={() => setOpen(true)} data-testid="qa-dispute-open">
          {t('qa.dispute.open')}
        </Button>
        <Modal
          open={open}
          title={t('qa.dispute.open')}
          okText={t('qa.dispute.send')}
          cancelText={t('common.cancel')}
          confirmLoading={dispute.isPending}
          onCancel={() => setOpen(false)}
          onOk={() => {
            form.validateFields().then(
              (v) =>
                dispute.mutate(v.reason.trim(), {
                  onSuccess: () => {
                    void message.success(t('qa.dispute.sent'));
                    setOpen(false);
                  },
                }),
              () => undefined,
            );
          }}
          forceRender
        >
          <Form form={form} layout="vertical">
            <Form.Item
              name="reason"
              label={t('qa.dispute.reason')}
              rules={[{ required: true, message: t('form.required') }, zodRule(DisputeBody.shape.reason, t)]}
            >
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 8 }}
                maxLength={2000}
                placeholder={t('qa.dispute.reason.placeholder')}
                data-testid="qa-dispute-reason"
              />
            </Form.Item>
          </Form>
        </Modal>
      </Card>
    );
  }

  return (
    <Card size="small" title={t('qa.dispute.title')} data-testid="qa-dispute">
      <Descriptions size="small" column={1} styles={{ label: { width: 110 } }}>
        <Descriptions.Item label={t('qa.dispute.reason')}>{d.reason}</Descriptions.Item>
        <Descriptions.Item label={t('qa.dispute.openedAt')}>{when(d.openedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('qa.dispute.outcome')}>
          {d.outcome ? (
            <Tag color={d.outcome === 'revised' ? 'purple' : 'default'}>{t(`qa.dispute.outcome.${d.outcome}`)}</Tag>
          ) : (
            <Tag color="orange">{t('qa.dispute.pending')}</Tag>
          )}
        </Descriptions.Item>
        {d.outcome ? (
          <>
            <Descriptions.Item label={t('qa.dispute.decidedBy')}>
              {nameOf(d.decidedBy)} · {when(d.decidedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('qa.dispute.note')}>{d.note}</Descriptions.Item>
            {d.score !== null ? (
              <Descriptions.Item label={t('qa.dispute.revisedScore')}>
                {t('qa.dispute.scoreChange', { from: pointsText(review.score), to: pointsText(d.score) })}
              </Descriptions.Item>
            ) : null}
          </>
        ) : null}
      </Descriptions>
    </Card>
  );
}
