import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ViewingDto } from '../../../../shared/contract/viewings-dto.js';
import { can } from '../../../../shared/roles.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { useSession } from '../../app/session.js';
import { requiredText } from '../../lib/rules.js';
import { errorText } from '../../lib/errors.js';
import { formatDuration } from '../../lib/format-size.js';
import { formatInstant, workstationText } from '../../lib/format.js';
import { windowText } from './request-words.js';
import { ViewingEndTag } from './viewing-words.js';

type ViewingEvent = ViewingDto['events'][number];

const EVENT_COLORS: Record<ViewingEvent['event'], string> = { opened: 'default', play: 'green', pause: 'gold', seek: 'blue', ended: 'purple' };

/** What the viewer reported for one item, in order: when, what, and where in the recording. */
function ItemEvents({ item, events }: { item: ViewingDto['items'][number]; events: ViewingEvent[] }) {
  const { t } = useTranslation();
  return (
    <div data-testid="viewing-item">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {item.name} <Tag>{t(`library.${item.mediaType}`, { defaultValue: item.mediaType })}</Tag>
      </Typography.Title>
      {events.length === 0 ? (
        <Typography.Text type="secondary">{t('viewings.noEvents')}</Typography.Text>
      ) : (
        <Table<ViewingEvent>
          rowKey={(e) => `${e.at}-${e.event}-${e.position ?? ''}`}
          size="small"
          pagination={false}
          dataSource={events}
          columns={[
            { title: t('viewings.at'), dataIndex: 'at', width: 180, render: (at: string) => formatInstant(at) },
            { title: t('viewings.event'), dataIndex: 'event', width: 120, render: (e: ViewingEvent['event']) => <Tag color={EVENT_COLORS[e]}>{t(`viewings.event_${e}`)}</Tag> },
            { title: t('viewings.position'), dataIndex: 'position', render: (p: number | null) => (p === null ? '—' : formatDuration(p)) },
          ]}
        />
      )}
    </div>
  );
}

/**
 * Ends a viewing whose person walked away from an open viewer (or whose window is on another
 * workstation): the keeper says why, and the register shows it as ended by the keeper.
 */
function AbandonDialog({ viewing, onClose }: { viewing: ViewingDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const end = useCallMutation('viewings.close', { errors: 'inline', invalidates: ['viewings.get', 'viewings.list', 'requests.get', 'requests.list'], onSuccess: onClose });
  return (
    <Modal open title={t('viewings.abandonTitle', { person: viewing.person })} okText={t('viewings.abandon')} okButtonProps={{ danger: true }} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={end.isPending} destroyOnHidden data-testid="viewing-abandon-dialog">
      <Typography.Paragraph>{t('viewings.abandonHelp')}</Typography.Paragraph>
      {end.isError && <Alert type="error" showIcon message={errorText(t, end.error)} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => end.mutate({ viewingId: viewing.id, reason: v.reason })}>
        <Form.Item name="reason" label={t('viewings.abandonReason')} rules={requiredText(t, t('viewings.abandonReason'), 500)}>
          <Input.TextArea rows={3} autoFocus data-testid="viewing-abandon-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * One viewing as the register keeps it: the person, the ID check, the approval it rests on and
 * its window, why and what they viewed, who opened it where, how it ended — and for each
 * approved item what was played, paused, sought and watched to the end, with times and positions.
 */
export function ViewingDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useCall('viewings.get', { id });
  const { account } = useSession();
  const [abandoning, setAbandoning] = useState(false);
  const v = detail.data;
  return (
    <Drawer open width={820} title={v ? t('viewings.drawerTitle', { id: v.id, person: v.person }) : ''} onClose={onClose} data-testid="viewing-detail">
      {detail.isError && <Alert type="error" showIcon message={errorText(t, detail.error)} />}
      {v && (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          {!v.closedAt && account && can(account, 'requests.record') && (
            <Space>
              <Button danger icon={<StopOutlined />} onClick={() => setAbandoning(true)} data-testid="viewing-abandon">
                {t('viewings.abandon')}
              </Button>
              <Typography.Text type="secondary">{t('viewings.abandonHint')}</Typography.Text>
            </Space>
          )}
          <Descriptions bordered size="small" column={2} data-testid="viewing-facts">
            <Descriptions.Item label={t('viewings.person')}>{v.person}</Descriptions.Item>
            <Descriptions.Item label={t('viewings.idCheck')}>{v.idCheck}</Descriptions.Item>
            <Descriptions.Item label={t('viewings.approval')}>{v.approvalNumber}</Descriptions.Item>
            <Descriptions.Item label={t('viewings.kind')}>{t(`requests.kind_${v.kind}`, { defaultValue: v.kind })}</Descriptions.Item>
            <Descriptions.Item label={t('viewings.caseNo')}>{v.caseNo ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('viewings.window')}>{windowText(t, v.window)}</Descriptions.Item>
            <Descriptions.Item label={t('viewings.purpose')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{v.purpose}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('viewings.content')} span={2}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{v.content}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('viewings.openedAt')}>{t('viewings.openedLine', { at: formatInstant(v.openedAt), by: v.openedBy, workstation: workstationText(t, v.workstation) })}</Descriptions.Item>
            <Descriptions.Item label={t('viewings.closedAt')}>
              <Space size={4} wrap>
                <ViewingEndTag viewing={v} />
                {v.closedAt && formatInstant(v.closedAt)}
                {v.closeNote && <span style={{ whiteSpace: 'pre-wrap' }}>{v.closeNote}</span>}
              </Space>
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Title level={5}>{t('viewings.events')}</Typography.Title>
            {v.items.length === 0 ? (
              <Empty description={t('viewings.noItems')} />
            ) : (
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                {v.items.map((item) => (
                  <ItemEvents key={item.recordId} item={item} events={v.events.filter((e) => e.recordId === item.recordId)} />
                ))}
              </Space>
            )}
          </div>
        </Space>
      )}
      {abandoning && v && <AbandonDialog viewing={v} onClose={() => setAbandoning(false)} />}
    </Drawer>
  );
}
