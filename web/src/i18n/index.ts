import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  // React escapes what it renders; escaping here too would show entities.
  interpolation: { escapeValue: false },
  returnNull: false,
  // Keep the browser console for the app's own warnings and errors.
  showSupportNotice: false,
});

export { i18next };
