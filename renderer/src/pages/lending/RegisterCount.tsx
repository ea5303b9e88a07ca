import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../../shared/contract/limits.js';

/**
 * How many entries the filter found; when the screen's page is full, that there are more, and
 * that print and export hold them all.
 */
export function RegisterCount({ count, capped }: { count: number; capped: boolean }) {
  const { t } = useTranslation();
  if (capped) return <Alert type="warning" showIcon message={t('registers.capped', { count: LIMITS.registerRowsMax })} style={{ marginBottom: 12 }} />;
  return (
    <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }} data-testid="register-total">
      {t('registers.total', { count })}
    </Typography.Paragraph>
  );
}
