/**
 * The cycle a per-cycle page (calibration, bonus sheet) shows, kept in the URL (`?cycle=`) so
 * the view can be shared; without one, the newest cycle in the most relevant state.
 */
import { Select, Space } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { CycleState } from '../../../../domain/appraisal/index.ts';
import type { CycleOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useT } from '../../../locales/index.tsx';
import { StateTag } from './tags.tsx';

/** The cycles worth picking (in `states`) and the one picked. */
export function useCyclePick(
  cycles: CycleOut[] | undefined,
  states: readonly CycleState[],
): { options: CycleOut[]; cycle: CycleOut | undefined; pick(id: string): void } {
  const [params, setParams] = useSearchParams();
  const options = (cycles ?? []).filter((c) => states.includes(c.state));
  const wanted = params.get('cycle');
  // cycles come newest first; prefer the earliest state in `states` (e.g. calibration before finalised)
  const fallback = states.map((s) => options.find((c) => c.state === s)).find(Boolean);
  const cycle = options.find((c) => c.id === wanted) ?? fallback;
  const pick = (id: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('cycle', id);
        return next;
      },
      { replace: true },
    );
  return { options, cycle, pick };
}

export function CyclePicker({
  options,
  cycle,
  pick,
}: {
  options: CycleOut[];
  cycle: CycleOut | undefined;
  pick(id: string): void;
}) {
  const { t } = useT();
  return (
    <Select
      style={{ minWidth: 320 }}
      placeholder={t('appraisal.pickCycle')}
      value={cycle?.id}
      onChange={pick}
      data-testid="cycle-picker"
      options={options.map((c) => ({
        value: c.id,
        label: (
          <Space size={4}>
            <span>{c.name}</span>
            <StateTag state={c.state} />
          </Space>
        ),
      }))}
    />
  );
}
