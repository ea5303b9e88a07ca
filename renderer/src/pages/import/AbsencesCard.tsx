import { useState } from 'react';
import { Alert, Button, Card, DatePicker, Flex, Form, Input, Modal, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import type { AbsenceDto } from '../../../../shared/contract/records-dto.js';
import { errorText } from '../../lib/errors.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { formatWallClock } from '../../lib/format.js';

const WALL = 'YYYY-MM-DDTHH:mm:ss';
const PICKER = 'YYYY-MM-DD HH:mm';

interface AbsenceForm {
  officerId: number;
  startsAt: Dayjs;
  returnedAt: Dayjs;
  reason: string;
}

/**
 * Officers away on duty (remote area, on the water): the rules restart the upload clock on the
 * return, so recordings imported afterwards are judged from it. Entries are withdrawn, not edited.
 */
export function AbsencesCard() {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const absences = useCall('absences.list', {});
  const [why, setWhy] = useState('');
  const withdraw = useCallMutation('absences.withdraw', { invalidates: ['absences.list'] });
  return (
    <Card
      title={t('absences.title')}
      extra={
        <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('absences.add')}
        </Button>
      }
      data-testid="absences"
    >
      <Alert type="info" showIcon message={t('absences.help')} style={{ marginBottom: 12 }} />
      <Table<AbsenceDto>
        rowKey="id"
        size="small"
        loading={absences.isPending}
        dataSource={absences.data ?? []}
        pagination={(absences.data?.length ?? 0) > 10 ? { pageSize: 10, showSizeChanger: false } : false}
        locale={{ emptyText: t('absences.empty') }}
        columns={[
          { title: t('absences.officer'), dataIndex: 'officerName', width: 120 },
          { title: t('absences.period'), key: 'period', width: 280, render: (_v, a) => `${formatWallClock(a.startsAt, false)} — ${formatWallClock(a.returnedAt, false)}` },
          { title: t('absences.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('absences.by'), dataIndex: 'createdBy', width: 130 },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 140,
            render: (_v, a) =>
              a.withdrawn ? (
                <Tag>{t('absences.withdrawn')}</Tag>
              ) : (
                <Popconfirm
                  title={t('absences.withdrawConfirm')}
                  description={<Input value={why} onChange={(e) => setWhy(e.target.value)} maxLength={500} placeholder={t('absences.withdrawReason')} />}
                  okButtonProps={{ disabled: why.trim().length === 0 }}
                  onOpenChange={() => setWhy('')}
                  onConfirm={() => withdraw.mutate({ id: a.id, reason: why.trim() })}
                >
                  <Button size="small" type="link" danger>
                    {t('absences.withdraw')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      {adding && <AddAbsenceDialog onClose={() => setAdding(false)} />}
    </Card>
  );
}

function AddAbsenceDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AbsenceForm>();
  const accounts = useCall('accounts.list', {});
  const save = useCallMutation('absences.add', { announce: true, invalidates: ['absences.list'], onSuccess: onClose, errors: 'inline' });
  const officers = (accounts.data ?? []).filter((a) => !a.disabled).map((a) => ({ value: a.id, label: `${a.displayName}${a.officerNo ? `（${a.officerNo}）` : ''}` }));
  return (
    <Modal open title={t('absences.add')} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending}>
      {save.isError && <Alert type="error" showIcon message={errorText(t, save.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v: AbsenceForm) => save.mutate({ officerId: v.officerId, startsAt: v.startsAt.format(WALL), returnedAt: v.returnedAt.format(WALL), reason: v.reason.trim() })}>
        <Form.Item name="officerId" label={t('absences.officer')} rules={[{ required: true, message: t('validation.required', { field: t('absences.officer') }) }]}>
          <Select showSearch optionFilterProp="label" options={officers} loading={accounts.isPending} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="startsAt" label={t('absences.left')} rules={[{ required: true, message: t('validation.required', { field: t('absences.left') }) }]} style={{ flex: 1 }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER} needConfirm={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="returnedAt"
            label={t('absences.returned')}
            dependencies={['startsAt']}
            rules={[
              { required: true, message: t('validation.required', { field: t('absences.returned') }) },
              ({ getFieldValue }) => ({
                validator: (_r, v: Dayjs | undefined) => {
                  const left = getFieldValue('startsAt') as Dayjs | undefined;
                  return !v || !left || v.isAfter(left) ? Promise.resolve() : Promise.reject(new Error(t('absences.returnAfterLeave')));
                },
              }),
            ]}
            style={{ flex: 1 }}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format={PICKER} needConfirm={false} style={{ width: '100%' }} />
          </Form.Item>
        </Flex>
        <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
          {t('absences.periodHelp')}
        </Typography.Paragraph>
        <Form.Item name="reason" label={t('absences.reason')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('absences.reason') }) }, { max: 500 }]}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('absences.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
