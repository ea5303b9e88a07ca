import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Select, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordDto } from '../../../../shared/contract/records-dto.js';
import { errorText } from '../../lib/errors.js';
import { useCall, useCallMutation } from '../../api/use-call.js';

/** Whose recording it is and how that was decided; the keeper can decide or correct it. */
export function OfficerCell({ record, canAssign }: { record: RecordDto; canAssign: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Space size={4}>
      {record.officer && <Tooltip title={t(`library.source_${record.officer.source}`)}>{record.officer.name}</Tooltip>}
      {canAssign && (
        <Button size="small" type="link" onClick={() => setOpen(true)}>
          {t('library.assignOfficer')}
        </Button>
      )}
      {open && <AssignOfficerDialog record={{ id: record.id, name: record.originalName, officerId: record.officer?.id }} onClose={() => setOpen(false)} />}
    </Space>
  );
}

/** The keeper decides whose recording it is; the library and a disc plan (an unattributed record blocks a disc) both use it. */
export function AssignOfficerDialog({ record, onClose }: { record: { id: number; name: string; officerId?: number }; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ officerId: number; note?: string }>();
  const accounts = useCall('accounts.list', {});
  const save = useCallMutation('records.assignOfficer', { announce: true, invalidates: ['records.list', 'discs.plan'], onSuccess: onClose, errors: 'inline' });
  const options = (accounts.data ?? []).filter((a) => !a.disabled).map((a) => ({ value: a.id, label: `${a.displayName}${a.officerNo ? `（${a.officerNo}）` : ''}` }));
  return (
    <Modal open title={`${t('library.assignTitle')} · ${record.name}`} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending}>
      {save.isError && <Alert type="error" showIcon message={errorText(t, save.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ officerId: record.officerId }} onFinish={(v: { officerId: number; note?: string }) => save.mutate({ recordId: record.id, officerId: v.officerId, note: v.note?.trim() || undefined })}>
        <Form.Item name="officerId" label={t('library.officerCol')} extra={t('library.assignHelp')} rules={[{ required: true, message: t('validation.required', { field: t('library.officerCol') }) }]}>
          <Select showSearch optionFilterProp="label" options={options} loading={accounts.isPending} />
        </Form.Item>
        <Form.Item name="note" label={t('library.assignNote')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
