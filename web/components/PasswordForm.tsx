/** Change my password: current, new (≥ 8 characters, as the server requires), and a confirmation. */
import { Button, Form, Input, App } from 'antd';
import { PasswordChangeBody } from '../../server/modules/auth/auth.schema.ts';
import { useChangePassword } from '../api/auth.ts';
import { useT } from '../locales/index.tsx';
import { zodRule } from './zodRule.ts';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

export function PasswordForm({ onDone }: { onDone?: () => void }) {
  const { t } = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      style={{ maxWidth: 400 }}
      onFinish={(v) =>
        change.mutate(
          { currentPassword: v.currentPassword, newPassword: v.newPassword },
          {
            onSuccess: () => {
              void message.success(t('password.changed'));
              form.resetFields();
              onDone?.();
            },
          },
        )
      }
    >
      <Form.Item
        name="currentPassword"
        label={t('password.current')}
        rules={[{ required: true, message: t('form.required') }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        name="newPassword"
        label={t('password.new')}
        extra={t('password.help')}
        rules={[{ required: true, message: t('form.required') }, zodRule(PasswordChangeBody.shape.newPassword, t)]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('password.confirm')}
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('form.required') },
          ({ getFieldValue }) => ({
            validator: async (_r, value: string) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error(t('password.mismatch'));
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={change.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}
