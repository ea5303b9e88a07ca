import { Alert, Button, Dropdown, Flex, Layout, Menu, Tag, Typography } from 'antd';
import i18n from 'i18next';
import {
  AuditOutlined, BarChartOutlined, CloudSyncOutlined, CloudUploadOutlined, FieldTimeOutlined, FileSearchOutlined, FolderOpenOutlined,
  HomeOutlined, LogoutOutlined, SafetyCertificateOutlined, SettingOutlined, SolutionOutlined, UserOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountDto, SystemStatus } from '../../../shared/contract/dto.js';
import { can } from '../../../shared/roles.js';
import { useSession } from '../app/session.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { useHashRoute, type Route } from '../lib/hash-route.js';
import { AuditPage } from '../pages/audit/AuditPage.js';
import { ComingPage } from '../pages/coming/ComingPage.js';
import { DashboardPage } from '../pages/dashboard/DashboardPage.js';
import { ImportPage } from '../pages/import/ImportPage.js';
import { LibraryPage } from '../pages/library/LibraryPage.js';
import { SettingsPage } from '../pages/settings/SettingsPage.js';
import { BackupPage } from '../pages/backup/BackupPage.js';
import { CasesPage } from '../pages/cases/CasesPage.js';

const ICONS: Record<Route, ReactNode> = {
  dashboard: <HomeOutlined />,
  import: <CloudUploadOutlined />,
  library: <VideoCameraOutlined />,
  cases: <FolderOpenOutlined />,
  lending: <SolutionOutlined />,
  retention: <FieldTimeOutlined />,
  discs: <SafetyCertificateOutlined />,
  ledgers: <BarChartOutlined />,
  backup: <CloudSyncOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
};

function visibleRoutes(account: AccountDto): Route[] {
  const all = Object.keys(ICONS) as Route[];
  return all.filter((r) => (r !== 'audit' || can(account, 'audit.read')) && (r !== 'backup' || can(account, 'integrity.read')));
}

function page(route: Route, status: SystemStatus, account: AccountDto): ReactNode {
  switch (route) {
    case 'dashboard':
      return <DashboardPage status={status} account={account} />;
    case 'audit':
      return can(account, 'audit.read') ? <AuditPage account={account} /> : <DashboardPage status={status} account={account} />;
    case 'settings':
      return <SettingsPage account={account} />;
    case 'import':
      return <ImportPage account={account} />;
    case 'library':
      return <LibraryPage account={account} />;
    case 'cases':
      return <CasesPage account={account} />;
    case 'backup':
      return can(account, 'integrity.read') ? <BackupPage account={account} /> : <Alert type="info" showIcon message={i18n.t('errors.FORBIDDEN')} />;
    default:
      return <ComingPage route={route} />;
  }
}

/** The workspace: navigation for every capability, the office, the user and the language. */
export function Shell({ status, account }: { status: SystemStatus; account: AccountDto }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  const [route, navigate] = useHashRoute();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <Flex align="center" gap={8} style={{ padding: '16px 16px 12px' }}>
          <SafetyCertificateOutlined style={{ fontSize: 22, color: '#1f4e8c' }} />
          <Typography.Text strong>{t('app.title')}</Typography.Text>
        </Flex>
        <Menu
          mode="inline"
          selectedKeys={[route]}
          onClick={({ key }) => navigate(key as Route)}
          items={visibleRoutes(account).map((r) => ({ key: r, icon: ICONS[r], label: t(`nav.${r}`) }))}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: '0 24px', borderBottom: '1px solid #f0f0f0', height: 56, lineHeight: '56px' }}>
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            <Flex align="center" gap={8}>
              <FileSearchOutlined />
              <Typography.Text data-testid="office-name">{status.office?.name}</Typography.Text>
              {status.shell === 'browser' && <Tag>{t('shell.browserMode')}</Tag>}
            </Flex>
            <Flex align="center" gap={16}>
              <LanguageSwitch />
              <Dropdown
                menu={{
                  items: [
                    { key: 'password', icon: <UserOutlined />, label: t('shell.changePassword'), onClick: () => navigate('settings') },
                    { key: 'logout', icon: <LogoutOutlined />, label: t('shell.logout'), onClick: () => void logout() },
                  ],
                }}
              >
                <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                  {account.displayName} · {t(`roles.${account.role}`)}
                </Button>
              </Dropdown>
            </Flex>
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>{page(route, status, account)}</Layout.Content>
      </Layout>
    </Layout>
  );
}
