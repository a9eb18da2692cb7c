/** Entering one customer's survey answer: satisfied yes/no, an optional 1–5 rating (4–5 is satisfied) and a comment. */
import { useMemo } from 'react';
import { App, Form, Input, Radio, Rate } from 'antd';
import type { SurveyOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useSurveyAnswers } from '../../../api/appraisal-reviews.ts';
import { FormModal } from '../../../components/FormModal.tsx';
import { useT } from '../../../locales/index.tsx';

export type SurveyCustomer = SurveyOut['agents'][number]['customers'][number];

export interface Answering {
  personId: string;
  personName: string;
  customer: SurveyCustomer;
}

interface AnswerForm {
  satisfied: boolean;
  csat?: number;
  comment?: string;
}

export function AnswerModal({ cycleId, item, onClose }: { cycleId: string; item: Answering | null; onClose(): void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<AnswerForm>();
  const save = useSurveyAnswers(cycleId);
  const answer = item?.customer.answer;

  const initial = useMemo(
    () => ({
      satisfied: answer?.satisfied ?? true,
      csat: answer?.csat ?? undefined,
      comment: answer?.comment ?? undefined,
    }),
    [item, answer],
  );

  return (
    <FormModal<AnswerForm>
      open={item !== null}
      title={t('appraisal.survey.enterTitle', {
        name: item?.personName ?? '',
        customer: item?.customer.customerId ?? '',
      })}
      initialValues={initial}
      saving={save.isPending}
      onCancel={onClose}
      form={form}
      formProps={{
        'data-testid': 'survey-answer-form',
        onValuesChange: (changed: Partial<AnswerForm>) => {
          // a rating decides satisfaction (4–5 satisfied); the server refuses a mismatch
          if (changed.csat) form.setFieldsValue({ satisfied: changed.csat >= 4 });
        },
      }}
      onSubmit={(v) =>
        item &&
        save.mutate(
          [
            {
              personId: item.personId,
              ref: item.customer.ref,
              satisfied: v.satisfied,
              ...(v.csat ? { csat: v.csat } : {}),
              ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}),
            },
          ],
          {
            onSuccess: () => {
              void message.success(t('common.saved'));
              onClose();
            },
          },
        )
      }
    >
      <Form.Item name="csat" label={t('appraisal.survey.csatLabel')}>
        <Rate allowClear />
      </Form.Item>
      <Form.Item
        name="satisfied"
        label={t('appraisal.survey.satisfiedLabel')}
        dependencies={['csat']}
        rules={[
          { required: true, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: async (_r, satisfied?: boolean) => {
              const csat = getFieldValue('csat') as number | undefined;
              if (csat && satisfied !== csat >= 4) throw new Error(t('appraisal.survey.mismatch'));
            },
          }),
        ]}
      >
        <Radio.Group
          optionType="button"
          options={[
            { value: true, label: t('appraisal.survey.yes') },
            { value: false, label: t('appraisal.survey.no') },
          ]}
        />
      </Form.Item>
      <Form.Item name="comment" label={t('appraisal.comment')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={3} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}
