import { App as AntApp, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { call } from '../../api/client.js';
import { errorText } from '../../lib/errors.js';
import { confirmRules, passwordRules } from '../../lib/rules.js';

interface PasswordForm {
  oldPassword: string;
  newPassword: string;
  confirm: string;
}

export function MyAccountPanel({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PasswordForm>();
  async function submit(v: PasswordForm) {
    try {
      await call('auth.changePassword', { oldPassword: v.oldPassword, newPassword: v.newPassword });
      form.resetFields();
      void message.success(t('accounts.passwordChanged'));
    } catch (err) {
      void message.error(errorText(t, err));
    }
  }
  return (
    <Form form={form} layout="vertical" style={{ maxWidth: 400 }} onFinish={(v) => void submit(v)}>
      <Form.Item name="oldPassword" label={t('accounts.oldPassword')} rules={[{ required: true, message: t('validation.required', { field: t('accounts.oldPassword') }) }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item name="newPassword" label={t('accounts.newPassword')} rules={passwordRules(t, () => account.username)}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item name="confirm" label={t('setup.passwordConfirm')} dependencies={['newPassword']} rules={confirmRules(t, 'newPassword')}>
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit">
        {t('shell.changePassword')}
      </Button>
    </Form>
  );
}
