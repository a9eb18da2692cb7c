/** The weekly report's settings (QA managers): flag share, failure items listed, QA-score target. */
import { Form, InputNumber } from 'antd';
import { useMemo } from 'react';
import type { WeeklySettings } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { useSaveWeeklySettings } from '../../../api/qa-weekly.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../locales/index.tsx';

type Values = { flagPct: number; topItems: number; scoreTarget: number };

/** Edits the report's settings; the flag share is typed as a percentage. */
export function SettingsModal({ open, settings, onDone }: { open: boolean; settings: WeeklySettings; onDone(): void }) {
  const { t } = useT();
  const save = useSaveWeeklySettings();
  const initial = useMemo(
    () => ({
      flagPct: Math.round(settings.flagShare * 1000) / 10,
      topItems: settings.topItems,
      scoreTarget: settings.scoreTarget,
    }),
    [settings],
  );
  return (
    <FormModal<Values>
      open={open}
      title={t('qaWeekly.settings')}
      initialValues={initial}
      saving={save.isPending}
      onCancel={onDone}
      onSubmit={(v) =>
        save.mutate(
          { flagShare: v.flagPct / 100, topItems: v.topItems, scoreTarget: v.scoreTarget },
          { onSuccess: onDone },
        )
      }
    >
      <Form.Item
        name="flagPct"
        label={t('qaWeekly.settings.flagShare')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <InputNumber min={0} max={99.9} step={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="topItems"
        label={t('qaWeekly.settings.topItems')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <InputNumber min={1} max={100} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item
        name="scoreTarget"
        label={t('qaWeekly.settings.scoreTarget')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <InputNumber min={0} max={200} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}
