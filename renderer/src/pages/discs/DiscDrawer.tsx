import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Flex, Space, Table, Tag, Timeline, Typography } from 'antd';
import { EnvironmentOutlined, FireOutlined, RedoOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DiscDetailDto } from '../../../../shared/contract/discs-dto.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format-size.js';
import { formatInstant } from '../../lib/format.js';
import { BurnDialog } from './BurnDialog.js';
import { DiscStateTag, VerdictTag, mediumLabel } from './disc-words.js';
import { HealthCheckDialog, ProblemTable } from './HealthCheckDialog.js';
import { PrintLabelsButton } from './labels.js';
import { LocationDialog } from './LocationDialog.js';
import { RebuildDialog } from './RebuildDialog.js';

type Dialog = 'burn' | 'locate' | 'rebuild' | 'check' | null;

export interface DiscRights {
  manage: boolean;
  check: boolean;
}

/**
 * One disc of the register: what it holds (each file with its SHA-256), where it is filed, every
 * check of it, the other discs of its set and what it replaces; the keeper's actions on top.
 */
export function DiscDrawer({ id, rights, onClose, onOpen }: { id: number; rights: DiscRights; onClose: () => void; onOpen: (id: number) => void }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<Dialog>(null);
  const detail = useCall('discs.get', { id });
  const d = detail.data;
  const siblings = useCall('discs.list', { caseId: d?.caseId ?? 0 }, { enabled: Boolean(d) });
  const replacedBy = (siblings.data ?? []).filter((x) => x.replaces?.id === id);
  const actions = d && (
    <Space wrap>
      {rights.manage && d.state === 'image' && (
        <Button type="primary" icon={<FireOutlined />} onClick={() => setDialog('burn')} data-testid="disc-burn">
          {t('discs.burn')}
        </Button>
      )}
      {rights.manage && (
        <Button icon={<EnvironmentOutlined />} onClick={() => setDialog('locate')} data-testid="disc-locate">
          {t('discs.setLocation')}
        </Button>
      )}
      {rights.manage && <PrintLabelsButton ids={[d.id]} />}
      {rights.check && (
        <Button icon={<SafetyCertificateOutlined />} onClick={() => setDialog('check')} data-testid="disc-check">
          {t('discs.check')}
        </Button>
      )}
      {rights.manage && (
        <Button icon={<RedoOutlined />} onClick={() => setDialog('rebuild')} data-testid="disc-rebuild">
          {t('discs.rebuild')}
        </Button>
      )}
    </Space>
  );
  return (
    <Drawer open width={960} title={d ? t('discs.drawerTitle', { number: d.number, caseNo: d.caseNo }) : ''} onClose={onClose} data-testid="disc-detail">
      {detail.isError && <Alert type="error" showIcon message={errorText(t, detail.error)} />}
      {d && (
        <Space direction="vertical" size={20} style={{ width: '100%' }}>
          {actions}
          <Descriptions bordered size="small" column={2} data-testid="disc-facts">
            <Descriptions.Item label={t('discs.number')}>
              <Typography.Text strong>{d.number}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('discs.caseNo')}>{d.caseNo}</Descriptions.Item>
            <Descriptions.Item label={t('discs.discOf')}>{t('discs.discOfLong', { index: d.index, count: d.count })}</Descriptions.Item>
            <Descriptions.Item label={t('discs.medium')}>{mediumLabel(d.medium)}</Descriptions.Item>
            <Descriptions.Item label={t('discs.state')}>
              <DiscStateTag state={d.state} />
            </Descriptions.Item>
            <Descriptions.Item label={t('discs.volumeLabel')}>
              <Typography.Text code>{d.volumeLabel}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('discs.built')}>{t('discs.atBy', { at: formatInstant(d.builtAt), by: d.builtBy ?? t('common.system') })}</Descriptions.Item>
            <Descriptions.Item label={t('discs.burned')}>{d.burnedAt ? t('discs.atBy', { at: formatInstant(d.burnedAt), by: d.burnedBy ?? t('common.system') }) : t('discs.notBurned')}</Descriptions.Item>
            <Descriptions.Item label={t('discs.files')}>{t('discs.filesSize', { count: d.fileCount, size: formatBytes(d.payloadBytes) })}</Descriptions.Item>
            <Descriptions.Item label={t('discs.location')}>{d.location ?? <Typography.Text type="warning">{t('discs.noLocation')}</Typography.Text>}</Descriptions.Item>
            <Descriptions.Item label={t('discs.image')} span={2}>
              <Flex gap={8} align="center" wrap>
                <Typography.Text code copyable style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="disc-image-path">
                  {d.imagePath}
                </Typography.Text>
                <Typography.Text type="secondary">{formatBytes(d.imageBytes)}</Typography.Text>
                {d.imagePresent ? <Tag color="green">{t('discs.imagePresent')}</Tag> : <Tag color="orange">{t('discs.imageGone')}</Tag>}
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('discs.tagmanifest')} span={2}>
              <Typography.Text code copyable style={{ fontSize: 12 }}>
                {d.tagmanifestSha256}
              </Typography.Text>
            </Descriptions.Item>
            {d.replaces && (
              <Descriptions.Item label={t('discs.replaces')} span={2}>
                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(d.replaces?.id as number)} data-testid="disc-replaces">
                  {d.replaces.number}
                </Button>
                <Typography.Text type="secondary">{t('discs.replaceReason', { reason: d.replaces.reason })}</Typography.Text>
              </Descriptions.Item>
            )}
            {replacedBy.length > 0 && (
              <Descriptions.Item label={t('discs.replacedBy')} span={2}>
                <Space>
                  {replacedBy.map((r) => (
                    <Button key={r.id} type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(r.id)}>
                      {r.number}
                    </Button>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
          {d.set.length > 1 && (
            <div>
              <Typography.Title level={5}>{t('discs.set', { count: d.set.length })}</Typography.Title>
              <Space wrap>
                {d.set.map((s) =>
                  s.id === d.id ? (
                    <Tag key={s.id} color="blue">
                      {t('discs.setItem', { index: s.index, number: s.number })}
                    </Tag>
                  ) : (
                    <Button key={s.id} size="small" onClick={() => onOpen(s.id)}>
                      {t('discs.setItem', { index: s.index, number: s.number })}
                    </Button>
                  ),
                )}
              </Space>
            </div>
          )}
          <div>
            <Typography.Title level={5}>{t('discs.filesTitle', { count: d.files.length })}</Typography.Title>
            <Table<DiscDetailDto['files'][number]>
              rowKey="path"
              size="small"
              pagination={false}
              dataSource={d.files}
              data-testid="disc-files"
              columns={[
                { title: t('discs.path'), dataIndex: 'path', ellipsis: true },
                { title: t('discs.size'), dataIndex: 'size', width: 100, align: 'right', render: (b: number) => formatBytes(b) },
                {
                  title: 'SHA-256',
                  dataIndex: 'sha256',
                  width: 330,
                  render: (h: string) => (
                    <Typography.Text code copyable={{ text: h }} style={{ fontSize: 11 }}>
                      {`${h.slice(0, 16)}…${h.slice(-16)}`}
                    </Typography.Text>
                  ),
                },
              ]}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('discs.checksTitle')}</Typography.Title>
            {d.checks.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('discs.noChecks')} style={{ margin: 0 }} />
            ) : (
              <Timeline
                data-testid="disc-checks"
                items={d.checks.map((c) => ({
                  color: c.outcome === 'ok' ? 'green' : 'red',
                  children: (
                    <div>
                      <Flex gap={8} align="center" wrap>
                        <Typography.Text>{formatInstant(c.at)}</Typography.Text>
                        <Typography.Text strong>{t(`discs.checkKind_${c.kind}`)}</Typography.Text>
                        <VerdictTag verdict={c.outcome} />
                        <Typography.Text type="secondary">{t('discs.checkLine', { by: c.by ?? t('common.system'), ok: c.filesOk })}</Typography.Text>
                      </Flex>
                      <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
                        {t('discs.checkSource', { source: c.source })}
                      </Typography.Text>
                      {c.problems.length > 0 && (
                        <div style={{ marginTop: 8 }}>
                          <ProblemTable problems={c.problems} />
                        </div>
                      )}
                    </div>
                  ),
                }))}
              />
            )}
          </div>
        </Space>
      )}
      {d && dialog === 'burn' && <BurnDialog disc={d} onClose={() => setDialog(null)} />}
      {d && dialog === 'locate' && <LocationDialog disc={d} onClose={() => setDialog(null)} />}
      {d && dialog === 'rebuild' && <RebuildDialog disc={d} onClose={() => setDialog(null)} />}
      {d && dialog === 'check' && <HealthCheckDialog initialPath={d.imagePresent ? d.imagePath : undefined} onClose={() => setDialog(null)} />}
    </Drawer>
  );
}
