/**
 * One indicator's fields — what it measures (a metric or a review item), direction, target
 * (single or per level), weight and curve — with its problems and the live curve preview.
 * Every change goes straight into the draft, so the preview and the checks follow each keystroke.
 */
import type { ReactNode } from 'react';
import {
  Alert,
  Checkbox,
  Divider,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import { LEVELS } from '../../../../../domain/org.ts';
import { METRIC_DEFINITIONS, METRIC_KEYS, type MetricKey } from '../../../../../domain/metrics/catalogue.ts';
import {
  definitionOf,
  REVIEW_KINDS,
  targetFor,
  unitOf,
  type Indicator,
  type IndicatorUnit,
  type ReviewKind,
  type SchemeProblem,
} from '../../../../../domain/appraisal/index.ts';
import { useT } from '../../../../locales/index.tsx';
import { bi } from '../../components/text.ts';
import { CurveFields, UnitNumber } from './CurveFields.tsx';
import { CurvePreview } from './CurvePreview.tsx';
import { withCurveType, withKind, withMetric, withTargetMode } from './draft.ts';

const UNITS: IndicatorUnit[] = ['ratio', 'seconds', 'per_day', 'count', 'cents', 'score'];

export function IndicatorDrawer({
  indicator,
  problems,
  onChange,
  onClose,
}: {
  indicator: Indicator | null;
  problems: SchemeProblem[];
  onChange(next: Indicator): void;
  onClose(): void;
}) {
  const { t, locale, label } = useT();
  const ind = indicator;
  const unit = ind ? (unitOf(ind) ?? 'score') : 'score';
  const set = (patch: Partial<Indicator>) => ind && onChange({ ...ind, ...patch } as Indicator);
  const field = (title: string, input: ReactNode, help?: string) => (
    <Form.Item label={title} help={help} style={{ marginBottom: 12 }}>
      {input}
    </Form.Item>
  );
  const metricName = (k: MetricKey) =>
    locale === 'en-US' ? METRIC_DEFINITIONS[k].nameEn : METRIC_DEFINITIONS[k].nameZh;

  return (
    <Drawer
      open={ind !== null}
      width={720}
      title={ind ? bi(ind.label, locale) : ''}
      onClose={onClose}
      destroyOnHidden
      data-testid="indicator-drawer"
    >
      {ind ? (
        <Form layout="vertical">
          {problems.length ? (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 12 }}
              message={problems.map((p, i) => (
                <div key={i}>{bi(p, locale)}</div>
              ))}
            />
          ) : null}
          <Typography.Paragraph type="secondary">{bi(definitionOf(ind), locale)}</Typography.Paragraph>
          <Flex gap={12}>
            {field(
              t('appraisal.scheme.labelZh'),
              <Input value={ind.label.zh} onChange={(e) => set({ label: { ...ind.label, zh: e.target.value } })} />,
            )}
            {field(
              t('appraisal.scheme.labelEn'),
              <Input value={ind.label.en} onChange={(e) => set({ label: { ...ind.label, en: e.target.value } })} />,
            )}
            {field(
              t('appraisal.scheme.indicatorId'),
              <Input value={ind.id} onChange={(e) => set({ id: e.target.value.trim() })} />,
            )}
          </Flex>
          {field(
            t('appraisal.scheme.source'),
            <Flex gap={8} wrap>
              <Radio.Group
                value={ind.kind}
                onChange={(e) => onChange(withKind(ind, e.target.value as Indicator['kind']))}
                optionType="button"
                options={[
                  { value: 'metric', label: t('appraisal.scheme.kind.metric') },
                  { value: 'review', label: t('appraisal.scheme.kind.review') },
                ]}
              />
              {ind.kind === 'metric' ? (
                <Select<MetricKey>
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 280 }}
                  value={ind.metric}
                  onChange={(m) => onChange(withMetric(ind, m))}
                  options={METRIC_KEYS.map((k) => ({ value: k, label: metricName(k) }))}
                />
              ) : (
                <>
                  <Select<ReviewKind>
                    style={{ width: 200 }}
                    value={ind.review}
                    onChange={(review) => onChange({ ...ind, review })}
                    options={REVIEW_KINDS.map((k) => ({ value: k, label: t(`appraisal.reviewKind.${k}`) }))}
                  />
                  <Select<IndicatorUnit>
                    allowClear
                    style={{ width: 140 }}
                    placeholder={t('appraisal.scheme.unit')}
                    value={ind.unit}
                    onChange={(u?: IndicatorUnit) => onChange({ ...ind, unit: u })}
                    options={UNITS.map((u) => ({ value: u, label: t(`appraisal.unitName.${u}`) }))}
                  />
                </>
              )}
            </Flex>,
          )}
          <Flex gap={24} wrap>
            {field(
              t('appraisal.scheme.direction'),
              <Radio.Group
                value={ind.direction}
                disabled={ind.kind === 'metric' && METRIC_DEFINITIONS[ind.metric].direction !== 'neutral'}
                onChange={(e) => set({ direction: e.target.value as Indicator['direction'] })}
                options={[
                  { value: 'higher', label: t('appraisal.direction.higher') },
                  { value: 'lower', label: t('appraisal.direction.lower') },
                ]}
              />,
            )}
            {field(
              t('appraisal.scheme.weightInSection'),
              <InputNumber
                min={0}
                max={100}
                value={Number.isFinite(ind.weight) ? ind.weight : null}
                onChange={(v) => set({ weight: v ?? Number.NaN })}
                addonAfter="%"
              />,
            )}
            {unit === 'count' || unit === 'cents'
              ? field(
                  t('appraisal.scheme.scaling'),
                  <Checkbox
                    checked={ind.scaling === 'per_month'}
                    onChange={(e) => set({ scaling: e.target.checked ? 'per_month' : undefined })}
                  >
                    {t('appraisal.scheme.perMonth')}
                  </Checkbox>,
                )
              : null}
          </Flex>
          {field(
            t('appraisal.scheme.target'),
            <Flex gap={12} align="center" wrap>
              <Switch
                checked={typeof ind.target !== 'number'}
                onChange={(per) => set({ target: withTargetMode(ind.target, per) })}
                checkedChildren={t('appraisal.scheme.perLevel')}
                unCheckedChildren={t('appraisal.scheme.oneTarget')}
                data-testid="target-per-level"
              />
              {typeof ind.target === 'number' ? (
                <UnitNumber unit={unit} value={ind.target} onChange={(target) => set({ target })} testId="target" />
              ) : (
                LEVELS.map((l) => (
                  <Flex key={l} align="center" gap={4}>
                    <span>{label('level', l)}</span>
                    <UnitNumber
                      unit={unit}
                      width={140}
                      value={targetFor(ind.target, l)}
                      onChange={(v) => typeof ind.target !== 'number' && set({ target: { ...ind.target, [l]: v } })}
                    />
                  </Flex>
                ))
              )}
            </Flex>,
          )}
          <Divider orientation="left" plain>
            {t('appraisal.scheme.curve')}
          </Divider>
          <CurveFields
            curve={ind.curve}
            unit={unit}
            lower={ind.direction === 'lower'}
            onType={(type) => set({ curve: withCurveType(ind.curve, type, targetFor(ind.target, 'junior')) })}
            onChange={(curve) => set({ curve })}
          />
          <Divider orientation="left" plain>
            {t('appraisal.curve.title')}
          </Divider>
          <CurvePreview indicator={ind} />
          {field(
            t('appraisal.scheme.basis'),
            <Input.TextArea
              rows={2}
              value={ind.basis ?? ''}
              onChange={(e) => set({ basis: e.target.value || undefined })}
            />,
          )}
        </Form>
      ) : null}
    </Drawer>
  );
}
