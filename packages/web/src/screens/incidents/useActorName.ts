/**
 * Who did something, in words. Events carry user ids only and most roles may not list the
 * organisation's users, so the screen names what it can tell for sure: you, the conversation's
 * agent, Calmline itself (no user), or another colleague.
 */
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import type { Incident } from './incidentTypes';

export function useActorName(incident: Pick<Incident, 'agentId'>): (userId: string | null) => string {
  const { t } = useTranslation('incidents');
  const { me } = useSession();
  return (userId) => {
    if (userId === null) return t('by.system');
    if (userId === me?.id) return t('by.you');
    if (userId === incident.agentId) return t('by.agent');
    return t('by.colleague');
  };
}
