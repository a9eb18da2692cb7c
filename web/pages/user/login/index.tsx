/** Sign-in: Chinese by default, language switch in view; back to where the person was headed (or home). */
import { useEffect } from 'react';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LoginBody } from '../../../../server/modules/auth/auth.schema.ts';
import { useLogin, useMe } from '../../../api/auth.ts';
import { hasStatus } from '../../../api/request.ts';
import { LocaleSwitch } from '../../../components/LocaleSwitch.tsx';
import { zodRule } from '../../../components/zodRule.ts';
import { useT } from '../../../locales/index.tsx';
import { HOME_PATH } from '../../../routes.ts';

interface Values {
  login: string;
  password: string;
}

/** Only same-site paths are followed after sign-in. */
function safeRedirect(target: string | null): string {
  return target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/login')
    ? target
    : HOME_PATH;
}

export default function LoginPage() {
  const { t } = useT();
  const me = useMe();
  const login = useLogin();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const target = safeRedirect(params.get('redirect'));

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  if (me.data) return <Navigate to={target} replace />;

  return (
    <Flex
      vertical
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: 'linear-gradient(160deg, #e6f4ff 0%, #f5f5f5 60%)' }}
    >
      <div style={{ position: 'absolute', top: 16, right: 24 }}>
        <LocaleSwitch />
      </div>
      <Flex vertical align="center" style={{ marginBottom: 24 }}>
        <Typography.Title level={2} style={{ marginBottom: 4 }}>
          <span aria-hidden>⎈ </span>
          {t('app.name')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
      </Flex>
      <Card title={t('login.title')} style={{ width: 360 }}>
        {login.isError ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message={hasStatus(login.error, 401) ? t('login.failed') : login.error.message}
          />
        ) : null}
        <Form<Values>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => login.mutate(values, { onSuccess: () => navigate(target, { replace: true }) })}
        >
          <Form.Item
            name="login"
            label={t('login.login')}
            rules={[{ required: true, message: t('form.required') }, zodRule(LoginBody.shape.login, t)]}
          >
            <Input
              prefix={<UserOutlined />}
              placeholder={t('login.loginPlaceholder')}
              autoComplete="username"
              autoFocus
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('form.required') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              placeholder={t('login.passwordPlaceholder')}
              autoComplete="current-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending}>
            {t('login.submit')}
          </Button>
        </Form>
      </Card>
    </Flex>
  );
}
