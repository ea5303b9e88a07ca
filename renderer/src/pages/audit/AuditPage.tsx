import { useState } from 'react';
import { Alert, Button, Card, Flex, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { AccountDto, AuditEventDto } from '../../../../shared/contract/dto.js';
import { can } from '../../../../shared/roles.js';
import { call } from '../../api/client.js';
import { errorText } from '../../lib/errors.js';
import { formatInstant, officeInstant, workstationText } from '../../lib/format.js';
import { AuditFilters, type AuditFilterValues } from './AuditFilters.js';
import { auditSentence } from './sentence.js';
import { useCall, useCallMutation } from '../../api/use-call.js';

const PAGE = 100;

function toQuery(f: AuditFilterValues) {
  return {
    from: f.range?.[0] ? officeInstant(f.range[0]) : undefined,
    to: f.range?.[1] ? officeInstant(f.range[1]) : undefined,
    action: f.action,
    actorId: f.actorId,
    text: f.text?.trim() || undefined,
  };
}

export function AuditPage({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterValues>({});
  const accounts = useCall('accounts.list', {}, { enabled: can(account, 'accounts.read') });
  const head = useCall('audit.list', { limit: 1 });
  const events = useInfiniteQuery({
    queryKey: ['audit.list', filters],
    queryFn: ({ pageParam }) => call('audit.list', { ...toQuery(filters), limit: PAGE, beforeSeq: pageParam ?? undefined }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBeforeSeq,
  });
  const verify = useCallMutation('audit.verify', { invalidates: ['audit.list'], errors: 'inline' });
  const rows = events.data?.pages.flatMap((p) => p.events) ?? [];
  const total = events.data?.pages[0]?.total ?? 0;
  const headHash = head.data?.events[0]?.hash ?? '';

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card>
        <Flex justify="space-between" align="center" wrap gap={16}>
          <div>
            <Typography.Text type="secondary">{t('audit.head')}</Typography.Text>
            <br />
            <Typography.Text code copyable data-testid="audit-head" style={{ fontSize: 13 }}>
              {headHash}
            </Typography.Text>
            <br />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('audit.headHint')}
            </Typography.Text>
          </div>
          <Button icon={<SafetyOutlined />} loading={verify.isPending} onClick={() => verify.mutate({})}>
            {t('audit.verify')}
          </Button>
        </Flex>
        {verify.data && (
          <Alert
            style={{ marginTop: 16 }}
            showIcon
            data-testid="audit-verify-result"
            type={verify.data.ok ? 'success' : 'error'}
            message={
              verify.data.ok
                ? t('audit.verifyOk', { count: verify.data.checked })
                : t('audit.verifyBroken', { seq: verify.data.firstBroken?.seq, reason: t(`audit.reason_${verify.data.firstBroken?.reason ?? 'gap'}`) })
            }
          />
        )}
        {verify.isError && <Alert style={{ marginTop: 16 }} type="error" showIcon message={errorText(t, verify.error)} />}
      </Card>
      <Card title={t('audit.title')} extra={<Typography.Text type="secondary">{t('audit.total', { count: total })}</Typography.Text>}>
        <AuditFilters accounts={accounts.data ?? []} onChange={setFilters} />
        {events.isError && <Alert style={{ marginTop: 16 }} type="error" showIcon message={errorText(t, events.error)} />}
        <Table<AuditEventDto>
          style={{ marginTop: 16 }}
          size="small"
          rowKey="seq"
          loading={events.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 960 }}
          data-testid="audit-table"
          columns={[
            { title: t('audit.seq'), dataIndex: 'seq', width: 64 },
            { title: t('audit.at'), dataIndex: 'at', width: 170, render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatInstant(v)}</span> },
            { title: t('audit.action'), dataIndex: 'action', width: 120, render: (a: string) => <Tag>{t(`actions.${a}`)}</Tag> },
            // The sentence is what a supervisor reads; the recorded fields stay one hover away for the exact ids.
            {
              title: t('audit.event'),
              key: 'event',
              render: (_, e) => (
                <Tooltip title={<pre style={{ margin: 0, fontSize: 11, whiteSpace: 'pre-wrap' }}>{JSON.stringify({ target: e.target, ...e.details }, null, 1)}</pre>}>
                  <span data-testid="audit-sentence">{auditSentence(t, e)}</span>
                </Tooltip>
              ),
            },
            { title: t('audit.workstation'), dataIndex: 'workstation', width: 150, ellipsis: true, render: (w: string) => workstationText(t, w) },
          ]}
        />
        {events.hasNextPage && (
          <Flex justify="center" style={{ marginTop: 16 }}>
            <Button loading={events.isFetchingNextPage} onClick={() => void events.fetchNextPage()}>
              {t('audit.more')}
            </Button>
          </Flex>
        )}
      </Card>
    </Space>
  );
}
