import { useState } from 'react';
import { Alert, Button, Card, Flex, Input, Select, Table, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { CaseDto } from '../../../../shared/contract/cases-dto.js';
import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from '../../../../shared/rules/case-number.js';
import { can } from '../../../../shared/roles.js';
import { errorText } from '../../lib/errors.js';
import { CaseDetail } from './CaseDetail.js';
import { CaseFormDialog } from './CaseFormDialog.js';
import { useCall } from '../../api/use-call.js';

const STATUS_COLORS: Record<CaseStatus, string> = { open: 'processing', decided: 'gold', closed: 'green', archived: 'default' };

/** The case register: find a case by number, party or cause; the keeper files new ones. */
export function CasesPage({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const canManage = can(account, 'cases.manage');
  const discs = can(account, 'discs.read') ? { manage: can(account, 'discs.manage'), check: can(account, 'discs.check') } : null;
  const [text, setText] = useState('');
  const [kind, setKind] = useState<CaseKind | undefined>();
  const [status, setStatus] = useState<CaseStatus | undefined>();
  const [creating, setCreating] = useState(false);
  const [open, setOpen] = useState<number | null>(null);
  const list = useCall('cases.list', { text: text.trim() || undefined, kind, status, limit: 200 });
  return (
    <Card
      title={t('cases.title')}
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('cases.create')}
          </Button>
        )
      }
    >
      {account.role === 'officer' && <Alert type="info" showIcon message={t('cases.ownOnly')} style={{ marginBottom: 16 }} />}
      <Flex gap={8} style={{ marginBottom: 16 }} wrap>
        <Input.Search allowClear placeholder={t('cases.searchPlaceholder')} onSearch={setText} style={{ width: 320 }} data-testid="case-search" />
        <Select allowClear placeholder={t('cases.kind')} value={kind} onChange={setKind} style={{ width: 160 }} options={CASE_KINDS.map((k) => ({ value: k, label: t(`cases.kind_${k}`) }))} />
        <Select allowClear placeholder={t('cases.status')} value={status} onChange={setStatus} style={{ width: 140 }} options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status_${s}`) }))} />
      </Flex>
      {list.isError && <Alert type="error" showIcon message={errorText(t, list.error)} />}
      <Table<CaseDto>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.cases ?? []}
        pagination={false}
        locale={{ emptyText: t('cases.empty') }}
        onRow={(c) => ({ onClick: () => setOpen(c.id), style: { cursor: 'pointer' } })}
        data-testid="cases-table"
        columns={[
          { title: t('cases.caseNo'), dataIndex: 'caseNo', width: 220 },
          { title: t('cases.kind'), dataIndex: 'kind', width: 120, render: (k: CaseKind) => t(`cases.kind_${k}`) },
          { title: t('cases.cause'), dataIndex: 'cause', ellipsis: true },
          { title: t('cases.party'), key: 'parties', ellipsis: true, render: (_v, c) => c.parties.map((p) => p.name).join('、') },
          { title: t('cases.handlers'), key: 'handlers', width: 160, render: (_v, c) => c.handlers.map((h) => h.name).join('、') },
          { title: t('cases.filedOn'), dataIndex: 'filedOn', width: 110 },
          { title: t('cases.status'), dataIndex: 'status', width: 90, render: (s: CaseStatus) => <Tag color={STATUS_COLORS[s]}>{t(`cases.status_${s}`)}</Tag> },
          { title: t('cases.evidence'), key: 'evidence', width: 90, render: (_v, c) => `${c.evidenceCount} / ${c.otherCount}` },
        ]}
      />
      {creating && (
        <CaseFormDialog
          existing={null}
          onClose={() => setCreating(false)}
          onSaved={(c) => {
            setCreating(false);
            setOpen(c.id);
          }}
        />
      )}
      {open !== null && <CaseDetail id={open} canManage={canManage} discs={discs} onClose={() => setOpen(null)} />}
    </Card>
  );
}
