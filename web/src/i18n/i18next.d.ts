import 'i18next';
import type { Resources } from './en';

// Typed keys: a misspelt or missing translation key fails `tsc`, not the user.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
  }
}
