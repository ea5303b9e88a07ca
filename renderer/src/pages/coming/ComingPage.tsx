import { Result } from 'antd';
import { useTranslation } from 'react-i18next';

/** A capability whose issue has not landed yet: says so plainly instead of pretending. */
export function ComingPage({ route }: { route: string }) {
  const { t } = useTranslation();
  return <Result status="info" title={t('coming.title', { name: t(`nav.${route}`) })} subTitle={t('coming.text')} />;
}
