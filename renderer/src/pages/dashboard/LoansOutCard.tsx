import { Card, Col, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../api/use-call.js';
import { formatInstant } from '../../lib/format.js';

/** What is out of the records room now, overdue first with by how many days (001 档案 art.5: lent files come back on time). */
export function LoansOutCard() {
  const { t } = useTranslation();
  const loans = useCall('loans.list', { out: true });
  const list = loans.data ?? [];
  const overdue = list.filter((l) => l.overdueDays > 0).length;
  return (
    <Col xs={24} lg={12}>
      <Card title={t('dashboard.loansTitle')} extra={overdue > 0 ? <Tag color="red">{t('dashboard.loansOverdue', { count: overdue })}</Tag> : null} data-testid="loans-out">
        {list.length === 0 ? (
          <Typography.Text type="secondary">{t('dashboard.loansNone')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={list}
            renderItem={(l) => (
              <List.Item extra={l.overdueDays > 0 ? <Tag color="red">{t('dashboard.loanLate', { days: l.overdueDays })}</Tag> : <Tag>{t('dashboard.loanDue', { day: l.dueOn })}</Tag>}>
                <List.Item.Meta
                  title={`${l.item.kind === 'disc' ? t('dashboard.loanDisc') : t('dashboard.loanCase')} ${l.item.label}`}
                  description={t('dashboard.loanWho', { name: l.borrower.name, department: l.borrower.department || '—', number: l.number, at: formatInstant(l.lentAt, false) })}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Col>
  );
}
