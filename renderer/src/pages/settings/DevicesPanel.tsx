import { useState } from 'react';
import { Alert, App as AntApp, Button, Flex, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto, DeviceDto } from '../../../../shared/contract/dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { can } from '../../../../shared/roles.js';
import { errorText } from '../../lib/errors.js';
import { equipmentNoRules } from '../../lib/rules.js';
import { useCall, useCallMutation } from '../../api/use-call.js';

interface DeviceForm {
  deviceNo: string;
  label: string;
  officerId: number | null;
}

/** The equipment register: camera number → the officer it is issued to. */
export function DevicesPanel({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const manage = can(account, 'devices.manage');
  const [editing, setEditing] = useState<DeviceDto | 'new' | null>(null);
  const devices = useCall('devices.list', {});
  const accounts = useCall('accounts.list', {}, { enabled: can(account, 'accounts.read') });
  const setRetired = useCallMutation('devices.setRetired', { invalidates: ['devices.list'] });
  const retire = (d: DeviceDto) => setRetired.mutate({ id: d.id, retired: !d.retired });
  const officers = (accounts.data ?? []).filter((a) => !a.disabled).map((a) => ({ value: a.id, label: `${a.displayName}${a.officerNo ? `（${a.officerNo}）` : ''}` }));

  return (
    <>
      <Flex justify="space-between" align="center" style={{ marginBottom: 16 }} gap={16}>
        <Typography.Text type="secondary">{t('settings.devicesHelp')}</Typography.Text>
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('settings.addDevice')}
          </Button>
        )}
      </Flex>
      <Table<DeviceDto>
        rowKey="id"
        size="middle"
        loading={devices.isPending}
        dataSource={devices.data ?? []}
        pagination={false}
        data-testid="devices-table"
        columns={[
          { title: t('settings.deviceNo'), dataIndex: 'deviceNo' },
          { title: t('settings.deviceLabel'), dataIndex: 'label' },
          { title: t('settings.deviceOfficer'), dataIndex: 'officerName', render: (v: string | null) => v ?? <Typography.Text type="secondary">{t('settings.noOfficer')}</Typography.Text> },
          { title: t('settings.deviceStatus'), dataIndex: 'retired', render: (r: boolean) => (r ? <Tag>{t('settings.retired')}</Tag> : <Tag color="green">{t('settings.inService')}</Tag>) },
          ...(manage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, d: DeviceDto) => (
                    <Space>
                      <Button size="small" onClick={() => setEditing(d)}>
                        {t('settings.editDevice')}
                      </Button>
                      {d.retired ? (
                        <Button size="small" onClick={() => retire(d)}>
                          {t('settings.reinstate')}
                        </Button>
                      ) : (
                        <Popconfirm title={`${t('settings.retire')} ${d.deviceNo}?`} onConfirm={() => retire(d)}>
                          <Button size="small" danger>
                            {t('settings.retire')}
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
      {editing && (
        <DeviceDialog
          device={editing === 'new' ? null : editing}
          officers={officers}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            void message.success(t('common.saved'));
            void queryClient.invalidateQueries({ queryKey: ['devices.list'] });
          }}
        />
      )}
    </>
  );
}

function DeviceDialog({ device, officers, onClose, onSaved }: { device: DeviceDto | null; officers: { value: number; label: string }[]; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeviceForm>();
  const save = useCallMutation('devices.save', { onSuccess: onSaved, errors: 'inline' });
  return (
    <Modal open title={device ? `${t('settings.editDevice')} · ${device.deviceNo}` : t('settings.addDevice')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending}>
      {save.isError && <Alert type="error" showIcon message={errorText(t, save.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form<DeviceForm> form={form} layout="vertical" initialValues={{ deviceNo: device?.deviceNo ?? '', label: device?.label ?? '', officerId: device?.officerId ?? null }} onFinish={(v) => save.mutate({ ...(device ? { id: device.id } : {}), deviceNo: v.deviceNo.trim(), label: v.label?.trim() ?? '', officerId: v.officerId ?? null })}>
        <Form.Item name="deviceNo" label={t('settings.deviceNo')} rules={equipmentNoRules(t, true)}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="label" label={t('settings.deviceLabel')} rules={[{ max: LIMITS.displayNameMax }]}>
          <Input />
        </Form.Item>
        <Form.Item name="officerId" label={t('settings.deviceOfficer')}>
          <Select allowClear showSearch optionFilterProp="label" options={officers} placeholder={t('settings.noOfficer')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
