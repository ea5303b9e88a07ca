import { useEffect } from 'react';
import { DatePicker, Form, Input, Radio, Select, type FormInstance } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../shared/contract/limits.js';
import type { Role } from '../../../shared/roles.js';
import { useCall } from '../api/use-call.js';
import { DecisionReasonField } from './DecisionReasonField.js';
import { officeInstant, officePickerValue } from '../lib/format.js';
import { requiredText } from '../lib/rules.js';

export interface PaperDecisionValues {
  outcome: 'approved' | 'rejected';
  decidedBy: number;
  decidedAt: Dayjs;
  reason?: string;
  scanPath: string;
}

/** What the core takes for a paper decision, from the fields below. */
export function paperDecisionInput(v: PaperDecisionValues) {
  return { outcome: v.outcome, decidedBy: v.decidedBy, decidedAt: officeInstant(v.decidedAt), reason: v.reason?.trim() || undefined, scanPath: v.scanPath.trim() };
}

/**
 * The fields of a decision a leader signed on paper, as the keeper enters it (a request's
 * approval form, a destruction list): the outcome and reason as written, which leader of the
 * deciding role signed, when (not before the paper was made), and the scan of the signed page.
 */
export function PaperDecisionFields({ form, approverRole, since }: { form: FormInstance<PaperDecisionValues>; approverRole: Role; since: string }) {
  const { t } = useTranslation();
  const outcome = Form.useWatch('outcome', form) ?? 'approved';
  const accounts = useCall('accounts.list', {});
  const leaders = (accounts.data ?? []).filter((a) => a.role === approverRole && !a.disabled);
  const created = officePickerValue(since);
  const role = t(`roles.${approverRole}`);
  // With one leader of that role there is nobody else it can be.
  const only = leaders.length === 1 ? leaders[0]?.id : undefined;
  useEffect(() => {
    if (only !== undefined && form.getFieldValue('decidedBy') === undefined) form.setFieldsValue({ decidedBy: only });
  }, [only, form]);
  return (
    <>
      <Form.Item name="outcome" label={t('requests.outcome')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'approved', label: t('requests.approve') },
            { value: 'rejected', label: t('requests.reject') },
          ]}
        />
      </Form.Item>
      <Form.Item name="decidedBy" label={t('requests.paperLeader', { role })} rules={[{ required: true, message: t('requests.paperLeaderNeeded') }]}>
        <Select loading={accounts.isPending} options={leaders.map((a) => ({ value: a.id, label: a.displayName }))} notFoundContent={t('requests.paperNoLeader', { role })} placeholder={t('requests.paperLeaderPlaceholder')} data-testid="paper-leader" />
      </Form.Item>
      <Form.Item
        name="decidedAt"
        label={t('requests.paperAt')}
        rules={[
          { required: true, message: t('validation.required', { field: t('requests.paperAt') }) },
          { validator: (_r, v: Dayjs | null) => (!v || !v.isBefore(created, 'minute') ? Promise.resolve() : Promise.reject(new Error(t('requests.paperAtBefore')))) },
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" needConfirm={false} allowClear={false} style={{ width: 240 }} data-testid="paper-at" />
      </Form.Item>
      <DecisionReasonField outcome={outcome} testId="paper-reason" extra={t('requests.paperReasonHelp')} />
      <Form.Item name="scanPath" label={t('requests.paperScanPath')} extra={t('requests.paperScanHelp')} rules={requiredText(t, t('requests.paperScanPath'), LIMITS.pathMax)}>
        <Input placeholder={t('requests.paperScanPlaceholder')} data-testid="paper-scan" />
      </Form.Item>
    </>
  );
}
