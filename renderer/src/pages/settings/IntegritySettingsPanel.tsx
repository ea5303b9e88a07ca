import { Alert, Form, InputNumber, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto, IntegritySettings } from '../../../../shared/contract/dto.js';
import { useSettingsPanel } from './use-settings-panel.js';
import { SaveButton } from './SaveButton.js';

/** How often the scheduled rotation re-hashes the whole store. */
export function IntegritySettingsPanel({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const { settings, save, editable } = useSettingsPanel(account);
  if (!settings.data) return <Spin />;
  return (
    <Form<IntegritySettings> layout="vertical" initialValues={settings.data.integrity} disabled={!editable} onFinish={(v) => save.mutate({ integrity: v })} style={{ maxWidth: 560 }}>
      {!editable && <Alert type="info" showIcon message={t('settings.adminOnly')} style={{ marginBottom: 16 }} />}
      <Form.Item name="rotationDays" label={t('settings.rotationDays')} extra={t('settings.rotationDaysHelp')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} precision={0} addonAfter={t('settings.dayUnit')} />
      </Form.Item>
      <SaveButton editable={editable} saving={save.isPending} />
    </Form>
  );
}
