import { useEffect, useState } from 'react';
import { Alert, Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCallMutation } from '../../api/use-call.js';
import { ClientError } from '../../api/client.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { requiredText } from '../../lib/rules.js';
import { LIMITS } from '../../../../shared/contract/limits.js';

/** When the account is locked out by wrong passwords, the moment it opens again; null otherwise. */
function lockedUntil(err: unknown): string | null {
  return err instanceof ClientError && err.code === 'ACCOUNT_LOCKED' && typeof err.details?.until === 'string' ? err.details.until : null;
}

/**
 * The keeper's password ends the viewing and gives the workstation back. Wrong ones count toward
 * the account's lock-out as at sign-in; while it lasts the dialog says until when, and the viewer
 * stays locked.
 */
export function UnlockDialog({ shell, onClose }: { shell: 'electron' | 'browser' | 'cli'; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ password: string }>();
  const unlock = useCallMutation('viewings.unlock', {
    errors: 'inline',
    invalidates: ['viewings.current'],
    onSuccess: () => void (document.fullscreenElement && document.exitFullscreen().catch(() => undefined)),
  });
  const until = lockedUntil(unlock.error);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!until) return undefined;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [until]);
  const waiting = until !== null && now < Date.parse(until);
  return (
    <Modal
      open
      title={t('viewer.unlockTitle')}
      okText={t('viewer.unlock')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={unlock.isPending}
      okButtonProps={{ disabled: waiting }}
      destroyOnHidden
      data-testid="viewer-unlock"
    >
      <Typography.Paragraph>{t('viewer.unlockHelp')}</Typography.Paragraph>
      {unlock.isError && (
        <Alert type="error" showIcon message={waiting ? t('viewer.unlockWait', { until: formatInstant(until) }) : errorText(t, unlock.error)} style={{ marginBottom: 12 }} role="alert" />
      )}
      <Form form={form} layout="vertical" onFinish={(v) => unlock.mutate({ password: v.password })}>
        <Form.Item name="password" label={t('viewer.keeperPassword')} rules={requiredText(t, t('viewer.keeperPassword'), LIMITS.passwordMax)}>
          <Input.Password autoFocus autoComplete="off" data-testid="viewer-password" />
        </Form.Item>
      </Form>
      {shell !== 'electron' && <Typography.Text type="secondary">{t('viewer.browserLimits')}</Typography.Text>}
    </Modal>
  );
}
