import { Divider, Form, Input, InputNumber, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OfficeDto, SecuritySettings } from '../../../../shared/contract/dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { requiredText, unitCodeRules } from '../../lib/rules.js';
import { useSettingsPanel } from './use-settings-panel.js';
import { SaveButton } from './SaveButton.js';

export function OfficePanel() {
  const { t } = useTranslation();
  const { settings, save } = useSettingsPanel();
  if (!settings.data) return <Spin />;
  return (
    <Form layout="vertical" style={{ maxWidth: 480 }} initialValues={settings.data} onFinish={(v: { office: OfficeDto; security: SecuritySettings }) => save.mutate({ office: v.office, security: v.security })}>
      <Form.Item name={['office', 'name']} label={t('setup.officeName')} rules={requiredText(t, t('setup.officeName'), LIMITS.officeNameMax)}>
        <Input />
      </Form.Item>
      <Form.Item name={['office', 'unitCode']} label={t('setup.unitCode')} rules={unitCodeRules(t)}>
        <Input />
      </Form.Item>
      <Form.Item label={t('settings.storeDir')}>
        <Typography.Text code>{settings.data.storeDir}</Typography.Text>
      </Form.Item>
      <Divider titlePlacement="start">{t('settings.security')}</Divider>
      <Form.Item name={['security', 'sessionIdleMinutes']} label={t('settings.idle')} rules={[{ required: true }]}>
        <InputNumber min={1} max={480} precision={0} />
      </Form.Item>
      <Form.Item name={['security', 'lockoutThreshold']} label={t('settings.lockoutThreshold')} rules={[{ required: true }]}>
        <InputNumber min={3} max={20} precision={0} />
      </Form.Item>
      <Form.Item name={['security', 'lockoutMinutes']} label={t('settings.lockoutMinutes')} rules={[{ required: true }]}>
        <InputNumber min={1} max={1440} precision={0} />
      </Form.Item>
      <SaveButton saving={save.isPending} />
    </Form>
  );
}
