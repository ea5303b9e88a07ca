import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { Alert, Button, Card, Flex, Popconfirm, Progress, Steps, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DiscJobDto } from '../../../../shared/contract/discs-dto.js';
import type { PushEvent } from '../../../../shared/contract/envelope.js';
import { usePushEvents } from '../../api/events.js';
import { callKey, useCall, useCallMutation } from '../../api/use-call.js';
import { shapeText } from '../../lib/errors.js';

/**
 * The disc job this window started last, kept for the tab's life: a build or burn runs on in the
 * core when the page is reloaded or the dialog closed, and the register picks it up again.
 */
const KEY = 'rr.discJob';
const listeners = new Set<() => void>();

export function rememberJob(jobId: number | null): void {
  if (jobId === null) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, String(jobId));
  for (const l of listeners) l();
}

function readRemembered(): number | null {
  const v = Number(sessionStorage.getItem(KEY));
  return Number.isInteger(v) && v > 0 ? v : null;
}

export function useRememberedJob(): number | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, readRemembered);
}

/**
 * A disc job as it runs: progress from push events, its state from the core (polled slowly too,
 * in case an event is missed). The view that shows a job's outcome itself is its `owner` and
 * forgets the remembered job once it ends, so the register does not repeat the outcome.
 */
export function useDiscJob(jobId: number | null, owner = false) {
  const queryClient = useQueryClient();
  const job = useCall('discs.job', { jobId: jobId ?? 0 }, { enabled: jobId !== null, refetchInterval: (q) => (q.state.data?.state === 'running' ? 2000 : false) });
  const onEvent = useCallback(
    (e: PushEvent) => {
      if (jobId === null) return;
      if (e.type === 'disc.progress' && e.payload.jobId === jobId) {
        queryClient.setQueryData<DiscJobDto>(callKey('discs.job', { jobId }), (j) => (j && j.state === 'running' ? { ...j, progress: e.payload.progress } : j));
      }
      if (e.type === 'disc.finished' && e.payload.jobId === jobId) void queryClient.invalidateQueries({ queryKey: callKey('discs.job', { jobId }) });
    },
    [jobId, queryClient],
  );
  usePushEvents(onEvent);
  const state = job.data?.state;
  useEffect(() => {
    if (!state || state === 'running') return;
    void queryClient.invalidateQueries({ queryKey: ['discs.list'] });
    void queryClient.invalidateQueries({ queryKey: ['discs.get'] });
    if (owner && readRemembered() === jobId) rememberJob(null);
  }, [state, owner, jobId, queryClient]);
  return job;
}

const BUILD_STEPS = ['papers', 'image', 'check'] as const;

/** Where a running job is: which disc, which step, how far; and a way to stop it. */
export function DiscJobProgress({ job, onCancel }: { job: DiscJobDto; onCancel: () => void }) {
  const { t } = useTranslation();
  const p = job.progress;
  const stepIndex = p ? BUILD_STEPS.indexOf(p.step as (typeof BUILD_STEPS)[number]) : -1;
  const stepPercent = Math.max(0, Math.min(100, p?.percent ?? 0));
  // A build's steps weigh the same on each disc; a burn reports its own percent.
  const overall = job.kind === 'build' && p && stepIndex >= 0 ? ((p.disc - 1 + (stepIndex + stepPercent / 100) / BUILD_STEPS.length) / Math.max(1, p.discs)) * 100 : stepPercent;
  const stepText = p ? t(`discs.step_${p.step}`, { defaultValue: t('discs.step_working') }) : t('discs.step_starting');
  return (
    <div data-testid="disc-job-progress">
      <Flex justify="space-between" align="center" gap={16} wrap>
        <Typography.Text strong>
          {t(job.kind === 'build' ? 'discs.building' : 'discs.burning')}
          {p && p.discs > 1 && ` · ${t('discs.discOfShort', { index: p.disc, count: p.discs })}`}
          {' · '}
          {stepText}
        </Typography.Text>
        <Popconfirm title={t(job.kind === 'build' ? 'discs.cancelBuildConfirm' : 'discs.cancelBurnConfirm')} okText={t('common.confirm')} cancelText={t('common.cancel')} onConfirm={onCancel}>
          <Button danger size="small">
            {t(job.kind === 'build' ? 'discs.cancelBuild' : 'discs.cancelBurn')}
          </Button>
        </Popconfirm>
      </Flex>
      <Progress percent={Math.floor(overall)} status="active" style={{ marginTop: 8 }} />
      {job.kind === 'build' && (
        <Steps
          size="small"
          current={Math.max(0, stepIndex)}
          style={{ marginTop: 12 }}
          items={BUILD_STEPS.map((s, i) => ({ title: t(`discs.step_${s}`), description: i === stepIndex ? `${Math.floor(stepPercent)}%` : undefined }))}
        />
      )}
    </div>
  );
}

/** How a finished job ended, when it did not succeed: cancelled, interrupted or failed with its reason. */
export function JobProblem({ job }: { job: DiscJobDto }) {
  const { t } = useTranslation();
  if (job.state === 'finished' || job.state === 'running') return null;
  const title = t(`discs.jobState_${job.state}_${job.kind}`);
  return <Alert type={job.state === 'cancelled' ? 'info' : 'error'} showIcon message={title} description={job.problem && job.problem.code !== 'CANCELLED' ? shapeText(t, job.problem) : undefined} role="alert" data-testid="disc-job-problem" />;
}

/**
 * The disc job this tab started, picked up again after a reload or a closed dialog: its progress
 * while it runs, then how it ended until the keeper dismisses it.
 */
export function RunningJob() {
  const { t } = useTranslation();
  const jobId = useRememberedJob();
  const job = useDiscJob(jobId);
  const cancel = useCallMutation('discs.cancel');
  const j = job.data;
  if (jobId === null || !j) return null;
  const dismiss = () => rememberJob(null);
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="running-disc-job">
      {j.state === 'running' && <DiscJobProgress job={j} onCancel={() => cancel.mutate({ jobId: j.id })} />}
      {j.state === 'finished' && <Alert type="success" showIcon closable onClose={dismiss} message={t(`discs.jobState_finished_${j.kind}`, { count: j.discIds.length })} />}
      {j.state !== 'running' && j.state !== 'finished' && (
        <Flex vertical gap={8}>
          <JobProblem job={j} />
          <Button size="small" style={{ alignSelf: 'flex-end' }} onClick={dismiss}>
            {t('discs.dismiss')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}

/**
 * A disc job this view starts and then follows to its end: the call that starts it, the job as
 * it runs (remembered for the tab), and cancel.
 */
export function useOwnDiscJob<M extends 'discs.build' | 'discs.burn'>(method: M) {
  const [jobId, setJobId] = useState<number | null>(null);
  const job = useDiscJob(jobId, true);
  const cancel = useCallMutation('discs.cancel');
  const start = useCallMutation(method, {
    errors: 'inline',
    onSuccess: ({ jobId: id }) => {
      rememberJob(id);
      setJobId(id);
    },
  });
  return { jobId, setJobId, job, cancel, start };
}
