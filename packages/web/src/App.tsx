/**
 * Providers (theme with the page's direction, session, live socket, notifications) and the routes.
 * Screens load on demand: the console carries the draft coach's language data, which the board
 * and the admin pages do not need.
 */
import { Center, DirectionProvider, Loader, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { LiveProvider } from './api/live';
import { SessionProvider, useSession } from './auth/session';
import { SetPasswordPage } from './auth/SetPasswordPage';
import { SignInPage } from './auth/SignInPage';
import { directionOf } from './i18n/languages';
import { Shell } from './layout/Shell';
import { homeFor } from './layout/nav';
import { theme } from './theme';

const AgentConsole = lazy(() => import('./screens/console/AgentConsole'));
const SupervisorBoard = lazy(() => import('./screens/board/SupervisorBoard'));
const IncidentList = lazy(() => import('./screens/incidents/IncidentList'));
const IncidentDetail = lazy(() => import('./screens/incidents/IncidentDetail'));
const MyWellbeing = lazy(() => import('./screens/wellbeing/MyWellbeing'));
const Admin = lazy(() => import('./screens/admin/Admin'));
const Analytics = lazy(() => import('./screens/analytics/Analytics'));
const ReviewList = lazy(() => import('./screens/reviews/ReviewList'));
const ReviewDetail = lazy(() => import('./screens/reviews/ReviewDetail'));
const Library = lazy(() => import('./screens/library/Library'));
const TrainingRoutes = lazy(() => import('./screens/training/TrainingRoutes'));

function Loading() {
  const { t } = useTranslation();
  return (
    <Center mih="50vh">
      <Loader aria-label={t('loading')} />
    </Center>
  );
}

function Routed() {
  const { me, loading, can } = useSession();
  if (loading) return <Loading />;
  if (!me) return <SignInPage />;
  if (!me.hasPassword) return <SetPasswordPage firstRun={me.role === 'admin'} />;
  const home = homeFor(me.role, me.permissions, me.recruit);
  return (
    <LiveProvider enabled={can('live:subscribe')}>
      <Shell>
        <Suspense fallback={<Loading />}>
          <Routes>
            {can('conversations:act') && <Route path="/console/:conversationId?" element={<AgentConsole />} />}
            {can('alerts:update') && <Route path="/board" element={<SupervisorBoard />} />}
            {can('incidents:read') && <Route path="/incidents" element={<IncidentList />} />}
            {can('incidents:read') && <Route path="/incidents/:id" element={<IncidentDetail />} />}
            {can('analytics:read') && <Route path="/analytics" element={<Analytics />} />}
            <Route path="/wellbeing" element={<MyWellbeing />} />
            {can('reviews:write') && <Route path="/reviews" element={<ReviewList />} />}
            {can('reviews:write') && <Route path="/reviews/:kind/:id" element={<ReviewDetail />} />}
            {can('library:read') && <Route path="/library" element={<Library />} />}
            {can('organisation:manage') && <Route path="/admin/*" element={<Admin />} />}
            {(can('training:practise') || can('training:coach')) && <Route path="/training/*" element={<TrainingRoutes />} />}
            <Route path="*" element={<Navigate to={home} replace />} />
          </Routes>
        </Suspense>
      </Shell>
    </LiveProvider>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const dir = directionOf(i18n.language);
  useEffect(() => {
    document.title = 'Calmline';
  }, []);
  return (
    <DirectionProvider initialDirection={dir} detectDirection>
      <MantineProvider theme={theme} defaultColorScheme="light">
        <Notifications position={dir === 'rtl' ? 'top-left' : 'top-right'} />
        <SessionProvider>
          <BrowserRouter>
            <Routed />
          </BrowserRouter>
        </SessionProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
