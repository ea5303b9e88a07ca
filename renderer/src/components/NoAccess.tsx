import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** What every page says to an account that may not use it: the same words everywhere, never a silent other page. */
export function NoAccess({ onHome }: { onHome: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="403"
      title={t('access.title')}
      subTitle={t('access.text')}
      extra={
        <Button type="primary" onClick={onHome}>
          {t('access.home')}
        </Button>
      }
      data-testid="no-access"
    />
  );
}
