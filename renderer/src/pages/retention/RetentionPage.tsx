import { useState, type ReactNode } from 'react';
import { Card, Flex, Statistic, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { useCall } from '../../api/use-call.js';
import { HoldsTab } from './HoldsTab.js';
import { ListDrawer } from './ListDrawer.js';
import { ListsTab } from './ListsTab.js';
import { ReviewTab } from './ReviewTab.js';

const TABS = ['review', 'lists', 'holds'] as const;
type Tab = (typeof TABS)[number];

/**
 * 保管期限: the office's periods, what reaches its end soon, the expiry review, the destruction
 * lists and the holds set by hand. The open tab is in the address (`#/retention/lists`).
 */
export function RetentionPage({ account, tab, onTab }: { account: AccountDto; tab: string | null; onTab: (tab: string) => void }) {
  const { t } = useTranslation();
  const policy = useCall('retention.policy', {});
  const warnings = useCall('retention.warnings', {});
  const [open, setOpen] = useState<number | null>(null);
  const active: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'review';
  const p = policy.data;
  const content: Record<Tab, () => ReactNode> = {
    review: () => (
      <ReviewTab
        account={account}
        onProposed={(id) => {
          onTab('lists');
          setOpen(id);
        }}
      />
    ),
    lists: () => <ListsTab onOpen={setOpen} />,
    holds: () => <HoldsTab account={account} />,
  };
  return (
    <Flex vertical gap={16}>
      <Card data-testid="retention-summary">
        <Flex gap={48} wrap align="center">
          <div>
            <Typography.Text type="secondary">{t('retention.policyTitle')}</Typography.Text>
            <div data-testid="retention-policy">
              {p && t('retention.policyText', { standard: p.standardYears, evidence: p.evidenceYears === 'permanent' ? t('retention.permanent') : t('retention.years', { count: p.evidenceYears }) })}
            </div>
          </div>
          {(warnings.data ?? []).map((w) => (
            <Statistic key={w.within} title={t('retention.within', { count: w.within })} value={w.count} valueStyle={w.within === 1 && w.count > 0 ? { color: '#cf1322' } : undefined} />
          ))}
        </Flex>
      </Card>
      <Card>
        <Tabs activeKey={active} onChange={onTab} items={TABS.map((key) => ({ key, label: t(`retention.tab_${key}`), children: content[key]() }))} data-testid="retention-tabs" />
      </Card>
      {open !== null && <ListDrawer id={open} account={account} onClose={() => setOpen(null)} />}
    </Flex>
  );
}
