/** Choose an ISO week: a list of recent weeks with their days, and a step back or forward. */
import { Button, Select, Space } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { addWeeks, isoWeekRange } from '../../../../domain/qa/weekly.ts';
import { useT } from '../../../locales/index.tsx';
import { currentWeek, recentWeeks } from './format.ts';

/** The week selector: recent weeks with their dates, previous and next. */
export function WeekPicker({ week, onChange }: { week: string; onChange(week: string): void }) {
  const { t } = useT();
  const weeks = recentWeeks();
  if (!weeks.includes(week)) weeks.push(week);
  const label = (w: string) => {
    const r = isoWeekRange(w)!;
    return t('qaWeekly.weekLabel', { week: w, from: r.from.slice(5), to: r.to.slice(5) });
  };
  return (
    <Space.Compact>
      <Button icon={<LeftOutlined />} aria-label={t('qaWeekly.prev')} onClick={() => onChange(addWeeks(week, -1))} />
      <Select
        value={week}
        onChange={onChange}
        style={{ width: 240 }}
        aria-label={t('qaWeekly.week')}
        data-testid="qa-weekly-week"
        options={weeks.map((w) => ({ value: w, label: label(w) }))}
      />
      <Button
        icon={<RightOutlined />}
        aria-label={t('qaWeekly.next')}
        disabled={week >= currentWeek()}
        onClick={() => onChange(addWeeks(week, 1))}
      />
    </Space.Compact>
  );
}
