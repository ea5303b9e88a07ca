import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * The reason under a leader's decision: required when rejecting (the asker reads it), an optional
 * remark when approving. One field for every decision, in the app or entered from paper.
 */
export function DecisionReasonField({ outcome, testId, extra, placeholder }: { outcome: 'approved' | 'rejected'; testId: string; extra?: string; placeholder?: string }) {
  const { t } = useTranslation();
  const rejecting = outcome === 'rejected';
  return (
    <Form.Item
      name="reason"
      label={rejecting ? t('requests.rejectReason') : t('requests.remarkOptional')}
      extra={extra}
      rules={rejecting ? [{ required: true, whitespace: true, message: t('requests.rejectReasonNeeded') }, { max: 500 }] : [{ max: 500 }]}
    >
      <Input.TextArea rows={3} maxLength={500} placeholder={rejecting ? placeholder : undefined} data-testid={testId} />
    </Form.Item>
  );
}
