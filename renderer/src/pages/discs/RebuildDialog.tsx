import { Alert, Form, Input, Modal, Select, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiscDetailDto } from '../../../../shared/contract/discs-dto.js';
import { DISC_MEDIUM_CODES, type DiscMedium } from '../../../../shared/rules/disc-media.js';
import { errorText } from '../../lib/errors.js';
import { BuiltDiscs } from './BuiltDiscs.js';
import { DiscJobProgress, JobProblem, useOwnDiscJob } from './disc-job.js';
import { mediumLabel } from './disc-words.js';

/**
 * A replacement for a lost or damaged disc: the same evidence built again as a new disc that
 * names the one it replaces and why. The old disc stays in the register, as filed.
 */
export function RebuildDialog({ disc, onClose }: { disc: DiscDetailDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string; medium: DiscMedium }>();
  const { jobId, job, cancel, start: build } = useOwnDiscJob('discs.build');
  const recordIds = [...new Set(disc.files.map((f) => f.recordId))];
  const j = job.data;
  const started = jobId !== null;
  return (
    <Modal
      open
      width={760}
      title={t('discs.rebuildTitle', { number: disc.number })}
      onCancel={onClose}
      maskClosable={false}
      okText={t('discs.rebuildStart')}
      cancelText={t(started ? 'discs.close' : 'common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ disabled: started, loading: build.isPending, hidden: started }}
      data-testid="rebuild-dialog"
    >
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('discs.rebuildHelp', { index: disc.index, count: disc.count, number: disc.number, files: recordIds.length })}</Typography.Paragraph>
        {build.isError && <Alert type="error" showIcon message={errorText(t, build.error)} role="alert" />}
        <Form
          form={form}
          layout="vertical"
          disabled={started}
          initialValues={{ medium: disc.medium, reason: '' }}
          onFinish={(v: { reason: string; medium: DiscMedium }) => build.mutate({ caseId: disc.caseId, recordIds, medium: v.medium, replaces: { discId: disc.id, reason: v.reason.trim() } })}
        >
          <Form.Item name="reason" label={t('discs.rebuildReason')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('discs.rebuildReason') }) }, { max: 500 }]}>
            <Input.TextArea rows={2} maxLength={500} placeholder={t('discs.rebuildReasonPlaceholder')} data-testid="rebuild-reason" />
          </Form.Item>
          <Form.Item name="medium" label={t('discs.medium')} style={{ marginBottom: 0 }}>
            <Select style={{ width: 220 }} options={DISC_MEDIUM_CODES.map((m) => ({ value: m, label: mediumLabel(m) }))} />
          </Form.Item>
        </Form>
        {started && !j && <Spin />}
        {j && j.state === 'running' && <DiscJobProgress job={j} onCancel={() => cancel.mutate({ jobId: j.id })} />}
        {j && j.state === 'finished' && <BuiltDiscs job={j} />}
        {j && <JobProblem job={j} />}
      </Space>
    </Modal>
  );
}
