import { useEffect } from 'react';
import { Alert, DatePicker, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract/limits.js';
import type { RequestDto } from '../../../../shared/contract/requests-dto.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { officeInstant, officeNowPicker, officePickerValue } from '../../lib/format.js';
import { requiredText } from '../../lib/rules.js';

interface Values {
  outcome: 'approved' | 'rejected';
  decidedBy: number;
  decidedAt: Dayjs;
  reason?: string;
  scanPath: string;
}

/**
 * A decision the leader signed on the printed form, entered by the keeper: who decided (a leader
 * of the role the rule names), when, the outcome and reason as written, and the scan of the signed
 * form, which the core keeps write-once beside the evidence.
 */
export function PaperDecisionDialog({ request: r, onClose }: { request: RequestDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form) ?? 'approved';
  const accounts = useCall('accounts.list', {});
  const leaders = (accounts.data ?? []).filter((a) => a.role === r.approverRole && !a.disabled);
  const record = useCallMutation('requests.recordPaperDecision', { announce: true, invalidates: ['requests.list', 'requests.get'], onSuccess: onClose, errors: 'inline' });
  const created = officePickerValue(r.createdAt);
  // With one leader of that role there is nobody else it can be.
  const only = leaders.length === 1 ? leaders[0]?.id : undefined;
  useEffect(() => {
    if (only !== undefined && form.getFieldValue('decidedBy') === undefined) form.setFieldsValue({ decidedBy: only });
  }, [only, form]);
  return (
    <Modal
      open
      width={640}
      title={t('requests.paperTitle', { number: r.number })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={record.isPending}
      data-testid="paper-dialog"
    >
      <Typography.Paragraph type="secondary">{t('requests.paperHelp', { role: t(`roles.${r.approverRole}`) })}</Typography.Paragraph>
      {record.isError && <Alert type="error" showIcon message={errorText(t, record.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'approved', decidedAt: officeNowPicker() }}
        onFinish={(v) =>
          record.mutate({ id: r.id, outcome: v.outcome, decidedBy: v.decidedBy, decidedAt: officeInstant(v.decidedAt), reason: v.reason?.trim() || undefined, scanPath: v.scanPath.trim() })
        }
      >
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
        <Form.Item name="decidedBy" label={t('requests.paperLeader', { role: t(`roles.${r.approverRole}`) })} rules={[{ required: true, message: t('requests.paperLeaderNeeded') }]}>
          <Select
            loading={accounts.isPending}
            options={leaders.map((a) => ({ value: a.id, label: a.displayName }))}
            notFoundContent={t('requests.paperNoLeader', { role: t(`roles.${r.approverRole}`) })}
            placeholder={t('requests.paperLeaderPlaceholder')}
            data-testid="paper-leader"
          />
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
        <Form.Item
          name="reason"
          label={outcome === 'rejected' ? t('requests.rejectReason') : t('requests.remarkOptional')}
          extra={t('requests.paperReasonHelp')}
          rules={outcome === 'rejected' ? [{ required: true, whitespace: true, message: t('requests.rejectReasonNeeded') }, { max: 500 }] : [{ max: 500 }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="paper-reason" />
        </Form.Item>
        <Form.Item name="scanPath" label={t('requests.paperScanPath')} extra={t('requests.paperScanHelp')} rules={requiredText(t, t('requests.paperScanPath'), LIMITS.pathMax)}>
          <Input placeholder={t('requests.paperScanPlaceholder')} data-testid="paper-scan" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
