/** Dates, times and numbers in the UI's language (Intl), e.g. 22.11.2026, 14:05 in German. */
import { useTranslation } from 'react-i18next';

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const time = new Intl.DateTimeFormat(lang, { timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const number = new Intl.NumberFormat(lang);
  const relative = new Intl.RelativeTimeFormat(lang, { numeric: 'auto' });
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '—'),
    time: (iso: string | null | undefined) => (iso ? time.format(new Date(iso)) : '—'),
    date: (iso: string | null | undefined) => (iso ? date.format(new Date(iso)) : '—'),
    number: (n: number) => number.format(n),
    /** "5 minutes ago", "in 2 hours" */
    ago: (iso: string) => {
      const minutes = Math.round((new Date(iso).getTime() - Date.now()) / 60_000);
      if (Math.abs(minutes) < 60) return relative.format(minutes, 'minute');
      const hours = Math.round(minutes / 60);
      if (Math.abs(hours) < 48) return relative.format(hours, 'hour');
      return relative.format(Math.round(hours / 24), 'day');
    },
  };
}
