import { useState } from 'react';
import { Button, DatePicker, Descriptions, Flex, Form, Input, InputNumber, Modal, Select, Typography, Alert } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseDetailDto } from '../../../../shared/contract/cases-dto.js';
import { LEDGER_FACTS_BY_KIND, type LedgerFact, type LedgerFacts } from '../../../../shared/contract/ledgers-dto.js';
import { callKey, useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';

const DAYS: readonly LedgerFact[] = ['inspectedOn', 'recheckedOn', 'measureTakenOn', 'measureLiftedOn'];
const LONG: readonly LedgerFact[] = ['mainFacts', 'hazardContent', 'remedy'];
const DAY = 'YYYY-MM-DD';

type FormValues = Record<LedgerFact, string | number | Dayjs | null | undefined>;

function shown(t: (k: string) => string, fact: LedgerFact, v: LedgerFacts[LedgerFact]): string {
  if (v === null) return t('cases.ledgerEmpty');
  if (typeof v === 'boolean') return t(v ? 'cases.remedy_done' : 'cases.remedy_not_done');
  return String(v);
}

/**
 * 台账信息: what the county ledger asks of this case, only the facts of its kind's ledger. A fact
 * not entered says so and stays a gap on the ledger; the keeper fills them in here.
 */
export function LedgerFactsSection({ kase, canManage }: { kase: CaseDetailDto; canManage: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const facts = LEDGER_FACTS_BY_KIND[kase.kind];
  return (
    <div data-testid="ledger-facts">
      <Flex justify="space-between" align="baseline">
        <Typography.Title level={5}>{t('cases.ledgerTitle')}</Typography.Title>
        {canManage && (
          <Button size="small" onClick={() => setEditing(true)} data-testid="ledger-facts-edit">
            {t('cases.ledgerEdit')}
          </Button>
        )}
      </Flex>
      <Descriptions bordered size="small" column={2}>
        {facts.map((f) => (
          <Descriptions.Item key={f} label={t(`cases.field_${f}`)} span={LONG.includes(f) ? 2 : 1}>
            <Typography.Text type={kase.ledger[f] === null ? 'warning' : undefined}>{shown(t, f, kase.ledger[f])}</Typography.Text>
          </Descriptions.Item>
        ))}
      </Descriptions>
      {editing && <LedgerFactsDialog kase={kase} onClose={() => setEditing(false)} />}
    </div>
  );
}

function LedgerFactsDialog({ kase, onClose }: { kase: CaseDetailDto; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const facts = LEDGER_FACTS_BY_KIND[kase.kind];
  const initial = Object.fromEntries(
    facts.map((f) => {
      const v = kase.ledger[f];
      if (DAYS.includes(f)) return [f, typeof v === 'string' ? dayjs(v) : null];
      if (f === 'remedyDone') return [f, v === null ? undefined : v ? 'done' : 'not_done'];
      return [f, v ?? undefined];
    }),
  );
  const save = useCallMutation('cases.setLedgerFacts', {
    invalidates: ['ledgers.get', 'ledgers.due'],
    errors: 'inline',
    announce: true,
    onSuccess: (c) => {
      queryClient.setQueryData(callKey('cases.get', { id: kase.id }), c);
      onClose();
    },
  });
  const submit = (v: FormValues) => {
    const next: LedgerFacts = { ...kase.ledger };
    for (const f of facts) {
      const value = v[f];
      if (DAYS.includes(f)) (next as Record<string, unknown>)[f] = value ? (value as Dayjs).format(DAY) : null;
      else if (f === 'remedyDone') next.remedyDone = value === undefined || value === null ? null : value === 'done';
      else if (f === 'hazardsFound') next.hazardsFound = typeof value === 'number' ? value : null;
      else (next as Record<string, unknown>)[f] = typeof value === 'string' && value.trim() ? value.trim() : null;
    }
    save.mutate({ id: kase.id, version: kase.version, facts: next });
  };
  const input = (f: LedgerFact) => {
    if (DAYS.includes(f)) return <DatePicker style={{ width: '100%' }} />;
    if (f === 'hazardsFound') return <InputNumber min={0} max={9999} precision={0} style={{ width: '100%' }} />;
    if (f === 'remedyDone')
      return <Select allowClear options={['done', 'not_done'].map((r) => ({ value: r, label: t(`cases.remedy_${r}`) }))} />;
    if (LONG.includes(f)) return <Input.TextArea rows={2} maxLength={1000} />;
    return <Input maxLength={300} />;
  };
  return (
    <Modal open width={720} title={`${t('cases.ledgerEdit')} · ${kase.caseNo}`} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending} data-testid="ledger-facts-dialog">
      <Typography.Paragraph type="secondary">{t('cases.ledgerHelp')}</Typography.Paragraph>
      {save.isError && <Alert type="error" showIcon message={errorText(t, save.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={initial} onFinish={submit}>
        <Flex wrap gap="0 16px">
          {facts.map((f) => (
            <Form.Item key={f} name={f} label={t(`cases.field_${f}`)} style={{ width: LONG.includes(f) ? '100%' : 'calc(50% - 8px)' }} extra={f === 'hazardsFound' ? t('cases.hazardsHelp') : undefined} data-testid={`ledger-${f}`}>
              {input(f)}
            </Form.Item>
          ))}
        </Flex>
      </Form>
    </Modal>
  );
}
