import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, type AuditAction } from '../../../../shared/audit-actions.js';
import type { AccountDto } from '../../../../shared/contract/dto.js';

export interface AuditFilterValues {
  range?: [Dayjs | null, Dayjs | null] | null;
  action?: AuditAction;
  actorId?: number;
  text?: string;
}

export function AuditFilters({ accounts, onChange }: { accounts: AccountDto[]; onChange: (v: AuditFilterValues) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AuditFilterValues>();
  return (
    <Form form={form} layout="inline" onFinish={onChange} style={{ rowGap: 8 }}>
      <Form.Item name="range" label={t('audit.range')}>
        <DatePicker.RangePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowEmpty={[true, true]} />
      </Form.Item>
      <Form.Item name="action" label={t('audit.actionFilter')}>
        <Select allowClear style={{ width: 160 }} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`actions.${a}`) }))} />
      </Form.Item>
      <Form.Item name="actorId" label={t('audit.actorFilter')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 160 }}
          options={accounts.map((a) => ({ value: a.id, label: `${a.displayName} (${a.username})` }))}
        />
      </Form.Item>
      <Form.Item name="text" label={t('audit.text')}>
        <Input allowClear maxLength={200} style={{ width: 160 }} />
      </Form.Item>
      <Space>
        <Button type="primary" htmlType="submit">
          {t('common.search')}
        </Button>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common.reset')}
        </Button>
      </Space>
    </Form>
  );
}
