import { useState } from 'react';
import { Alert, Button, DatePicker, Form, Modal, Radio, Result, Skeleton, Space, Tooltip, Typography } from 'antd';
import { ExportOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { RequestDto } from '../../../../shared/contract/requests-dto.js';
import { can } from '../../../../shared/roles.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant, officeToday } from '../../lib/format.js';
import { loanItemText } from './loan-words.js';
import { PrintReceiptButton } from './PrintReceiptButton.js';
import { grantedItems, windowText } from './request-words.js';

type Lendable = { kind: 'disc' | 'case'; id: number; label: string };

interface Values {
  item: string;
  due: Dayjs;
}

const key = (i: { kind: string; id: number }) => `${i.kind}:${i.id}`;
const DAY = 'YYYY-MM-DD';

/** What an approved borrowing may take out of the room: its discs and paper case files (records are viewed, not lent). */
function lendables(r: RequestDto): Lendable[] {
  return (grantedItems(r) ?? r.items).filter((i): i is Lendable => i.kind === 'disc' || i.kind === 'case');
}

/** Whether a request is a borrowing the keeper lends on, approved; and whether its window is open now. */
function lendState(r: RequestDto): 'no' | 'outside' | 'open' {
  const w = r.decision?.grantedWindow;
  if (r.state !== 'approved' || !w || (r.kind !== 'lend_item' && r.kind !== 'department_borrow') || lendables(r).length === 0) return 'no';
  const now = Date.now();
  return now >= Date.parse(w.from) && now < Date.parse(w.to) ? 'open' : 'outside';
}

/**
 * 借出 on an approved borrowing, for the keeper: a button in the request's drawer, there only when
 * the request lends something, and usable only inside the approved window.
 */
export function LendButton({ request, account }: { request: RequestDto; account: AccountDto }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const state = lendState(request);
  if (!can(account, 'requests.record') || state === 'no') return null;
  return (
    <>
      <Tooltip title={state === 'outside' ? t('loans.lendNotLive') : undefined}>
        <Button icon={<ExportOutlined />} disabled={state !== 'open'} onClick={() => setOpen(true)} data-testid="request-lend">
          {t('loans.lend')}
        </Button>
      </Tooltip>
      {open && <LendDialog request={request} onClose={() => setOpen(false)} />}
    </>
  );
}

/**
 * Lending one approved disc or case file: which item (not one that is out, nor one this approval
 * already lent), and the day it is due back — from today to the last day of the approved window.
 * Once lent, the receipt (借阅单) is offered for printing, to be signed by the borrower.
 */
function LendDialog({ request: r, onClose }: { request: RequestDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const items = lendables(r);
  const window = r.decision?.grantedWindow ?? r.window;
  const today = dayjs(officeToday());
  // The window's last office day, as the core counts it.
  const lastDay = dayjs(formatInstant(window.to).slice(0, 10));
  // An item can't go if it is out (on any loan), or if it already went out on this approval: lending
  // it again takes a new request. The register says which loan holds it.
  const loans = useCall('loans.list', {});
  const taken = new Map<string, { number: string; why: 'out' | 'used' }>();
  for (const l of loans.data ?? []) {
    if (!l.returnedAt) taken.set(key(l.item), { number: l.number, why: 'out' });
    else if (l.requestId === r.id && !taken.has(key(l.item))) taken.set(key(l.item), { number: l.number, why: 'used' });
  }
  const lend = useCallMutation('loans.lend', { invalidates: ['loans.list'], errors: 'inline' });
  const submit = (v: Values) => {
    const item = items.find((i) => key(i) === v.item);
    if (item) lend.mutate({ requestId: r.id, item: { kind: item.kind, id: item.id }, dueOn: v.due.format(DAY) });
  };
  const first = items.find((i) => !taken.has(key(i)));

  if (lend.data) {
    const loan = lend.data;
    return (
      <Modal open title={t('loans.lendTitle', { number: r.number })} onCancel={onClose} footer={null} data-testid="lend-done">
        <Result
          status="success"
          title={t('loans.lent', { number: loan.number })}
          subTitle={t('loans.lentHelp', { item: loanItemText(t, loan), due: loan.dueOn })}
          extra={[
            <PrintReceiptButton key="print" loanId={loan.id} number={loan.number} primary />,
            <Button key="close" onClick={onClose}>
              {t('discs.close')}
            </Button>,
          ]}
        />
      </Modal>
    );
  }
  return (
    <Modal
      open
      width={620}
      title={t('loans.lendTitle', { number: r.number })}
      okText={t('loans.lendSubmit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={lend.isPending}
      okButtonProps={{ disabled: !first }}
      data-testid="lend-dialog"
    >
      <Typography.Paragraph type="secondary">{t('loans.lendHelp', { name: r.requester.name, window: windowText(t, window) })}</Typography.Paragraph>
      {loans.isSuccess && !first && <Alert type="info" showIcon message={t('loans.lendNone')} style={{ marginBottom: 16 }} />}
      {lend.isError && <Alert type="error" showIcon message={errorText(t, lend.error)} style={{ marginBottom: 16 }} role="alert" />}
      {/* The form starts once the register is read, so the item it preselects is one that can go. */}
      {loans.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Form<Values> form={form} layout="vertical" onFinish={submit} initialValues={{ item: first ? key(first) : undefined, due: lastDay }}>
          <Form.Item name="item" label={t('loans.lendItem')} rules={[{ required: true, message: t('loans.lendItemNeeded') }]}>
            <Radio.Group data-testid="lend-item">
              <Space direction="vertical">
                {items.map((i) => {
                  const held = taken.get(key(i));
                  return (
                    <Radio key={key(i)} value={key(i)} disabled={held !== undefined}>
                      {loanItemText(t, { item: i })}
                      {held && <Typography.Text type="secondary"> {t(held.why === 'out' ? 'loans.itemOut' : 'loans.itemUsed', { number: held.number })}</Typography.Text>}
                    </Radio>
                  );
                })}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="due" label={t('loans.dueOn')} extra={t('loans.dueHelp', { last: lastDay.format(DAY) })} rules={[{ required: true, message: t('loans.dueOnNeeded') }]}>
            <DatePicker format={DAY} allowClear={false} disabledDate={(d) => d.isBefore(today, 'day') || d.isAfter(lastDay, 'day')} style={{ width: 200 }} data-testid="lend-due" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
