import { Button, Dropdown, Flex, Layout, Menu, Tag, Typography } from 'antd';
import { FileSearchOutlined, LogoutOutlined, SafetyCertificateOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { AccountDto, SystemStatus } from '../../../shared/contract/dto.js';
import { useSession } from '../app/session.js';
import { ROUTES, isRouteName, mayOpen, type RouteName } from '../app/routes.js';
import { LanguageSwitch } from '../components/LanguageSwitch.js';
import { NoAccess } from '../components/NoAccess.js';
import { useHashRoute } from '../lib/hash-route.js';

/** The workspace: the pages this account may use, the office, the user and the language. */
export function Shell({ status, account }: { status: SystemStatus; account: AccountDto }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  const [location, navigate] = useHashRoute();
  // An unknown or empty hash is the home page; a known page this account may not use says so.
  const route: RouteName = isRouteName(location.page) ? location.page : 'dashboard';
  const menu = (Object.keys(ROUTES) as RouteName[]).filter((r) => mayOpen(account, r));
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
          onClick={({ key }) => navigate(key)}
          items={menu.map((r) => ({ key: r, icon: ROUTES[r].icon, label: t(`nav.${r}`) }))}
          style={{ borderInlineEnd: 'none' }}
          data-testid="main-menu"
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
                    { key: 'password', icon: <UserOutlined />, label: t('shell.changePassword'), onClick: () => navigate('settings', 'mine') },
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
        <Layout.Content style={{ padding: 24 }}>
          {mayOpen(account, route) ? ROUTES[route].page({ status, account, part: location.part, navigate }) : <NoAccess onHome={() => navigate('dashboard')} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
