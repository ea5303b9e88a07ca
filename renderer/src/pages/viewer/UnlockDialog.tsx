import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { requiredText } from '../../lib/rules.js';
import { LIMITS } from '../../../../shared/contract/limits.js';

/** The keeper's password ends the viewing and gives the workstation back; a wrong one is refused (and audited by the core). */
export function UnlockDialog({ shell, onClose }: { shell: 'electron' | 'browser' | 'cli'; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const unlock = useCallMutation('viewings.unlock', {
    errors: 'inline',
    invalidates: ['viewings.current'],
    onSuccess: () => void (document.fullscreenElement && document.exitFullscreen().catch(() => undefined)),
  });
  return (
    <Modal open title={t('viewer.unlockTitle')} okText={t('viewer.unlock')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={unlock.isPending} destroyOnHidden data-testid="viewer-unlock">
      <Typography.Paragraph>{t('viewer.unlockHelp')}</Typography.Paragraph>
      {unlock.isError && <Alert type="error" showIcon message={errorText(t, unlock.error)} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => unlock.mutate({ password: v.password })}>
        <Form.Item name="password" label={t('viewer.keeperPassword')} rules={requiredText(t, t('viewer.keeperPassword'), LIMITS.passwordMax)}>
          <Input.Password autoFocus autoComplete="off" data-testid="viewer-password" />
        </Form.Item>
      </Form>
      {shell !== 'electron' && <Typography.Text type="secondary">{t('viewer.browserLimits')}</Typography.Text>}
    </Modal>
  );
}
