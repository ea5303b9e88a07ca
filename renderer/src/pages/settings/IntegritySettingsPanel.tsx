import { Form, InputNumber, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IntegritySettings } from '../../../../shared/contract/dto.js';
import { useSettingsPanel } from './use-settings-panel.js';
import { SaveButton } from './SaveButton.js';

/** How often the scheduled rotation re-hashes the whole store. */
export function IntegritySettingsPanel() {
  const { t } = useTranslation();
  const { settings, save } = useSettingsPanel();
  if (!settings.data) return <Spin />;
  return (
    <Form<IntegritySettings> layout="vertical" initialValues={settings.data.integrity} onFinish={(v) => save.mutate({ integrity: v })} style={{ maxWidth: 560 }}>
      <Form.Item name="rotationDays" label={t('settings.rotationDays')} extra={t('settings.rotationDaysHelp')} rules={[{ required: true }]}>
        <InputNumber min={1} max={365} precision={0} addonAfter={t('settings.dayUnit')} />
      </Form.Item>
      <SaveButton saving={save.isPending} />
    </Form>
  );
}
