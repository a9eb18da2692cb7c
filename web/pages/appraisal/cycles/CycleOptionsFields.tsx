/**
 * The options of a new cycle inside its form (under `options`): grade bands, bonus rules, sales
 * commission, team award, peer raters and survey rate — filled with the defaults, so what the
 * cycle will run with is visible before it is opened. Amounts in yuan, rates in %.
 */
import type { ReactNode } from 'react';
import { Button, Col, Collapse, Divider, Form, InputNumber, Radio, Row, Select, Space, Switch, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { GRADES, type Scheme } from '../../../../domain/appraisal/index.ts';
import { METRIC_DEFINITIONS, METRIC_KEYS, type MetricKey } from '../../../../domain/metrics/catalogue.ts';
import { useT } from '../../../locales/index.tsx';
import { bi } from '../components/text.ts';
import { typedUnit, type TeamTargetValues } from './options.ts';

const o = (...path: (string | number)[]) => ['options', ...path];
const num = (addon?: string, extra: { min?: number; max?: number; precision?: number } = {}) => (
  <InputNumber min={0} style={{ width: '100%' }} addonAfter={addon} {...extra} />
);

export function CycleOptionsFields({ scheme }: { scheme: Scheme | undefined }) {
  const { t, locale, label } = useT();
  const form = Form.useFormInstance();
  const commission = Form.useWatch(o('commission'), form) as boolean | undefined;
  const aovBonus = Form.useWatch(o('aovBonus'), form) as boolean | undefined;
  const teamAward = Form.useWatch(o('teamAward'), form) as boolean | undefined;
  const targets = Form.useWatch(o('teamTargets'), form) as TeamTargetValues[] | undefined;
  const yuanAddon = t('appraisal.options.yuan');
  const metricName = (k: MetricKey) =>
    locale === 'en-US' ? METRIC_DEFINITIONS[k].nameEn : METRIC_DEFINITIONS[k].nameZh;
  const indicators = scheme?.sections.flatMap((s) => s.indicators) ?? [];
  const item = (name: (string | number)[], title: ReactNode, input: ReactNode, extra?: string) => (
    <Form.Item name={o(...name)} label={title} extra={extra} rules={[{ required: true, message: t('form.required') }]}>
      {input}
    </Form.Item>
  );
  const toggle = (name: string, title: string) => (
    <Form.Item name={o(name)} valuePropName="checked" label={title}>
      <Switch />
    </Form.Item>
  );

  const fields = (
    <>
      <Divider orientation="left" plain style={{ marginTop: 0 }}>
        {t('appraisal.options.grades')}
      </Divider>
      <Row gutter={8}>
        {GRADES.filter((g) => g !== 'D').map((g) => (
          <Col span={6} key={g}>
            <Form.Item
              name={o('grades', g)}
              label={t('appraisal.options.gradeFrom', { grade: g })}
              dependencies={GRADES.filter((x) => x !== 'D').map((x) => o('grades', x))}
              rules={[
                { required: true, message: t('form.required') },
                ({ getFieldValue }) => ({
                  validator: async () => {
                    const [s, a, b, c] = (['S', 'A', 'B', 'C'] as const).map(
                      (x) => getFieldValue(o('grades', x)) as number,
                    );
                    if (!(s > a && a > b && b > c && c >= 0)) throw new Error(t('appraisal.options.gradesOrder'));
                  },
                }),
              ]}
            >
              {num(undefined, { max: 200 })}
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Divider orientation="left" plain>
        {t('appraisal.options.bonus')}
      </Divider>
      <Row gutter={8}>
        {(['junior', 'senior', 'star'] as const).map((lvl) => (
          <Col span={8} key={lvl}>
            {item(
              ['baseYuan', lvl],
              t('appraisal.options.base', { level: label('level', lvl) }),
              num(yuanAddon, { precision: 2 }),
            )}
          </Col>
        ))}
      </Row>
      <Row gutter={8}>
        <Col span={12}>
          {item(
            ['belowTarget'],
            t('appraisal.options.belowTarget'),
            <Radio.Group
              optionType="button"
              options={(['pro_rata', 'zero'] as const).map((v) => ({
                value: v,
                label: t(`appraisal.options.belowTarget.${v}`),
              }))}
            />,
          )}
        </Col>
        <Col span={12}>{toggle('prorateByCoverage', t('appraisal.options.prorateByCoverage'))}</Col>
      </Row>
      <Form.Item
        name={o('excessIds')}
        label={t('appraisal.options.excessIds')}
        extra={t('appraisal.options.excessHelp')}
      >
        <Select mode="multiple" options={indicators.map((i) => ({ value: i.id, label: bi(i.label, locale) }))} />
      </Form.Item>
      <Row gutter={8}>
        <Col span={8}>
          {item(['excessPercentPerPoint'], t('appraisal.options.excessPer'), num('%', { precision: 0 }))}
        </Col>
        <Col span={8}>{item(['excessCapPercent'], t('appraisal.options.excessCap'), num('%', { precision: 0 }))}</Col>
        <Col span={8}>
          {item(['innovationYuan'], t('appraisal.options.innovation'), num(yuanAddon, { precision: 2 }))}
        </Col>
      </Row>
      <Row gutter={8}>
        <Col span={12}>{toggle('commission', t('appraisal.options.commission'))}</Col>
        {commission ? (
          <Col span={12}>
            {item(['commissionPercent'], t('appraisal.options.commissionRate'), num('%', { max: 100, precision: 2 }))}
          </Col>
        ) : null}
      </Row>
      {commission ? (
        <Row gutter={8}>
          <Col span={8}>{toggle('aovBonus', t('appraisal.options.aovBonus'))}</Col>
          {aovBonus ? (
            <>
              <Col span={8}>{item(['aovMinUpliftPercent'], t('appraisal.options.aovMinUplift'), num('%'))}</Col>
              <Col span={8}>
                {item(['aovYuan'], t('appraisal.options.aovAmount'), num(yuanAddon, { precision: 2 }))}
              </Col>
            </>
          ) : null}
        </Row>
      ) : null}
      <Divider orientation="left" plain>
        {t('appraisal.options.team')}
      </Divider>
      <Row gutter={8}>
        <Col span={8}>{toggle('teamAward', t('appraisal.options.teamAward'))}</Col>
        {teamAward ? (
          <>
            <Col span={8}>
              {item(['teamPoolYuan'], t('appraisal.options.teamPool'), num(yuanAddon, { precision: 2 }))}
            </Col>
            <Col span={8}>
              {item(
                ['teamSplit'],
                t('appraisal.options.teamSplit'),
                <Select
                  options={(['equal', 'coverage'] as const).map((v) => ({
                    value: v,
                    label: t(`appraisal.options.teamSplit.${v}`),
                  }))}
                />,
              )}
            </Col>
          </>
        ) : null}
      </Row>
      {teamAward ? (
        <Form.List
          name={o('teamTargets')}
          rules={[
            {
              validator: async (_r, targets?: unknown[]) => {
                if (!targets?.length) throw new Error(t('appraisal.options.teamTargetsRequired'));
              },
            },
          ]}
        >
          {(rows, { add, remove }, { errors }) => (
            <>
              {rows.map((row) => {
                const metric = targets?.[row.name]?.metric;
                const unit = metric ? typedUnit(metric) : undefined;
                const addon =
                  unit === 'ratio'
                    ? '%'
                    : unit === 'cents'
                      ? yuanAddon
                      : unit
                        ? t(`appraisal.unit.${unit}`)
                        : undefined;
                return (
                  <Space key={row.key} align="start" style={{ display: 'flex' }}>
                    <Form.Item name={[row.name, 'metric']} rules={[{ required: true, message: t('form.required') }]}>
                      <Select
                        style={{ width: 220 }}
                        showSearch
                        optionFilterProp="label"
                        placeholder={t('appraisal.options.metric')}
                        options={METRIC_KEYS.map((k) => ({ value: k, label: metricName(k) }))}
                      />
                    </Form.Item>
                    <Form.Item name={[row.name, 'direction']} rules={[{ required: true, message: t('form.required') }]}>
                      <Select
                        style={{ width: 110 }}
                        options={(['higher', 'lower'] as const).map((d) => ({
                          value: d,
                          label: t(`appraisal.options.direction.${d}`),
                        }))}
                      />
                    </Form.Item>
                    <Form.Item name={[row.name, 'target']} rules={[{ required: true, message: t('form.required') }]}>
                      <InputNumber
                        style={{ width: 150 }}
                        addonAfter={addon}
                        placeholder={t('appraisal.options.target')}
                      />
                    </Form.Item>
                    <Button
                      type="text"
                      icon={<DeleteOutlined />}
                      onClick={() => remove(row.name)}
                      aria-label={t('appraisal.options.removeTarget')}
                    />
                  </Space>
                );
              })}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ direction: 'higher' })} block>
                {t('appraisal.options.addTarget')}
              </Button>
              <Form.ErrorList errors={errors} />
            </>
          )}
        </Form.List>
      ) : null}
      <Divider orientation="left" plain>
        {t('appraisal.options.reviews')}
      </Divider>
      <Row gutter={8}>
        <Col span={12}>
          {item(
            ['minPeerRaters'],
            t('appraisal.options.minPeerRaters'),
            num(undefined, { min: 1, max: 20, precision: 0 }),
            t('appraisal.options.minPeerRatersHelp'),
          )}
        </Col>
        <Col span={12}>
          {item(
            ['surveyPercent'],
            t('appraisal.options.surveyRate'),
            num('%', { min: 1, max: 100 }),
            t('appraisal.options.surveyRateHelp'),
          )}
        </Col>
      </Row>
    </>
  );

  return (
    <Collapse
      size="small"
      data-testid="cycle-options"
      items={[
        {
          key: 'options',
          label: t('appraisal.options.title'),
          extra: <Typography.Text type="secondary">{t('appraisal.options.defaultsShown')}</Typography.Text>,
          children: fields,
          forceRender: true,
        },
      ]}
    />
  );
}
