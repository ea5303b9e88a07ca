import { Alert, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { MANUAL_HOLD_KINDS } from '../../../../shared/contract/retention-dto.js';
import { useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { requiredText } from '../../lib/rules.js';

type Kind = (typeof MANUAL_HOLD_KINDS)[number];

/** A hold set by hand (litigation, review, complaint…), with the reason written down: it stops the clock until lifted. */
export function HoldDialog({ record, onClose }: { record: { recordId: number; name: string }; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ kind: Kind; reason: string }>();
  const hold = useCallMutation('retention.hold', { announce: true, errors: 'inline', invalidates: ['retention.review', 'retention.holds', 'retention.warnings', 'retention.record'], onSuccess: onClose });
  return (
    <Modal open title={t('retention.holdTitle', { name: record.name })} okText={t('retention.holdSubmit')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={hold.isPending} data-testid="hold-dialog">
      {hold.isError && <Alert type="error" showIcon message={errorText(t, hold.error)} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ kind: 'review' }} onFinish={(v) => hold.mutate({ recordId: record.recordId, kind: v.kind, reason: v.reason.trim() })}>
        <Form.Item name="kind" label={t('retention.holdKind')}>
          <Select options={MANUAL_HOLD_KINDS.map((k) => ({ value: k, label: t(`retention.hold_${k}`) }))} data-testid="hold-kind" />
        </Form.Item>
        <Form.Item name="reason" label={t('retention.holdReason')} rules={requiredText(t, t('retention.holdReason'), 500)}>
          <Input.TextArea rows={3} maxLength={500} placeholder={t('retention.holdReasonPlaceholder')} data-testid="hold-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
