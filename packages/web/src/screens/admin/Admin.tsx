/**
 * Administration (admins only): a row of links to the sections, each its own small page under
 * /admin/<section>, so a section can be linked to and the browser's back button works. Sections
 * load on demand; the policy editor's preview pulls in the detector only when a sample is played.
 */
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, NavLink, Route, Routes, useLocation } from 'react-router';

const SECTIONS = [
  { path: 'policy', Page: lazy(() => import('./PolicySection')) },
  { path: 'users', Page: lazy(() => import('./UsersSection')) },
  { path: 'teams', Page: lazy(() => import('./TeamsSection')) },
  { path: 'tokens', Page: lazy(() => import('./TokensSection')) },
  { path: 'webhooks', Page: lazy(() => import('./WebhooksSection')) },
  { path: 'integrations', Page: lazy(() => import('./IntegrationsSection')) },
  { path: 'blocks', Page: lazy(() => import('./BlocksSection')) },
  { path: 'retention', Page: lazy(() => import('./RetentionSection')) },
  { path: 'audit', Page: lazy(() => import('./AuditSection')) },
] as const;

export default function Admin() {
  const { t } = useTranslation('admin');
  const { pathname } = useLocation();
  return (
    <Stack>
      <Title order={1}>{t('title')}</Title>
      <Group component="nav" aria-label={t('sections')} gap="xs">
        {SECTIONS.map(({ path }) => {
          const active = pathname.startsWith(`/admin/${path}`);
          return (
            <Button
              key={path}
              component={NavLink}
              to={`/admin/${path}`}
              size="xs"
              variant={active ? 'filled' : 'default'}
              aria-current={active ? 'page' : undefined}
            >
              {t(`section.${path}`)}
            </Button>
          );
        })}
      </Group>
      <Suspense fallback={<Text>{t('common:loading')}</Text>}>
        <Routes>
          {SECTIONS.map(({ path, Page }) => (
            <Route key={path} path={path} element={<Page />} />
          ))}
          <Route path="*" element={<Navigate to="/admin/policy" replace />} />
        </Routes>
      </Suspense>
    </Stack>
  );
}
