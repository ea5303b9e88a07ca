import { Alert, Select, Spin, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { APPROVER_ROLES, type RequestKind } from '../../../../shared/contract/requests-dto.js';
import { useCall, useCallMutation } from '../../api/use-call.js';
import { errorText } from '../../lib/errors.js';

type ApproverRole = (typeof APPROVER_ROLES)[number];

/**
 * Which leader decides each kind of request (审批规则). A change applies to requests made after
 * it; one already made keeps the approver it was made with, as its printed form says.
 */
export function ApprovalRulesPanel() {
  const { t } = useTranslation();
  const rules = useCall('requests.rules', {});
  const save = useCallMutation('requests.setRule', { announce: true, invalidates: ['requests.rules'] });
  if (rules.isError) return <Alert type="error" showIcon message={errorText(t, rules.error)} />;
  if (!rules.data) return <Spin />;
  return (
    <div style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">{t('requests.rulesHelp')}</Typography.Paragraph>
      <Table<{ kind: RequestKind; approverRole: ApproverRole }>
        rowKey="kind"
        size="small"
        pagination={false}
        dataSource={rules.data}
        data-testid="approval-rules"
        columns={[
          { title: t('requests.kind'), dataIndex: 'kind', render: (k: RequestKind) => t(`requests.kind_${k}`) },
          {
            title: t('requests.approver'),
            key: 'approver',
            width: 220,
            render: (_v, r) => (
              <Select<ApproverRole>
                value={r.approverRole}
                disabled={save.isPending}
                onChange={(approverRole) => save.mutate({ kind: r.kind, approverRole })}
                options={APPROVER_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                style={{ width: 180 }}
                aria-label={t('requests.approverFor', { kind: t(`requests.kind_${r.kind}`) })}
                data-testid={`rule-${r.kind}`}
              />
            ),
          },
        ]}
      />
    </div>
  );
}
