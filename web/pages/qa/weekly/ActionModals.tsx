/** Raise, edit and close an improvement action (QA managers): description, owner in scope, due date, outcome. */
import { App, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { ComplaintCategory } from '../../../../domain/qa/complaints.ts';
import { isoWeekRange } from '../../../../domain/qa/weekly.ts';
import { ActionCreate, type TrackedAction } from '../../../../server/modules/qa/qa.weekly.schema.ts';
import { useCloseAction, useCreateAction, useUpdateAction } from '../../../api/qa-weekly.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useDirectory } from '../../../components/useDirectory.ts';
import { zodRule } from '../../../components/zodRule.ts';
import { useT } from '../../../locales/index.tsx';

interface ActionValues {
  description: string;
  ownerId: string;
  dueDate: Dayjs;
}

function ActionFields({ week }: { week: string }) {
  const { t } = useT();
  const dir = useDirectory();
  const owners = dir.people
    .filter((p) => p.status !== 'left')
    .map((p) => ({ value: p.id, label: `${p.name} (${p.login})` }));
  const monday = isoWeekRange(week)?.from;
  return (
    <>
      <Form.Item
        name="description"
        label={t('qaWeekly.actions.description')}
        rules={[{ required: true, message: t('form.required') }, zodRule(ActionCreate.shape.description, t)]}
      >
        <Input.TextArea rows={3} maxLength={2000} data-testid="qa-weekly-action-description" />
      </Form.Item>
      <Form.Item
        name="ownerId"
        label={t('qaWeekly.actions.owner')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Select
          showSearch
          optionFilterProp="label"
          options={owners}
          loading={dir.loading}
          data-testid="qa-weekly-action-owner"
        />
      </Form.Item>
      <Form.Item
        name="dueDate"
        label={t('qaWeekly.actions.due')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => (monday ? d.format('YYYY-MM-DD') < monday : false)}
          data-testid="qa-weekly-action-due"
        />
      </Form.Item>
    </>
  );
}

/** A new action on a category flagged in `week`. */
export function CreateActionModal({
  target,
  onDone,
}: {
  target: { category: ComplaintCategory; week: string } | null;
  onDone(): void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const create = useCreateAction();
  const initial = useMemo(() => ({ dueDate: dayjs().add(14, 'day') }), []);
  return (
    <FormModal<ActionValues>
      open={target !== null}
      title={
        target
          ? t('qaWeekly.actions.createTitle', {
              category: t(`qaWeekly.category.${target.category}`),
              week: target.week,
            })
          : ''
      }
      initialValues={initial}
      saving={create.isPending}
      onCancel={onDone}
      onSubmit={(v) => {
        if (!target || target.category === 'other') return;
        create.mutate(
          {
            category: target.category,
            week: target.week,
            description: v.description,
            ownerId: v.ownerId,
            dueDate: v.dueDate.format('YYYY-MM-DD'),
          },
          {
            onSuccess: () => {
              void message.success(t('common.created'));
              onDone();
            },
          },
        );
      }}
    >
      {target ? <ActionFields week={target.week} /> : null}
    </FormModal>
  );
}

/** Changes an open action's description, owner or due date. */
export function EditActionModal({ action, onDone }: { action: TrackedAction | null; onDone(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const update = useUpdateAction();
  const initial = useMemo(
    () =>
      action ? { description: action.description, ownerId: action.ownerId, dueDate: dayjs(action.dueDate) } : undefined,
    [action],
  );
  return (
    <FormModal<ActionValues>
      open={action !== null}
      title={t('qaWeekly.actions.editTitle')}
      initialValues={initial}
      saving={update.isPending}
      onCancel={onDone}
      onSubmit={(v) => {
        if (!action) return;
        update.mutate(
          {
            id: action.id,
            body: { description: v.description, ownerId: v.ownerId, dueDate: v.dueDate.format('YYYY-MM-DD') },
          },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onDone();
            },
          },
        );
      }}
    >
      {action ? <ActionFields week={action.week} /> : null}
    </FormModal>
  );
}

/** Closes an action (done) with what it achieved. */
export function CloseActionModal({ action, onDone }: { action: TrackedAction | null; onDone(): void }) {
  const { t } = useT();
  const close = useCloseAction();
  return (
    <FormModal<{ outcome?: string }>
      open={action !== null}
      title={t('qaWeekly.actions.closeTitle')}
      saving={close.isPending}
      onCancel={onDone}
      onSubmit={(v) => {
        if (action) close.mutate({ id: action.id, body: { outcome: v.outcome } }, { onSuccess: onDone });
      }}
    >
      <Form.Item name="outcome" label={t('qaWeekly.actions.outcome')}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
