import { Button, Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call.js';

/**
 * Records whose retention period ends within 30, 7 and 1 days and that nothing holds (REQUIREMENTS
 * §4: the dashboard warns ahead of expiries), with the way to the retention page.
 */
export function ExpiringCard({ onOpen }: { onOpen: (() => void) | null }) {
  const { t } = useTranslation();
  const warnings = useCall('retention.warnings', {});
  const count = (within: 1 | 7 | 30) => warnings.data?.find((w) => w.within === within)?.count ?? 0;
  return (
    <Col xs={24} lg={12}>
      <Card
        title={t('dashboard.expiringTitle')}
        loading={warnings.isPending}
        extra={
          onOpen && (
            <Button type="link" onClick={onOpen} style={{ padding: 0 }} data-testid="expiring-open">
              {t('dashboard.expiringOpen')}
            </Button>
          )
        }
        data-testid="expiring"
      >
        <Row gutter={16}>
          {([30, 7, 1] as const).map((within) => (
            <Col span={8} key={within}>
              <Statistic
                title={t(`dashboard.expiringWithin_${within}`)}
                value={count(within)}
                valueStyle={count(within) > 0 ? { color: within === 30 ? '#d48806' : '#cf1322' } : undefined}
                data-testid={`expiring-${within}`}
              />
            </Col>
          ))}
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
          {t('dashboard.expiringHelp')}
        </Typography.Paragraph>
      </Card>
    </Col>
  );
}
