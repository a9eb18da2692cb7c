/** "No data in this period", with the days that do have figures and a way to jump to the latest of them. */
import type { ReactNode } from 'react';
import { Button, Empty, Space, Typography } from 'antd';
import { useKpiDataRange } from '../../../api/kpi.ts';
import { useT } from '../../../locales/index.tsx';
import type { DayRange } from './RangeFilter.tsx';

const DAY_MS = 86_400_000;

/** The last 30 days that have figures (or fewer, if the data is shorter). */
function latestMonth(first: string, last: string): DayRange {
  const from = new Date(Date.parse(`${last}T00:00:00Z`) - 29 * DAY_MS).toISOString().slice(0, 10);
  return { from: from < first ? first : from, to: last };
}

export function EmptyPeriod({
  description,
  onJump,
  extra,
}: {
  description: string;
  onJump(range: DayRange): void;
  extra?: ReactNode;
}) {
  const { t } = useT();
  const range = useKpiDataRange();
  const { first, last } = range.data ?? { first: null, last: null };
  return (
    <Empty
      description={
        <Space direction="vertical" size={4}>
          <span>{description}</span>
          {first && last ? (
            <>
              <Typography.Text type="secondary">{t('kpi.dataRange', { first, last })}</Typography.Text>
              <Button size="small" onClick={() => onJump(latestMonth(first, last))} data-testid="kpi-jump">
                {t('kpi.dataRange.jump')}
              </Button>
            </>
          ) : range.data ? (
            <Typography.Text type="secondary">{t('kpi.dataRange.none')}</Typography.Text>
          ) : null}
          {extra}
        </Space>
      }
    />
  );
}
