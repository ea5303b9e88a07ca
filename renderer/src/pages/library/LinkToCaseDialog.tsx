import { useState } from 'react';
import { Alert, App as AntApp, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { linkNeedsReason } from '../../../../shared/rules/case-number.js';
import { errorText } from '../../lib/errors.js';
import { EvidenceFactsFields, factsFromForm, type FactsForm } from '../../components/EvidenceFactsFields.js';
import { useCall, useCallMutation } from '../../api/use-call.js';

interface LinkForm extends FactsForm {
  caseId: number;
  role: 'evidence' | 'other';
  reason?: string;
}

/**
 * Links the selected recordings to a case in one go. As evidence they share one written
 * description (取证人员, 取证时间, 取证地点, what they show); the collectors default to the case's handlers.
 */
export function LinkToCaseDialog({ recordIds, onClose }: { recordIds: number[]; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<LinkForm>();
  const [search, setSearch] = useState('');
  const cases = useCall('cases.list', { text: search.trim() || undefined, limit: 50 });
  const role = Form.useWatch('role', form) ?? 'evidence';
  const caseId = Form.useWatch('caseId', form);
  const chosen = cases.data?.cases.find((c) => c.id === caseId);
  const link = useCallMutation('cases.link', {
    invalidates: ['cases.list'],
    errors: 'inline',
    onSuccess: (c) => {
      void message.success(t('cases.linkedMessage', { count: recordIds.length, caseNo: c.caseNo }));
      onClose();
    },
  });
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });
  return (
    <Modal open width={640} title={t('cases.linkTitle', { count: recordIds.length })} okText={t('cases.link')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={link.isPending}>
      {link.isError && <Alert type="error" showIcon message={errorText(t, link.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<LinkForm> form={form} layout="vertical" initialValues={{ role: 'evidence', collectors: [] }} onFinish={(v) => link.mutate({ caseId: v.caseId, recordIds, role: v.role, facts: v.role === 'evidence' ? factsFromForm(v) : undefined, reason: v.reason?.trim() || undefined })}>
        <Form.Item name="caseId" label={t('cases.case')} rules={[{ required: true, message: t('validation.required', { field: t('cases.case') }) }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={setSearch}
            loading={cases.isFetching}
            options={(cases.data?.cases ?? []).map((c) => ({ value: c.id, label: `${c.caseNo} · ${c.cause}` }))}
            onChange={(id: number) => {
              const c = cases.data?.cases.find((x) => x.id === id);
              if (c && (form.getFieldValue('collectors') as string[]).length === 0) form.setFieldValue('collectors', c.handlers.map((h) => h.name));
            }}
            data-testid="link-case"
          />
        </Form.Item>
        <Form.Item name="role" label={t('cases.role')}>
          <Radio.Group options={[{ value: 'evidence', label: t('cases.role_evidence') }, { value: 'other', label: t('cases.role_other') }]} />
        </Form.Item>
        {role === 'evidence' && <EvidenceFactsFields />}
        {chosen && linkNeedsReason(chosen.status) && (
          <Form.Item name="reason" label={t('cases.closedReason')} rules={[required(t('cases.closedReason')), { max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
