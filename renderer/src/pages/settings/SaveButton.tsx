import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

/** A settings form's save button, shown only to those who may change the settings. */
export function SaveButton({ editable, saving }: { editable: boolean; saving: boolean }) {
  const { t } = useTranslation();
  if (!editable) return null;
  return (
    <Button type="primary" htmlType="submit" loading={saving}>
      {t('common.save')}
    </Button>
  );
}
