import { lazy, Suspense } from 'react';
import { Authenticated, CanAccess, Refine } from '@refinedev/core';
import { useNotificationProvider } from '@refinedev/antd';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, UnsavedChangesNotifier } from '@refinedev/react-router';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { App as AntdApp, ConfigProvider, Flex, Spin } from 'antd';
import enGB from 'antd/locale/en_GB';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/en-in';
import { createAccessControlProvider } from './providers/access-control';
import { createDataProvider } from './providers/data-provider';
import { authProvider } from './providers/auth-provider';
import { API_URL, httpClient } from './providers/http-client';
import { queryClient } from './providers/query-client';
import { session } from './providers/session';
import { areaOfResource, resources } from './resources';
import { appTheme } from './theme';
import { AppLayout } from './components/layout/app-layout';
import { BrandMark } from './components/brand';
import { ForbiddenPage, NotFoundPage } from './pages/errors';
import LoginPage from './pages/login';
import { RedirectAfterSignIn } from './pages/login/redirect-after-sign-in';

// Pages load on demand, so signing in never waits for screens (or charts) the user has not opened.
const DashboardPage = lazy(() => import('./pages/dashboard'));
const UserListPage = lazy(() => import('./pages/users'));
const LeadListPage = lazy(() => import('./pages/leads/list'));
const LeadBoardPage = lazy(() => import('./pages/leads/board'));
const LeadShowPage = lazy(() => import('./pages/leads/show'));
const TaskListPage = lazy(() => import('./pages/tasks'));
const WebsiteFormPage = lazy(() => import('./pages/website-form'));
const UniversityListPage = lazy(() => import('./pages/universities/list'));
const UniversityCreatePage = lazy(() => import('./pages/universities/create'));
const UniversityEditPage = lazy(() => import('./pages/universities/edit'));
const ProgramListPage = lazy(() => import('./pages/programs/list'));
const ProgramCreatePage = lazy(() => import('./pages/programs/create'));
const ProgramEditPage = lazy(() => import('./pages/programs/edit'));
const ProgramShowPage = lazy(() => import('./pages/programs/show'));
const FeeStructureListPage = lazy(() => import('./pages/fee-structures/list'));
const FeeStructureCreatePage = lazy(() => import('./pages/fee-structures/create'));
const FeeStructureEditPage = lazy(() => import('./pages/fee-structures/edit'));
const CatalogueImportPage = lazy(() => import('./pages/catalogue-import'));
const ComparePage = lazy(() => import('./pages/compare'));
const ReportsPage = lazy(() => import('./pages/reports'));
const ExportListPage = lazy(() => import('./pages/exports'));

dayjs.locale('en-in');

const api = createDataProvider(API_URL, httpClient);
const accessControlProvider = createAccessControlProvider({ roleOf: () => session.get()?.user.role, areaOf: areaOfResource });

function PageLoading() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  );
}

export default function App() {
  return (
    <BrowserRouter>
      <ConfigProvider theme={appTheme} locale={enGB}>
        <AntdApp>
          <Refine
            dataProvider={api}
            routerProvider={routerProvider}
            authProvider={authProvider}
            accessControlProvider={accessControlProvider}
            notificationProvider={useNotificationProvider}
            resources={resources}
            options={{
              syncWithLocation: true,
              warnWhenUnsavedChanges: true,
              disableTelemetry: true,
              title: { text: 'AdvisorDesk', icon: <BrandMark /> },
              reactQuery: { clientConfig: queryClient },
            }}
          >
            <Routes>
              <Route
                element={
                  <Authenticated key="signed-in" fallback={<CatchAllNavigate to="/login" />} loading={<PageLoading />}>
                    <AppLayout>
                      <Suspense fallback={<PageLoading />}>
                        <Outlet />
                      </Suspense>
                    </AppLayout>
                  </Authenticated>
                }
              >
                <Route index element={<DashboardPage />} />
                <Route
                  path="/leads"
                  element={
                    <CanAccess resource="leads" action="list" fallback={<ForbiddenPage />}>
                      <Outlet />
                    </CanAccess>
                  }
                >
                  <Route index element={<LeadListPage />} />
                  <Route path="board" element={<LeadBoardPage />} />
                  <Route path=":id" element={<LeadShowPage />} />
                </Route>
                <Route
                  path="/tasks"
                  element={
                    <CanAccess resource="tasks" action="list" fallback={<ForbiddenPage />}>
                      <TaskListPage />
                    </CanAccess>
                  }
                />
                <Route
                  path="/users"
                  element={
                    <CanAccess resource="users" action="list" fallback={<ForbiddenPage />}>
                      <UserListPage />
                    </CanAccess>
                  }
                />
                <Route
                  path="/reports"
                  element={
                    <CanAccess resource="reports" action="list" fallback={<ForbiddenPage />}>
                      <ReportsPage />
                    </CanAccess>
                  }
                />
                <Route
                  path="/exports"
                  element={
                    <CanAccess resource="exports" action="list" fallback={<ForbiddenPage />}>
                      <ExportListPage />
                    </CanAccess>
                  }
                />
                <Route
                  path="/settings/website-form"
                  element={
                    <CanAccess resource="website-form" action="list" fallback={<ForbiddenPage />}>
                      <WebsiteFormPage />
                    </CanAccess>
                  }
                />
                <Route path="/universities" element={<CanAccess resource="universities" action="list" fallback={<ForbiddenPage />}><UniversityListPage /></CanAccess>} />
                <Route path="/universities/create" element={<CanAccess resource="universities" action="create" fallback={<ForbiddenPage />}><UniversityCreatePage /></CanAccess>} />
                <Route path="/universities/edit/:id" element={<CanAccess resource="universities" action="edit" fallback={<ForbiddenPage />}><UniversityEditPage /></CanAccess>} />
                <Route path="/programs" element={<CanAccess resource="programs" action="list" fallback={<ForbiddenPage />}><ProgramListPage /></CanAccess>} />
                <Route path="/programs/create" element={<CanAccess resource="programs" action="create" fallback={<ForbiddenPage />}><ProgramCreatePage /></CanAccess>} />
                <Route path="/programs/edit/:id" element={<CanAccess resource="programs" action="edit" fallback={<ForbiddenPage />}><ProgramEditPage /></CanAccess>} />
                <Route path="/programs/show/:id" element={<CanAccess resource="programs" action="show" fallback={<ForbiddenPage />}><ProgramShowPage /></CanAccess>} />
                <Route path="/fee-structures" element={<CanAccess resource="fee-structures" action="list" fallback={<ForbiddenPage />}><FeeStructureListPage /></CanAccess>} />
                <Route path="/fee-structures/create" element={<CanAccess resource="fee-structures" action="create" fallback={<ForbiddenPage />}><FeeStructureCreatePage /></CanAccess>} />
                <Route path="/fee-structures/edit/:id" element={<CanAccess resource="fee-structures" action="edit" fallback={<ForbiddenPage />}><FeeStructureEditPage /></CanAccess>} />
                <Route path="/catalogue/import" element={<CanAccess resource="catalogue-import" action="create" fallback={<ForbiddenPage />}><CatalogueImportPage /></CanAccess>} />
                <Route path="/compare" element={<ComparePage />} />
                <Route path="*" element={<NotFoundPage />} />
              </Route>
              <Route
                element={
                  <Authenticated key="signed-out" fallback={<Outlet />} loading={<PageLoading />}>
                    <RedirectAfterSignIn />
                  </Authenticated>
                }
              >
                <Route path="/login" element={<LoginPage />} />
              </Route>
            </Routes>
            <UnsavedChangesNotifier message="You have unsaved changes. Leave this page anyway?" />
            <DocumentTitleHandler
              handler={({ resource, pathname }) => {
                if (pathname?.startsWith('/login')) return 'Sign in · AdvisorDesk';
                const label = resource?.meta?.label;
                return label && resource?.name !== 'dashboard' ? `${label} · AdvisorDesk` : 'AdvisorDesk';
              }}
            />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  );
}
