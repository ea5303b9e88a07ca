import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import type { OutputOf } from '../../../../shared/contract/methods.js';
import { can } from '../../../../shared/roles.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant } from '../../lib/format.js';
import { requiredText } from '../../lib/rules.js';

type Hold = OutputOf<'retention.holds'>[number];

function LiftDialog({ hold, onClose }: { hold: Hold; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const lift = useCallMutation('retention.lift', { announce: true, errors: 'inline', invalidates: ['retention.holds', 'retention.review', 'retention.warnings', 'retention.record'], onSuccess: onClose });
  return (
    <Modal open title={t('retention.liftTitle', { name: hold.recordName })} okText={t('retention.lift')} cancelText={t('common.cancel')} onOk={() => form.submit()} onCancel={onClose} confirmLoading={lift.isPending} data-testid="lift-dialog">
      {lift.isError && <Alert type="error" showIcon message={errorText(t, lift.error)} style={{ marginBottom: 12 }} role="alert" />}
      <Form form={form} layout="vertical" onFinish={(v) => lift.mutate({ holdId: hold.id, reason: v.reason.trim() })}>
        <Form.Item name="reason" label={t('retention.liftReason')} rules={requiredText(t, t('retention.liftReason'), 500)}>
          <Input.TextArea rows={3} maxLength={500} data-testid="lift-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Holds set by hand that are still on: each keeps its record out of the review until lifted, with a reason. */
export function HoldsTab({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const holds = useCall('retention.holds', {});
  const [lifting, setLifting] = useState<Hold | null>(null);
  if (holds.isError) return <Alert type="error" showIcon message={errorText(t, holds.error)} />;
  return (
    <>
      <Table<Hold>
        rowKey="id"
        size="middle"
        loading={holds.isPending}
        dataSource={holds.data ?? []}
        pagination={false}
        data-testid="holds-table"
        columns={[
          { title: t('retention.colName'), dataIndex: 'recordName', key: 'name', ellipsis: true },
          { title: t('retention.holdKind'), key: 'kind', width: 110, render: (_: unknown, h) => t(`retention.hold_${h.kind}`) },
          { title: t('retention.holdReason'), key: 'reason', render: (_: unknown, h) => <Typography.Text>{h.reason}</Typography.Text> },
          { title: t('retention.holdSet'), key: 'set', width: 220, render: (_: unknown, h) => t('discs.atBy', { at: formatInstant(h.setAt, false), by: h.setBy }) },
          ...(can(account, 'retention.manage')
            ? [{ title: t('common.actions'), key: 'actions', width: 90, render: (_: unknown, h: Hold) => <Button size="small" onClick={() => setLifting(h)} data-testid="hold-lift">{t('retention.lift')}</Button> }]
            : []),
        ]}
      />
      {lifting && <LiftDialog hold={lifting} onClose={() => setLifting(null)} />}
    </>
  );
}
