import { useTranslation } from 'react-i18next';

/** Formats server timestamps (ISO 8601) in the reader's language and time zone. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const precise = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'medium' });
  return {
    /** 30 Nov 2026, 09:00 */
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** 30 Nov 2026 */
    date: (iso: string) => date.format(new Date(iso)),
    /** For a tooltip or `title`: 30 November 2026 at 09:00:12 */
    precise: (iso: string) => precise.format(new Date(iso)),
  };
}
