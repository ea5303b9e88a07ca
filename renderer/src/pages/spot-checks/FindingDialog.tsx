import { Alert, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { FINDING_TEXT_MAX, VERDICTS, type DrawnCaseDto, type SpotCheckDto, type Verdict } from '../../../../shared/contract/spot-checks-dto.js';
import { useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { requiredText } from '../../lib/rules.js';

/** The supervisor's finding on one drawn case: a verdict and what was found. It is added, never edited; a later one corrects. */
export function FindingDialog({ checkId, drawn, onClose, onSaved }: { checkId: number; drawn: DrawnCaseDto; onClose: () => void; onSaved: (check: SpotCheckDto) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ verdict: Verdict; text: string }>();
  const add = useCallMutation('spotChecks.addFinding', { errors: 'inline', invalidates: ['spotChecks.list'], onSuccess: onSaved });
  return (
    <Modal open width={560} title={t('spotChecks.findingTitle', { caseNo: drawn.caseNo })} okText={t('spotChecks.findingSubmit')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={add.isPending} data-testid="finding-dialog">
      {add.isError && <Alert type="error" showIcon message={errorText(t, add.error)} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ verdict: 'pass' }} onFinish={(v) => add.mutate({ id: checkId, caseId: drawn.caseId, verdict: v.verdict, text: v.text.trim() })}>
        <Form.Item name="verdict" label={t('spotChecks.verdict')}>
          <Radio.Group optionType="button" options={VERDICTS.map((v) => ({ value: v, label: t(`spotChecks.verdict_${v}`) }))} data-testid="finding-verdict" />
        </Form.Item>
        <Form.Item name="text" label={t('spotChecks.findingText')} extra={t('spotChecks.findingHelp')} rules={requiredText(t, t('spotChecks.findingText'), FINDING_TEXT_MAX)}>
          <Input.TextArea rows={4} maxLength={FINDING_TEXT_MAX} data-testid="finding-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
