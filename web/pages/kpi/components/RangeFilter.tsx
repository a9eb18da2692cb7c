/** The period picker of the KPI pages: a date range with the presets 本月 / 上月 / 近7天 / 近30天. */
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useT } from '../../../locales/index.tsx';

export interface DayRange {
  from: string;
  to: string;
}

const DAY = 'YYYY-MM-DD';

/** This month so far: the default period of every KPI page. */
export function thisMonth(today: Dayjs = dayjs()): DayRange {
  return { from: today.startOf('month').format(DAY), to: today.format(DAY) };
}

/** A day range with the KPI presets; days after today cannot be picked. */
export function RangeFilter({ value, onChange }: { value: DayRange; onChange(next: DayRange): void }) {
  const { t } = useT();
  const today = dayjs();
  const lastMonth = today.subtract(1, 'month');
  const presets: { label: string; value: [Dayjs, Dayjs] }[] = [
    { label: t('kpi.range.thisMonth'), value: [today.startOf('month'), today] },
    { label: t('kpi.range.lastMonth'), value: [lastMonth.startOf('month'), lastMonth.endOf('month')] },
    { label: t('kpi.range.last7'), value: [today.subtract(6, 'day'), today] },
    { label: t('kpi.range.last30'), value: [today.subtract(29, 'day'), today] },
  ];
  return (
    <DatePicker.RangePicker
      allowClear={false}
      value={[dayjs(value.from), dayjs(value.to)]}
      presets={presets}
      disabledDate={(d) => d.isAfter(today, 'day')}
      onChange={(v) => {
        if (v?.[0] && v[1]) onChange({ from: v[0].format(DAY), to: v[1].format(DAY) });
      }}
      data-testid="kpi-range"
    />
  );
}
