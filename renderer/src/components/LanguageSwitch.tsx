import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../shared/contract/dto.js';
import { useSession } from '../app/session.js';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const { setLanguage } = useSession();
  return (
    <Segmented<Language>
      size="small"
      aria-label={t('lang.label')}
      value={i18n.language as Language}
      options={LANGUAGES.map((l) => ({ label: t(`lang.${l}`), value: l }))}
      onChange={(l) => void setLanguage(l)}
    />
  );
}
