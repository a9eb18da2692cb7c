/** Chooses the metric columns, grouped by family (response, volume, resolution, satisfaction, sales). */
import { Button, Select, Space, Tooltip } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { METRIC_KEYS, type MetricKey } from '../../../../domain/metrics/catalogue.ts';
import { useT } from '../../../locales/index.tsx';
import type { Metrics } from '../components/useMetrics.ts';
import { DEFAULT_COLUMNS, FAMILIES, familyOf } from './columns.ts';

export function MetricChooser({
  value,
  onChange,
  metrics,
}: {
  value: MetricKey[];
  onChange(next: MetricKey[]): void;
  metrics: Metrics;
}) {
  const { t } = useT();
  const options = FAMILIES.map((f) => ({
    label: t(`kpi.family.${f.name}`),
    title: f.name,
    options: METRIC_KEYS.filter((k) => familyOf(metrics.definition(k).spec) === f.name).map((k) => ({
      value: k,
      label: metrics.name(k),
    })),
  }));
  // keep the catalogue's order whatever order the keys were ticked in
  const ordered = (keys: MetricKey[]) => METRIC_KEYS.filter((k) => keys.includes(k));
  return (
    <Space.Compact>
      <Select<MetricKey[]>
        mode="multiple"
        style={{ width: 420 }}
        maxTagCount="responsive"
        value={value}
        onChange={(keys) => onChange(ordered(keys))}
        options={options}
        optionFilterProp="label"
        placeholder={t('kpi.columns')}
        prefix={t('kpi.columns')}
        data-testid="kpi-columns"
      />
      <Tooltip title={t('kpi.columns.default')}>
        <Button icon={<UndoOutlined />} onClick={() => onChange([...DEFAULT_COLUMNS])} />
      </Tooltip>
    </Space.Compact>
  );
}
