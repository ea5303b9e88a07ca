import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Form, Input, Progress, Radio, Space, Spin, Steps, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SystemStatus } from '../../../../shared/contract/dto.js';
import type { DiscPlanDto } from '../../../../shared/contract/discs-dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { DISC_MEDIA, DISC_MEDIUM_CODES, discOverhead, sectorBytes, type DiscMedium } from '../../../../shared/rules/disc-media.js';
import { transport } from '../../api/transport.js';
import { useCall } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatBytes } from '../../lib/format-size.js';
import { formatWallClock } from '../../lib/format.js';
import { EditFactsDialog } from '../cases/EditFactsDialog.js';
import { AssignOfficerDialog } from '../library/OfficerCell.js';
import { BuiltDiscs } from './BuiltDiscs.js';
import { CasePicker } from './CasePicker.js';
import { DiscJobProgress, JobProblem, RunningJob, useOwnDiscJob } from './disc-job.js';
import { defaultImageFolder, mediumLabel } from './disc-words.js';

type PlanRecord = DiscPlanDto['discs'][number]['records'][number];
type Blocked = DiscPlanDto['blocked'][number];

/** What one file may take on a disc of this medium: the disc less its papers and file-system tables. */
function roomForOne(medium: DiscMedium): number {
  return DISC_MEDIA[medium].bytes - discOverhead(1);
}

/** The smallest medium a record too large for this one would fit on, if any. */
function mediumThatFits(size: number): DiscMedium | undefined {
  return DISC_MEDIUM_CODES.find((m) => sectorBytes(size) <= roomForOne(m));
}

/** Why a record can't go on a disc, in words, with the written-description fields it lacks. */
function reasonText(t: TFunction, b: Blocked, reason: Blocked['reasons'][number], medium: DiscMedium): string {
  if (reason === 'facts_incomplete' && b.missing.length > 0) return t('discs.block_facts_missing', { fields: b.missing.map((f) => t(`cases.field_${f}`, { defaultValue: f })).join(t('discs.sep')) });
  if (reason === 'too_large') return t('discs.block_too_large', { size: formatBytes(b.size), capacity: formatBytes(roomForOne(medium)) });
  return t(`discs.block_${reason}`);
}

const REASON_COLORS = { integrity_alarm: 'red', facts_incomplete: 'orange', no_officer: 'orange', too_large: 'purple', destroyed: 'default' } as const;

/**
 * A new evidence disc (光盘附卷): the case, the evidence and the medium; the plan of discs it
 * makes, with whatever blocks a record said in words and fixed in place; then the images, built
 * as a job, and the next step, burning.
 */
export function NewDiscFlow({ initialCaseId, status, onBack }: { initialCaseId?: number; status: SystemStatus; onBack: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [caseId, setCaseId] = useState<number | undefined>(initialCaseId);
  const [medium, setMedium] = useState<DiscMedium>('dvd');
  const [excluded, setExcluded] = useState<number[]>([]);
  const [outDir, setOutDir] = useState('');
  const [describing, setDescribing] = useState<number[] | null>(null);
  const [assigning, setAssigning] = useState<Blocked | null>(null);
  const kase = useCall('cases.get', { id: caseId ?? 0 }, { enabled: caseId !== undefined });
  const evidence = (kase.data?.links ?? []).filter((l) => l.role === 'evidence');
  const recordIds = excluded.length > 0 ? evidence.map((l) => l.recordId).filter((id) => !excluded.includes(id)) : undefined;
  const nothingChosen = recordIds !== undefined && recordIds.length === 0;
  const plan = useCall('discs.plan', { caseId: caseId ?? 0, medium, recordIds }, { enabled: caseId !== undefined && kase.isSuccess && !nothingChosen, placeholderData: (prev) => prev });
  const existing = useCall('discs.list', { caseId: caseId ?? 0 }, { enabled: caseId !== undefined });
  const { jobId, setJobId, job, cancel, start: build } = useOwnDiscJob('discs.build');
  const j = job.data;
  const locked = jobId !== null;
  const p = plan.data && plan.data.caseId === caseId ? plan.data : undefined;
  const replan = () => void queryClient.invalidateQueries({ queryKey: ['discs.plan'] });
  const exclude = (id: number) => setExcluded((x) => [...x, id]);
  const nameOf = (recordId: number) => evidence.find((l) => l.recordId === recordId)?.recordName ?? `#${recordId}`;
  const canBuild = Boolean(p) && !nothingChosen && p?.blocked.length === 0 && (p?.discs.length ?? 0) > 0 && !locked;
  const current = caseId === undefined ? 0 : !locked ? 1 : j?.state === 'finished' ? 3 : 2;
  const pick = transport.pickFolder;
  const incompleteLinks = p?.blocked.filter((b) => b.reasons.includes('facts_incomplete')).map((b) => b.linkId) ?? [];

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="new-disc">
      <Card
        title={t('discs.newTitle')}
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={onBack}>
            {t('discs.backToRegister')}
          </Button>
        }
      >
        <Steps size="small" current={current} style={{ marginBottom: 24 }} items={(['stepCase', 'stepPlan', 'stepBuild', 'stepBurn'] as const).map((s) => ({ title: t(`discs.${s}`) }))} />
        {jobId === null && <RunningJob />}
        <Form layout="vertical" disabled={locked}>
          <Flex gap={24} wrap>
            <Form.Item label={t('discs.case')} style={{ marginBottom: 0 }}>
              <CasePicker
                value={caseId}
                onChange={(id) => {
                  setCaseId(id);
                  setExcluded([]);
                }}
                width={420}
                testId="disc-case"
              />
            </Form.Item>
            <Form.Item label={t('discs.medium')} extra={t('discs.mediumHelp', { size: formatBytes(DISC_MEDIA[medium].bytes), reserve: formatBytes(discOverhead(0)) })} style={{ marginBottom: 0 }}>
              <Radio.Group value={medium} onChange={(e) => setMedium(e.target.value as DiscMedium)} optionType="button" options={DISC_MEDIUM_CODES.map((m) => ({ value: m, label: mediumLabel(m) }))} data-testid="disc-medium" />
            </Form.Item>
          </Flex>
        </Form>
      </Card>

      {caseId !== undefined && (
        <Card title={t('discs.planTitle')} data-testid="disc-plan" extra={plan.isFetching && <Spin size="small" />}>
          {kase.isError && <Alert type="error" showIcon message={errorText(t, kase.error)} />}
          {plan.isError && !nothingChosen && <Alert type="error" showIcon message={errorText(t, plan.error)} role="alert" />}
          {nothingChosen && <Alert type="info" showIcon message={t('discs.nothingChosen')} />}
          {/* A case that has discs already usually needs a replacement for one, not a second set. */}
          {!locked && existing.data && existing.data.length > 0 && (
            <Alert type="info" showIcon message={t('discs.existing', { count: existing.data.length, numbers: existing.data.map((d) => d.number).join(t('discs.sep')) })} style={{ marginBottom: 16 }} data-testid="plan-existing" />
          )}
          {p && !nothingChosen && (
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              <Alert
                type={p.blocked.length > 0 ? 'warning' : 'info'}
                showIcon
                message={t('discs.planSummary', {
                  discs: p.discs.length,
                  medium: mediumLabel(p.medium),
                  records: p.discs.reduce((n, d) => n + d.records.length, 0),
                  size: formatBytes(p.discs.reduce((n, d) => n + d.bytes, 0)),
                })}
                description={t('discs.planHelp')}
                data-testid="plan-summary"
              />
              {p.blocked.length > 0 && (
                <Card
                  size="small"
                  type="inner"
                  title={<Typography.Text type="warning">{t('discs.blockedTitle', { count: p.blocked.length })}</Typography.Text>}
                  extra={
                    !locked &&
                    incompleteLinks.length > 1 && (
                      <Button size="small" onClick={() => setDescribing(incompleteLinks)}>
                        {t('discs.fixFactsAll', { count: incompleteLinks.length })}
                      </Button>
                    )
                  }
                  data-testid="plan-blocked"
                >
                  <Table<Blocked>
                    rowKey="recordId"
                    size="small"
                    pagination={false}
                    dataSource={p.blocked}
                    columns={[
                      { title: t('library.name'), dataIndex: 'name', ellipsis: true },
                      { title: t('discs.recordedAt'), dataIndex: 'recordedAt', width: 160, render: (v: string | null) => (v ? formatWallClock(v) : '—') },
                      { title: t('discs.size'), dataIndex: 'size', width: 90, align: 'right', render: (b: number) => formatBytes(b) },
                      {
                        title: t('discs.blockReason'),
                        key: 'reasons',
                        width: 300,
                        render: (_v, b) => (
                          <Space direction="vertical" size={2}>
                            {b.reasons.map((r) => (
                              <span key={r}>
                                <Tag color={REASON_COLORS[r]}>{t(`discs.blockTag_${r}`)}</Tag>
                                <Typography.Text style={{ fontSize: 12 }}>{reasonText(t, b, r, p.medium)}</Typography.Text>
                              </span>
                            ))}
                          </Space>
                        ),
                      },
                      {
                        title: t('discs.fix'),
                        key: 'fix',
                        width: 190,
                        render: (_v, b) =>
                          !locked && (
                            <Space direction="vertical" size={0} align="start">
                              {b.reasons.includes('facts_incomplete') && (
                                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setDescribing([b.linkId])} data-testid="fix-facts">
                                  {t('discs.fixFacts')}
                                </Button>
                              )}
                              {b.reasons.includes('too_large') && mediumThatFits(b.size) && (
                                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setMedium(mediumThatFits(b.size) as DiscMedium)}>
                                  {t('discs.fixMedium', { medium: mediumLabel(mediumThatFits(b.size) as DiscMedium) })}
                                </Button>
                              )}
                              {b.reasons.includes('no_officer') && (
                                <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setAssigning(b)} data-testid="fix-officer">
                                  {t('discs.fixOfficer')}
                                </Button>
                              )}
                              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => exclude(b.recordId)} data-testid="fix-exclude">
                                {t('discs.exclude')}
                              </Button>
                            </Space>
                          ),
                      },
                    ]}
                  />
                </Card>
              )}
              {p.discs.map((d) => (
                <PlanDisc key={d.index} disc={d} count={p.discs.length} capacity={p.capacity} locked={locked} onExclude={exclude} />
              ))}
              {p.discs.length === 0 && p.blocked.length > 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('discs.noDiscsYet')} />}
            </Space>
          )}
          {excluded.length > 0 && (
            <div style={{ marginTop: 16 }} data-testid="plan-excluded">
              <Typography.Text type="secondary">{t('discs.excludedTitle', { count: excluded.length })}</Typography.Text>
              <Flex wrap gap={8} style={{ marginTop: 8 }}>
                {excluded.map((id) => (
                  <Tag key={id} style={{ marginInlineEnd: 0, paddingInlineEnd: locked ? undefined : 0 }}>
                    {nameOf(id)}
                    {!locked && (
                      <Button type="link" size="small" onClick={() => setExcluded((x) => x.filter((y) => y !== id))}>
                        {t('discs.include')}
                      </Button>
                    )}
                  </Tag>
                ))}
              </Flex>
            </div>
          )}
        </Card>
      )}

      {caseId !== undefined && (
        <Card title={t('discs.buildTitle')}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Form layout="vertical" disabled={locked}>
              <Form.Item label={t('discs.outDir')} extra={t('discs.outDirHelp', { path: defaultImageFolder(status.dataDir) })} style={{ marginBottom: 0 }}>
                <Flex gap={8}>
                  <Input value={outDir} onChange={(e) => setOutDir(e.target.value)} placeholder={defaultImageFolder(status.dataDir)} maxLength={LIMITS.pathMax} data-testid="disc-outdir" />
                  {pick && (
                    <Button icon={<FolderOpenOutlined />} onClick={() => void pick().then((f) => f && setOutDir(f))}>
                      {t('importer.browse')}
                    </Button>
                  )}
                </Flex>
              </Form.Item>
            </Form>
            {build.isError && <Alert type="error" showIcon message={errorText(t, build.error)} role="alert" />}
            {!locked && (
              <Flex align="center" gap={16} wrap>
                <Button type="primary" size="large" disabled={!canBuild} loading={build.isPending} onClick={() => caseId && build.mutate({ caseId, recordIds, medium, outDir: outDir.trim() || undefined })} data-testid="disc-build">
                  {t('discs.buildStart')}
                </Button>
                <Typography.Text type="secondary">{p && p.blocked.length > 0 ? t('discs.buildBlocked') : t('discs.buildHelp')}</Typography.Text>
              </Flex>
            )}
            {locked && !j && <Spin />}
            {j && j.state === 'running' && <DiscJobProgress job={j} onCancel={() => cancel.mutate({ jobId: j.id })} />}
            {j && j.state === 'finished' && <BuiltDiscs job={j} />}
            {j && <JobProblem job={j} />}
            {j && j.state !== 'running' && j.state !== 'finished' && (
              <Button
                onClick={() => {
                  setJobId(null);
                  replan();
                }}
              >
                {t('discs.tryAgain')}
              </Button>
            )}
          </Space>
        </Card>
      )}

      {describing && kase.data && (
        <EditFactsDialog
          kase={kase.data}
          links={kase.data.links.filter((l) => describing.includes(l.id))}
          onClose={() => {
            setDescribing(null);
            replan();
          }}
        />
      )}
      {assigning && <AssignOfficerDialog record={{ id: assigning.recordId, name: assigning.name }} onClose={() => setAssigning(null)} />}
    </Space>
  );
}

/** One planned disc: 第 i 张 / 共 N 张, its volume label, how full it is, and what goes on it. */
function PlanDisc({ disc, count, capacity, locked, onExclude }: { disc: DiscPlanDto['discs'][number]; count: number; capacity: number; locked: boolean; onExclude: (id: number) => void }) {
  const { t } = useTranslation();
  const percent = Math.min(100, (disc.bytes / capacity) * 100);
  return (
    <Card
      size="small"
      type="inner"
      data-testid={`plan-disc-${disc.index}`}
      title={
        <Flex gap={12} align="center" wrap>
          <span>{t('discs.discOfLong', { index: disc.index, count })}</span>
          <Typography.Text code style={{ fontWeight: 'normal' }}>
            {disc.volumeLabel}
          </Typography.Text>
        </Flex>
      }
      extra={<Typography.Text type="secondary">{t('discs.recordsCount', { count: disc.records.length })}</Typography.Text>}
    >
      <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
        <Progress percent={percent} showInfo={false} strokeColor={percent > 95 ? '#faad14' : undefined} style={{ flex: 1, margin: 0 }} aria-label={t('discs.capacity')} />
        <Typography.Text style={{ whiteSpace: 'nowrap', fontSize: 12 }}>{t('discs.capacityText', { used: formatBytes(disc.bytes), capacity: formatBytes(capacity), percent: percent < 1 ? '< 1' : Math.round(percent) })}</Typography.Text>
      </Flex>
      <Table<PlanRecord>
        rowKey="recordId"
        size="small"
        pagination={false}
        dataSource={disc.records}
        columns={[
          { title: t('library.name'), dataIndex: 'name', ellipsis: true },
          { title: t('discs.recordedAt'), dataIndex: 'recordedAt', width: 170, render: (v: string | null) => (v ? formatWallClock(v) : '—') },
          { title: t('discs.size'), dataIndex: 'size', width: 100, align: 'right', render: (b: number) => formatBytes(b) },
          {
            title: '',
            key: 'exclude',
            width: 90,
            render: (_v, r) =>
              !locked && (
                <Button type="link" size="small" onClick={() => onExclude(r.recordId)}>
                  {t('discs.exclude')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
