/** A create/edit dialog around an antd Form: validates, then hands the values to `onSubmit`. */
import { useEffect, type ReactNode } from 'react';
import { Form, Modal, type FormInstance, type FormProps, type ModalProps } from 'antd';
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
  /** a form the caller made (to watch or set fields); one of its own otherwise */
  form?: FormInstance<V>;
  /** the confirm button's text; "Save" when not given */
  okText?: ReactNode;
  okButtonProps?: ModalProps['okButtonProps'];
  /** more for the Form, e.g. a data-testid or onValuesChange */
  formProps?: Omit<FormProps<V>, 'form' | 'layout' | 'preserve' | 'children' | 'onFinish'> & {
    'data-testid'?: string;
  };
}

export function FormModal<V extends object>({
  open,
  title,
  initialValues,
  saving,
  onCancel,
  onSubmit,
  children,
  form: given,
  okText,
  okButtonProps,
  formProps,
}: Props<V>) {
  const { t } = useT();
  // useForm hands back the given form when there is one
  const [form] = Form.useForm<V>(given);
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
      okText={okText ?? t('common.save')}
      okButtonProps={okButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={onCancel}
      onOk={() => {
        form.validateFields().then(onSubmit, () => undefined);
      }}
      forceRender
    >
      <Form<V> {...formProps} form={form} layout="vertical" preserve={false}>
        {children}
      </Form>
    </Modal>
  );
}
