/** A create/edit dialog around an antd Form: validates, then hands the values to `onSubmit`. */
import { useEffect, type ReactNode } from 'react';
import { Form, Modal } from 'antd';
import { useT } from '../locales/index.tsx';

interface Props<V> {
  open: boolean;
  title: ReactNode;
  /** the values to edit; empty for a new record */
  initialValues?: Partial<V>;
  saving: boolean;
  onCancel(): void;
  onSubmit(values: V): void;
  children: ReactNode;
}

export function FormModal<V extends object>({
  open,
  title,
  initialValues,
  saving,
  onCancel,
  onSubmit,
  children,
}: Props<V>) {
  const { t } = useT();
  const [form] = Form.useForm<V>();
  useEffect(() => {
    if (open) {
      form.resetFields();
      if (initialValues) form.setFieldsValue(initialValues as Parameters<typeof form.setFieldsValue>[0]);
    }
  }, [open, initialValues, form]);
  return (
    <Modal
      open={open}
      title={title}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => {
        form.validateFields().then(onSubmit, () => undefined);
      }}
      forceRender
    >
      <Form<V> form={form} layout="vertical" preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
