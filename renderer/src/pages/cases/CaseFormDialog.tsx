import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetailDto, CaseFields, PartyDto } from '../../../../shared/contract/cases-dto.js';
import { CASE_KINDS, CASE_STATUSES } from '../../../../shared/rules/case-number.js';
import { call } from '../../api/client.js';
import { errorText } from '../../lib/errors.js';
import { callKey, useCall } from '../../api/use-call.js';

const DAY = 'YYYY-MM-DD';
const DATES = ['filedOn', 'decidedOn', 'closedOn', 'archivedOn'] as const;

type FormValues = Omit<CaseFields, (typeof DATES)[number]> & Record<(typeof DATES)[number], Dayjs | null>;

function toForm(c: CaseFields): FormValues {
  return { ...c, filedOn: c.filedOn ? dayjs(c.filedOn) : null, decidedOn: c.decidedOn ? dayjs(c.decidedOn) : null, closedOn: c.closedOn ? dayjs(c.closedOn) : null, archivedOn: c.archivedOn ? dayjs(c.archivedOn) : null };
}

function fromForm(v: FormValues): CaseFields {
  const day = (d: Dayjs | null | undefined) => (d ? d.format(DAY) : null);
  return {
    ...v,
    parties: v.parties.map((p: PartyDto) => ({ kind: p.kind, name: p.name, idType: p.idType ?? '', idNumber: p.idNumber ?? '', contact: p.contact ?? '' })),
    filedOn: day(v.filedOn),
    decidedOn: day(v.decidedOn),
    closedOn: day(v.closedOn),
    archivedOn: day(v.archivedOn),
  };
}

const EMPTY: CaseFields = {
  caseNo: '',
  kind: 'penalty',
  cause: '',
  parties: [{ kind: 'person', name: '', idType: '居民身份证', idNumber: '', contact: '' }],
  handlerIds: [],
  filedOn: null,
  decidedOn: null,
  closedOn: null,
  archivedOn: null,
  status: 'open',
};

/** New case, or an edit of one as loaded (its version travels with the change). */
export function CaseFormDialog({ existing, onClose, onSaved }: { existing: CaseDetailDto | null; onClose: () => void; onSaved: (c: CaseDetailDto) => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const accounts = useCall('accounts.list', {});
  const save = useMutation({
    mutationFn: (v: FormValues) => (existing ? call('cases.update', { id: existing.id, version: existing.version, fields: fromForm(v) }) : call('cases.create', { fields: fromForm(v) })),
    onSuccess: (c) => {
      void queryClient.invalidateQueries({ queryKey: ['cases.list'] });
      void queryClient.invalidateQueries({ queryKey: callKey('cases.get', { id: c.id }) });
      onSaved(c);
    },
  });
  const officers = (accounts.data ?? []).filter((a) => !a.disabled && a.role === 'officer').map((a) => ({ value: a.id, label: `${a.displayName}${a.officerNo ? `（${a.officerNo}）` : ''}` }));
  const required = (field: string) => ({ required: true, whitespace: true, message: t('validation.required', { field }) });
  return (
    <Modal open width={760} title={existing ? `${t('cases.edit')} · ${existing.caseNo}` : t('cases.create')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending}>
      {save.isError && <Alert type="error" showIcon message={errorText(t, save.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<FormValues> form={form} layout="vertical" initialValues={toForm(existing ?? EMPTY)} onFinish={(v) => save.mutate(v)}>
        <Flex gap={16}>
          <Form.Item name="caseNo" label={t('cases.caseNo')} rules={[required(t('cases.caseNo'))]} extra={t('cases.caseNoHelp')} style={{ flex: 2 }}>
            <Input placeholder="峡综执罚〔2026〕12号" />
          </Form.Item>
          <Form.Item name="kind" label={t('cases.kind')} style={{ flex: 1 }}>
            <Select options={CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kind_${k}`) }))} />
          </Form.Item>
          <Form.Item name="status" label={t('cases.status')} style={{ flex: 1 }}>
            <Select options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status_${s}`) }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="cause" label={t('cases.cause')} rules={[required(t('cases.cause')), { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item
          name="handlerIds"
          label={t('cases.handlers')}
          extra={t('cases.handlersHelp')}
          rules={[{ validator: (_r, v: number[] | undefined) => (new Set(v ?? []).size >= 2 ? Promise.resolve() : Promise.reject(new Error(t('cases.twoHandlers')))) }]}
        >
          <Select mode="multiple" options={officers} optionFilterProp="label" maxCount={4} data-testid="case-handlers" />
        </Form.Item>
        <Form.List name="parties">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="start">
                  <Form.Item name={[field.name, 'kind']} label={i === 0 ? t('cases.party') : undefined} style={{ width: 110 }}>
                    <Select options={[{ value: 'person', label: t('cases.person') }, { value: 'organisation', label: t('cases.organisation') }]} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} label={i === 0 ? t('cases.partyName') : undefined} rules={[required(t('cases.partyName'))]} style={{ flex: 1 }}>
                    <Input aria-label={t('cases.partyName')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'idNumber']} label={i === 0 ? t('cases.idNumber') : undefined} style={{ flex: 1 }}>
                    <Input />
                  </Form.Item>
                  <Form.Item name={[field.name, 'contact']} label={i === 0 ? t('cases.contact') : undefined} style={{ width: 150 }}>
                    <Input />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} onClick={() => remove(field.name)} disabled={fields.length <= 1} aria-label="remove" style={{ marginTop: i === 0 ? 30 : 0 }} />
                </Flex>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ kind: 'person', name: '', idType: '', idNumber: '', contact: '' })} disabled={fields.length >= 20} style={{ marginBottom: 16 }}>
                {t('cases.addParty')}
              </Button>
            </>
          )}
        </Form.List>
        <Flex gap={16}>
          {DATES.map((d) => (
            <Form.Item key={d} name={d} label={t(`cases.${d}`)} style={{ flex: 1 }}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}
