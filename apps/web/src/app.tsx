/** Routes: planners get the roster tools, employees the staff portal; everything behind login. */
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { isPlannerRole, useSession } from './auth/session.tsx';
import { Layout } from './components/layout.tsx';
import { Spinner } from './components/ui.tsx';
import { LoginPage } from './pages/login.tsx';
import { RosterPage } from './roster/roster-page.tsx';
import { SelectionProvider } from './roster/selection.tsx';

const OptimisePage = lazy(() =>
  import('./optimise/optimise-page.tsx').then((m) => ({ default: m.OptimisePage })),
);
const ProposalPage = lazy(() =>
  import('./optimise/proposal-page.tsx').then((m) => ({ default: m.ProposalPage })),
);
const PublishPage = lazy(() => import('./roster/publish-page.tsx').then((m) => ({ default: m.PublishPage })));
const HomeCarePage = lazy(() =>
  import('./homecare/homecare-page.tsx').then((m) => ({ default: m.HomeCarePage })),
);
const MyRosterPage = lazy(() =>
  import('./staff/my-roster-page.tsx').then((m) => ({ default: m.MyRosterPage })),
);
const WishesPage = lazy(() => import('./staff/wishes-page.tsx').then((m) => ({ default: m.WishesPage })));
const LeavePage = lazy(() => import('./staff/leave-page.tsx').then((m) => ({ default: m.LeavePage })));
const CalendarPage = lazy(() =>
  import('./staff/calendar-page.tsx').then((m) => ({ default: m.CalendarPage })),
);
const LeaveRequestsPage = lazy(() =>
  import('./leave/leave-requests-page.tsx').then((m) => ({ default: m.LeaveRequestsPage })),
);
const FlagPage = lazy(() => import('./staff/flag-page.tsx').then((m) => ({ default: m.FlagPage })));
const CapacityPage = lazy(() =>
  import('./workforce/capacity-page.tsx').then((m) => ({ default: m.CapacityPage })),
);
const InsightPage = lazy(() =>
  import('./workforce/insight-page.tsx').then((m) => ({ default: m.InsightPage })),
);
const GridBenchPage = lazy(() =>
  import('./dev/grid-bench-page.tsx').then((m) => ({ default: m.GridBenchPage })),
);

function RequireSession({ planner, children }: { planner?: boolean; children: ReactNode }) {
  const { user, loading } = useSession();
  const location = useLocation();
  const { t } = useTranslation();
  if (loading) return <Spinner label={t('app.loading')} />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  if (planner && !isPlannerRole(user)) return <Navigate to="/mijn/rooster" replace />;
  return <>{children}</>;
}

function Home() {
  const { user } = useSession();
  return <Navigate to={isPlannerRole(user) ? '/rooster' : '/mijn/rooster'} replace />;
}

export function App() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Spinner label={t('app.loading')} />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/dev/grid" element={<GridBenchPage />} />
        <Route
          element={
            <RequireSession>
              <SelectionProvider>
                <Layout />
              </SelectionProvider>
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          <Route
            path="rooster"
            element={
              <RequireSession planner>
                <RosterPage />
              </RequireSession>
            }
          />
          <Route
            path="optimaliseren"
            element={
              <RequireSession planner>
                <OptimisePage />
              </RequireSession>
            }
          />
          <Route
            path="voorstel/:id"
            element={
              <RequireSession planner>
                <ProposalPage />
              </RequireSession>
            }
          />
          <Route
            path="publiceren"
            element={
              <RequireSession planner>
                <PublishPage />
              </RequireSession>
            }
          />
          <Route
            path="wijkzorg"
            element={
              <RequireSession planner>
                <HomeCarePage />
              </RequireSession>
            }
          />
          <Route
            path="capaciteit"
            element={
              <RequireSession planner>
                <CapacityPage />
              </RequireSession>
            }
          />
          <Route
            path="inzicht"
            element={
              <RequireSession planner>
                <InsightPage />
              </RequireSession>
            }
          />
          <Route
            path="verlofaanvragen"
            element={
              <RequireSession planner>
                <LeaveRequestsPage />
              </RequireSession>
            }
          />
          <Route path="mijn/rooster" element={<MyRosterPage />} />
          <Route path="mijn/wensen" element={<WishesPage />} />
          <Route path="mijn/verlof" element={<LeavePage />} />
          <Route path="mijn/agenda" element={<CalendarPage />} />
          <Route path="mijn/melden" element={<FlagPage />} />
          <Route path="*" element={<Home />} />
        </Route>
      </Routes>
    </Suspense>
  );
}
