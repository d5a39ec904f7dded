/**
 * The supervisor board (/board): live alerts in the main column; the team's exposure, debriefs
 * and the incident queue at the side (below the alerts on a tablet). Leads, security, admins.
 */
import { Grid, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLiveEvents } from '../../api/live';
import type { TeamWellbeing, User } from '../../api/types';
import { useSession } from '../../auth/session';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { AlertList } from './AlertList';
import { ConversationDrawer } from './ConversationDrawer';
import { DebriefQueue } from './DebriefQueue';
import { IncidentQueue } from './IncidentQueue';
import { TeamExposure } from './TeamExposure';

export default function SupervisorBoard() {
  const { t } = useTranslation('board');
  const { can } = useSession();
  const [conversationId, setConversationId] = useState<string | null>(null);
  // Names for "Claimed by …"; roles without users:read see "a colleague" instead.
  const users = useApi<{ users: User[] }>(can('users:read') ? '/api/users' : null);
  const names = new Map((users.data?.users ?? []).map((u) => [u.id, u.name]));
  const team = useApi<TeamWellbeing>(can('wellbeing:team') ? '/api/wellbeing/team' : null);
  // A new alert usually means someone's exposure just went up.
  useLiveEvents((e) => {
    if (e.kind === 'alert.raised' && can('wellbeing:team')) void team.reload();
  });

  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 7, xl: 8 }}>
          <AlertList names={names} onOpenConversation={setConversationId} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5, xl: 4 }}>
          <Stack gap="xl">
            {can('wellbeing:team') && (
              <>
                <ErrorNote error={team.error} />
                {team.data && <TeamExposure team={team.data} />}
                {team.data && <DebriefQueue team={team.data} onChanged={() => void team.reload()} />}
              </>
            )}
            {can('incidents:read') && <IncidentQueue />}
          </Stack>
        </Grid.Col>
      </Grid>
      <ConversationDrawer conversationId={conversationId} onClose={() => setConversationId(null)} />
    </Stack>
  );
}
