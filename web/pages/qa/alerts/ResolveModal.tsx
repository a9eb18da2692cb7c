/** Resolving an alert: how it ended (intervened, bad review avoided or not) and a note. */
import { useEffect } from 'react';
import { Form, Input, Modal, Radio, Typography } from 'antd';
import { ALERT_OUTCOMES, type AlertOut, type AlertOutcome } from '../../../../server/modules/qa/qa.alerts.schema.ts';
import { useResolveAlert } from '../../../api/qa-inspection.ts';
import { useT } from '../../../locales/index.tsx';
import { alertKindKey, outcomeKey } from './alertText.ts';

interface Values {
  outcome: AlertOutcome;
  note?: string;
}

/** The resolve dialog of one alert (closed while `alert` is null). */
export function ResolveModal({ alert, onClose }: { alert: AlertOut | null; onClose(): void }) {
  const { t } = useT();
  const [form] = Form.useForm<Values>();
  const resolve = useResolveAlert();
  useEffect(() => {
    if (alert) form.resetFields();
  }, [alert, form]);

  const submit = (v: Values) => {
    if (!alert) return;
    resolve.mutate({ id: alert.id, outcome: v.outcome, note: v.note?.trim() || undefined }, { onSuccess: onClose });
  };

  return (
    <Modal
      open={alert !== null}
      title={t('qaInspection.resolve.title')}
      okText={t('qaInspection.action.resolve')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={resolve.isPending}
      destroyOnHidden
    >
      {alert ? (
        <Typography.Paragraph type="secondary">
          {t(alertKindKey(alert.kind))} · {alert.agentName ?? t('common.none')} · {alert.detail.excerpt}
        </Typography.Paragraph>
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ outcome: 'intervened' }}>
        <Form.Item
          name="outcome"
          label={t('qaInspection.resolve.outcome')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <Radio.Group data-testid="resolve-outcome">
            {ALERT_OUTCOMES.map((o) => (
              <Radio key={o} value={o}>
                {t(outcomeKey(o))}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="note"
          label={t('qaInspection.resolve.note')}
          rules={[{ max: 500, message: t('form.tooLong', { max: 500 }) }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
