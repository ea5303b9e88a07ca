import { Alert, AutoComplete, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DiscDto } from '../../../../shared/contract/discs-dto.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { requiredText } from '../../lib/rules.js';

/** Where the disc is filed; places used before are offered, so one cabinet is written one way. */
export function LocationDialog({ disc, onClose }: { disc: DiscDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ location: string }>();
  const all = useCall('discs.list', {});
  const save = useCallMutation('discs.setLocation', { announce: true, invalidates: ['discs.list', 'discs.get'], onSuccess: onClose, errors: 'inline' });
  const used = [...new Set((all.data ?? []).map((d) => d.location).filter((l): l is string => Boolean(l)))].map((value) => ({ value }));
  return (
    <Modal open title={t('discs.locationTitle', { number: disc.number })} okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={save.isPending}>
      {save.isError && <Alert type="error" showIcon message={errorText(t, save.error)} style={{ marginBottom: 16 }} role="alert" />}
      <Form form={form} layout="vertical" initialValues={{ location: disc.location ?? '' }} onFinish={(v: { location: string }) => save.mutate({ id: disc.id, location: v.location.trim() })}>
        <Form.Item name="location" label={t('discs.location')} extra={t('discs.locationHelp')} rules={requiredText(t, t('discs.location'), 200)}>
          <AutoComplete options={used} showSearch={{ filterOption: (input, o) => String(o?.value ?? '').includes(input) }} placeholder={t('discs.locationPlaceholder', { caseNo: disc.caseNo })} maxLength={200} data-testid="disc-location" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
