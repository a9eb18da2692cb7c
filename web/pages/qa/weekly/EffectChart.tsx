/** An improvement action's effect: its category's share of complaints from the flagged week on. */
import { useMemo } from 'react';
import type { TrackedAction } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { Chart } from '../../../components/charts/Chart.tsx';
import { useT } from '../../../locales/index.tsx';
import { effectOption } from './charts.ts';
import { pctValue } from './format.ts';

/** A small line of the action category's weekly share against the flag share. */
export function EffectChart({ action, flagShare }: { action: TrackedAction; flagShare: number }) {
  const { t } = useT();
  const option = useMemo(
    () =>
      effectOption(
        action.effect.map((e) => e.week),
        action.effect.map((e) => pctValue(e.share)),
        pctValue(flagShare) ?? 0,
        t(`qaWeekly.category.${action.category}`),
      ),
    [action, flagShare, t],
  );
  return <Chart option={option} height={120} ariaLabel={t('qaWeekly.actions.effect')} />;
}
