import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { LIMITS } from '../../../../shared/contract/limits.js';
import { ROLES, type Role } from '../../../../shared/roles.js';
import { call } from '../../api/client.js';
import { errorText } from '../../lib/errors.js';
import { confirmRules, equipmentNoRules, passwordRules, requiredText, usernameRules } from '../../lib/rules.js';

export type AccountDialogMode = { kind: 'create' } | { kind: 'reset'; account: AccountDto } | { kind: 'officerNo'; account: AccountDto };

interface AccountForm {
  username: string;
  displayName: string;
  role: Role;
  isAdmin: boolean;
  password: string;
  confirm: string;
  officerNo?: string;
}

/** Adds an account, or sets a new password for one (which also lifts a lockout). */
export function AccountDialog({ mode, onClose, onDone }: { mode: AccountDialogMode; onClose: () => void; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AccountForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const creating = mode.kind === 'create';

  async function submit(v: AccountForm) {
    setBusy(true);
    setError(null);
    try {
      const officerNo = v.officerNo?.trim() ? v.officerNo.trim() : undefined;
      if (mode.kind === 'create') {
        const created = await call('accounts.create', { username: v.username, displayName: v.displayName, role: v.role, isAdmin: v.isAdmin, password: v.password, officerNo });
        onDone(t('accounts.created', { name: created.displayName }));
      } else if (mode.kind === 'officerNo') {
        await call('accounts.setOfficerNo', { id: mode.account.id, officerNo: officerNo ?? null });
        onDone(t('common.saved'));
      } else {
        await call('accounts.resetPassword', { id: mode.account.id, password: v.password });
        onDone(t('accounts.passwordReset'));
      }
    } catch (err) {
      setError(errorText(t, err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open
      title={mode.kind === 'create' ? t('accounts.add') : `${mode.kind === 'reset' ? t('accounts.resetPassword') : t('accounts.setOfficerNo')} · ${mode.account.displayName}`}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<AccountForm>
        form={form}
        layout="vertical"
        initialValues={{ role: 'officer', isAdmin: false, officerNo: mode.kind === 'officerNo' ? (mode.account.officerNo ?? '') : '' }}
        onFinish={(v) => void submit(v)}
      >
        {creating && (
          <>
            <Form.Item name="username" label={t('accounts.username')} extra={t('setup.usernameHelp')} rules={usernameRules(t)}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="displayName" label={t('accounts.displayName')} rules={requiredText(t, t('accounts.displayName'), LIMITS.displayNameMax)}>
              <Input />
            </Form.Item>
            <Form.Item name="role" label={t('accounts.role')} rules={[{ required: true }]}>
              <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
            </Form.Item>
            <Form.Item name="isAdmin" valuePropName="checked">
              <Checkbox>{t('accounts.admin')}</Checkbox>
            </Form.Item>
          </>
        )}
        {mode.kind !== 'reset' && (
          <Form.Item name="officerNo" label={t('accounts.officerNo')} extra={t('accounts.officerNoHelp')} rules={equipmentNoRules(t, false)}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        {mode.kind !== 'officerNo' && (
          <>
            <Form.Item
              name="password"
              label={t('accounts.newPassword')}
              rules={passwordRules(t, (get) => (mode.kind === 'reset' ? mode.account.username : String(get('username') ?? '')))}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item name="confirm" label={t('setup.passwordConfirm')} dependencies={['password']} rules={confirmRules(t, 'password')}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
