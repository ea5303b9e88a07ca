import { Button, Card, Col, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { can } from '../../../../shared/roles.js';
import { useCall } from '../../api/use-call.js';
import { formatInstant } from '../../lib/format.js';
import { GrantState, RequestStateTag, decidesNow, windowText } from '../lending/request-words.js';

/**
 * The home page's word on requests: a leader sees what waits for their decision (the approval rule
 * names them), an officer how their own requests stand. Each opens the 查阅借阅 page.
 */
export function RequestsCard({ account, onOpen }: { account: AccountDto; onOpen: () => void }) {
  const { t } = useTranslation();
  const deciding = can(account, 'requests.decide');
  const requests = useCall('requests.list', deciding ? { state: 'pending', limit: 200 } : { limit: 5 });
  const list = (requests.data?.requests ?? []).filter((r) => !deciding || decidesNow(account, r));
  return (
    <Col xs={24} lg={12}>
      <Card
        title={deciding ? t('dashboard.toDecide') : t('dashboard.myRequests')}
        extra={
          <>
            {deciding && list.length > 0 && <Tag color="gold">{t('dashboard.toDecideCount', { count: list.length })}</Tag>}
            <Button type="link" onClick={onOpen} data-testid="requests-card-open">
              {t('dashboard.openRequests')}
            </Button>
          </>
        }
        data-testid={deciding ? 'pending-approvals' : 'my-requests'}
      >
        {list.length === 0 ? (
          <Typography.Text type="secondary">{deciding ? t('dashboard.toDecideNone') : t('dashboard.myRequestsNone')}</Typography.Text>
        ) : (
          <List
            size="small"
            dataSource={deciding ? list.slice(0, 8) : list}
            renderItem={(r) => (
              <List.Item extra={deciding ? <Tag>{t(`requests.kind_${r.kind}`)}</Tag> : <RequestStateTag state={r.state} />}>
                <List.Item.Meta
                  title={`${r.number} · ${r.caseNo ?? t(`requests.kind_${r.kind}`)}`}
                  description={deciding ? t('dashboard.askedBy', { name: r.requester.name, at: formatInstant(r.createdAt, false) }) : r.state === 'approved' ? <GrantState request={r} /> : windowText(t, r.window)}
                />
              </List.Item>
            )}
          />
        )}
      </Card>
    </Col>
  );
}
