import { Button, Card, Col, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call.js';
import { officeToday } from '../../lib/format.js';

/**
 * 上月台账待报送: from the 1st of a month until last month's three ledgers are marked sent, the
 * reminder that they go to the county justice bureau (004 §11); gone once all three are.
 */
export function LedgersDueCard({ onOpen }: { onOpen: (() => void) | null }) {
  const { t } = useTranslation();
  const due = useCall('ledgers.due', {});
  const d = due.data;
  if (!d || d.kinds.every((k) => k.sent)) return null;
  // Due on the 1st: from the 2nd on, what is not sent is late, and says so.
  const late = officeToday().slice(8, 10) !== '01';
  return (
    <Col xs={24} lg={12}>
      <Card
        title={t('ledgers.dueTitle')}
        extra={
          onOpen && (
            <Button type="link" onClick={onOpen} style={{ padding: 0 }} data-testid="ledgers-due-open">
              {t('ledgers.dueOpen')}
            </Button>
          )
        }
        data-testid="ledgers-due"
      >
        <Typography.Paragraph>{t('ledgers.dueText', { month: d.month })}</Typography.Paragraph>
        <Flex gap={8} wrap>
          {d.kinds.map((k) => (
            <Tag key={k.kind} color={k.sent ? 'success' : late ? 'error' : 'warning'} data-testid={`ledgers-due-${k.kind}`}>
              {t(`ledgers.title_${k.kind}`)}
              {t('common.colon')}
              {t(k.sent ? 'ledgers.dueSent' : late ? 'ledgers.dueOverdue' : 'ledgers.dueNotSent')}
            </Tag>
          ))}
        </Flex>
      </Card>
    </Col>
  );
}
