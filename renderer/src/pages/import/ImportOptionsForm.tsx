import { AutoComplete, Checkbox, Flex, Form, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportOptions } from '../../../../shared/contract/records-dto.js';
import { useCall } from '../../api/use-call.js';

export type ImportOptionsValue = Omit<ImportOptions, 'clearDevice'> & { clearDevice: boolean };

/** Whose recordings and which camera, for files whose names don't say; and whether to empty the camera afterwards. */
export function ImportOptionsForm({ value, onChange, disabled }: { value: ImportOptionsValue; onChange: (v: ImportOptionsValue) => void; disabled: boolean }) {
  const { t } = useTranslation();
  const accounts = useCall('accounts.list', {});
  const devices = useCall('devices.list', {});
  const officers = (accounts.data ?? []).filter((a) => !a.disabled).map((a) => ({ value: a.id, label: `${a.displayName}${a.officerNo ? `（${a.officerNo}）` : ''}` }));
  const cameras = (devices.data ?? []).filter((d) => !d.retired).map((d) => ({ value: d.deviceNo, label: `${d.deviceNo}${d.officerName ? ` · ${d.officerName}` : ''}` }));
  return (
    <Form layout="vertical" disabled={disabled} component="div">
      <Flex gap={16} wrap>
        <Form.Item label={t('importer.officer')} extra={t('importer.officerHelp')} style={{ width: 280 }}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={officers}
            value={value.officerId}
            onChange={(officerId?: number) => onChange({ ...value, officerId })}
            placeholder={t('importer.fromNames')}
            data-testid="import-officer"
          />
        </Form.Item>
        <Form.Item label={t('importer.device')} extra={t('importer.deviceHelp')} style={{ width: 280 }}>
          <AutoComplete
            allowClear
            options={cameras}
            value={value.deviceNo}
            onChange={(deviceNo?: string) => onChange({ ...value, deviceNo: deviceNo?.trim() || undefined })}
            placeholder={t('importer.fromNames')}
            filterOption={(input, option) => String(option?.value ?? '').toLowerCase().includes(input.toLowerCase())}
            data-testid="import-device"
          />
        </Form.Item>
      </Flex>
      <Checkbox checked={value.clearDevice} onChange={(e) => onChange({ ...value, clearDevice: e.target.checked })} data-testid="import-clear">
        {t('importer.clearDevice')}
      </Checkbox>
      <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>
        {t('importer.clearDeviceHelp')}
      </Typography.Paragraph>
    </Form>
  );
}
