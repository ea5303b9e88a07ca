import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** A settings form's save button. */
export function SaveButton({ saving }: { saving: boolean }) {
  const { t } = useTranslation();
  return (
    <Button type="primary" htmlType="submit" loading={saving}>
      {t('common.save')}
    </Button>
  );
}
