/**
 * The frame around every screen: a quiet header (live status, language, who is signed in, sign
 * out), the navigation the role allows, and a skip link so keyboard users reach the content first.
 */
import { AppShell, Badge, Burger, Button, Group, NavLink, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterLink, useLocation } from 'react-router';
import { useLiveStatus } from '../api/live';
import { useSession } from '../auth/session';
import { LanguagePicker } from './LanguagePicker';
import { NAV } from './nav';

function LiveBadge() {
  const { t } = useTranslation();
  const status = useLiveStatus();
  const color = status === 'live' ? 'teal' : status === 'connecting' ? 'gray' : 'orange';
  return (
    <Badge color={color} variant="dot" aria-live="polite" data-testid="live-status">
      {t(`live.${status}`)}
    </Badge>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signOut, can } = useSession();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const items = NAV.filter((n) => can(n.permission));

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Text fw={700} c="teal.8" component="span">
              Calmline
            </Text>
            <LiveBadge />
          </Group>
          <Group gap="sm" wrap="nowrap">
            <LanguagePicker compact />
            <Text size="sm" visibleFrom="sm" data-testid="signed-in-as">
              <VisuallyHidden>{t('signedInAs')} </VisuallyHidden>
              {me?.name} · {me ? t(`role.${me.role}`) : ''}
            </Text>
            <Button variant="subtle" size="xs" onClick={() => void signOut()}>
              {t('auth.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('nav.label')}>
        {items.map((n) => (
          <NavLink
            key={n.path}
            component={RouterLink}
            to={n.path}
            label={t(n.label)}
            active={location.pathname.startsWith(n.path)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
