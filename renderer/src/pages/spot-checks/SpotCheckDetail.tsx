import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DrawnCaseDto, SpotCheckDto } from '../../../../shared/contract/spot-checks-dto.js';
import { callKey, useCall, useCallMutation } from '../../api/use-call.js';
import { SavedDocumentModal, useDocumentCall } from '../../components/SavedDocument.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import type { DiscRights } from '../discs/DiscDrawer.js';
import { DrawnCase, Findings, VERDICT_COLORS } from './DrawnCase.js';
import { FindingDialog } from './FindingDialog.js';

/**
 * One spot check: what was drawn and how to draw it again (period, size, seed), the drawn cases
 * with their findings, the printed report; for the supervisor, a finding per case and closing.
 */
export function SpotCheckDetail({ id, judge, discs }: { id: number; judge: boolean; discs: DiscRights | null }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reading, setReading] = useState<number | null>(null);
  const [finding, setFinding] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const detail = useCall('spotChecks.get', { id });
  const changed = (c: SpotCheckDto) => queryClient.setQueryData(callKey('spotChecks.get', { id }), c);
  const close = useCallMutation('spotChecks.close', { invalidates: ['spotChecks.list'], onSuccess: changed });
  const report = useDocumentCall('spotChecks.report');
  const c = detail.data;
  if (detail.isError) return <Alert type="error" showIcon message={errorText(t, detail.error)} />;
  if (!c) return <Card loading />;
  const open = c.closedAt === null;
  const mayJudge = judge && open;
  const byId = (caseId: number | null) => c.cases.find((d) => d.caseId === caseId);
  const latest = (d: DrawnCaseDto) => d.findings[d.findings.length - 1];
  return (
    <Card
      title={t('spotChecks.detailTitle', { number: c.number })}
      extra={
        <Space>
          <Button icon={<PrinterOutlined />} loading={report.call.isPending} onClick={() => report.call.mutate({ id })} data-testid="spot-report">
            {t('spotChecks.report')}
          </Button>
          {mayJudge && (
            <Popconfirm
              title={t('spotChecks.closeConfirm')}
              description={<Input.TextArea value={note} onChange={(e) => setNote(e.target.value)} placeholder={t('spotChecks.closeNote')} maxLength={1000} rows={2} style={{ width: 320 }} />}
              onOpenChange={() => setNote('')}
              onConfirm={() => close.mutate({ id, note: note.trim() || undefined })}
            >
              <Button loading={close.isPending} data-testid="spot-close">
                {t('spotChecks.close')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      }
      data-testid="spot-detail"
    >
      {c.drawn < c.requested && <Alert type="info" showIcon message={t('spotChecks.allDrawn', { candidates: c.candidates, requested: c.requested })} style={{ marginBottom: 16 }} data-testid="spot-all-drawn" />}
      <Descriptions bordered size="small" column={3} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('spotChecks.period')}>{t('spotChecks.periodText', { from: c.from, to: c.to })}</Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.seed')}>
          <Typography.Text strong copyable data-testid="spot-seed">
            {String(c.seed)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.sample')}>{t('spotChecks.sampleText', { drawn: c.drawn, candidates: c.candidates })}</Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.drawnBy')}>{`${c.drawnBy}，${formatInstant(c.drawnAt, false)}`}</Descriptions.Item>
        <Descriptions.Item label={t('spotChecks.state')} span={2}>
          {open ? <Tag color="blue">{t('spotChecks.open')}</Tag> : <Tag>{t('spotChecks.closedBy', { by: c.closedBy, at: formatInstant(c.closedAt, false) })}</Tag>}
          {c.closingNote}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="secondary">{t('spotChecks.repeatHelp')}</Typography.Paragraph>
      <Table<DrawnCaseDto>
        rowKey="caseId"
        size="middle"
        dataSource={c.cases}
        pagination={false}
        // In the width of a 1366-pixel screen: the findings take what the fixed columns leave and
        // wrap, instead of sliding under the action buttons behind a sideways scroll.
        tableLayout="fixed"
        data-testid="drawn-cases"
        columns={[
          { title: t('spotChecks.position'), dataIndex: 'position', width: 56 },
          {
            title: t('cases.caseNo'),
            dataIndex: 'caseNo',
            width: 176,
            render: (v: string, d) => (
              <Space size={4} wrap>
                <Typography.Link onClick={() => setReading(d.caseId)}>{v}</Typography.Link>
                {d.checkerHandles && <Tag color="red">{t('spotChecks.ownCase')}</Tag>}
              </Space>
            ),
          },
          { title: t('cases.kind'), dataIndex: 'kind', width: 128, render: (k: DrawnCaseDto['kind']) => t(`cases.kind_${k}`) },
          { title: t('cases.cause'), dataIndex: 'cause', width: 108, ellipsis: true },
          { title: t('spotChecks.ledgerDay'), dataIndex: 'ledgerDay', width: 100 },
          {
            title: t('spotChecks.verdict'),
            key: 'verdict',
            width: 104,
            render: (_v, d) => {
              const last = latest(d);
              return last ? <Tag color={VERDICT_COLORS[last.verdict]}>{t(`spotChecks.verdict_${last.verdict}`)}</Tag> : <Tag>{t('spotChecks.unchecked')}</Tag>;
            },
          },
          { title: t('spotChecks.findings'), key: 'findings', render: (_v, d) => <Findings findings={d.findings} /> },
          {
            title: '',
            key: 'actions',
            // One above the other, so either language's labels fit a narrow column whole.
            width: 140,
            render: (_v, d) => (
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Button size="small" block onClick={() => setReading(d.caseId)} data-testid="drawn-read">
                  {t('spotChecks.read')}
                </Button>
                {mayJudge && (
                  <Button size="small" type="primary" ghost block onClick={() => setFinding(d.caseId)} data-testid="drawn-finding">
                    {t('spotChecks.addFinding')}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {reading !== null && byId(reading) && (
        <DrawnCase check={c} drawn={byId(reading) as DrawnCaseDto} discs={discs} onFinding={mayJudge ? () => setFinding(reading) : null} onClose={() => setReading(null)} />
      )}
      {finding !== null && byId(finding) && (
        <FindingDialog
          checkId={id}
          drawn={byId(finding) as DrawnCaseDto}
          onClose={() => setFinding(null)}
          onSaved={(saved) => {
            changed(saved);
            setFinding(null);
          }}
        />
      )}
      {report.saved && (
        <SavedDocumentModal saved={report.saved} title={t('spotChecks.reportTitle', { number: c.number })} text={t('spotChecks.reportSaved')} testId="spot-report" onClose={report.close} />
      )}
    </Card>
  );
}
