import { useTranslation } from 'react-i18next';

const relativeUnits: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** Formats server timestamps (ISO 8601) in the reader's language and time zone. */
export function useDateFormat() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(language, { dateStyle: 'medium' });
  const precise = new Intl.DateTimeFormat(language, { dateStyle: 'long', timeStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'auto' });
  // A calendar day has no time zone: read and shown in UTC, 2026-12-04 is the 4th everywhere.
  const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
  return {
    /** 30 Nov 2026, 09:00 */
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** 30 Nov 2026 */
    date: (iso: string) => date.format(new Date(iso)),
    /** A calendar day sent as YYYY-MM-DD (a delivery promise), e.g. 4 Dec 2026 */
    day: (isoDate: string) => day.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`)),
    /** For a tooltip or `title`: 30 November 2026 at 09:00:12 */
    precise: (iso: string) => precise.format(new Date(iso)),
    /** 5 minutes ago, yesterday, in 2 days */
    relative: (iso: string, now = Date.now()) => {
      const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
      const [unit, size] = relativeUnits.find(([, size]) => Math.abs(seconds) >= size) ?? ['second', 1];
      // Under 45 seconds reads better as "now" than as a count of seconds.
      if (unit === 'second' && Math.abs(seconds) < 45) return relative.format(0, 'second');
      return relative.format(Math.round(seconds / size), unit);
    },
  };
}
