import { useState } from 'react';
import { App as AntApp, Button, Flex, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { can } from '../../../../shared/roles.js';
import { formatInstant } from '../../lib/format.js';
import { AccountDialog, type AccountDialogMode } from './AccountDialog.js';
import { useCall, useCallMutation } from '../../api/use-call.js';

export function AccountsPanel({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const manage = can(account, 'accounts.manage');
  const [dialog, setDialog] = useState<AccountDialogMode | null>(null);
  const list = useCall('accounts.list', {});
  const setDisabled = useCallMutation('accounts.setDisabled', { invalidates: ['accounts.list'] });
  const toggle = (a: AccountDto) => setDisabled.mutate({ id: a.id, disabled: !a.disabled });
  const now = new Date().toISOString();

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('accounts.noDelete')}</Typography.Text>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            {t('accounts.add')}
          </Button>
        )}
      </Flex>
      <Table<AccountDto>
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        pagination={false}
        data-testid="accounts-table"
        columns={[
          { title: t('accounts.username'), dataIndex: 'username' },
          { title: t('accounts.displayName'), dataIndex: 'displayName' },
          { title: t('accounts.role'), dataIndex: 'role', render: (r: string) => t(`roles.${r}`) },
          { title: t('accounts.officerNo'), dataIndex: 'officerNo', render: (v: string | null) => v ?? '' },
          { title: t('accounts.admin'), dataIndex: 'isAdmin', render: (v: boolean) => (v ? <Tag color="blue">{t('accounts.admin')}</Tag> : null) },
          {
            title: t('accounts.status'),
            render: (_, a) =>
              a.disabled ? (
                <Tag>{t('accounts.disabled')}</Tag>
              ) : a.lockedUntil && a.lockedUntil > now ? (
                <Tag color="orange">{t('accounts.locked', { until: formatInstant(a.lockedUntil) })}</Tag>
              ) : (
                <Tag color="green">{t('accounts.active')}</Tag>
              ),
          },
          { title: t('accounts.lastLogin'), dataIndex: 'lastLoginAt', render: (v: string | null) => (v ? formatInstant(v) : t('accounts.never')) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, a: AccountDto) => (
                    <Space>
                      <Button size="small" onClick={() => setDialog({ kind: 'officerNo', account: a })}>
                        {t('accounts.setOfficerNo')}
                      </Button>
                      <Button size="small" onClick={() => setDialog({ kind: 'reset', account: a })}>
                        {t('accounts.resetPassword')}
                      </Button>
                      {a.disabled ? (
                        <Button size="small" onClick={() => toggle(a)}>
                          {t('accounts.enable')}
                        </Button>
                      ) : (
                        <Popconfirm title={t('accounts.disableConfirm', { name: a.displayName })} onConfirm={() => toggle(a)}>
                          <Button size="small" danger disabled={a.id === account.id}>
                            {t('accounts.disable')}
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {dialog && (
        <AccountDialog
          mode={dialog}
          onClose={() => setDialog(null)}
          onDone={(text) => {
            setDialog(null);
            void message.success(text);
            void queryClient.invalidateQueries({ queryKey: ['accounts.list'] });
          }}
        />
      )}
    </>
  );
}
