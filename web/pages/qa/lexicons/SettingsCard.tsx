/**
 * The inspection settings a manager changes (SPEC QA-3: "alert when negative words exceed 3 %"):
 * the negative-share threshold and its denominator, the long-wait limit, the repeat similarity and
 * the upset-ending window. Saving re-inspects history in the background.
 */
import { useEffect } from 'react';
import { App, Button, Card, Form, InputNumber, Select } from 'antd';
import type { InspectionSettingsT } from '../../../../server/modules/qa/qa.lexicons.schema.ts';
import { useInspectionSettings, useSaveInspectionSettings } from '../../../api/qa-inspection.ts';
import { useT } from '../../../locales/index.tsx';

interface Values {
  /** percent in the form, a fraction on the server */
  thresholdPct: number;
  negativeShareScope: InspectionSettingsT['negativeShareScope'];
  longWaitS: number;
  repeatSimilarity: number;
  endedUpsetWindow: number;
}

/** The inspection settings form. */
export function SettingsCard() {
  const { t } = useT();
  const { message } = App.useApp();
  const settings = useInspectionSettings();
  const save = useSaveInspectionSettings();
  const [form] = Form.useForm<Values>();
  const s = settings.data;
  useEffect(() => {
    if (s)
      form.setFieldsValue({
        thresholdPct: Math.round(s.negativeShareThreshold * 10000) / 100,
        negativeShareScope: s.negativeShareScope,
        longWaitS: s.longWaitS,
        repeatSimilarity: s.repeatSimilarity,
        endedUpsetWindow: s.endedUpsetWindow,
      });
  }, [s, form]);

  const submit = ({ thresholdPct, ...rest }: Values) =>
    save.mutate(
      { ...rest, negativeShareThreshold: thresholdPct / 100 },
      { onSuccess: () => void message.success(t('qaInspection.settings.saved')) },
    );

  return (
    <Card size="small" title={t('qaInspection.settings.title')} loading={settings.isPending}>
      <Form<Values> form={form} layout="vertical" onFinish={submit} data-testid="inspection-settings">
        <Form.Item
          name="thresholdPct"
          label={t('qaInspection.settings.threshold')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <InputNumber min={0} max={100} step={0.5} addonAfter="%" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="negativeShareScope" label={t('qaInspection.settings.scope')}>
          <Select
            options={[
              { value: 'conversation', label: t('qaInspection.settings.scope.conversation') },
              { value: 'customer', label: t('qaInspection.settings.scope.customer') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="longWaitS"
          label={t('qaInspection.settings.longWait')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <InputNumber
            min={0}
            max={86_400}
            step={30}
            addonAfter={t('qaInspection.settings.seconds')}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="repeatSimilarity"
          label={t('qaInspection.settings.repeat')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <InputNumber min={0} max={1} step={0.05} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="endedUpsetWindow"
          label={t('qaInspection.settings.upsetWindow')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}
