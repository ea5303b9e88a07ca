import { Alert, App as AntApp, Form, Input, Modal } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetailDto, CaseLinkDto } from '../../../../shared/contract/cases-dto.js';
import { linkNeedsReason } from '../../../../shared/rules/case-number.js';
import { errorText } from '../../lib/errors.js';
import { EvidenceFactsFields, factsFromForm, formFromFacts, type FactsForm } from '../../components/EvidenceFactsFields.js';
import { useCallMutation, callKey } from '../../api/use-call.js';

/**
 * One written description for several of a case's links at once: a correction, or the facts for
 * material that turns out to be evidence. Each link changed is its own event with old and new.
 */
export function EditFactsDialog({ kase, links, onClose }: { kase: CaseDetailDto; links: CaseLinkDto[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FactsForm & { reason?: string }>();
  const facts = links.map((l) => l.facts);
  const same = facts.every((f) => JSON.stringify(f) === JSON.stringify(facts[0]));
  const first = facts[0];
  const initial = same && first ? formFromFacts(first) : { collectors: kase.handlers.map((h) => h.name) };
  const becomeEvidence = links.filter((l) => l.role === 'other').length;
  const save = useCallMutation('cases.link', {
    invalidates: ['cases.list'],
    errors: 'inline',
    onSuccess: (c) => {
      queryClient.setQueryData(callKey('cases.get', { id: kase.id }), c);
      void message.success(t('cases.factsSaved', { count: links.length }));
      onClose();
    },
  });
  return (
    <Modal open width={640} title={t('cases.editFactsTitle', { count: links.length })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending}>
      {save.isError && <Alert type="error" showIcon message={errorText(t, save.error)} style={{ marginBottom: 16 }} role="alert" />}
      {!same && <Alert type="info" showIcon message={t('cases.factsDiffer')} style={{ marginBottom: 16 }} />}
      {becomeEvidence > 0 && <Alert type="warning" showIcon message={t('cases.becomeEvidence', { count: becomeEvidence })} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(v: FactsForm & { reason?: string }) =>
          save.mutate({ caseId: kase.id, recordIds: links.map((l) => l.recordId), role: 'evidence', facts: factsFromForm(v), reason: v.reason?.trim() || undefined })
        }>
        <EvidenceFactsFields />
        {linkNeedsReason(kase.status) && (
          <Form.Item name="reason" label={t('cases.closedReason')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('cases.closedReason') }) }, { max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
