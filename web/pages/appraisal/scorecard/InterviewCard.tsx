/**
 * The performance-interview note of a result (绩效面谈, SPEC APR-3): when the talk was held, what
 * was said and the actions agreed. The agent reads their own; a lead or supervisor in scope
 * records or replaces it while the cycle is reviewed or calibrated (the audit log keeps each version).
 */
import { useEffect, useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, List, Modal, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import type { CycleOut, InterviewOut } from '../../../../server/modules/appraisal/appraisal.schema.ts';
import { useInterview, usePutInterview } from '../../../api/appraisal-reviews.ts';
import type { Directory } from '../../../components/useDirectory.ts';
import { useT } from '../../../locales/index.tsx';
import { useWhen } from '../components/useWhen.ts';

interface InterviewForm {
  heldOn: Dayjs;
  summary: string;
  actions?: string;
}

function InterviewModal({
  cycle,
  personId,
  name,
  note,
  open,
  onClose,
}: {
  cycle: CycleOut;
  personId: string;
  name: string;
  note: InterviewOut | undefined;
  open: boolean;
  onClose(): void;
}) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<InterviewForm>();
  const save = usePutInterview(cycle.id, personId);
  useEffect(() => {
    if (open)
      form.setFieldsValue({
        heldOn: dayjs(note?.heldOn ?? undefined),
        summary: note?.summary ?? '',
        actions: note?.actions.join('\n') ?? '',
      });
  }, [open, note, form]);
  return (
    <Modal
      open={open}
      width={600}
      title={t('appraisal.interview.formTitle', { name })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={save.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<InterviewForm>
        form={form}
        layout="vertical"
        data-testid="interview-form"
        onFinish={(v) =>
          save.mutate(
            {
              heldOn: v.heldOn.format('YYYY-MM-DD'),
              summary: v.summary.trim(),
              actions: (v.actions ?? '')
                .split('\n')
                .map((a) => a.trim())
                .filter(Boolean),
            },
            {
              onSuccess: () => {
                void message.success(t('appraisal.interview.saved'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="heldOn"
          label={t('appraisal.interview.heldOn')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="summary"
          label={t('appraisal.interview.summary')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { max: 5000, message: t('form.tooLong', { max: 5000 }) },
          ]}
        >
          <Input.TextArea rows={4} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item
          name="actions"
          label={t('appraisal.interview.actions')}
          extra={t('appraisal.interview.actionsHelp')}
          rules={[
            {
              validator: async (_r, text?: string) => {
                const lines = (text ?? '').split('\n').filter((l) => l.trim());
                if (lines.length > 20) throw new Error(t('appraisal.interview.tooManyActions'));
                if (lines.some((l) => l.trim().length > 500)) throw new Error(t('form.tooLong', { max: 500 }));
              },
            },
          ]}
        >
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function InterviewCard({
  cycle,
  personId,
  name,
  canRecord,
  dir,
}: {
  cycle: CycleOut;
  personId: string;
  name: string;
  canRecord: boolean;
  dir: Directory;
}) {
  const { t } = useT();
  const when = useWhen();
  const note = useInterview(cycle.id, personId);
  const [open, setOpen] = useState(false);
  const n = note.data;
  return (
    <Card
      size="small"
      title={t('appraisal.interview.title')}
      data-testid="interview-card"
      extra={
        canRecord ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setOpen(true)} data-testid="interview-record">
            {t(n ? 'appraisal.interview.edit' : 'appraisal.interview.record')}
          </Button>
        ) : null
      }
    >
      {n ? (
        <>
          <Typography.Paragraph>
            <Typography.Text strong>{n.heldOn}</Typography.Text>
            {' · '}
            <span style={{ whiteSpace: 'pre-wrap' }}>{n.summary}</span>
          </Typography.Paragraph>
          {n.actions.length ? (
            <List
              size="small"
              header={<Typography.Text type="secondary">{t('appraisal.interview.actions')}</Typography.Text>}
              dataSource={n.actions}
              renderItem={(a, i) => <List.Item>{`${i + 1}. ${a}`}</List.Item>}
            />
          ) : null}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('appraisal.interview.recordedBy', {
              who: n.recordedByName ?? dir.person(n.recordedBy)?.name ?? t('appraisal.history.someone'),
              at: when(n.updatedAt),
            })}
          </Typography.Text>
        </>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('appraisal.interview.none')} />
      )}
      <InterviewModal
        cycle={cycle}
        personId={personId}
        name={name}
        note={n}
        open={open}
        onClose={() => setOpen(false)}
      />
    </Card>
  );
}
