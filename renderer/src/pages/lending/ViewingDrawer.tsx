import { Alert, Descriptions, Drawer, Empty, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ViewingDto } from '../../../../shared/contract/viewings-dto.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatDuration } from '../../lib/format-size.js';
import { formatInstant } from '../../lib/format.js';
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
 * One viewing as the register keeps it: the person, the ID check, the approval it rests on and
 * its window, why and what they viewed, who opened it where, how it ended — and for each
 * approved item what was played, paused, sought and watched to the end, with times and positions.
 */
export function ViewingDrawer({ id, onClose }: { id: number; onClose: () => void }) {
  const { t } = useTranslation();
  const detail = useCall('viewings.get', { id });
  const v = detail.data;
  return (
    <Drawer open width={820} title={v ? t('viewings.drawerTitle', { id: v.id, person: v.person }) : ''} onClose={onClose} data-testid="viewing-detail">
      {detail.isError && <Alert type="error" showIcon message={errorText(t, detail.error)} />}
      {v && (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
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
            <Descriptions.Item label={t('viewings.openedAt')}>{t('viewings.openedLine', { at: formatInstant(v.openedAt), by: v.openedBy, workstation: v.workstation })}</Descriptions.Item>
            <Descriptions.Item label={t('viewings.closedAt')}>
              <Space size={4} wrap>
                <ViewingEndTag viewing={v} />
                {v.closedAt && formatInstant(v.closedAt)}
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
    </Drawer>
  );
}
