import { useState } from 'react';
import { Alert, Button, Card, Space, Table, Typography } from 'antd';
import { RollbackOutlined } from '@ant-design/icons';
import { keepPreviousData } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import type { LoanDto } from '../../../../shared/contract/loans-dto.js';
import type { InputOf } from '../../../../shared/contract/methods.js';
import { LOAN_STATES } from '../../../../shared/contract/registers-dto.js';
import { can } from '../../../../shared/roles.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { LoanStateTag, loanItemText } from './loan-words.js';
import { PrintReceiptButton } from './PrintReceiptButton.js';
import { RegisterCount } from './RegisterCount.js';
import { RegisterExportButtons } from './RegisterExportButtons.js';
import { NO_FILTERS, RegisterFilters, type RegisterFilterValues } from './RegisterFilters.js';
import { ReturnDialog } from './ReturnDialog.js';

const muted = { fontSize: 12, color: 'rgba(0,0,0,0.45)' } as const;

/** The bar's values as the core's filter (an empty field filters nothing). */
function loanFilters(v: RegisterFilterValues): InputOf<'loans.list'> {
  return { from: v.from, to: v.to, borrower: v.text.trim() || undefined, caseNo: v.caseNo.trim() || undefined, state: v.state as (typeof LOAN_STATES)[number] | undefined };
}

/**
 * The lending register (借阅登记): every disc and paper file lent on an approval, to whom, when it
 * was due and how it came back. What is out comes first, the most overdue on top. The keeper
 * prints a loan's receipt and takes an item back from its row.
 */
export function LoanRegister({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const keeper = can(account, 'requests.record');
  const [values, setValues] = useState<RegisterFilterValues>(NO_FILTERS);
  const [returning, setReturning] = useState<LoanDto | null>(null);
  const filters = loanFilters(values);
  const list = useCall('loans.list', filters, { placeholderData: keepPreviousData });
  const rows = list.data ?? [];
  return (
    <Card title={t('lending.tab_loans')} extra={<RegisterExportButtons request={{ register: 'loans', filters }} />} data-testid="loan-register">
      <RegisterFilters
        value={values}
        onChange={setValues}
        textLabel={t('registers.borrower')}
        states={LOAN_STATES.map((s) => ({ value: s, label: t(`registers.loanState_${s}`) }))}
        testId="loan-filters"
      />
      <RegisterCount count={rows.length} capped={rows.length >= LIMITS.registerRowsMax} />
      {list.isError && <Alert type="error" showIcon message={errorText(t, list.error)} style={{ marginBottom: 16 }} />}
      <Table<LoanDto>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={rows}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        locale={{ emptyText: t('registers.emptyLoans') }}
        data-testid="loan-table"
        columns={[
          {
            title: t('loans.number'),
            key: 'number',
            width: 120,
            render: (_x, l) => (
              <div>
                <Typography.Text strong>{l.number}</Typography.Text>
                <div style={muted}>{t('loans.onApproval', { number: l.approvalNumber })}</div>
              </div>
            ),
          },
          {
            title: t('loans.item'),
            key: 'item',
            render: (_x, l) => (
              <div>
                <div>{loanItemText(t, l)}</div>
                {l.item.kind === 'disc' && l.caseNo && <div style={muted}>{t('loans.ofCase', { caseNo: l.caseNo })}</div>}
              </div>
            ),
          },
          {
            title: t('loans.borrower'),
            key: 'borrower',
            width: 170,
            render: (_x, l) => (
              <div>
                <div>{l.borrower.name}</div>
                {(l.borrower.department || l.borrower.contact) && <div style={muted}>{[l.borrower.department, l.borrower.contact].filter(Boolean).join(' · ')}</div>}
              </div>
            ),
          },
          {
            title: t('loans.lentAt'),
            key: 'lent',
            width: 150,
            render: (_x, l) => (
              <div>
                <div>{formatInstant(l.lentAt, false)}</div>
                <div style={muted}>{l.lentBy}</div>
              </div>
            ),
          },
          { title: t('loans.dueOn'), dataIndex: 'dueOn', width: 110 },
          {
            title: t('loans.returnedAt'),
            key: 'returned',
            width: 190,
            render: (_x, l) => (
              <div>
                <LoanStateTag loan={l} />
                {l.returnedAt && <div style={muted}>{t('loans.returnedLine', { at: formatInstant(l.returnedAt, false), by: l.receivedBy ?? '—' })}</div>}
                {l.condition && (
                  <Typography.Text ellipsis={{ tooltip: l.condition }} style={{ display: 'block', fontSize: 12 }}>
                    {l.condition}
                  </Typography.Text>
                )}
              </div>
            ),
          },
          ...(keeper
            ? [
                {
                  title: t('loans.actions'),
                  key: 'actions',
                  width: 200,
                  render: (_x: unknown, l: LoanDto) => (
                    <Space size={4} wrap>
                      <PrintReceiptButton loanId={l.id} number={l.number} size="small" />
                      {!l.returnedAt && (
                        <Button size="small" icon={<RollbackOutlined />} onClick={() => setReturning(l)} data-testid="loan-return">
                          {t('loans.return')}
                        </Button>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {returning && <ReturnDialog loan={returning} onClose={() => setReturning(null)} />}
    </Card>
  );
}
