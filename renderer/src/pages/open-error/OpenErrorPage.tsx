import { Alert, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors.js';
import { ClientError } from '../../api/client.js';
import { AuthFrame } from '../../components/AuthFrame.js';
import { errorText } from '../../lib/errors.js';

/** Shown instead of the app when the data folder can't be opened; the window stays usable. */
export function OpenErrorPage({ error, dataDir }: { error: AppErrorShape | Error | null; dataDir: string | null }) {
  const { t } = useTranslation();
  const asClient = error && 'code' in error ? new ClientError(error.code, error.message, error.details) : error;
  return (
    <AuthFrame title={t('openError.title')} width={640}>
      <Alert type="error" showIcon message={errorText(t, asClient)} data-testid="open-error" />
      {dataDir && (
        <Descriptions column={1} style={{ marginTop: 16 }}>
          <Descriptions.Item label={t('openError.path')}>
            <Typography.Text code copyable>
              {dataDir}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('openError.hint')}
      </Typography.Paragraph>
    </AuthFrame>
  );
}
