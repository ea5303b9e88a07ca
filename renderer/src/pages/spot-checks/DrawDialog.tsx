import { Alert, DatePicker, Form, Input, InputNumber, Modal, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { SPOT_CHECK_SIZE_MAX, type SpotCheckDto } from '../../../../shared/contract/spot-checks-dto.js';
import { SEED_MAX } from '../../../../shared/rules/seeded-draw.js';
import { useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { lastMonth, monthPresets } from '../../lib/month-presets.js';

interface Values {
  period: [Dayjs, Dayjs];
  size: number;
  seed?: string;
}

const DAY = 'YYYY-MM-DD';
const SEED_PATTERN = /^\d{1,10}$/;

/**
 * The supervisor asks for a draw: the ledger's period (last month unless changed, as the ledgers
 * are reported) and how many cases. The seed field stays
 * empty for a new draw (the core picks one and shows it); typing a kept seed repeats that draw.
 */
export function DrawDialog({ onClose, onDrawn }: { onClose: () => void; onDrawn: (check: SpotCheckDto) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const draw = useCallMutation('spotChecks.draw', { errors: 'inline', invalidates: ['spotChecks.list'], onSuccess: onDrawn });
  const submit = (v: Values) => draw.mutate({ from: v.period[0].format(DAY), to: v.period[1].format(DAY), size: v.size, seed: v.seed?.trim() ? Number(v.seed.trim()) : undefined });
  return (
    <Modal open width={560} title={t('spotChecks.drawTitle')} okText={t('spotChecks.drawSubmit')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={draw.isPending} data-testid="draw-dialog">
      <Typography.Paragraph type="secondary">{t('spotChecks.drawHelp')}</Typography.Paragraph>
      {draw.isError && <Alert type="error" showIcon message={errorText(t, draw.error)} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ size: 5, period: lastMonth() }} onFinish={submit}>
        <Form.Item name="period" label={t('spotChecks.period')} rules={[{ required: true, message: t('validation.required', { field: t('spotChecks.period') }) }]}>
          <DatePicker.RangePicker presets={monthPresets(t)} style={{ width: '100%' }} data-testid="draw-period" />
        </Form.Item>
        <Form.Item name="size" label={t('spotChecks.size')} rules={[{ required: true, message: t('validation.required', { field: t('spotChecks.size') }) }]}>
          <InputNumber min={1} max={SPOT_CHECK_SIZE_MAX} precision={0} style={{ width: 160 }} data-testid="draw-size" />
        </Form.Item>
        <Form.Item
          name="seed"
          label={t('spotChecks.seed')}
          extra={t('spotChecks.seedHelp')}
          rules={[{ validator: async (_r, v?: string) => (!v?.trim() || (SEED_PATTERN.test(v.trim()) && Number(v.trim()) <= SEED_MAX) ? undefined : Promise.reject(new Error(t('spotChecks.seedInvalid', { max: SEED_MAX })))) }]}
        >
          <Input maxLength={10} placeholder={t('spotChecks.seedPlaceholder')} style={{ width: 220 }} data-testid="draw-seed" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
