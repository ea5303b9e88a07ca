import { Alert, Checkbox, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RequestDto } from '../../../../shared/contract/requests-dto.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { windowText } from './request-words.js';

interface Values {
  checked: boolean;
  note?: string;
}

/**
 * The keeper starts a viewing at the workstation for a party or another department's staff, after
 * checking their ID against the request. From then on this workstation shows only the locked
 * viewer until the keeper's password ends it; in the browser the dialog says what a browser
 * cannot prevent.
 */
export function OpenViewingDialog({ request: r, onClose }: { request: RequestDto; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const status = useCall('system.status', {});
  const browser = status.data?.shell !== 'electron';
  const open = useCallMutation('viewings.open', { errors: 'inline', invalidates: ['viewings.current'] });
  const id = [r.requester.idType, r.requester.idNumber].filter(Boolean).join(' ');
  const start = (v: Values) => {
    // Fullscreen needs the keeper's click itself, so it is asked for before the core answers.
    if (browser) void document.documentElement.requestFullscreen().catch(() => undefined);
    const idCheck = [t('viewer.idChecked', { who: r.requester.name, id: id || r.requester.department }), v.note?.trim()].filter(Boolean).join('；');
    open.mutate({ requestId: r.id, idCheck }, { onError: () => void (document.fullscreenElement && document.exitFullscreen().catch(() => undefined)) });
  };
  return (
    <Modal open width={620} title={t('viewer.openTitle', { number: r.number })} okText={t('viewer.start')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={open.isPending} data-testid="open-viewing">
      <Typography.Paragraph>{t('viewer.openHelp')}</Typography.Paragraph>
      <Descriptions bordered size="small" column={1} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('requests.requester')}>{r.requester.name}</Descriptions.Item>
        {id ? <Descriptions.Item label={t('viewer.idDocument')}>{id}</Descriptions.Item> : null}
        {r.requester.department ? <Descriptions.Item label={t('viewer.department')}>{r.requester.department}</Descriptions.Item> : null}
        {r.decision?.grantedWindow ? <Descriptions.Item label={t('requests.grantedWindow')}>{windowText(t, r.decision.grantedWindow)}</Descriptions.Item> : null}
      </Descriptions>
      {open.isError && <Alert type="error" showIcon message={errorText(t, open.error)} style={{ marginBottom: 12 }} role="alert" />}
      <Form<Values> form={form} layout="vertical" onFinish={start}>
        <Form.Item name="checked" valuePropName="checked" rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('viewer.idCheckRequired')))) }]}>
          <Checkbox data-testid="id-checked">{t('viewer.idCheckConfirm')}</Checkbox>
        </Form.Item>
        <Form.Item name="note" label={t('viewer.idNote')} rules={[{ max: 120 }]}>
          <Input placeholder={t('viewer.idNotePlaceholder')} maxLength={120} />
        </Form.Item>
      </Form>
      <Alert type={browser ? 'warning' : 'info'} showIcon message={browser ? t('viewer.browserLimits') : t('viewer.electronProtections')} data-testid="viewer-protections" />
    </Modal>
  );
}
