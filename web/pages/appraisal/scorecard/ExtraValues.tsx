/** Hand-entered items outside the scheme (adopted suggestions, AOV uplift, repeat guidance) with who entered them, when. */
import { Space, Typography } from 'antd';
import type { IndicatorUnit } from '../../../../domain/appraisal/index.ts';
import type { ValueOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useT, type MessageKey } from '../../../locales/index.tsx';
import { ADOPTED_SUGGESTIONS } from '../components/cycle.ts';
import { valueText } from '../components/text.ts';
import { useWhen } from '../components/useWhen.ts';

/** The items appraisal.compute reads outside the scheme (EXTRA_ITEMS), with their unit and name. */
const EXTRA: Readonly<Record<string, { unit: IndicatorUnit; label: MessageKey }>> = {
  [ADOPTED_SUGGESTIONS]: { unit: 'count', label: 'appraisal.entry.adopted' },
  aov_uplift: { unit: 'ratio', label: 'appraisal.entry.aovUplift' },
  repeat_guidance_lift: { unit: 'ratio', label: 'appraisal.entry.repeatGuidance' },
};

export function ExtraValues({ values }: { values: ValueOut[] }) {
  const { t, locale } = useT();
  const when = useWhen();
  return (
    <Space direction="vertical" size={2} data-testid="extra-values">
      <Typography.Text type="secondary">{t('appraisal.why.extraItems')}</Typography.Text>
      {values.map((v) => {
        const item = EXTRA[v.itemId];
        return (
          <span key={v.itemId}>
            {`${item ? t(item.label) : v.itemId}: `}
            {t('appraisal.why.entered', {
              value: item ? valueText(item.unit, v.value, locale) : String(v.value),
              who: v.enteredByName ?? t('appraisal.history.someone'),
              at: when(v.enteredAt),
            })}
          </span>
        );
      })}
    </Space>
  );
}
