import { Alert, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestDto } from '../../../../shared/contract/requests-dto.js';
import { useCallMutation } from '../../api/use-call.js';
import { PaperDecisionFields, paperDecisionInput, type PaperDecisionValues } from '../../components/PaperDecisionFields.js';
import { errorText } from '../../lib/errors.js';
import { officeNowPicker } from '../../lib/format.js';

/**
 * A decision the leader signed on the printed form, entered by the keeper: who decided (a leader
 * of the role the rule names), when, the outcome and reason as written, and the scan of the signed
 * form, which the core keeps write-once beside the evidence.
 */
export function PaperDecisionDialog({ request: r, onClose }: { request: RequestDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PaperDecisionValues>();
  const record = useCallMutation('requests.recordPaperDecision', { announce: true, invalidates: ['requests.list', 'requests.get'], onSuccess: onClose, errors: 'inline' });
  return (
    <Modal open width={640} title={t('requests.paperTitle', { number: r.number })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={record.isPending} data-testid="paper-dialog">
      <Typography.Paragraph type="secondary">{t('requests.paperHelp', { role: t(`roles.${r.approverRole}`) })}</Typography.Paragraph>
      {record.isError && <Alert type="error" showIcon message={errorText(t, record.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<PaperDecisionValues> form={form} layout="vertical" initialValues={{ outcome: 'approved', decidedAt: officeNowPicker() }} onFinish={(v) => record.mutate({ id: r.id, ...paperDecisionInput(v) })}>
        <PaperDecisionFields form={form} approverRole={r.approverRole} since={r.createdAt} />
      </Form>
    </Modal>
  );
}
