import { useTranslation } from 'react-i18next';

// Codes Intl knows that are not countries an address or a product comes from.
const notCountries = new Set([
  'EU',
  'EZ',
  'UN',
  'QO',
  'ZZ',
  'XA',
  'XB',
  'AC',
  'CP',
  'DG',
  'EA',
  'IC',
  'TA',
  'CQ',
]);
const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function useLanguage(): string {
  const { i18n } = useTranslation();
  return i18n.resolvedLanguage ?? i18n.language;
}

function displayNames(language: string, type: 'region' | 'language'): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([language], { type, fallback: 'none' });
  } catch {
    return undefined;
  }
}

/** "ES" as "Spain" in the reader's language; the code itself when the browser does not know it. */
export function useCountryName(): (code: string) => string {
  const names = displayNames(useLanguage(), 'region');
  return (code) => names?.of(code) ?? code;
}

const countryOptionsByLanguage = new Map<string, { value: string; label: string }[]>();

/** ISO 3166-1 alpha-2 countries as Select options, by name in the reader's language. */
export function useCountryOptions(): { value: string; label: string }[] {
  const language = useLanguage();
  const cached = countryOptionsByLanguage.get(language);
  if (cached) return cached;
  const names = displayNames(language, 'region');
  if (!names) return [];
  const options: { value: string; label: string }[] = [];
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      const name = notCountries.has(code) ? undefined : names.of(code);
      if (name && name !== code) options.push({ value: code, label: name });
    }
  }
  options.sort((a, b) => a.label.localeCompare(b.label, language));
  countryOptionsByLanguage.set(language, options);
  return options;
}

/** "pt-BR" as "Brazilian Portuguese" in the reader's language; the code when unknown. */
export function useLanguageName(): (code: string) => string {
  const names = displayNames(useLanguage(), 'language');
  return (code) => {
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}

// The languages a shop most often writes to its customers in; the field takes any BCP 47 code.
const commonLanguages = [
  'en',
  'es',
  'de',
  'fr',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'fi',
  'no',
  'pl',
  'cs',
  'pt-BR',
];

/** Languages as Select options, including `current` when it is not a common one. */
export function useLanguageOptions(current?: string): { value: string; label: string }[] {
  const name = useLanguageName();
  const codes =
    current && !commonLanguages.includes(current) ? [...commonLanguages, current] : commonLanguages;
  return codes.map((code) => ({ value: code, label: name(code) }));
}
