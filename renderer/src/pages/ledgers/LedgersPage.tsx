import { useState } from 'react';
import { Alert, Card, DatePicker, Flex, Space, Table, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { LedgerDto } from '../../../../shared/contract/ledgers-dto.js';
import { CASE_KINDS, type CaseKind } from '../../../../shared/rules/case-number.js';
import { previousMonth } from '../../../../shared/rules/ledger-period.js';
import { can } from '../../../../shared/roles.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant, officeToday } from '../../lib/format.js';
import { monthPresets } from '../../lib/month-presets.js';
import { CaseDetail } from '../cases/CaseDetail.js';
import { LedgerActions } from './LedgerActions.js';

const DAY = 'YYYY-MM-DD';
/** The yellow of a gap, the same as in the exported spreadsheet and Word file. */
export const GAP_COLOR = '#fff2cc';

type Row = LedgerDto['rows'][number];

/** The ledger's columns as on paper (整改结果 over 已完成 / 未完成), after the case number that opens the case. */
function columns(ledger: LedgerDto, t: (key: string) => string, open: (id: number) => void) {
  const cell = (i: number) => ({
    key: `c${i}`,
    onCell: (r: Row) => ({ style: r.cells[i] === null ? { background: GAP_COLOR } : undefined, 'data-gap': r.cells[i] === null ? 'true' : undefined }),
    render: (_v: unknown, r: Row) => (r.cells[i] === null ? <Typography.Text type="warning" style={{ fontSize: 12 }}>{t('ledgers.gap')}</Typography.Text> : r.cells[i]),
    align: (r: string) => (r === '序号' || r === '已完成' || r === '未完成' || r === '发现隐患数' ? 'center' : undefined) as 'center' | undefined,
  });
  let i = 0;
  const leaves = ledger.headings.map((h) => {
    if (!h.sub) {
      const c = cell(i++);
      return { ...c, title: h.text, align: c.align(h.text) };
    }
    return { key: h.text, title: h.text, children: h.sub.map((s) => ({ ...cell(i++), title: s, align: 'center' as const, width: 64 })) };
  });
  return [
    {
      key: 'caseNo',
      // The county's form is Chinese in both languages of the app; its opening column is too, so
      // an English screen doesn't read one English heading among the form's Chinese ones.
      title: '案号',
      fixed: 'left' as const,
      width: 170,
      render: (_v: unknown, r: Row) => (
        <Typography.Link onClick={() => open(r.caseId)} data-testid={`ledger-case-${r.caseId}`}>
          {r.caseNo}
        </Typography.Link>
      ),
    },
    ...leaves,
  ];
}

/**
 * 案件台账: the county's three ledgers (004), one tab each, for a period (last month unless
 * chosen), as on paper with every gap marked and each case a click away to fill it in; the cases
 * not placeable yet and why; export to Excel and Word, print, and mark the month sent.
 */
export function LedgersPage({ account, tab, onTab }: { account: AccountDto; tab: string | null; onTab: (tab: string) => void }) {
  const { t } = useTranslation();
  const kind: CaseKind = (CASE_KINDS as readonly string[]).includes(tab ?? '') ? (tab as CaseKind) : 'penalty';
  const [period, setPeriod] = useState(() => previousMonth(officeToday()));
  const [open, setOpen] = useState<number | null>(null);
  const ledger = useCall('ledgers.get', { kind, ...period });
  const l = ledger.data;
  const gaps = l?.rows.reduce((n, r) => n + r.gaps, 0) ?? 0;
  return (
    <Card title={t('ledgers.title')} data-testid="ledgers-page">
      <Tabs activeKey={kind} onChange={onTab} items={CASE_KINDS.map((k) => ({ key: k, label: t(`ledgers.tab_${k}`) }))} />
      <Flex gap={12} wrap align="center" justify="space-between" style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={[dayjs(period.from), dayjs(period.to)]}
          allowClear={false}
          presets={monthPresets(t)}
          onChange={(days) => days?.[0] && days[1] && setPeriod({ from: days[0].format(DAY), to: days[1].format(DAY) })}
          data-testid="ledger-period"
        />
        <LedgerActions kind={kind} period={period} ledger={l} canMark={can(account, 'ledgers.report')} />
      </Flex>
      {ledger.isError && <Alert type="error" showIcon message={errorText(t, ledger.error)} />}
      {l && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Title level={5} style={{ textAlign: 'center', margin: 0 }} data-testid="ledger-title">
            {l.title}
          </Typography.Title>
          <Flex gap={8} wrap>
            <Tag>{t('ledgers.rows', { count: l.rows.length })}</Tag>
            {gaps > 0 && <Tag color="warning" data-testid="ledger-gaps">{t('ledgers.gaps', { count: gaps })}</Tag>}
            {l.sent && <Tag color="success" data-testid="ledger-sent">{t('ledgers.sent', { by: l.sent.by, at: formatInstant(l.sent.at, false) })}</Tag>}
          </Flex>
          {gaps > 0 && <Alert type="warning" showIcon message={t('ledgers.gapHelp')} />}
          <Table<Row>
            rowKey="caseId"
            size="small"
            bordered
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={l.rows}
            columns={columns(l, t, setOpen)}
            locale={{ emptyText: t('ledgers.noRows') }}
            data-testid="ledger-table"
          />
          <Typography.Text type="secondary" data-testid="ledger-rule">
            {l.rule}
          </Typography.Text>
          <Typography.Title level={5}>{t('ledgers.waitingTitle', { count: l.waiting.length })}</Typography.Title>
          <Table
            rowKey="caseId"
            size="small"
            pagination={false}
            dataSource={l.waiting}
            locale={{ emptyText: t('ledgers.waitingNone') }}
            data-testid="ledger-waiting"
            columns={[
              {
                key: 'caseNo',
                title: t('cases.caseNo'),
                width: 220,
                render: (_v, w) => (
                  <Typography.Link onClick={() => setOpen(w.caseId)} data-testid={`ledger-case-${w.caseId}`}>
                    {w.caseNo}
                  </Typography.Link>
                ),
              },
              { key: 'cause', title: t('cases.cause'), dataIndex: 'cause' },
              { key: 'why', title: t('ledgers.why'), render: (_v, w) => t(`ledgers.waiting_${w.waiting}`) },
            ]}
          />
        </Space>
      )}
      {open !== null && <CaseDetail id={open} canManage={can(account, 'cases.manage')} discs={null} onClose={() => setOpen(null)} />}
    </Card>
  );
}
