import type { ReactNode } from 'react';
import { Card, Flex, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { LanguageSwitch } from './LanguageSwitch.js';

/** The calm frame around setup, login and the folder-error screen. */
export function AuthFrame({ title, width = 420, children }: { title: string; width?: number; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" style={{ minHeight: '100vh', boxSizing: 'border-box', background: '#f0f2f5', padding: '48px 16px' }}>
      <Flex style={{ width, maxWidth: '100%' }} justify="space-between" align="center">
        <Flex align="center" gap={8}>
          <SafetyCertificateOutlined style={{ fontSize: 28, color: '#1f4e8c' }} />
          <div>
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t('app.title')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
        </Flex>
        <LanguageSwitch />
      </Flex>
      <Card title={title} style={{ width, maxWidth: '100%', marginTop: 24 }}>
        {children}
      </Card>
    </Flex>
  );
}
