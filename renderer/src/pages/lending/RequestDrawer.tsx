import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Flex, Space, Tag, Typography } from 'antd';
import { AuditOutlined, DesktopOutlined, EditOutlined, VideoCameraOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { RequestDto } from '../../../../shared/contract/requests-dto.js';
import { can } from '../../../../shared/roles.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { DecideDialog } from './DecideDialog.js';
import { LendButton } from './LendDialog.js';
import { OpenViewingDialog } from './OpenViewingDialog.js';
import { PaperDecisionDialog } from './PaperDecisionDialog.js';
import { PrintFormButton } from './PrintFormButton.js';
import { DecidedBy, PaperRecord } from '../../components/PaperDecisionText.js';
import { GrantState, RequestStateTag, decidesNow, grantedItems, isViewing, itemText, narrowed, windowText } from './request-words.js';

/** Who asks, in the words the approval form uses; empty fields are left out rather than shown blank. */
function RequesterText({ requester }: { requester: RequestDto['requester'] }) {
  const { t } = useTranslation();
  const lines = [
    requester.department && t('requests.requesterDepartment', { value: requester.department }),
    (requester.idType || requester.idNumber) && t('requests.requesterId', { id: [requester.idType, requester.idNumber].filter(Boolean).join(' ') }),
    requester.relation && t('requests.requesterRelation', { value: requester.relation }),
    requester.contact && t('requests.requesterContact', { value: requester.contact }),
  ].filter(Boolean);
  return (
    <div>
      <Typography.Text strong>{requester.name}</Typography.Text>
      {requester.accountId !== null && <Typography.Text type="secondary">{t('requests.requesterAccount')}</Typography.Text>}
      {lines.map((l) => (
        <div key={String(l)} style={{ fontSize: 13 }}>
          {l}
        </div>
      ))}
    </div>
  );
}

function ItemList({ items }: { items: (RequestDto['items'][number])[] }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }}>
      {items.map((i) => (
        <li key={`${i.kind}-${i.id}`}>{itemText(t, i)}</li>
      ))}
    </ul>
  );
}

/**
 * One request in full: who asked for what, why and for how long; the decision with everything the
 * form prints (who, when, in the app or on paper, what was narrowed, the audit chain head it was
 * made at) and what it opens now. The actions of whoever may act on it sit on top.
 */
export function RequestDrawer({ id, account, onClose, onOpenLibrary }: { id: number; account: AccountDto; onClose: () => void; onOpenLibrary: () => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'decide' | 'paper' | 'view' | null>(null);
  const detail = useCall('requests.get', { id });
  const r = detail.data;
  const d = r?.decision;
  const cut = r ? narrowed(r) : { items: false, window: false };
  const verb = r && isViewing(r.kind) ? 'view' : 'borrow';
  const mine = r?.requester.accountId === account.id;
  return (
    <Drawer open width={900} title={r ? t('requests.drawerTitle', { number: r.number, kind: t(`requests.kind_${r.kind}`) }) : ''} onClose={onClose} data-testid="request-detail">
      {detail.isError && <Alert type="error" showIcon message={errorText(t, detail.error)} />}
      {r && (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          <Space wrap>
            {decidesNow(account, r) && (
              <Button type="primary" icon={<AuditOutlined />} onClick={() => setDialog('decide')} data-testid="request-decide">
                {t('requests.decide')}
              </Button>
            )}
            {can(account, 'requests.record') && r.state === 'pending' && (
              <Button icon={<EditOutlined />} onClick={() => setDialog('paper')} data-testid="request-paper">
                {t('requests.paperDecision')}
              </Button>
            )}
            {can(account, 'requests.record') && (r.kind === 'party_view' || r.kind === 'department_view') && r.state === 'approved' && r.liveGrants > 0 && (
              <Button type="primary" icon={<DesktopOutlined />} onClick={() => setDialog('view')} disabled={r.viewingOpen} data-testid="request-open-viewing">
                {r.viewingOpen ? t('viewer.underWay') : t('viewer.open')}
              </Button>
            )}
            <PrintFormButton id={r.id} number={r.number} decided={r.state !== 'pending'} />
            <LendButton request={r} account={account} />
            {mine && r.state === 'approved' && r.liveGrants > 0 && (
              <Button icon={<VideoCameraOutlined />} onClick={onOpenLibrary} data-testid="request-open-library">
                {t('requests.openLibrary')}
              </Button>
            )}
          </Space>
          {r.state === 'pending' && can(account, 'requests.decide') && !decidesNow(account, r) && (
            <Alert type="info" showIcon message={t('requests.notYours', { role: t(`roles.${r.approverRole}`) })} />
          )}
          {r.state === 'pending' && mine && <Alert type="info" showIcon message={t('requests.waiting', { role: t(`roles.${r.approverRole}`) })} />}
          <Descriptions bordered size="small" column={2} data-testid="request-facts">
            <Descriptions.Item label={t('requests.number')}>
              <Typography.Text strong>{r.number}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('requests.kind')}>{t(`requests.kind_${r.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.state')}>
              <Flex gap={8} align="center" wrap>
                <RequestStateTag state={r.state} />
                <GrantState request={r} />
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('requests.approver')}>{t(`roles.${r.approverRole}`)}</Descriptions.Item>
            <Descriptions.Item label={t('requests.case')}>{r.caseNo ?? t('auditWords.none')}</Descriptions.Item>
            <Descriptions.Item label={t('requests.created')}>{t('discs.atBy', { at: formatInstant(r.createdAt, false), by: r.createdBy })}</Descriptions.Item>
            <Descriptions.Item label={t('requests.requester')} span={2}>
              <RequesterText requester={r.requester} />
            </Descriptions.Item>
            <Descriptions.Item label={t('requests.itemsAsked', { count: r.items.length })} span={2}>
              <ItemList items={r.items} />
            </Descriptions.Item>
            <Descriptions.Item label={t(`requests.purpose_${verb}`)} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.purpose}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t(`requests.content_${verb}`)} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{r.content}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t(`requests.window_${verb}`)} span={2}>
              {windowText(t, r.window)}
            </Descriptions.Item>
          </Descriptions>
          {d && (
            <div>
              <Typography.Title level={5}>{t('requests.decisionTitle')}</Typography.Title>
              <Descriptions bordered size="small" column={2} data-testid="request-decision">
                <Descriptions.Item label={t('requests.outcome')}>
                  <RequestStateTag state={r.state} />
                </Descriptions.Item>
                <Descriptions.Item label={t('requests.decidedBy')}>
                  <DecidedBy d={d} />
                </Descriptions.Item>
                {d.source === 'paper' && (
                  <Descriptions.Item label={t('requests.paperScan')} span={2}>
                    <PaperRecord d={d} />
                  </Descriptions.Item>
                )}
                {d.reason && (
                  <Descriptions.Item label={r.state === 'rejected' ? t('requests.rejectReason') : t('requests.remark')} span={2}>
                    <span style={{ whiteSpace: 'pre-wrap' }} data-testid="request-reason">
                      {d.reason}
                    </span>
                  </Descriptions.Item>
                )}
                {r.state === 'approved' && (
                  <Descriptions.Item label={t('requests.grantedItems')} span={2}>
                    {cut.items && <Tag color="orange">{t('requests.narrowedItems', { count: d.grantedItems?.length ?? 0 })}</Tag>}
                    <ItemList items={grantedItems(r) ?? r.items} />
                  </Descriptions.Item>
                )}
                {r.state === 'approved' && d.grantedWindow && (
                  <Descriptions.Item label={t('requests.grantedWindow')} span={2}>
                    <Flex gap={8} align="center" wrap>
                      <span>{windowText(t, d.grantedWindow)}</span>
                      {cut.window && <Tag color="orange">{t('requests.narrowedWindow')}</Tag>}
                    </Flex>
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('requests.chainHead')} span={2}>
                  <div>{t('requests.chainSeq', { seq: d.chainHead.seq })}</div>
                  <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
                    {d.chainHead.hash}
                  </Typography.Text>
                </Descriptions.Item>
              </Descriptions>
            </div>
          )}
        </Space>
      )}
      {r && dialog === 'decide' && <DecideDialog request={r} onClose={() => setDialog(null)} />}
      {r && dialog === 'paper' && <PaperDecisionDialog request={r} onClose={() => setDialog(null)} />}
      {r && dialog === 'view' && <OpenViewingDialog request={r} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}
