/**
 * The board's alerts: open and acknowledged ones, newest first, kept current by 'alert.raised' and
 * 'alert.updated' events without reloading. A new alert is marked fresh for a few seconds (the
 * highlight), announced to screen readers, and optionally sounded.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { asApiError, get, type ApiError } from '../../api/client';
import { useLiveEvents } from '../../api/live';
import type { Alert } from '../../api/types';
import { playAlertTone } from './alertSound';

const FRESH_MS = 6_000;
type AlertList = { alerts: Alert[] };

function newestFirst(list: Alert[]): Alert[] {
  return [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** Puts the alert in (or takes it out once resolved), keeping whichever copy changed last. */
function merge(list: Alert[], alert: Alert): Alert[] {
  const old = list.find((a) => a.id === alert.id);
  if (old && old.updatedAt > alert.updatedAt) return list;
  const rest = list.filter((a) => a.id !== alert.id);
  return alert.status === 'resolved' ? rest : newestFirst([...rest, alert]);
}

export function useLiveAlerts(soundOn: boolean) {
  const { t } = useTranslation('board');
  const [alerts, setAlerts] = useState<Alert[]>();
  const [error, setError] = useState<ApiError>();
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  // The last few announcements: alerts often come in twos (a threat and the agent's exposure), and
  // each added line is read out, where replacing one line would drop the first.
  const [announcements, setAnnouncements] = useState<{ id: string; text: string }[]>([]);
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());

  const load = useCallback(async () => {
    try {
      // The list route filters by one status; the board wants both that still need someone.
      const [open, acknowledged] = await Promise.all([
        get<AlertList>('/api/alerts?status=open'),
        get<AlertList>('/api/alerts?status=acknowledged'),
      ]);
      // Live events that arrived while loading are merged, not lost.
      setAlerts((current) => [...open.alerts, ...acknowledged.alerts].reduce(merge, current ?? []));
      setError(undefined);
    } catch (e) {
      setError(asApiError(e));
    }
  }, []);

  useEffect(() => {
    void load();
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, [load]);

  const upsert = useCallback((alert: Alert) => setAlerts((current) => merge(current ?? [], alert)), []);

  useLiveEvents((event) => {
    if (event.kind !== 'alert.raised' && event.kind !== 'alert.updated') return;
    const alert = event.data as Alert;
    upsert(alert);
    if (event.kind !== 'alert.raised') return;
    setFresh((s) => new Set(s).add(alert.id));
    const timer = setTimeout(() => {
      timers.current.delete(timer);
      setFresh((s) => {
        const next = new Set(s);
        next.delete(alert.id);
        return next;
      });
    }, FRESH_MS);
    timers.current.add(timer);
    const text = t('alerts.announce', {
      kind: t(`alert.kind.${alert.kind}`),
      severity: t(`alert.severity.${alert.severity}`),
      reason: t(`alert.reason.${alert.reason}`, { defaultValue: alert.reason }),
    });
    setAnnouncements((list) => [...list, { id: `${event.id}`, text }].slice(-3));
    if (soundOn) playAlertTone(alert.severity === 'critical');
  });

  return { alerts, error, fresh, announcements, upsert, reload: load };
}
