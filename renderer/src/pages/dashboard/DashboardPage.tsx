import { Card, Col, Descriptions, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto, SystemStatus } from '../../../../shared/contract/dto.js';
import { can } from '../../../../shared/roles.js';
import { formatInstant } from '../../lib/format.js';
import { useSession } from '../../app/session.js';
import { IntegrityPanel } from './IntegrityPanel.js';
import { LoansOutCard } from './LoansOutCard.js';
import { ExpiringCard } from './ExpiringCard.js';
import { LedgersDueCard } from './LedgersDueCard.js';
import { RequestsCard } from './RequestsCard.js';
import { useCall } from '../../api/use-call.js';

export function DashboardPage({
  status,
  account,
  onOpenRetention,
  onOpenLedgers,
  onOpenRequests,
}: {
  status: SystemStatus;
  account: AccountDto;
  onOpenRetention: (() => void) | null;
  onOpenLedgers: (() => void) | null;
  onOpenRequests: () => void;
}) {
  const { t } = useTranslation();
  const { previousLoginAt } = useSession();
  const audit = useCall('audit.list', { limit: 1 }, { enabled: can(account, 'audit.read') });
  const head = audit.data?.events[0];
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t('dashboard.welcome', { name: account.displayName })}
        </Typography.Title>
      </Col>
      {(can(account, 'requests.decide') || account.role === 'officer') && <RequestsCard account={account} onOpen={onOpenRequests} />}
      {can(account, 'integrity.read') && <IntegrityPanel account={account} />}
      <Col xs={24} lg={12}>
        <Card title={t('dashboard.office')}>
          <Descriptions column={1}>
            <Descriptions.Item label={t('dashboard.office')}>{status.office?.name}</Descriptions.Item>
            <Descriptions.Item label={t('dashboard.unitCode')}>{status.office?.unitCode}</Descriptions.Item>
            <Descriptions.Item label={t('dashboard.role')}>{t(`roles.${account.role}`)}</Descriptions.Item>
            <Descriptions.Item label={t('dashboard.lastLogin')}>{previousLoginAt ? formatInstant(previousLoginAt) : t('dashboard.firstLogin')}</Descriptions.Item>
          </Descriptions>
        </Card>
      </Col>
      {head && (
        <Col xs={24} lg={12}>
          <Card title={t('audit.title')}>
            <Statistic title={t('dashboard.auditCount')} value={audit.data?.total ?? 0} />
            <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
              {t('dashboard.auditHead')}: <Typography.Text code>{head.hash.slice(0, 16)}…</Typography.Text>
            </Typography.Paragraph>
          </Card>
        </Col>
      )}
      {can(account, 'records.read') && <LoansOutCard />}
      {can(account, 'retention.read') && <ExpiringCard onOpen={onOpenRetention} />}
      {can(account, 'ledgers.read') && <LedgersDueCard onOpen={onOpenLedgers} />}
    </Row>
  );
}
