/** Settings (设置): the new-hire period and the organisation's time zone. */
import { useEffect, useMemo } from 'react';
import { App, Button, Card, Form, InputNumber, Select, Skeleton } from 'antd';
import { Settings } from '../../../../server/modules/settings/settings.schema.ts';
import { useSaveSettings, useSettings } from '../../../api/settings.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';

type Values = Settings;

function timeZones(current: string | undefined): string[] {
  const all =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC'];
  return current && !all.includes(current) ? [current, ...all] : all;
}

export default function SettingsPage() {
  const { t } = useT();
  const { message } = App.useApp();
  const settings = useSettings();
  const save = useSaveSettings();
  const [form] = Form.useForm<Values>();
  const zones = useMemo(() => timeZones(settings.data?.timezone), [settings.data?.timezone]);
  const days = Settings.shape.newHireDays;

  useEffect(() => {
    if (settings.data) form.setFieldsValue(settings.data);
  }, [settings.data, form]);

  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <PageContainer title={t('menu.system.settings')}>
      <Card>
        {settings.isPending ? (
          <Skeleton active />
        ) : (
          <Form<Values>
            form={form}
            layout="vertical"
            style={{ maxWidth: 480 }}
            onFinish={(v) => save.mutate(v, { onSuccess: () => void message.success(t('settings.saved')) })}
          >
            <Form.Item
              name="newHireDays"
              label={t('settings.newHireDays')}
              extra={t('settings.newHireDays.help')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={days.minValue ?? 0} max={days.maxValue ?? 3650} precision={0} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item
              name="timezone"
              label={t('settings.timezone')}
              extra={t('settings.timezone.help')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <Select showSearch options={zones.map((z) => ({ value: z, label: z }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Form>
        )}
      </Card>
    </PageContainer>
  );
}
