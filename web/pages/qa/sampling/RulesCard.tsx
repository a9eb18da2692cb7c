/**
 * The sampling rules (抽检规则): the random share for everyone, the new-hire share, the complaint
 * rate above which an agent is sampled at the high-complaint share, the per-agent floor and the
 * seed salt. Shares are typed as percentages and stored as fractions; the domain checks them.
 */
import { useEffect } from 'react';
import { App, Button, Card, Col, Form, Input, InputNumber, Row, Typography } from 'antd';
import { validateSamplingRules } from '../../../../domain/qa/sampling.ts';
import type { SamplingRulesOut } from '../../../../server/modules/qa/qa.schema.ts';
import { useSaveSamplingRules } from '../../../api/qa.ts';
import { bi } from '../../../components/qa/text.ts';
import { useT, type MessageKey } from '../../../locales/index.tsx';
import { useOrgTime } from '../../../components/qa/time.ts';

const RATES = ['baseRate', 'newHireRate', 'complaintRateThreshold', 'highComplaintRate'] as const;
type Rate = (typeof RATES)[number];
type Values = Record<Rate, number> & { minPerAgent: number; salt: string };

const LABEL: Record<Rate | 'minPerAgent' | 'salt', MessageKey> = {
  baseRate: 'qa.rules.baseRate',
  newHireRate: 'qa.rules.newHireRate',
  complaintRateThreshold: 'qa.rules.complaintRateThreshold',
  highComplaintRate: 'qa.rules.highComplaintRate',
  minPerAgent: 'qa.rules.minPerAgent',
  salt: 'qa.rules.salt',
};

const HELP: Record<Rate, MessageKey> = {
  baseRate: 'qa.rules.baseRate.help',
  newHireRate: 'qa.rules.newHireRate.help',
  complaintRateThreshold: 'qa.rules.complaintRateThreshold.help',
  highComplaintRate: 'qa.rules.highComplaintRate.help',
};

const pct = (x: number) => Math.round(x * 1e6) / 1e4;

export function RulesCard({ rules, canEdit }: { rules: SamplingRulesOut | undefined; canEdit: boolean }) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const save = useSaveSamplingRules();
  const when = useOrgTime();
  useEffect(() => {
    if (!rules) return;
    form.setFieldsValue({
      ...Object.fromEntries(RATES.map((k) => [k, pct(rules[k])])),
      minPerAgent: rules.minPerAgent,
      salt: rules.salt,
    });
  }, [rules, form]);

  const onFinish = (v: Values) => {
    const next = {
      ...Object.fromEntries(RATES.map((k) => [k, Math.round(v[k] * 1e4) / 1e6])),
      minPerAgent: v.minPerAgent,
      salt: v.salt ?? '',
    } as Omit<SamplingRulesOut, 'updatedAt' | 'updatedBy'>;
    const problems = validateSamplingRules(next);
    if (problems.length) {
      form.setFields(problems.map((p) => ({ name: p.path[0] as keyof Values, errors: [bi(p, locale)] })));
      return;
    }
    save.mutate(next, { onSuccess: () => void message.success(t('qa.rules.saved')) });
  };

  return (
    <Card
      size="small"
      title={t('qa.rules.title')}
      extra={
        rules?.updatedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('qa.rules.updatedAt', { at: when(rules.updatedAt) })}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('qa.rules.defaults')}
          </Typography.Text>
        )
      }
    >
      <Form<Values> form={form} layout="vertical" disabled={!canEdit || !rules} onFinish={onFinish}>
        <Row gutter={16}>
          {RATES.map((k) => (
            <Col key={k} xs={12} md={6}>
              <Form.Item
                name={k}
                label={t(LABEL[k])}
                rules={[{ required: true, message: t('form.required') }]}
                tooltip={t(HELP[k])}
              >
                <InputNumber
                  min={0}
                  max={100}
                  step={5}
                  addonAfter="%"
                  style={{ width: '100%' }}
                  data-testid={`qa-rule-${k}`}
                />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Form.Item
              name="minPerAgent"
              label={t(LABEL.minPerAgent)}
              tooltip={t('qa.rules.minPerAgent.help')}
              rules={[{ required: true, message: t('form.required') }]}
            >
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="salt" label={t(LABEL.salt)} tooltip={t('qa.rules.salt.help')}>
              <Input maxLength={64} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} style={{ display: 'flex', alignItems: 'center', justifyContent: 'flex-end' }}>
            {canEdit ? (
              <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="qa-rules-save">
                {t('qa.rules.save')}
              </Button>
            ) : null}
          </Col>
        </Row>
      </Form>
    </Card>
  );
}
