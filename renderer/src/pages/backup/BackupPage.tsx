import { useCallback, useState } from 'react';
import { Alert, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { CloudSyncOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { PushEvent } from '../../../../shared/contract/envelope.js';
import type { BackupTargetDto } from '../../../../shared/contract/integrity-dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { isAbsolutePath } from '../../../../shared/rules/paths.js';
import { can } from '../../../../shared/roles.js';
import { usePushEvents } from '../../api/events.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { formatBytes } from '../../lib/format-size.js';
import { useCall, useCallMutation } from '../../api/use-call.js';

/** Backup health at a glance: a day without a good backup, or anything pending, is worth a look. */
function staleness(t: BackupTargetDto): 'ok' | 'pending' | 'never' | 'failed' {
  if (!t.lastSuccessAt) return 'never';
  if (t.lastRun && t.lastRun.state !== 'finished' && t.lastRun.state !== 'running') return 'failed';
  return t.pending > 0 ? 'pending' : 'ok';
}
const COLORS = { ok: 'green', pending: 'gold', never: 'default', failed: 'red' } as const;

/**
 * Off-site backup (异地备份): where copies go, when each last succeeded, what it holds and what is
 * still to copy; the keeper adds a disk or a mounted share and backs up now. Backups also run
 * daily on their own while the app is open.
 */
export function BackupPage({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const queryClient = useQueryClient();
  const canManage = can(account, 'integrity.manage');
  const targets = useCall('backup.targets', {}, { refetchInterval: (q) => (q.state.data?.some((x) => x.lastRun?.state === 'running') ? 1000 : false) });
  const onEvent = useCallback(
    (e: PushEvent) => {
      if (e.type === 'backup.finished') void queryClient.invalidateQueries({ queryKey: ['backup.targets'] });
    },
    [queryClient],
  );
  usePushEvents(onEvent);
  const run = useCallMutation('backup.run', { invalidates: ['backup.targets'] });
  const retire = useCallMutation('backup.retireTarget', { invalidates: ['backup.targets'] });
  const busy = targets.data?.some((x) => x.lastRun?.state === 'running') ?? false;
  return (
    <Card
      title={t('backup.title')}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('backup.add')}
          </Button>
        )
      }
    >
      <Alert type="info" showIcon message={t('backup.help')} style={{ marginBottom: 16 }} />
      {targets.isError && <Alert type="error" showIcon message={errorText(t, targets.error)} style={{ marginBottom: 16 }} />}
      <Table<BackupTargetDto>
        rowKey="id"
        loading={targets.isPending}
        dataSource={(targets.data ?? []).filter((x) => !x.retired)}
        pagination={false}
        locale={{ emptyText: t('backup.empty') }}
        data-testid="backup-targets"
        columns={[
          {
            title: t('backup.target'),
            key: 'target',
            ellipsis: true,
            render: (_v, x) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{x.label}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {x.path}
                </Typography.Text>
                {!x.reachable && <Tag color="orange">{t('backup.unreachable')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('backup.state'),
            key: 'state',
            width: 190,
            render: (_v, x) => {
              if (x.lastRun?.state === 'running') return <Tag color="processing">{t('backup.running', x.lastRun.progress ?? { done: 0, total: 0 })}</Tag>;
              const s = staleness(x);
              return (
                <Space direction="vertical" size={0}>
                  <Tag color={COLORS[s]}>{t(`backup.health_${s}`)}</Tag>
                  {x.lastRun?.problem && <Typography.Text type="danger">{t(`backup.problem_${x.lastRun.problem}`, { defaultValue: x.lastRun.problem })}</Typography.Text>}
                </Space>
              );
            },
          },
          { title: t('backup.lastSuccess'), dataIndex: 'lastSuccessAt', width: 170, render: (v: string | null) => (v ? formatInstant(v) : t('backup.never')) },
          { title: t('backup.held'), key: 'held', width: 150, render: (_v, x) => t('backup.count', { count: x.held, size: formatBytes(x.heldBytes) }) },
          { title: t('backup.pending'), key: 'pending', width: 150, render: (_v, x) => (x.pending > 0 ? <Typography.Text type="warning">{t('backup.count', { count: x.pending, size: formatBytes(x.pendingBytes) })}</Typography.Text> : '—') },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  width: 200,
                  render: (_v: unknown, x: BackupTargetDto) => (
                    <Space>
                      <Button size="small" type="primary" icon={<CloudSyncOutlined />} disabled={busy || !x.reachable} onClick={() => run.mutate({ targetId: x.id })}>
                        {t('backup.runNow')}
                      </Button>
                      <Popconfirm title={t('backup.retireConfirm')} onConfirm={() => retire.mutate({ id: x.id })}>
                        <Button size="small" type="link" danger>
                          {t('backup.retire')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AddTargetDialog onClose={() => setAdding(false)} />}
    </Card>
  );
}

function AddTargetDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ path: string; label: string }>();
  const add = useCallMutation('backup.addTarget', { invalidates: ['backup.targets'], onSuccess: onClose, errors: 'inline' });
  return (
    <Modal open title={t('backup.add')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={add.isPending}>
      {add.isError && <Alert type="error" showIcon message={errorText(t, add.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v: { path: string; label: string }) => add.mutate({ path: v.path.trim(), label: v.label.trim() })}>
        <Form.Item
          name="path"
          label={t('backup.path')}
          extra={t('backup.pathHelp')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: t('backup.path') }) },
            { max: LIMITS.pathMax },
            { validator: (_r, v: string | undefined) => (!v || isAbsolutePath(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('settings.sourceFolderInvalid')))) },
          ]}
        >
          <Input placeholder="F:\\档案备份   /media/backup" />
        </Form.Item>
        <Form.Item name="label" label={t('backup.label')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('backup.label') }) }, { max: LIMITS.displayNameMax }]}>
          <Input placeholder={t('backup.labelPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
