import { useState } from 'react';
import { Button, Flex, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { DiscDto } from '../../../../shared/contract/discs-dto.js';
import { useCall } from '../../api/use-call.js';
import { useHashRoute } from '../../lib/hash-route.js';
import { formatInstant } from '../../lib/format.js';
import { DiscDrawer, type DiscRights } from './DiscDrawer.js';
import { DiscStateTag } from './disc-words.js';

/** A case's evidence discs (证据光盘), inside the case: which exist, where they are, and a way to make one. */
export function CaseDiscs({ caseId, rights }: { caseId: number; rights: DiscRights }) {
  const { t } = useTranslation();
  const [, navigate] = useHashRoute();
  const [open, setOpen] = useState<number | null>(null);
  const discs = useCall('discs.list', { caseId });
  return (
    <div data-testid="case-discs">
      <Flex justify="space-between" align="baseline">
        <Typography.Title level={5}>{t('discs.caseSection', { count: discs.data?.length ?? 0 })}</Typography.Title>
        {rights.manage && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => navigate('discs', `new-${caseId}`)} data-testid="case-new-disc">
            {t('discs.new')}
          </Button>
        )}
      </Flex>
      <Table<DiscDto>
        rowKey="id"
        size="small"
        loading={discs.isPending}
        dataSource={discs.data ?? []}
        pagination={false}
        locale={{ emptyText: t('discs.caseNone') }}
        onRow={(d) => ({ onClick: () => setOpen(d.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('discs.number'), dataIndex: 'number', width: 150 },
          { title: t('discs.discOf'), key: 'of', width: 100, render: (_v, d) => t('discs.discOfShort', { index: d.index, count: d.count }) },
          { title: t('discs.state'), dataIndex: 'state', width: 160, render: (s: DiscDto['state']) => <DiscStateTag state={s} /> },
          { title: t('discs.location'), dataIndex: 'location', ellipsis: true, render: (l: string | null) => l ?? <Typography.Text type="warning">{t('discs.noLocation')}</Typography.Text> },
          { title: t('discs.built'), dataIndex: 'builtAt', width: 150, render: (v: string) => formatInstant(v, false) },
        ]}
      />
      {open !== null && <DiscDrawer id={open} rights={rights} onClose={() => setOpen(null)} onOpen={setOpen} />}
    </div>
  );
}
