import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DestructionListDto } from '../../../../shared/contract/destruction-dto.js';
import { useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { requiredText } from '../../lib/rules.js';

/** The keeper puts the chosen expired records on a destruction list, with the reason; a leader decides it. */
export function ProposeDialog({ recordIds, onClose, onProposed }: { recordIds: number[]; onClose: () => void; onProposed: (list: DestructionListDto) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const propose = useCallMutation('destruction.propose', { errors: 'inline', invalidates: ['retention.review', 'destruction.list'], onSuccess: onProposed });
  return (
    <Modal open width={560} title={t('retention.proposeTitle', { count: recordIds.length })} okText={t('retention.proposeSubmit')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={propose.isPending} data-testid="propose-dialog">
      <Typography.Paragraph type="secondary">{t('retention.proposeHelp')}</Typography.Paragraph>
      {propose.isError && <Alert type="error" showIcon message={errorText(t, propose.error)} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ reason: t('retention.proposeReasonDefault') }} onFinish={(v) => propose.mutate({ recordIds, reason: v.reason.trim() })}>
        <Form.Item name="reason" label={t('retention.proposeReason')} rules={requiredText(t, t('retention.proposeReason'), 500)}>
          <Input.TextArea rows={3} maxLength={500} data-testid="propose-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
