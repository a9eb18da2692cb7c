/**
 * Metric settings (指标设置, managers and admins): the conventions every KPI is computed under —
 * service hours and closed days, the round cap and thresholds, order and payment windows, the
 * crediting rule, the resolution grace and the repeat-complaint window, the time zone. Each
 * field names the metrics it shapes. Saving recomputes every KPI, and the page says so.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Progress,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Spin,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { METRIC_KEYS, type SettingKey } from '../../../../domain/metrics/catalogue.ts';
import {
  DEFAULT_METRIC_SETTINGS,
  ORDER_CREDITING_RULES,
  type OrderCreditingRule,
} from '../../../../domain/metrics/settings.ts';
import type { MetricSettingsT } from '../../../../server/modules/kpi/kpi.schema.ts';
import { useMetricSettings, useSaveMetricSettings,
  useRecompute, type MetricSettingsUpdate } from '../../../api/kpi.ts';
import { LoadError } from '../../../components/Exception.tsx';
import { PageContainer } from '../../../components/PageContainer.tsx';
import { useT } from '../../../locales/index.tsx';
import { useMetrics } from '../../kpi/components/useMetrics.ts';

interface Values {
  timeZone: string;
  start: string;
  end: string;
  closedDays: Dayjs[];
  roundCapS: number;
  slowThresholdS: number;
  serviceLevelThresholdS: number;
  orderWindowDays: number;
  paymentWindowDays: number;
  orderCrediting: OrderCreditingRule;
  repeatComplaintWindowDays: number;
  immediateResolutionGraceMin: number;
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DAY = 'YYYY-MM-DD';

function toValues(s: Readonly<MetricSettingsT> | typeof DEFAULT_METRIC_SETTINGS): Values {
  const { serviceHours, closedDays, ...rest } = s;
  return { ...rest, start: serviceHours.start, end: serviceHours.end, closedDays: closedDays.map((d) => dayjs(d)) };
}

function toSettings({ start, end, closedDays, ...rest }: Values): MetricSettingsT {
  return { ...rest, serviceHours: { start, end }, closedDays: closedDays.map((d) => d.format(DAY)).sort() };
}

/** Only what changed is sent. */
function changes(before: MetricSettingsT, after: MetricSettingsT): MetricSettingsUpdate {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(after) as (keyof MetricSettingsT)[])
    if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) out[k] = after[k];
  return out as MetricSettingsUpdate;
}

export default function MetricSettingsPage() {
  const { t, label, locale } = useT();
  const { message } = App.useApp();
  const settings = useMetricSettings();
  const save = useSaveMetricSettings();
  const metrics = useMetrics();
  const [form] = Form.useForm<Values>();
  const recompute = useRecompute();
  const [showDone, setShowDone] = useState(false);
  const job = recompute.data;
  const running = job?.status === 'running';
  const zones = useMemo(
    () =>
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Asia/Shanghai', 'UTC'],
    [],
  );

  useEffect(() => {
    if (settings.data) form.setFieldsValue(toValues(settings.data));
  }, [settings.data, form]);

  /** "影响：首次响应时间、平均响应时间 等 7 项" */
  const affects = (key: SettingKey): string => {
    const names = METRIC_KEYS.filter((m) => metrics.definition(m).settings.includes(key)).map((m) => metrics.name(m));
    if (names.length === 0) return '';
    const shown = names.slice(0, 5).join(t('metricSettings.listSep'));
    return names.length > 5
      ? t('metricSettings.affectsMore', { list: shown, n: names.length })
      : t('metricSettings.affects', { list: shown });
  };
  const help = (key: SettingKey) => (
    <Space direction="vertical" size={0}>
      <span>{t(`metricSettings.${key}.help`)}</span>
      <span>{affects(key)}</span>
    </Space>
  );
  const number = (key: SettingKey, unit: 'seconds' | 'days' | 'minutes', min: number) => (
    <Form.Item
      name={key}
      label={t(`metricSettings.${key}`)}
      extra={help(key)}
      rules={[{ required: true, message: t('form.required') }]}
    >
      <InputNumber min={min} precision={0} style={{ width: 200 }} addonAfter={t(`metricSettings.unit.${unit}`)} />
    </Form.Item>
  );

  const onSave = async () => {
    const values = await form.validateFields();
    if (!settings.data) return;
    const body = changes(settings.data, toSettings(values));
    if (Object.keys(body).length === 0) {
      void message.info(t('metricSettings.unchanged'));
      return;
    }
    save.mutate(body, {
      onSuccess: () => {
        setShowDone(true);
        void message.success(t('metricSettings.saved'));
      },
    });
  };

  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <PageContainer
      title={t('menu.system.metrics')}
      extra={
        <>
          <Button onClick={() => form.setFieldsValue(toValues(DEFAULT_METRIC_SETTINGS))} disabled={!settings.data}>
            {t('metricSettings.defaults')}
          </Button>
          <Popconfirm title={t('metricSettings.confirm')} onConfirm={() => void onSave()} okText={t('common.save')}>
            <Button
              type="primary"
              loading={save.isPending || running}
              disabled={!settings.data}
              data-testid="metric-settings-save"
            >
              {t('common.save')}
            </Button>
          </Popconfirm>
        </>
      }
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('metricSettings.intro')} />
        {running ? (
          <Alert
            type="warning"
            showIcon
            icon={<Spin size="small" />}
            message={t('metricSettings.recomputing')}
            description={
              <Progress
                percent={job.total ? Math.floor((job.done / job.total) * 100) : 0}
                format={() => `${job.done.toLocaleString(locale)} / ${job.total.toLocaleString(locale)}`}
              />
            }
            data-testid="metric-settings-recomputing"
          />
        ) : null}
        {showDone && job?.status === 'done' ? (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setShowDone(false)}
            message={t('metricSettings.recomputed', {
              conversations: job.done.toLocaleString(locale),
              days: job.days.toLocaleString(locale),
            })}
            data-testid="metric-settings-recomputed"
          />
        ) : null}
        {job?.status === 'failed' ? (
          <Alert type="error" showIcon message={t('metricSettings.recomputeFailed', { error: job.error ?? '' })} />
        ) : null}
        {settings.isPending ? (
          <Card>
            <Skeleton active />
          </Card>
        ) : (
          <Form<Values> form={form} layout="vertical" disabled={save.isPending || running}>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('metricSettings.section.hours')}>
                  <Form.Item label={t('metricSettings.serviceHours')} extra={help('serviceHours')} required>
                    <Space.Compact>
                      <Form.Item
                        name="start"
                        noStyle
                        rules={[{ required: true, pattern: CLOCK, message: t('metricSettings.clock') }]}
                      >
                        <Input style={{ width: 100 }} placeholder="08:00" />
                      </Form.Item>
                      <Input style={{ width: 40, pointerEvents: 'none' }} value="–" readOnly tabIndex={-1} />
                      <Form.Item
                        name="end"
                        noStyle
                        dependencies={['start']}
                        rules={[
                          { required: true, pattern: CLOCK, message: t('metricSettings.clock') },
                          ({ getFieldValue }) => ({
                            validator: (_r, v: string) =>
                              !v || !CLOCK.test(v) || v > String(getFieldValue('start'))
                                ? Promise.resolve()
                                : Promise.reject(new Error(t('metricSettings.endAfterStart'))),
                          }),
                        ]}
                      >
                        <Input style={{ width: 100 }} placeholder="23:00" />
                      </Form.Item>
                    </Space.Compact>
                  </Form.Item>
                  <Form.Item name="closedDays" label={t('metricSettings.closedDays')} extra={help('closedDays')}>
                    <DatePicker multiple maxTagCount="responsive" style={{ width: '100%', maxWidth: 420 }} />
                  </Form.Item>
                  <Form.Item
                    name="timeZone"
                    label={t('metricSettings.timeZone')}
                    extra={help('timeZone')}
                    rules={[{ required: true, message: t('form.required') }]}
                  >
                    <Select showSearch style={{ maxWidth: 280 }} options={zones.map((z) => ({ value: z, label: z }))} />
                  </Form.Item>
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('metricSettings.section.response')}>
                  {number('roundCapS', 'seconds', 1)}
                  {number('slowThresholdS', 'seconds', 0)}
                  {number('serviceLevelThresholdS', 'seconds', 0)}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('metricSettings.section.sales')}>
                  <Form.Item
                    name="orderCrediting"
                    label={t('metricSettings.orderCrediting')}
                    extra={help('orderCrediting')}
                  >
                    <Radio.Group>
                      <Space direction="vertical">
                        {ORDER_CREDITING_RULES.map((r) => (
                          <Radio key={r} value={r}>
                            {label('orderCrediting', r)}
                          </Radio>
                        ))}
                      </Space>
                    </Radio.Group>
                  </Form.Item>
                  {number('orderWindowDays', 'days', 0)}
                  {number('paymentWindowDays', 'days', 0)}
                </Card>
              </Col>
              <Col xs={24} xl={12}>
                <Card size="small" title={t('metricSettings.section.resolution')}>
                  {number('immediateResolutionGraceMin', 'minutes', 0)}
                  {number('repeatComplaintWindowDays', 'days', 1)}
                </Card>
              </Col>
            </Row>
          </Form>
        )}
      </Space>
    </PageContainer>
  );
}
