/** 登录: branding on the left, the form on the right; the server's own message is shown on failure. */
import { GlobalOutlined, LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { isApiError } from '../../api/client';
import { useLogin, useMe } from '../../api/me';
import { LogoMark } from '../../components/logo';
import { currentLang, setLang } from '../../i18n';
import { BrandPanel } from './brand-panel';

type Values = { username: string; password: string };

function loginError(err: unknown, t: ReturnType<typeof useTranslation>['t']): string {
  if (!isApiError(err)) return err instanceof Error ? err.message : String(err);
  const minutes = (err.details as { retryAfterMinutes?: number } | null)?.retryAfterMinutes;
  return err.code === 'auth.locked' && minutes
    ? err.message + t('login.retryAfter', { minutes })
    : err.message;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  const login = useLogin();
  const [error, setError] = useState<string | null>(null);
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const notice = (location.state as { notice?: string } | null)?.notice;

  if (me.data) return <Navigate to={from} replace />;

  const submit = (v: Values) => {
    setError(null);
    login.mutate(v, {
      onSuccess: () => navigate(from.startsWith('/login') ? '/' : from, { replace: true }),
      onError: (err) => setError(loginError(err, t)),
    });
  };

  return (
    <Flex style={{ minHeight: '100vh', background: '#f0f4fa' }}>
      <BrandPanel />
      <Flex vertical justify="center" align="center" style={{ flex: 1, padding: 24 }}>
        <Card
          style={{ width: 400, boxShadow: '0 8px 24px rgba(22,86,214,.10)' }}
          styles={{ body: { padding: 36 } }}
        >
          <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
            <LogoMark size={40} />
            <div>
              <Typography.Title level={3} style={{ margin: 0 }}>
                {t('app.fullName')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('login.subtitle')}</Typography.Text>
            </div>
          </Flex>
          <Typography.Title level={5} style={{ margin: '24px 0 16px' }}>
            {t('login.title')}
          </Typography.Title>
          {(error ?? notice) && (
            <Alert
              type={error ? 'error' : 'warning'}
              showIcon
              title={error ?? notice}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form<Values>
            layout="vertical"
            size="large"
            onFinish={submit}
            requiredMark={false}
            autoComplete="on"
          >
            <Form.Item name="username" rules={[{ required: true, message: t('login.usernameRequired') }]}>
              <Input
                prefix={<UserOutlined />}
                placeholder={t('login.username')}
                autoComplete="username"
                autoFocus
              />
            </Form.Item>
            <Form.Item name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password
                prefix={<LockOutlined />}
                placeholder={t('login.password')}
                autoComplete="current-password"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending}>
              {t('login.submit')}
            </Button>
          </Form>
          <Flex justify="space-between" align="center" style={{ marginTop: 20 }}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('login.hint')}
            </Typography.Text>
            <Button
              type="link"
              size="small"
              icon={<GlobalOutlined />}
              onClick={() => void setLang(currentLang() === 'en-US' ? 'zh-CN' : 'en-US')}
            >
              {t('header.language')}
            </Button>
          </Flex>
        </Card>
      </Flex>
    </Flex>
  );
}
