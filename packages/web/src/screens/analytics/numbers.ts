/**
 * Numbers and dates of the analytics screen in the UI's language: rates per 1,000 with one
 * decimal, shares as percentages, the series' days as short dates (they are local days already,
 * so they are shown as they are, not moved by a time zone).
 */
import { useTranslation } from 'react-i18next';
import { SHARE_METRICS, type Metric } from './types';

export function useAnalyticsFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const rate = new Intl.NumberFormat(lang, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  const count = new Intl.NumberFormat(lang);
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const fullDay = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone: 'UTC' });
  const languageNames = new Intl.DisplayNames([lang], { type: 'language' });
  return {
    /** Per 1,000 contacts; a dash where there was nothing to count. */
    rate: (n: number | null) => (n === null ? '—' : rate.format(n)),
    percent: (n: number | null) => (n === null ? '—' : percent.format(n)),
    count: (n: number) => count.format(n),
    /** A YYYY-MM-DD local day, short: "22 Nov". */
    day: (d: string) => day.format(new Date(`${d}T00:00:00Z`)),
    fullDay: (d: string) => fullDay.format(new Date(`${d.slice(0, 10)}T00:00:00Z`)),
    metric: (m: Metric, n: number | null) =>
      SHARE_METRICS.includes(m) ? (n === null ? '—' : percent.format(n)) : n === null ? '—' : rate.format(n),
    /** "German" for de, in the UI's language. */
    language: (code: string) => languageNames.of(code) ?? code,
  };
}
