import { useState } from 'react';
import { Alert, App as AntApp, Button, Divider, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { SystemStatus } from '../../../../shared/contract/dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { call } from '../../api/client.js';
import { AuthFrame } from '../../components/AuthFrame.js';
import { errorText } from '../../lib/errors.js';
import { confirmRules, passwordRules, requiredText, unitCodeRules, usernameRules } from '../../lib/rules.js';

interface SetupForm {
  officeName: string;
  unitCode: string;
  username: string;
  displayName: string;
  password: string;
  confirm: string;
  storeDir?: string;
}

/** First run on an empty data folder: the office profile and the first (administrator) account. */
export function SetupPage({ status }: { status: SystemStatus }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(v: SetupForm) {
    setBusy(true);
    setError(null);
    try {
      await call('system.setup', {
        officeName: v.officeName,
        unitCode: v.unitCode,
        admin: { username: v.username, displayName: v.displayName, password: v.password },
        storeDir: v.storeDir?.trim() ? v.storeDir.trim() : undefined,
      });
      void message.success(t('setup.done'));
      await queryClient.invalidateQueries({ queryKey: ['system.status'] });
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthFrame title={t('setup.title')} width={560}>
      <Typography.Paragraph>{t('setup.intro')}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {t('setup.dataDir')}: <Typography.Text code>{status.dataDir}</Typography.Text>
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<SetupForm> layout="vertical" onFinish={(v) => void submit(v)} disabled={busy}>
        <Divider titlePlacement="start">{t('setup.office')}</Divider>
        <Form.Item name="officeName" label={t('setup.officeName')} rules={requiredText(t, t('setup.officeName'), LIMITS.officeNameMax)}>
          <Input placeholder={t('setup.officeNamePlaceholder')} />
        </Form.Item>
        <Form.Item name="unitCode" label={t('setup.unitCode')} extra={t('setup.unitCodeHelp')} rules={unitCodeRules(t)}>
          <Input />
        </Form.Item>
        <Form.Item name="storeDir" label={t('setup.storeDir')} extra={t('setup.storeDirHelp')} rules={[{ max: LIMITS.pathMax }]}>
          <Input placeholder={`${status.dataDir}/store`} />
        </Form.Item>
        <Divider titlePlacement="start">{t('setup.admin')}</Divider>
        <Form.Item name="username" label={t('setup.username')} extra={t('setup.usernameHelp')} rules={usernameRules(t)}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="displayName" label={t('setup.displayName')} rules={requiredText(t, t('setup.displayName'), LIMITS.displayNameMax)}>
          <Input />
        </Form.Item>
        <Form.Item name="password" label={t('setup.password')} rules={passwordRules(t, (get) => String(get('username') ?? ''))} hasFeedback>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="confirm" label={t('setup.passwordConfirm')} dependencies={['password']} rules={confirmRules(t, 'password')} hasFeedback>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('setup.submit')}
        </Button>
      </Form>
    </AuthFrame>
  );
}
