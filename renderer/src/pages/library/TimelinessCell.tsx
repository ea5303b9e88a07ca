import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RecordDto } from '../../../../shared/contract/records-dto.js';
import { errorText } from '../../lib/errors.js';
import { useCallMutation } from '../../api/use-call.js';
import { formatWallClock, lateText } from '../../lib/format.js';

/** A camera whose clock ran ahead of the workstation at import: its times can't be taken at face value. */
function ClockTag({ timeliness }: { timeliness: NonNullable<RecordDto['timeliness']> }) {
  const { t } = useTranslation();
  if (!timeliness.clockFlagged || timeliness.cameraAheadSeconds === null) return null;
  const ahead = lateText(t, timeliness.cameraAheadSeconds);
  return (
    <Tooltip title={t('library.clockAheadHelp', { time: ahead })}>
      <Tag color="volcano">{t('library.clockAhead', { time: ahead })}</Tag>
    </Tooltip>
  );
}

/** On time, late, or late with the keeper's explanation; the keeper can add one. */
export function TimelinessCell({ record, canExplain }: { record: RecordDto; canExplain: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const tl = record.timeliness;
  if (!tl) return null;
  const when = t('library.deadline', { deadline: formatWallClock(tl.deadlineAt), arrived: formatWallClock(tl.arrivedAt) });
  const basis = tl.absence
    ? t('library.basisAbsence', { from: formatWallClock(tl.absence.startsAt, false), to: formatWallClock(tl.absence.returnedAt, false), reason: tl.absence.reason })
    : tl.basis === 'file_name'
      ? t('library.basisName')
      : t('library.basisMtime');
  if (tl.secondsLate === 0) {
    return (
      <Space size={4}>
        <Tooltip title={`${when}（${basis}）`}>
          <Tag color="green">{tl.absence ? t('library.onTimeAway') : t('library.onTime')}</Tag>
        </Tooltip>
        <ClockTag timeliness={tl} />
      </Space>
    );
  }
  return (
    <Space size={4}>
      <ClockTag timeliness={tl} />
      <Tooltip title={`${when}（${basis}）${tl.explanation ? `：${tl.explanation}` : ''}`}>
        <Tag color={tl.explanation ? 'orange' : 'red'}>{tl.explanation ? t('library.lateExplained') : t('library.late', { time: lateText(t, tl.secondsLate) })}</Tag>
      </Tooltip>
      {canExplain && (
        <Button size="small" type="link" onClick={() => setOpen(true)}>
          {t('library.explain')}
        </Button>
      )}
      {open && <ExplainDialog record={record} onClose={() => setOpen(false)} />}
    </Space>
  );
}

function ExplainDialog({ record, onClose }: { record: RecordDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const save = useCallMutation('records.explainLate', { announce: true, invalidates: ['records.list'], onSuccess: onClose, errors: 'inline' });
  return (
    <Modal open title={`${t('library.explainTitle')} · ${record.originalName}`} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending}>
      {save.isError && <Alert type="error" showIcon message={errorText(t, save.error)} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate({ recordId: record.id, reason: v.reason.trim() })} initialValues={{ reason: '' }}>
        <Form.Item name="reason" label={t('library.reasonLabel')} extra={t('library.explainHelp')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('library.reasonLabel') }) }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
