import { Alert, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DestructionListDto } from '../../../../shared/contract/destruction-dto.js';
import { useCallMutation } from '../../api/use-call.js';
import { PaperDecisionFields, paperDecisionInput, type PaperDecisionValues } from '../../components/PaperDecisionFields.js';
import { errorText } from '../../lib/errors.js';
import { officeNowPicker } from '../../lib/format.js';
import { WitnessField } from './WitnessField.js';

/** The responsible leader signed the printed list: the keeper enters that decision, the witness named on it, and the scan. */
export function PaperListDialog({ list, onClose }: { list: DestructionListDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PaperDecisionValues & { witnessId?: number }>();
  const outcome = Form.useWatch('outcome', form) ?? 'approved';
  const decidedBy = Form.useWatch('decidedBy', form);
  const record = useCallMutation('destruction.recordPaperDecision', { announce: true, errors: 'inline', invalidates: ['destruction.list', 'destruction.get', 'retention.review'], onSuccess: onClose });
  return (
    <Modal open width={640} title={t('retention.paperTitle', { number: list.number })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={record.isPending} data-testid="paper-list-dialog">
      <Typography.Paragraph type="secondary">{t('retention.paperHelp')}</Typography.Paragraph>
      {record.isError && <Alert type="error" showIcon message={errorText(t, record.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<PaperDecisionValues & { witnessId?: number }> form={form} layout="vertical" initialValues={{ outcome: 'approved', decidedAt: officeNowPicker() }} onFinish={(v) => record.mutate({ id: list.id, ...paperDecisionInput(v), witnessId: v.outcome === 'approved' ? v.witnessId : undefined })}>
        <PaperDecisionFields form={form} approverRole="responsible_leader" since={list.proposedAt} />
        {outcome === 'approved' && <WitnessField excluded={[list.proposedById, ...(decidedBy === undefined ? [] : [decidedBy])]} />}
      </Form>
    </Modal>
  );
}
