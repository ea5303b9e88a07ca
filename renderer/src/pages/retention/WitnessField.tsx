import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call.js';

/**
 * The second witness (监销人) named when a destruction list is approved: a third person, neither
 * the keeper who proposed it nor the leader who approved it. Required when the office's retention
 * settings say so; the core refuses an approval without one either way.
 */
export function WitnessField({ excluded }: { excluded: readonly number[] }) {
  const { t } = useTranslation();
  const accounts = useCall('accounts.list', {});
  const required = useCall('retention.policy', {}).data?.witnessRequired ?? false;
  const people = (accounts.data ?? []).filter((a) => !a.disabled && !excluded.includes(a.id));
  return (
    <Form.Item name="witnessId" label={t('retention.witness')} extra={t(required ? 'retention.witnessRequiredHelp' : 'retention.witnessHelp')} rules={required ? [{ required: true, message: t('retention.witnessNeeded') }] : []}>
      <Select allowClear loading={accounts.isPending} options={people.map((a) => ({ value: a.id, label: `${a.displayName}（${t(`roles.${a.role}`)}）` }))} data-testid="list-witness" />
    </Form.Item>
  );
}
