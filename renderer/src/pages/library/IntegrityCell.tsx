import { useState } from 'react';
import { Descriptions, Modal, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordDto } from '../../../../shared/contract/records-dto.js';
import { formatInstant } from '../../lib/format.js';
import { useCall } from '../../api/use-call.js';

const COLORS = { ok: 'green', alarm: 'red', unchecked: 'default' } as const;

/** The record's integrity wherever it is listed; a click shows its history (capture, every check, alarms). */
export function IntegrityCell({ record, withHistory }: { record: RecordDto; withHistory: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tag color={COLORS[record.integrity.state]} style={{ cursor: withHistory ? 'pointer' : undefined }} onClick={withHistory ? () => setOpen(true) : undefined} data-testid="integrity-tag">
        {t(`integrity.state_${record.integrity.state}`)}
      </Tag>
      {open && <HistoryDialog record={record} onClose={() => setOpen(false)} />}
    </>
  );
}

function HistoryDialog({ record, onClose }: { record: RecordDto; onClose: () => void }) {
  const { t } = useTranslation();
  const history = useCall('records.integrity', { recordId: record.id });
  const h = history.data;
  return (
    <Modal open title={`${t('integrity.historyTitle')} · ${record.originalName}`} footer={null} onCancel={onClose} width={720}>
      {h && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('integrity.captured')}>
              {formatInstant(h.captured.at)} · {h.captured.by}
            </Descriptions.Item>
            <Descriptions.Item label="SHA-256">
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                {h.captured.sha256}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label="SM3">
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                {h.captured.sm3}
              </Typography.Text>
            </Descriptions.Item>
          </Descriptions>
          {h.alarms.map((a) => (
            <Typography.Paragraph key={a.id} type={a.resolvedAt ? 'secondary' : 'danger'} style={{ marginTop: 12 }}>
              {t(`integrity.kind_${a.kind}`)} · {t('integrity.raisedAt', { at: formatInstant(a.raisedAt) })}
              {a.resolvedAt && ` · ${formatInstant(a.resolvedAt)} ${a.resolution ?? ''}`}
            </Typography.Paragraph>
          ))}
          <Table
            style={{ marginTop: 12 }}
            size="small"
            rowKey={(c) => `${c.runId}:${c.at}`}
            dataSource={h.checks}
            pagination={h.checks.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            columns={[
              { title: t('integrity.checkedAt'), dataIndex: 'at', render: (v: string) => formatInstant(v) },
              { title: t('integrity.outcome'), dataIndex: 'outcome', render: (o: string) => <Tag color={o === 'ok' ? 'green' : 'red'}>{t(`integrity.outcome_${o}`)}</Tag> },
            ]}
          />
        </>
      )}
    </Modal>
  );
}
