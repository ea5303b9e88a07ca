import { Alert, Form, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { DestructionListDto } from '../../../../shared/contract/destruction-dto.js';
import { useCallMutation } from '../../api/use-call.js';
import { DecisionReasonField } from '../../components/DecisionReasonField.js';
import { errorText } from '../../lib/errors.js';
import { WitnessField } from './WitnessField.js';

interface Values {
  outcome: 'approved' | 'rejected';
  reason?: string;
  witnessId?: number;
}

/**
 * The responsible leader decides a destruction list once: approves it (naming, when the office
 * wants one, the second witness 监销人 who will watch it carried out) or rejects it with a reason.
 */
export function DecideListDialog({ list, account, onClose }: { list: DestructionListDto; account: AccountDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form) ?? 'approved';
  const decide = useCallMutation('destruction.decide', { announce: true, errors: 'inline', invalidates: ['destruction.list', 'destruction.get', 'retention.review'], onSuccess: onClose });
  return (
    <Modal open width={600} title={t('retention.decideTitle', { number: list.number })} okText={t('common.confirm')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={decide.isPending} data-testid="decide-list-dialog">
      <Typography.Paragraph type="secondary">{t('retention.decideHelp', { count: list.items.length, by: list.proposedBy })}</Typography.Paragraph>
      {decide.isError && <Alert type="error" showIcon message={errorText(t, decide.error)} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" initialValues={{ outcome: 'approved' }} onFinish={(v) => decide.mutate({ id: list.id, outcome: v.outcome, reason: v.reason?.trim() || undefined, witnessId: v.outcome === 'approved' ? v.witnessId : undefined })}>
        <Form.Item name="outcome">
          <Radio.Group optionType="button" buttonStyle="solid" options={[{ value: 'approved', label: t('retention.approve') }, { value: 'rejected', label: t('retention.reject') }]} data-testid="decide-list-outcome" />
        </Form.Item>
        {outcome === 'approved' && <WitnessField excluded={[account.id, list.proposedById]} />}
        <DecisionReasonField outcome={outcome} testId="decide-list-reason" />
      </Form>
    </Modal>
  );
}
