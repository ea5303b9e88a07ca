import { useState } from 'react';
import { Alert, Button, Descriptions, Flex, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { FolderOpenOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DiscHealthDto } from '../../../../shared/contract/discs-dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { transport } from '../../api/transport.js';
import { useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { VerdictTag } from './disc-words.js';

const ALERT_TYPE = { ok: 'success', altered: 'error', unreadable: 'error', unknown: 'warning' } as const;

/**
 * The health check (光盘检查): a filed disc in a drive, a mounted or copied folder, or an image
 * file, read in full and compared file by file with the register. The result goes into the disc's
 * history; a disc this office never made is said to be unknown, not "fine".
 */
export function HealthCheckDialog({ initialPath, onClose }: { initialPath?: string; onClose: () => void }) {
  const { t } = useTranslation();
  const [source, setSource] = useState(initialPath ?? '');
  const check = useCallMutation('discs.check', { invalidates: ['discs.list', 'discs.get'], errors: 'inline' });
  const pick = transport.pickFolder;
  const run = () => source.trim() && check.mutate({ path: source.trim() });
  return (
    <Modal open width={760} title={t('discs.checkTitle')} onCancel={onClose} maskClosable={false} footer={<Button onClick={onClose}>{t('discs.close')}</Button>} data-testid="check-dialog">
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('discs.checkHelp')}
        </Typography.Paragraph>
        <Flex gap={8}>
          <Input
            value={source}
            onChange={(e) => setSource(e.target.value)}
            onPressEnter={run}
            placeholder={t('discs.checkPlaceholder')}
            maxLength={LIMITS.pathMax}
            disabled={check.isPending}
            aria-label={t('discs.checkPath')}
            data-testid="check-path"
          />
          {pick && (
            <Button icon={<FolderOpenOutlined />} disabled={check.isPending} onClick={() => void pick().then((p) => p && setSource(p))}>
              {t('importer.browse')}
            </Button>
          )}
          <Button type="primary" loading={check.isPending} disabled={!source.trim()} onClick={run} data-testid="check-start">
            {t('discs.checkStart')}
          </Button>
        </Flex>
        {check.isPending && <Alert type="info" showIcon message={t('discs.checkReading')} />}
        {check.isError && <Alert type="error" showIcon message={errorText(t, check.error)} role="alert" />}
        {check.data && !check.isPending && <HealthResult found={check.data} />}
      </Space>
    </Modal>
  );
}

function HealthResult({ found }: { found: DiscHealthDto }) {
  const { t } = useTranslation();
  const values = { number: found.disc?.number ?? '—', caseNo: found.caseNo ?? found.disc?.caseNo ?? '—', ok: found.filesOk, count: found.problems.length };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="check-result">
      <Alert type={ALERT_TYPE[found.verdict]} showIcon message={t(`discs.verdictText_${found.verdict}`, values)} description={t(`discs.verdictHelp_${found.verdict}`)} />
      <Descriptions size="small" bordered column={2}>
        <Descriptions.Item label={t('discs.verdict')}>
          <VerdictTag verdict={found.verdict} />
        </Descriptions.Item>
        <Descriptions.Item label={t('discs.filesOk')}>{found.filesOk}</Descriptions.Item>
        <Descriptions.Item label={t('discs.number')}>{found.disc?.number ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('discs.caseNo')}>{values.caseNo}</Descriptions.Item>
        {found.tagmanifestSha256 && (
          <Descriptions.Item label={t('discs.tagmanifest')} span={2}>
            <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {found.tagmanifestSha256}
            </Typography.Text>
          </Descriptions.Item>
        )}
      </Descriptions>
      {found.problems.length > 0 && <ProblemTable problems={found.problems} />}
    </Space>
  );
}

const PROBLEM_COLORS = { mismatch: 'red', missing: 'red', extra: 'orange', unreadable: 'volcano' } as const;

/** Each file a check found wrong, and how. */
export function ProblemTable({ problems }: { problems: DiscHealthDto['problems'] }) {
  const { t } = useTranslation();
  return (
    <Table
      rowKey={(p) => `${p.problem}:${p.path}`}
      size="small"
      pagination={problems.length > 10 ? { pageSize: 10, size: 'small' } : false}
      dataSource={problems}
      data-testid="check-problems"
      columns={[
        { title: t('discs.problem'), dataIndex: 'problem', width: 110, render: (p: keyof typeof PROBLEM_COLORS) => <Tag color={PROBLEM_COLORS[p]}>{t(`discs.problem_${p}`)}</Tag> },
        { title: t('discs.path'), dataIndex: 'path', ellipsis: true },
      ]}
    />
  );
}
