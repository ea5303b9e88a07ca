import type { ReactNode } from 'react';
import { Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { LoanRegister } from '../lending/LoanRegister.js';
import { ViewingRegister } from '../lending/ViewingRegister.js';
import { RoomRegisterTab } from './RoomRegisterTab.js';

const TABS = ['imports', 'viewings', 'loans', 'discs', 'destruction', 'integrity'] as const;
type Tab = (typeof TABS)[number];

/**
 * 登记簿: the records room's own registers in one place — imports (late uploads marked), viewing,
 * lending, discs, destruction and integrity checks — each filtered by period and what it has, and
 * printed or exported as it is filtered. The open tab is in the address (`#/registers/discs`).
 */
export function RegistersPage({ account, tab, onTab }: { account: AccountDto; tab: string | null; onTab: (tab: string) => void }) {
  const { t } = useTranslation();
  const active: Tab = TABS.includes(tab as Tab) ? (tab as Tab) : 'imports';
  const content: Record<Tab, () => ReactNode> = {
    imports: () => <RoomRegisterTab register="imports" />,
    viewings: () => <ViewingRegister />,
    loans: () => <LoanRegister account={account} />,
    discs: () => <RoomRegisterTab register="discs" />,
    destruction: () => <RoomRegisterTab register="destruction" />,
    integrity: () => <RoomRegisterTab register="integrity" />,
  };
  return <Tabs activeKey={active} onChange={onTab} items={TABS.map((key) => ({ key, label: t(`roomRegisters.tab_${key}`), children: content[key]() }))} data-testid="registers-tabs" />;
}
