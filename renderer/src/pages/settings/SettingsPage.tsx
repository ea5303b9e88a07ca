import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { can, type Permission } from '../../../../shared/roles.js';
import { AccountsPanel } from './AccountsPanel.js';
import { MyAccountPanel } from './MyAccountPanel.js';
import { OfficePanel } from './OfficePanel.js';
import { IngestPanel } from './IngestPanel.js';
import { DevicesPanel } from './DevicesPanel.js';
import { TimelinessPanel } from './TimelinessPanel.js';
import { IntegritySettingsPanel } from './IntegritySettingsPanel.js';
import { CasesSettingsPanel } from './CasesSettingsPanel.js';
import { ApprovalRulesPanel } from './ApprovalRulesPanel.js';
import { RetentionSettingsPanel } from './RetentionSettingsPanel.js';

interface Tab {
  key: string;
  label: string;
  /** null: every account (its own password and language). */
  permission: Permission | null;
  children: ReactNode;
}

/**
 * The office's settings for those who manage them, and everyone's own account. A tab an account
 * may not use is not there at all: the store path and the security policy are not for every eye.
 */
export function SettingsPage({ account, tab, onTab }: { account: AccountDto; tab: string | null; onTab: (tab: string) => void }) {
  const { t } = useTranslation();
  const all: Tab[] = [
    { key: 'accounts', label: t('settings.accounts'), permission: 'accounts.read', children: <AccountsPanel account={account} /> },
    { key: 'office', label: `${t('settings.office')} / ${t('settings.security')}`, permission: 'settings.manage', children: <OfficePanel /> },
    { key: 'devices', label: t('settings.devices'), permission: 'devices.manage', children: <DevicesPanel account={account} /> },
    { key: 'ingest', label: t('settings.ingest'), permission: 'settings.manage', children: <IngestPanel /> },
    { key: 'timeliness', label: t('settings.timeliness'), permission: 'settings.manage', children: <TimelinessPanel /> },
    { key: 'cases', label: t('settings.cases'), permission: 'settings.manage', children: <CasesSettingsPanel /> },
    { key: 'integrity', label: t('settings.integrity'), permission: 'settings.manage', children: <IntegritySettingsPanel /> },
    { key: 'retention', label: t('settings.retention'), permission: 'settings.manage', children: <RetentionSettingsPanel /> },
    { key: 'approvals', label: t('settings.approvals'), permission: 'settings.manage', children: <ApprovalRulesPanel /> },
    { key: 'mine', label: t('settings.mine'), permission: null, children: <MyAccountPanel account={account} /> },
  ];
  const items = all.filter((i) => i.permission === null || can(account, i.permission)).map(({ key, label, children }) => ({ key, label, children }));
  const active = items.some((i) => i.key === tab) ? (tab as string) : (items[0]?.key ?? 'mine');
  // With only one's own account left there is nothing to switch between.
  if (items.length === 1) return <Card title={t('settings.mine')}>{items[0]?.children}</Card>;
  return (
    <Card title={t('settings.title')}>
      <Tabs activeKey={active} onChange={onTab} items={items} />
    </Card>
  );
}
