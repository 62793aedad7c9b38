import { useTranslation } from 'react-i18next';

/**
 * Suggestions for where a customer gave or withdrew marketing consent. The server stores the
 * source as written, so staff may type any other.
 */
export function useConsentSources(): string[] {
  const { t } = useTranslation();
  return [
    t('customers.consent.sources.phone'),
    t('customers.consent.sources.email'),
    t('customers.consent.sources.inStore'),
    t('customers.consent.sources.form'),
    t('customers.consent.sources.backOffice'),
  ];
}
