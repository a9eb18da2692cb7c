/**
 * The inputs of a scoring curve: linear (zero line → target), capped bonus (points per step
 * beyond the target, up to a cap) or step bands (best first). Thresholds are typed as people
 * read them (rates as percentages) and stored in the indicator's unit.
 */
import type { ReactNode } from 'react';
import { Button, Flex, InputNumber, Segmented, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  fromDisplay,
  toDisplay,
  type Curve,
  type CurveType,
  type IndicatorUnit,
} from '../../../../../domain/appraisal/index.ts';
import { useT } from '../../../../locales/index.tsx';

const CURVE_TYPES: CurveType[] = ['linear', 'capped_bonus', 'steps'];

/** A number in the indicator's unit, typed in display units; an empty input is NaN (the validator names it). */
export function UnitNumber({
  unit,
  value,
  onChange,
  invalid,
  testId,
  width = 160,
}: {
  unit: IndicatorUnit;
  value: number;
  onChange(v: number): void;
  invalid?: boolean;
  testId?: string;
  width?: number;
}) {
  const { t } = useT();
  return (
    <InputNumber
      style={{ width }}
      value={Number.isFinite(value) ? toDisplay(unit, value) : null}
      onChange={(v) => onChange(v === null ? Number.NaN : fromDisplay(unit, v))}
      addonAfter={t(`appraisal.unit.${unit}`)}
      status={invalid ? 'error' : undefined}
      data-testid={testId}
    />
  );
}

/** Points on the 0–100 scale (a cap or a band's score). */
function Points({ value, onChange, testId }: { value: number; onChange(v: number): void; testId?: string }) {
  const { t } = useT();
  return (
    <InputNumber
      style={{ width: 120 }}
      min={0}
      value={Number.isFinite(value) ? value : null}
      onChange={(v) => onChange(v ?? Number.NaN)}
      addonAfter={t('appraisal.unit.score')}
      data-testid={testId}
    />
  );
}

export function CurveFields({
  curve,
  unit,
  lower,
  onType,
  onChange,
}: {
  curve: Curve;
  unit: IndicatorUnit;
  lower: boolean;
  onType(type: CurveType): void;
  onChange(next: Curve): void;
}) {
  const { t } = useT();
  const cmp = lower ? '≤' : '≥';
  const row = (title: string, input: ReactNode) => (
    <Flex align="center" gap={8}>
      <Typography.Text style={{ width: 150 }}>{title}</Typography.Text>
      {input}
    </Flex>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Segmented<CurveType>
        value={curve.type}
        onChange={onType}
        options={CURVE_TYPES.map((c) => ({ value: c, label: t(`appraisal.curve.${c}`) }))}
        data-testid="curve-type"
      />
      <Typography.Text type="secondary">{t(`appraisal.curve.${curve.type}.help`)}</Typography.Text>
      {curve.type === 'linear' || curve.type === 'capped_bonus'
        ? row(
            t('appraisal.curve.floor'),
            <UnitNumber unit={unit} value={curve.floor} onChange={(floor) => onChange({ ...curve, floor })} />,
          )
        : null}
      {curve.type === 'capped_bonus' ? (
        <>
          {row(
            t('appraisal.curve.bonusPer'),
            <UnitNumber unit={unit} value={curve.bonusPer} onChange={(bonusPer) => onChange({ ...curve, bonusPer })} />,
          )}
          {row(
            t('appraisal.curve.bonusPoints'),
            <Points value={curve.bonusPoints} onChange={(bonusPoints) => onChange({ ...curve, bonusPoints })} />,
          )}
          {row(t('appraisal.curve.cap'), <Points value={curve.cap} onChange={(cap) => onChange({ ...curve, cap })} />)}
        </>
      ) : null}
      {curve.type === 'steps' ? (
        <>
          {curve.bands.map((b, j) => (
            <Flex key={j} align="center" gap={8} data-testid={`band-${j}`}>
              <Typography.Text style={{ width: 150 }}>{t('appraisal.curve.band', { n: j + 1, cmp })}</Typography.Text>
              <UnitNumber
                unit={unit}
                value={b.bound}
                onChange={(bound) =>
                  onChange({ ...curve, bands: curve.bands.map((x, k) => (k === j ? { ...x, bound } : x)) })
                }
              />
              <span>→</span>
              <Points
                value={b.score}
                onChange={(score) =>
                  onChange({ ...curve, bands: curve.bands.map((x, k) => (k === j ? { ...x, score } : x)) })
                }
              />
              <Button
                type="text"
                icon={<DeleteOutlined />}
                aria-label={t('appraisal.curve.removeBand')}
                onClick={() => onChange({ ...curve, bands: curve.bands.filter((_, k) => k !== j) })}
              />
            </Flex>
          ))}
          <Button
            size="small"
            icon={<PlusOutlined />}
            style={{ width: 'fit-content' }}
            onClick={() => {
              const last = curve.bands[curve.bands.length - 1];
              const next = last ? { bound: last.bound, score: Math.max(0, last.score - 20) } : { bound: 0, score: 100 };
              onChange({ ...curve, bands: [...curve.bands, next] });
            }}
          >
            {t('appraisal.curve.addBand')}
          </Button>
          {row(
            t('appraisal.curve.otherwise'),
            <Points value={curve.otherwise} onChange={(otherwise) => onChange({ ...curve, otherwise })} />,
          )}
        </>
      ) : null}
    </Space>
  );
}
