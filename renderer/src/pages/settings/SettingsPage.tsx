import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountDto } from '../../../../shared/contract/dto.js';
import { can } from '../../../../shared/roles.js';
import { AccountsPanel } from './AccountsPanel.js';
import { MyAccountPanel } from './MyAccountPanel.js';
import { OfficePanel } from './OfficePanel.js';
import { IngestPanel } from './IngestPanel.js';
import { DevicesPanel } from './DevicesPanel.js';
import { TimelinessPanel } from './TimelinessPanel.js';
import { IntegritySettingsPanel } from './IntegritySettingsPanel.js';
import { CasesSettingsPanel } from './CasesSettingsPanel.js';

export function SettingsPage({ account }: { account: AccountDto }) {
  const { t } = useTranslation();
  const items = [
    ...(can(account, 'accounts.read') ? [{ key: 'accounts', label: t('settings.accounts'), children: <AccountsPanel account={account} /> }] : []),
    { key: 'office', label: `${t('settings.office')} / ${t('settings.security')}`, children: <OfficePanel account={account} /> },
    { key: 'devices', label: t('settings.devices'), children: <DevicesPanel account={account} /> },
    { key: 'ingest', label: t('settings.ingest'), children: <IngestPanel account={account} /> },
    { key: 'timeliness', label: t('settings.timeliness'), children: <TimelinessPanel account={account} /> },
    { key: 'cases', label: t('settings.cases'), children: <CasesSettingsPanel account={account} /> },
    { key: 'integrity', label: t('settings.integrity'), children: <IntegritySettingsPanel account={account} /> },
    { key: 'mine', label: t('settings.mine'), children: <MyAccountPanel account={account} /> },
  ];
  return (
    <Card title={t('settings.title')}>
      <Tabs items={items} />
    </Card>
  );
}
