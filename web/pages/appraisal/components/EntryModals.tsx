/**
 * The forms that feed a cycle while it collects data and is reviewed: a hand-entered value
 * (QA score, utilisation, adopted suggestions…) and a review form (self or supervisor, 0–100).
 * Values are typed as people read them (90 for 90 %) and sent in the stored unit; the value
 * entered so far (who, when) is shown, since a new entry replaces it.
 */
import { useMemo } from 'react';
import { App, Form, Input, InputNumber, Select } from 'antd';
import { fromDisplay } from '../../../../domain/appraisal/index.ts';
import type { CycleOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useSubmitReview, useSubmitValue, useValues } from '../../../api/appraisal.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../locales/index.tsx';
import { bi, valueText } from './text.ts';
import { useWhen } from './useWhen.ts';
import type { HandEnteredItem } from './cycle.ts';

export interface Agent {
  id: string;
  name: string;
}

interface ValueForm {
  personId: string;
  itemId: string;
  value: number;
  comment?: string;
}

export function ValueModal({
  cycle,
  items,
  agents,
  open,
  personId,
  onClose,
}: {
  cycle: CycleOut;
  items: HandEnteredItem[];
  agents: Agent[];
  open: boolean;
  personId?: string;
  onClose(): void;
}) {
  const { t, locale } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<ValueForm>();
  const submit = useSubmitValue(cycle.id);
  const itemId = Form.useWatch('itemId', form);
  const chosen = Form.useWatch('personId', form);
  const item = useMemo(() => items.find((i) => i.id === itemId), [items, itemId]);
  const when = useWhen();
  // the value entered so far, so a second entry knowingly replaces it
  const current = useValues(open ? cycle.id : undefined, open ? chosen : undefined).data?.find(
    (v) => v.itemId === itemId,
  );
  const currentText =
    chosen && item
      ? current
        ? t('appraisal.entry.current', {
            value: valueText(item.unit, current.value, locale),
            who: current.enteredByName ?? t('appraisal.history.someone'),
            at: when(current.enteredAt),
          })
        : t('appraisal.entry.currentNone')
      : undefined;

  const initial = useMemo(() => ({ personId, itemId: items[0]?.id }), [personId, items]);

  const itemLabel = (i: HandEnteredItem) => (i.label ? bi(i.label, locale) : t('appraisal.entry.adopted'));
  return (
    <FormModal<ValueForm>
      open={open}
      title={`${t('appraisal.entry.value')} · ${cycle.name}`}
      initialValues={initial}
      saving={submit.isPending}
      onCancel={onClose}
      form={form}
      formProps={{ 'data-testid': 'value-form' }}
      onSubmit={(v) =>
        submit.mutate(
          {
            personId: v.personId,
            itemId: v.itemId,
            value: fromDisplay(item?.unit ?? 'count', v.value),
            comment: v.comment?.trim() || undefined,
          },
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
          },
        )
      }
    >
      <Form.Item name="personId" label={t('appraisal.agent')} rules={[{ required: true, message: t('form.required') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={agents.map((a) => ({ value: a.id, label: a.name }))}
          data-testid="value-person"
        />
      </Form.Item>
      <Form.Item
        name="itemId"
        label={t('appraisal.indicator')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Select options={items.map((i) => ({ value: i.id, label: itemLabel(i) }))} data-testid="value-item" />
      </Form.Item>
      <Form.Item
        name="value"
        label={t('appraisal.value')}
        rules={[{ required: true, message: t('form.required') }]}
        extra={
          <>
            {currentText ? <div data-testid="value-current">{currentText}</div> : null}
            {item?.unit === 'ratio' ? <div>{t('appraisal.entry.ratioHint')}</div> : null}
          </>
        }
      >
        <InputNumber
          min={0}
          max={item?.unit === 'ratio' ? 100 : undefined}
          style={{ width: '100%' }}
          addonAfter={item ? t(`appraisal.unit.${item.unit}`) : undefined}
          data-testid="value-input"
        />
      </Form.Item>
      <Form.Item name="comment" label={t('appraisal.comment')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}

interface ReviewForm {
  personId: string;
  value: number;
  comment?: string;
}

/** A supervisor review of an agent in scope, or the agent's own self-review (`agents` is just them). */
export function ReviewModal({
  cycle,
  kind,
  agents,
  open,
  personId,
  onClose,
}: {
  cycle: CycleOut;
  kind: 'self' | 'supervisor';
  agents: Agent[];
  open: boolean;
  personId?: string;
  onClose(): void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const submit = useSubmitReview(cycle.id);

  const initial = useMemo(
    () => ({ personId: personId ?? (agents.length === 1 ? agents[0].id : undefined) }),
    [personId, agents],
  );

  return (
    <FormModal<ReviewForm>
      open={open}
      title={`${t(`appraisal.review.${kind}`)} · ${cycle.name}`}
      okText={t('appraisal.review.submit')}
      initialValues={initial}
      saving={submit.isPending}
      onCancel={onClose}
      onSubmit={(v) =>
        submit.mutate(
          { personId: v.personId, kind, value: v.value, comment: v.comment?.trim() || undefined },
          {
            onSuccess: () => {
              void message.success(t('appraisal.review.done'));
              onClose();
            },
          },
        )
      }
    >
      <Form.Item name="personId" label={t('appraisal.agent')} rules={[{ required: true, message: t('form.required') }]}>
        <Select
          showSearch
          disabled={kind === 'self'}
          optionFilterProp="label"
          options={agents.map((a) => ({ value: a.id, label: a.name }))}
        />
      </Form.Item>
      <Form.Item
        name="value"
        label={t('appraisal.review.score')}
        rules={[{ required: true, message: t('form.required') }]}
        extra={t(`appraisal.review.${kind}.hint`)}
      >
        <InputNumber min={0} max={100} style={{ width: '100%' }} addonAfter={t('appraisal.unit.score')} />
      </Form.Item>
      <Form.Item name="comment" label={t('appraisal.comment')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
