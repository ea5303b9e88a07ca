import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { can } from '../../../../shared/roles.js';
import { LoanRegister } from './LoanRegister.js';
import { RequestsPage } from './RequestsPage.js';
import { ViewingRegister } from './ViewingRegister.js';

const TABS = ['requests', 'viewings', 'loans'] as const;
type Tab = (typeof TABS)[number];

/**
 * 查阅借阅: requests and their approvals, and the two registers they fill — the viewing register
 * and the lending register. The registers are the keeper's, the leaders' and the supervisor's
 * (who reads the catalogue reads them); an officer sees only their own requests. The open tab is
 * in the address (`#/lending/viewings`), so it survives a reload; a tab left keeps its filter, as
 * one goes back and forth between a request and the registers.
 */
export function LendingPage({ account, tab, onTab, onOpenLibrary }: { account: AccountDto; tab: string | null; onTab: (tab: string) => void; onOpenLibrary: () => void }) {
  const { t } = useTranslation();
  const requests = <RequestsPage account={account} onOpenLibrary={onOpenLibrary} />;
  if (!can(account, 'records.read')) return requests;
  const active: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'requests';
  const content: Record<Tab, () => ReactNode> = {
    requests: () => requests,
    viewings: () => <ViewingRegister />,
    loans: () => <LoanRegister account={account} />,
  };
  return (
    <Tabs
      activeKey={active}
      onChange={onTab}
      items={TABS.map((key) => ({ key, label: t(`lending.tab_${key}`), children: content[key]() }))}
      data-testid="lending-tabs"
    />
  );
}
