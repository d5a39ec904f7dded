/**
 * The agent console (/console/:conversationId?): open conversations on one side, the selected one
 * live beside them. With nothing selected the newest conversation opens by itself, so a contact
 * routed to an idle agent is in front of them the moment it arrives.
 */
import { Grid, Stack, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Organisation } from '../../api/types';
import { ErrorNote } from '../../lib/ErrorNote';
import { useApi } from '../../lib/useApi';
import { ConversationList } from './ConversationList';
import { ConversationView } from './ConversationView';
import { useOpenConversations } from './useOpenConversations';

export default function AgentConsole() {
  const { t } = useTranslation('console');
  const { conversationId } = useParams();
  const navigate = useNavigate();
  const open = useOpenConversations();
  const organisation = useApi<Organisation>('/api/organisation');
  const newest = open.conversations[0]?.id;

  useEffect(() => {
    if (!conversationId && newest) void navigate(`/console/${newest}`, { replace: true });
  }, [conversationId, newest, navigate]);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
        <Stack gap="sm">
          <Title order={1} size="h3">
            {t('title')}
          </Title>
          <ErrorNote error={open.error} />
          <nav aria-label={t('list.title')}>
            {open.loaded && <ConversationList conversations={open.conversations} selected={conversationId} />}
          </nav>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
        {conversationId && <ConversationView key={conversationId} id={conversationId} policy={organisation.data?.policy} />}
      </Grid.Col>
    </Grid>
  );
}
