/**
 * What people do with a result: calibrate it (a supervisor, with a required reason that the
 * agent sees), appeal it (the agent, with a reason) and answer the appeal (a supervisor).
 */
import { useEffect } from 'react';
import { App, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { ResultOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { appraisalOf, useResultAction } from '../../../api/appraisal.ts';
import { useT, type MessageKey } from '../../../locales/index.tsx';
import { pointsText } from './text.ts';

interface CalibrateForm {
  total: number;
  reason: string;
}

export function CalibrateModal({ result, open, onClose }: { result: ResultOut; open: boolean; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<CalibrateForm>();
  const action = useResultAction(result.cycleId, result.personId);
  const upper = Math.max(100, appraisalOf(result).maxTotal ?? 100);

  useEffect(() => {
    if (open) form.setFieldsValue({ total: result.finalTotal ?? undefined, reason: '' });
  }, [open, result.finalTotal, form]);

  return (
    <Modal
      open={open}
      title={t('appraisal.calibrate.title', { name: result.personName })}
      okText={t('appraisal.calibrate.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Typography.Paragraph type="secondary">
        {t('appraisal.calibrate.computed', { total: pointsText(result.total), grade: result.grade ?? '—' })}
      </Typography.Paragraph>
      <Form<CalibrateForm>
        form={form}
        layout="vertical"
        data-testid="calibrate-form"
        onFinish={(v) =>
          action.mutate(
            { kind: 'calibrate', total: v.total, reason: v.reason.trim() },
            {
              onSuccess: () => {
                void message.success(t('appraisal.calibrate.done'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="total"
          label={t('appraisal.calibrate.total')}
          rules={[{ required: true, message: t('form.required') }]}
          extra={t('form.range', { min: 0, max: upper })}
        >
          <InputNumber min={0} max={upper} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('appraisal.calibrate.reason')}
          extra={t('appraisal.calibrate.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('appraisal.calibrate.reasonRequired') },
            { max: 2000, message: t('form.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const TEXT_ACTION = {
  appeal: { title: 'appraisal.appeal.title', field: 'appraisal.appeal.reason', done: 'appraisal.appeal.done' },
  answer: { title: 'appraisal.answer.title', field: 'appraisal.answer.text', done: 'appraisal.answer.done' },
} as const satisfies Record<string, Record<string, MessageKey>>;

/** The agent's appeal, or a supervisor's answer to it: one required text. */
export function TextActionModal({
  kind,
  result,
  open,
  onClose,
}: {
  kind: 'appeal' | 'answer';
  /** a result, or an item of the appeal inbox */
  result: Pick<ResultOut, 'cycleId' | 'personId' | 'personName' | 'appeal'>;
  open: boolean;
  onClose(): void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const action = useResultAction(result.cycleId, result.personId);
  const keys = TEXT_ACTION[kind];

  useEffect(() => {
    if (open) form.setFieldsValue({ text: '' });
  }, [open, form]);

  return (
    <Modal
      open={open}
      title={t(keys.title, { name: result.personName })}
      okText={t('appraisal.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={action.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      {kind === 'answer' && result.appeal ? (
        <Typography.Paragraph>{t('appraisal.appeal.quote', { reason: result.appeal.reason })}</Typography.Paragraph>
      ) : null}
      <Form<{ text: string }>
        form={form}
        layout="vertical"
        data-testid={`${kind}-form`}
        onFinish={({ text }) => {
          const body = text.trim();
          action.mutate(kind === 'appeal' ? { kind, reason: body } : { kind, answer: body }, {
            onSuccess: () => {
              void message.success(t(keys.done));
              onClose();
            },
          });
        }}
      >
        <Form.Item
          name="text"
          label={t(keys.field)}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 2000, message: t('form.tooLong', { max: 2000 }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
