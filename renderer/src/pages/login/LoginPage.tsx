import { useState } from 'react';
import { Alert, Button, Form, Input, Table, Typography } from 'antd';
import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { SystemStatus } from '../../../../shared/contract/dto.js';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../../shared/demo-accounts.js';
import { useSession } from '../../app/session.js';
import { AuthFrame } from '../../components/AuthFrame.js';
import { errorText } from '../../lib/errors.js';

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage({ status }: { status: SystemStatus }) {
  const { t } = useTranslation();
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<LoginForm>();

  async function submit(values: LoginForm) {
    setBusy(true);
    setError(null);
    try {
      await session.login(values.username, values.password);
    } catch (err) {
      setError(errorText(t, err));
      form.setFieldValue('password', '');
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={`${t('login.title')} · ${status.office?.name ?? ''}`}>
      {session.signedOutBecause === 'SESSION_EXPIRED' && !error && <Alert type="info" showIcon message={t('login.expired')} style={{ marginBottom: 16 }} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" data-testid="login-error" />}
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false} disabled={busy}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, message: t('validation.required', { field: t('login.username') }) }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus maxLength={64} />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('validation.required', { field: t('login.password') }) }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('login.submit')}
        </Button>
      </Form>
      {status.demo && (
        <>
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            {t('login.demo', { password: DEMO_PASSWORD })}
          </Typography.Paragraph>
          <Table
            size="small"
            pagination={false}
            rowKey="username"
            dataSource={[...DEMO_ACCOUNTS]}
            onRow={(a) => ({ onClick: () => form.setFieldsValue({ username: a.username, password: DEMO_PASSWORD }), style: { cursor: 'pointer' } })}
            columns={[
              { dataIndex: 'username', title: t('login.username') },
              { dataIndex: 'displayName', title: t('accounts.displayName') },
              { dataIndex: 'role', title: t('accounts.role'), render: (r: string) => t(`roles.${r}`) },
            ]}
          />
        </>
      )}
    </AuthFrame>
  );
}
