/** Mark someone active, on leave or left from a date, with a note; the change is appended to their history. */
import { useEffect } from 'react';
import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { STATUSES, type Status } from '../../../../domain/org.ts';
import type { Person } from '../../../../server/modules/people/people.schema.ts';
import { useChangeStatus } from '../../../api/people.ts';
import { useT } from '../../../locales/index.tsx';

interface Values {
  status: Status;
  date: Dayjs;
  note?: string;
}

export function StatusModal({ person, open, onClose }: { person: Person; open: boolean; onClose(): void }) {
  const { t, label } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangeStatus(person.id);

  useEffect(() => {
    if (open)
      form.setFieldsValue({
        status: person.status === 'active' ? 'on_leave' : 'active',
        date: dayjs(),
        note: undefined,
      });
  }, [open, person.status, form]);

  return (
    <Modal
      open={open}
      title={`${t('people.changeStatus')} · ${person.name}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={change.isPending}
      onCancel={onClose}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          change.mutate(
            { status: v.status, date: v.date.format('YYYY-MM-DD'), note: v.note?.trim() || undefined },
            {
              onSuccess: () => {
                void message.success(t('people.statusChanged'));
                onClose();
              },
            },
          )
        }
      >
        <Form.Item
          name="status"
          label={t('people.status')}
          rules={[
            { required: true, message: t('form.required') },
            {
              validator: async (_r, v: Status) => {
                if (v === person.status) throw new Error(t('people.statusSame'));
              },
            },
          ]}
        >
          <Select options={STATUSES.map((s) => ({ value: s, label: label('status', s) }))} />
        </Form.Item>
        <Form.Item name="date" label={t('people.statusDate')} rules={[{ required: true, message: t('form.required') }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('people.statusNote')}
          rules={[{ max: 500, message: t('form.tooLong', { max: 500 }) }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
