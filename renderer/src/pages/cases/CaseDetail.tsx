import { useState, type ReactNode } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlayCircleOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseLinkDto } from '../../../../shared/contract/cases-dto.js';
import { errorText } from '../../lib/errors.js';
import { CaseFormDialog } from './CaseFormDialog.js';
import { CaseHistory } from './CaseHistory.js';
import { EditFactsDialog } from './EditFactsDialog.js';
import { LedgerFactsSection } from './LedgerFactsSection.js';
import { useCall, useCallMutation, callKey } from '../../api/use-call.js';
import { formatWallClock } from '../../lib/format.js';
import { CaseDiscs } from '../discs/CaseDiscs.js';
import type { DiscRights } from '../discs/DiscDrawer.js';
import { RetentionCell } from '../library/RetentionCell.js';
import { PlayerDialog } from '../library/PlayerDialog.js';
import { FileName, baseName } from '../../components/FileName.js';
import { useSession } from '../../app/session.js';
import { REACH } from '../../../../shared/roles.js';

const INTEGRITY = { ok: 'green', alarm: 'red', unchecked: 'default' } as const;

/**
 * One case: its facts, its linked recordings with their written descriptions, its evidence discs
 * (for those who read the disc register) and its whole history. `extra` is what a page adds about
 * the case (a spot check: its viewings and the findings), shown above the history.
 */
export function CaseDetail({ id, canManage, discs, onClose, extra }: { id: number; canManage: boolean; discs: DiscRights | null; onClose: () => void; extra?: ReactNode }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [why, setWhy] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [describing, setDescribing] = useState(false);
  const [playing, setPlaying] = useState<{ id: number; originalName: string } | null>(null);
  const { account } = useSession();
  // Who may play at all; the core still decides each record (and refuses a destroyed one).
  const canPlay = account !== null && REACH[account.role].records.play !== 'none';
  const kase = useCall('cases.get', { id });
  const policy = useCall('retention.policy', {});
  const unlink = useCallMutation('cases.unlink', { invalidates: ['cases.list'], onSuccess: (c) => queryClient.setQueryData(callKey('cases.get', { id }), c) });
  const c = kase.data;
  const chosen = c?.links.filter((l) => selected.includes(l.id)) ?? [];
  return (
    <Drawer open width={920} title={c ? `${c.caseNo} · ${c.cause}` : ''} onClose={onClose} extra={canManage && c && <Button onClick={() => setEditing(true)}>{t('cases.edit')}</Button>} data-testid="case-detail">
      {kase.isError && <Alert type="error" showIcon message={errorText(t, kase.error)} />}
      {c && (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          <Descriptions bordered size="small" column={2}>
            <Descriptions.Item label={t('cases.kind')}>{t(`cases.kind_${c.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('cases.status')}>{t(`cases.status_${c.status}`)}</Descriptions.Item>
            <Descriptions.Item label={t('cases.party')} span={2}>
              {c.parties.map((p) => [p.name, p.idNumber, p.contact].filter(Boolean).join(' · ')).join('；')}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.handlers')} span={2}>
              {c.handlers.map((h) => `${h.name}${h.officerNo ? `（${h.officerNo}）` : ''}`).join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('cases.filedOn')}>{c.filedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cases.closedOn')}>{c.closedOn ?? '—'}</Descriptions.Item>
          </Descriptions>
          <LedgerFactsSection kase={c} canManage={canManage} />
          <div>
            <Flex justify="space-between" align="baseline">
              <Typography.Title level={5}>{t('cases.links', { evidence: c.evidenceCount, other: c.otherCount })}</Typography.Title>
              {canManage && (
                <Button size="small" disabled={chosen.length === 0} onClick={() => setDescribing(true)} data-testid="edit-facts">
                  {t('cases.editFacts', { count: chosen.length })}
                </Button>
              )}
            </Flex>
            <Table<CaseLinkDto>
              rowKey="id"
              rowSelection={canManage ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as number[]) } : undefined}
              size="small"
              dataSource={c.links}
              pagination={false}
              locale={{ emptyText: t('cases.noLinks') }}
              data-testid="case-links"
              columns={[
                {
                  title: t('library.name'),
                  key: 'name',
                  render: (_v: unknown, l: CaseLinkDto) => (
                    <Space size={4} style={{ maxWidth: '100%' }}>
                      {canPlay && !l.disposition && (
                        <Button type="text" size="small" icon={<PlayCircleOutlined />} onClick={() => setPlaying({ id: l.recordId, originalName: baseName(l.recordName) })} aria-label={t('player.play')} data-testid="case-play" />
                      )}
                      <FileName name={baseName(l.recordName)} full={l.recordName} />
                    </Space>
                  ),
                },
                { title: t('cases.role'), dataIndex: 'role', width: 90, render: (r: CaseLinkDto['role']) => <Tag color={r === 'evidence' ? 'blue' : 'default'}>{t(`cases.role_${r}`)}</Tag> },
                {
                  title: t('cases.facts'),
                  key: 'facts',
                  render: (_v, l) =>
                    l.facts ? (
                      <Typography.Text style={{ fontSize: 12 }}>
                        {t('cases.factsText', { collectors: l.facts.collectors.join('、'), at: formatWallClock(l.facts.collectedAt, false), place: l.facts.place })}
                        <br />
                        {l.facts.statement}
                      </Typography.Text>
                    ) : (
                      (l.reason ?? '—')
                    ),
                },
                { title: t('library.integrity'), dataIndex: 'integrity', width: 100, render: (v: CaseLinkDto['integrity']) => <Tag color={INTEGRITY[v]}>{t(`integrity.state_${v}`)}</Tag> },
                { title: t('library.keptThrough'), key: 'keptThrough', width: 130, render: (_v: unknown, l: CaseLinkDto) => <RetentionCell record={l} policy={policy.data} /> },
                ...(canManage
                  ? [
                      {
                        title: '',
                        key: 'unlink',
                        width: 80,
                        render: (_v: unknown, l: CaseLinkDto) => (
                          <Popconfirm
                            title={t('cases.unlinkConfirm')}
                            description={<Input value={why} onChange={(e) => setWhy(e.target.value)} placeholder={t('cases.unlinkReason')} maxLength={500} />}
                            okButtonProps={{ disabled: !why.trim() }}
                            onOpenChange={() => setWhy('')}
                            onConfirm={() => unlink.mutate({ linkId: l.id, reason: why.trim() })}
                          >
                            <Button size="small" type="link" danger>
                              {t('cases.unlink')}
                            </Button>
                          </Popconfirm>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
          </div>
          {discs && <CaseDiscs caseId={c.id} rights={discs} />}
          {extra}
          <div>
            <Typography.Title level={5}>{t('cases.history')}</Typography.Title>
            <CaseHistory events={c.history} />
          </div>
        </Space>
      )}
      {describing && c && (
        <EditFactsDialog
          kase={c}
          links={chosen}
          onClose={() => {
            setDescribing(false);
            setSelected([]);
          }}
        />
      )}
      {editing && c && (
        <CaseFormDialog
          existing={c}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            queryClient.setQueryData(callKey('cases.get', { id }), saved);
            setEditing(false);
          }}
        />
      )}
      {playing && <PlayerDialog record={playing} onClose={() => setPlaying(null)} />}
    </Drawer>
  );
}
