import { useState } from 'react';
import { Alert, Button, Modal, Progress, Result, Typography } from 'antd';
import { FireOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { DestructionListDto } from '../../../../shared/contract/destruction-dto.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { errorText, shapeText } from '../../lib/errors.js';

/**
 * Carrying out an approved list, a step of its own: the keeper confirms (nothing destroyed comes
 * back), the core re-checks each record as it goes, and the run's outcome — how many destroyed,
 * copies on backup drives not plugged in, or why it stopped — is shown when it ends.
 */
export function ExecuteListButton({ list }: { list: DestructionListDto }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const execute = useCallMutation('destruction.execute', { errors: 'inline' });
  const jobId = execute.data?.jobId;
  const job = useCall('destruction.job', { jobId: jobId ?? 0 }, { enabled: jobId !== undefined, refetchInterval: (q) => (q.state.data?.state === 'running' ? 1000 : false) });
  const j = job.data;
  const done = j !== undefined && j.state !== 'running';
  const close = () => {
    setConfirming(false);
    execute.reset();
    void queryClient.invalidateQueries({ queryKey: ['destruction.get'] });
    void queryClient.invalidateQueries({ queryKey: ['destruction.list'] });
  };
  return (
    <>
      <Button danger type="primary" icon={<FireOutlined />} onClick={() => setConfirming(true)} data-testid="list-execute">
        {t('retention.execute')}
      </Button>
      {confirming && (
        <Modal
          open
          title={t('retention.executeTitle', { number: list.number })}
          okText={t('retention.executeConfirm')}
          okButtonProps={{ danger: true, disabled: jobId !== undefined, style: done ? { display: 'none' } : undefined }}
          cancelText={done ? t('discs.close') : t('common.cancel')}
          onOk={() => execute.mutate({ id: list.id })}
          onCancel={close}
          confirmLoading={execute.isPending || (jobId !== undefined && !done)}
          data-testid="execute-dialog"
        >
          {jobId === undefined && <Typography.Paragraph>{t('retention.executeHelp', { count: list.items.length })}</Typography.Paragraph>}
          {execute.isError && <Alert type="error" showIcon message={errorText(t, execute.error)} role="alert" />}
          {j && !done && <Progress percent={j.progress && j.progress.total > 0 ? Math.round((100 * j.progress.done) / j.progress.total) : 0} status="active" />}
          {j && done && (
            <Result
              status={j.state === 'finished' ? 'success' : 'warning'}
              title={j.state === 'finished' ? t('retention.executed', { count: j.destroyed }) : t('retention.executeStopped', { count: j.destroyed })}
              subTitle={[j.problem ? shapeText(t, j.problem) : '', j.pendingCopies > 0 ? t('retention.pendingCopies', { count: j.pendingCopies }) : ''].filter(Boolean).join(' ')}
              data-testid="execute-result"
            />
          )}
        </Modal>
      )}
    </>
  );
}
