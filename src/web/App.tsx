import { lazy, Suspense } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import { createBrowserRouter, Navigate, Route, RouterProvider, Routes } from 'react-router-dom';
import { ForcedPasswordPage } from './features/auth/ForcedPasswordPage.js';
import { SessionProvider, useSession } from './features/auth/session.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { SetupPage } from './features/setup/SetupPage.js';
import { AppShell } from './features/shell/AppShell.js';
import { COMING_CAPABILITIES } from './features/shell/navigation.js';
import { ANTD_LOCALES } from './i18n/antd-locales.js';
import { useLocale, useT } from './i18n/index.js';

const OverviewPage = lazy(() => import('./features/overview/OverviewPage.js'));
const UnitsPage = lazy(() => import('./features/units/UnitsPage.js'));
const PeoplePage = lazy(() => import('./features/people/PeoplePage.js'));
const PlansPage = lazy(() => import('./features/plans/PlansPage.js'));
const PlanEditorPage = lazy(() => import('./features/plans/PlanEditorPage.js'));
const IncidentBoardPage = lazy(() => import('./features/incidents/BoardPage.js'));
const ReportIncidentPage = lazy(() => import('./features/incidents/ReportIncidentPage.js'));
const IncidentPage = lazy(() => import('./features/incidents/IncidentPage.js'));
const ComingPage = lazy(() => import('./features/coming/ComingPage.js'));
const NotFoundPage = lazy(() => import('./features/coming/NotFoundPage.js'));

export function FullPageSpin() {
  const t = useT();
  return (
    <div className="steady-centered" style={{ background: '#f3f5f8' }}>
      <Spin size="large" description={t('app.loading')} />
    </div>
  );
}

function SignedInRoutes() {
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Routes>
        <Route element={<AppShell />}>
          <Route index element={<OverviewPage />} />
          <Route path="units" element={<UnitsPage />} />
          <Route path="people" element={<PeoplePage />} />
          <Route path="plans" element={<PlansPage />} />
          <Route path="plans/:id" element={<PlanEditorPage />} />
          <Route path="incidents" element={<IncidentBoardPage />} />
          <Route path="incidents/new" element={<ReportIncidentPage />} />
          <Route path="incidents/:id" element={<IncidentPage />} />
          {COMING_CAPABILITIES.map((item) => (
            <Route key={item.path} path={item.path.slice(1)} element={<ComingPage capability={item} />} />
          ))}
          <Route path="login" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

function Gate() {
  const t = useT();
  const { state, refresh } = useSession();
  switch (state.status) {
    case 'loading':
      return <FullPageSpin />;
    case 'unreachable':
      return (
        <Result
          status="warning"
          title={state.error.problem.detail ?? state.error.problem.title}
          extra={<Button onClick={() => void refresh()}>{t('common.retry')}</Button>}
        />
      );
    case 'setup':
      return <SetupPage />;
    case 'signedOut':
      return <SignInPage expired={state.expired} />;
    case 'signedIn':
      return state.me.mustChangePassword ? <ForcedPasswordPage /> : <SignedInRoutes />;
  }
}

/** A data router (one catch-all route) so that screens can ask before leaving unsaved work. */
const router = createBrowserRouter([{ path: '*', element: <Gate /> }]);

export function App() {
  const { locale } = useLocale();
  return (
    <ConfigProvider
      locale={ANTD_LOCALES[locale]}
      theme={{
        token: { colorPrimary: '#1f4e8c', borderRadius: 6 },
        components: {
          Menu: { itemSelectedBg: '#e6eef9', itemSelectedColor: '#1f4e8c' },
          Tree: { nodeSelectedBg: '#dbe7f7' },
          Button: { primaryShadow: 'none' },
        },
      }}
    >
      <AntApp style={{ height: '100%' }}>
        <SessionProvider>
          <RouterProvider router={router} />
        </SessionProvider>
      </AntApp>
    </ConfigProvider>
  );
}
