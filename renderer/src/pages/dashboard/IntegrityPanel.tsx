import { useCallback, useState } from 'react';
import { Alert, App as AntApp, Button, Card, Col, Input, List, Modal, Progress, Row, Space, Statistic, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { PushEvent } from '../../../../shared/contract/envelope.js';
import type { AlarmDto } from '../../../../shared/contract/integrity-dto.js';
import { can } from '../../../../shared/roles.js';
import { usePushEvents } from '../../api/events.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { useCall, useCallMutation } from '../../api/use-call.js';

/** Alarms a person may end: a stray file goes to quarantine, a chain break is acknowledged. The rest need a restore. */
const RESOLVABLE = new Set<AlarmDto['kind']>(['unexpected', 'audit_chain']);

/**
 * Integrity at a glance for the keeper and the leaders: open alarms first (they stay until
 * resolved), then the last check, how much of the store the rotation has covered, and a check
 * running now.
 */
export function IntegrityPanel({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const status = useCall('integrity.status', {});
  const canManage = can(account, 'integrity.manage');
  const [resolving, setResolving] = useState<AlarmDto | null>(null);
  const onEvent = useCallback(
    (e: PushEvent) => {
      if (e.type === 'integrity.progress' || e.type === 'integrity.finished') void queryClient.invalidateQueries({ queryKey: ['integrity.status'] });
      if (e.type === 'integrity.finished') void queryClient.invalidateQueries({ queryKey: ['records.list'] });
    },
    [queryClient],
  );
  usePushEvents(onEvent);
  const restore = useCallMutation('integrity.restoreOriginal', {
    invalidates: ['integrity.status', 'records.list'],
    onSuccess: () => void message.success(t('integrity.restored')),
  });
  const checkAll = useCallMutation('integrity.check', { invalidates: ['integrity.status'] });
  const s = status.data;
  if (!s) return null;
  const last = s.lastRun?.summary;
  const running = s.running?.progress;
  return (
    <>
      {s.openAlarms.length > 0 && (
        <Col span={24}>
          <Alert
            type="error"
            showIcon
            data-testid="integrity-alarms"
            message={t('integrity.alarmsTitle', { count: s.openAlarms.length })}
            description={
              <List
                size="small"
                dataSource={s.openAlarms}
                renderItem={(a) => (
                  <List.Item
                    actions={
                      !canManage
                        ? []
                        : RESOLVABLE.has(a.kind)
                          ? [
                              <Button key="resolve" size="small" onClick={() => setResolving(a)}>
                                {t(`integrity.resolve_${a.kind}`)}
                              </Button>,
                            ]
                          : a.recordId !== null
                            ? [
                                <Button key="restore" size="small" type="primary" loading={restore.isPending} onClick={() => restore.mutate({ recordId: a.recordId as number })}>
                                  {t('integrity.restore')}
                                </Button>,
                              ]
                            : []
                    }
                  >
                    <Space wrap>
                      <Tag color="red">{t(`integrity.kind_${a.kind}`)}</Tag>
                      <Typography.Text strong>{a.recordName ?? a.object}</Typography.Text>
                      <Typography.Text type="secondary">{t('integrity.raisedAt', { at: formatInstant(a.raisedAt) })}</Typography.Text>
                      {!RESOLVABLE.has(a.kind) && <Typography.Text type="secondary">{t('integrity.needsRestore')}</Typography.Text>}
                    </Space>
                  </List.Item>
                )}
              />
            }
          />
        </Col>
      )}
      <Col span={24}>
        <Card
          title={
            <Space>
              <SafetyCertificateOutlined />
              {t('integrity.title')}
            </Space>
          }
          extra={
            canManage && (
              <Button onClick={() => checkAll.mutate({ scope: { kind: 'all' } })} loading={checkAll.isPending} disabled={Boolean(s.running)} data-testid="integrity-check-all">
                {t('integrity.checkAll')}
              </Button>
            )
          }
          data-testid="integrity-panel"
        >
          <Row gutter={[16, 16]}>
            <Col xs={24} md={8}>
              <Statistic
                title={t('integrity.coverage', { days: s.windowDays })}
                value={s.checkedInWindow}
                suffix={`/ ${s.records}`}
                valueStyle={{ color: s.records > 0 && s.checkedInWindow === s.records && s.openAlarms.length === 0 ? '#389e0d' : undefined }}
              />
              {s.neverChecked > 0 && <Typography.Text type="secondary">{t('integrity.neverChecked', { count: s.neverChecked })}</Typography.Text>}
            </Col>
            <Col xs={24} md={16}>
              {running ? (
                <>
                  <Typography.Text>{t('integrity.running', { done: running.done, total: running.total })}</Typography.Text>
                  <Progress percent={running.bytesTotal > 0 ? Math.floor((running.bytesDone / running.bytesTotal) * 100) : 0} status="active" />
                </>
              ) : s.lastRun && last ? (
                <Space direction="vertical" size={4}>
                  <Typography.Text>{t('integrity.lastRun', { at: formatInstant(s.lastRun.finishedAt), trigger: t(`integrity.trigger_${s.lastRun.trigger}`) })}</Typography.Text>
                  <Typography.Text type={last.mismatch + last.missing + last.unreadable + last.unexpected > 0 || !last.auditChainOk ? 'danger' : 'success'} data-testid="integrity-last">
                    {t('integrity.lastResult', { ...last, chain: t(last.auditChainOk ? 'integrity.chainOk' : 'integrity.chainBroken') })}
                  </Typography.Text>
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('integrity.neverRun')}</Typography.Text>
              )}
            </Col>
          </Row>
        </Card>
      </Col>
      {resolving && <ResolveDialog alarm={resolving} onClose={() => setResolving(null)} />}
    </>
  );
}

function ResolveDialog({ alarm, onClose }: { alarm: AlarmDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const resolve = useCallMutation('integrity.resolveAlarm', { invalidates: ['integrity.status'], onSuccess: onClose, errors: 'inline' });
  return (
    <Modal open title={t(`integrity.resolve_${alarm.kind}`)} okText={t('common.confirm')} cancelText={t('common.cancel')} okButtonProps={{ disabled: !note.trim() }} onOk={() => resolve.mutate({ id: alarm.id, note: note.trim() })} onCancel={onClose} confirmLoading={resolve.isPending}>
      {resolve.isError && <Alert type="error" showIcon message={errorText(t, resolve.error)} style={{ marginBottom: 12 }} />}
      <Typography.Paragraph>{t(`integrity.resolveHelp_${alarm.kind}`, { object: alarm.object })}</Typography.Paragraph>
      <Input.TextArea rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('integrity.resolveNote')} aria-label={t('integrity.resolveNote')} />
    </Modal>
  );
}
