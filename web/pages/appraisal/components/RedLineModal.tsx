/**
 * Recording a red-line violation (高压线, SPEC APR-6) from a scorecard or a cycle page: who, which
 * kind, on what date, what happened. It voids the period's bonus whatever the score; by default it
 * counts in every cycle whose period holds the date, or only in this cycle when tied to it.
 */
import { useMemo } from 'react';
import { Alert, App, Checkbox, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { RED_LINE_KINDS, RED_LINE_NAMES, type RedLineKind } from '../../../../domain/appraisal/index.ts';
import type { CycleOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useRecordRedLine } from '../../../api/appraisal-reviews.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../locales/index.tsx';
import type { Agent } from './EntryModals.tsx';
import { bi } from './text.ts';
import { orgToday, useOrgTimeZone } from '../../../components/orgTime.ts';

interface RedLineForm {
  personId: string;
  kind: RedLineKind;
  onDate: Dayjs;
  note: string;
  tie: boolean;
}

/** The organisation's today when it falls in the cycle's period, else the period's last day. */
function defaultDay(cycle: CycleOut, today: string): Dayjs {
  const day = today < cycle.periodFrom || today > cycle.periodTo ? cycle.periodTo : today;
  return dayjs(day);
}

export function RedLineModal({
  cycle,
  agents,
  personId,
  open,
  onClose,
}: {
  cycle: CycleOut;
  agents: Agent[];
  personId?: string;
  open: boolean;
  onClose(): void;
}) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const timeZone = useOrgTimeZone();
  const record = useRecordRedLine();

  const initial = useMemo(
    () => ({
      personId: personId ?? (agents.length === 1 ? agents[0].id : undefined),
      onDate: defaultDay(cycle, orgToday(timeZone)),
      note: '',
      tie: false,
    }),
    [personId, agents, cycle, timeZone],
  );

  return (
    <FormModal<RedLineForm>
      open={open}
      title={`${t('appraisal.redLine.title')} · ${cycle.name}`}
      okText={t('appraisal.redLine.ok')}
      okButtonProps={{ danger: true }}
      initialValues={initial}
      saving={record.isPending}
      onCancel={onClose}
      formProps={{ 'data-testid': 'redline-form' }}
      onSubmit={(v) =>
        record.mutate(
          {
            personId: v.personId,
            kind: v.kind,
            onDate: v.onDate.format('YYYY-MM-DD'),
            note: v.note.trim() || undefined,
            cycleId: v.tie ? cycle.id : undefined,
          },
          {
            onSuccess: () => {
              void message.success(t('appraisal.redLine.done'));
              onClose();
            },
          },
        )
      }
    >
      <Alert type="warning" showIcon message={t('appraisal.redLine.warning')} style={{ marginBottom: 16 }} />
      <Form.Item name="personId" label={t('appraisal.agent')} rules={[{ required: true, message: t('form.required') }]}>
        <Select
          showSearch
          disabled={Boolean(personId)}
          optionFilterProp="label"
          options={agents.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
      <Form.Item
        name="kind"
        label={t('appraisal.redLine.kind')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Select
          data-testid="redline-kind"
          options={RED_LINE_KINDS.map((k) => ({ value: k, label: bi(RED_LINE_NAMES[k], locale) }))}
        />
      </Form.Item>
      <Form.Item
        name="onDate"
        label={t('appraisal.redLine.date')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('appraisal.redLine.note')}
        rules={[
          { required: true, whitespace: true, message: t('appraisal.redLine.noteRequired') },
          { max: 2000, message: t('form.tooLong', { max: 2000 }) },
        ]}
      >
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item name="tie" valuePropName="checked" extra={t('appraisal.redLine.tieHelp')}>
        <Checkbox>{t('appraisal.redLine.tie')}</Checkbox>
      </Form.Item>
    </FormModal>
  );
}
