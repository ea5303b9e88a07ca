import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { SHARED_MESSAGES } from '../../../shared/i18n/messages.js';
import type { Language } from '../../../shared/contract/dto.js';
import { en } from './en.js';
import { zhCN } from './zh-CN.js';

const STORAGE_KEY = 'rr.language';

export function storedLanguage(): Language | null {
  const v = localStorage.getItem(STORAGE_KEY);
  return v === 'en' || v === 'zh-CN' ? v : null;
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
}

void i18n.use(initReactI18next).init({
  resources: {
    'zh-CN': { translation: { ...zhCN, ...SHARED_MESSAGES['zh-CN'] } },
    en: { translation: { ...en, ...SHARED_MESSAGES.en } },
  },
  lng: storedLanguage() ?? 'zh-CN',
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  // i18next 25 otherwise prints a sponsor notice in the console on every load.
  showSupportNotice: false,
});

export default i18n;
