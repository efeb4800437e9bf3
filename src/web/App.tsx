import { lazy, Suspense } from 'react';
import { App as AntApp, Button, ConfigProvider, Result, Spin } from 'antd';
import { createBrowserRouter, Navigate, Route, RouterProvider, Routes } from 'react-router-dom';
import { ForcedPasswordPage } from './features/auth/ForcedPasswordPage.js';
import { SessionProvider, useSession } from './features/auth/session.js';
import { SignInPage } from './features/auth/SignInPage.js';
import { SetupPage } from './features/setup/SetupPage.js';
import { AppShell } from './features/shell/AppShell.js';
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
const ReunificationsPage = lazy(() => import('./features/reunification/ReunificationsPage.js'));
const ReunificationPage = lazy(() => import('./features/reunification/ReunificationPage.js'));
const InspectionsPage = lazy(() => import('./features/inspections/InspectionsPage.js'));
const ChecklistEditPage = lazy(() => import('./features/inspections/ChecklistEditPage.js'));
const RunInspectionPage = lazy(() => import('./features/inspections/RunPage.js'));
const LedgerPage = lazy(() => import('./features/inspections/LedgerPage.js'));
const RectificationTaskPage = lazy(() => import('./features/inspections/TaskPage.js'));
const VisitorsPage = lazy(() => import('./features/visitors/VisitorsPage.js'));
const RostersPage = lazy(() => import('./features/rosters/RostersPage.js'));
const RollCallsPage = lazy(() => import('./features/roll-calls/RollCallsPage.js'));
const MarkClassPage = lazy(() => import('./features/roll-calls/MarkClassPage.js'));
const DrillsPage = lazy(() => import('./features/drills/DrillsPage.js'));
const CasesPage = lazy(() => import('./features/cases/CasesPage.js'));
const NewCasePage = lazy(() => import('./features/cases/NewCasePage.js'));
const CasePage = lazy(() => import('./features/cases/CasePage.js'));
const PublicCaseStatusPage = lazy(() => import('./features/cases/PublicCaseStatusPage.js'));
const AckPage = lazy(() => import('./features/acknowledgements/AckPage.js'));
const ChannelsPage = lazy(() => import('./features/channels/ChannelsPage.js'));
const PatrolsPage = lazy(() => import('./features/patrols/PatrolsPage.js'));
const CheckpointsPage = lazy(() => import('./features/patrols/CheckpointsPage.js'));
const PatrolScanPage = lazy(() => import('./features/patrols/ScanPage.js'));
const DailyReportPage = lazy(() => import('./features/daily-reports/DailyReportPage.js'));
const DailyReportMatrixPage = lazy(() => import('./features/daily-reports/MatrixPage.js'));
const DirectivesPage = lazy(() => import('./features/directives/DirectivesPage.js'));
const NewDirectivePage = lazy(() => import('./features/directives/NewDirectivePage.js'));
const DirectivePage = lazy(() => import('./features/directives/DirectivePage.js'));
const DutyPage = lazy(() => import('./features/duty/DutyPage.js'));
const OnDutyNowPage = lazy(() => import('./features/duty/OnDutyNowPage.js'));
const RosterToolsPage = lazy(() => import('./features/duty/RosterToolsPage.js'));
const LeavePage = lazy(() => import('./features/duty/LeavePage.js'));
// issue 18: supervision
const AssessmentPage = lazy(() => import('./features/supervision/AssessmentPage.js'));
const UnitSheetPage = lazy(() => import('./features/supervision/UnitSheetPage.js'));
const LettersPage = lazy(() => import('./features/supervision/LettersPage.js'));
const LetterPage = lazy(() => import('./features/supervision/LetterPage.js'));
const CompliancePage = lazy(() => import('./features/supervision/CompliancePage.js'));
const AnalyticsPage = lazy(() => import('./features/supervision/AnalyticsPage.js'));
const ReportsInboxPage = lazy(() => import('./features/incident-reports/InboxPage.js'));
const IncidentReportPage = lazy(() => import('./features/incident-reports/ReportPage.js'));
const NotFoundPage = lazy(() => import('./features/shell/NotFoundPage.js'));

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
          <Route path="inspections" element={<InspectionsPage />} />
          <Route path="inspections/checklists/:id" element={<ChecklistEditPage />} />
          <Route path="inspections/run/:checklistId" element={<RunInspectionPage />} />
          <Route path="inspections/ledger" element={<LedgerPage />} />
          <Route path="inspections/tasks/:id" element={<RectificationTaskPage />} />
          <Route path="visitors" element={<VisitorsPage />} />
          <Route path="rosters" element={<RostersPage />} />
          <Route path="reunifications" element={<ReunificationsPage />} />
          <Route path="reunifications/:id" element={<ReunificationPage />} />
          <Route path="roll-calls" element={<RollCallsPage />} />
          <Route path="roll-calls/:id" element={<RollCallsPage />} />
          <Route path="roll-calls/:id/groups/:groupKey" element={<MarkClassPage />} />
          <Route path="drills" element={<DrillsPage />} />
          <Route path="cases" element={<CasesPage />} />
          <Route path="cases/new" element={<NewCasePage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="patrols" element={<PatrolsPage />} />
          <Route path="patrols/checkpoints" element={<CheckpointsPage />} />
          <Route path="patrols/c/:code" element={<PatrolScanPage />} />
          <Route path="daily-reports" element={<DailyReportPage />} />
          <Route path="daily-reports/matrix" element={<DailyReportMatrixPage />} />
          <Route path="directives" element={<DirectivesPage />} />
          <Route path="directives/new" element={<NewDirectivePage />} />
          <Route path="directives/:id" element={<DirectivePage />} />
          <Route path="duty" element={<DutyPage />} />
          <Route path="duty/now" element={<OnDutyNowPage />} />
          <Route path="duty/roster" element={<RosterToolsPage />} />
          <Route path="duty/leave" element={<LeavePage />} />
          <Route path="channels" element={<ChannelsPage />} />
          {/* issue 18: supervision */}
          <Route path="assessment" element={<AssessmentPage />} />
          <Route path="assessment/:sheetId/units/:unitId" element={<UnitSheetPage />} />
          <Route path="letters" element={<LettersPage />} />
          <Route path="letters/:id" element={<LetterPage />} />
          <Route path="compliance" element={<CompliancePage />} />
          <Route path="analytics" element={<AnalyticsPage />} />
          <Route path="incident-reports" element={<ReportsInboxPage />} />
          <Route path="incident-reports/:id" element={<IncidentReportPage />} />
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
const router = createBrowserRouter([
  // The private status link of a dispute case: for the person who raised it, without signing in.
  {
    path: '/case-status/:token',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <PublicCaseStatusPage />
      </Suspense>
    ),
  },
  // The one-tap acknowledge link of a chain message: for the person it was sent to, without signing in.
  {
    path: '/a/:token',
    element: (
      <Suspense fallback={<FullPageSpin />}>
        <AckPage />
      </Suspense>
    ),
  },
  { path: '*', element: <Gate /> },
]);

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
