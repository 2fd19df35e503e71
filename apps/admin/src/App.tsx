import { lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
import { Authenticated, CanAccess, Refine } from '@refinedev/core';
import routerProvider, { CatchAllNavigate, DocumentTitleHandler, UnsavedChangesNotifier } from '@refinedev/react-router';
import { BrowserRouter, Outlet, Route, Routes } from 'react-router';
import { App as AntdApp, Flex, Spin } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/en-gb';
import 'dayjs/locale/en-in';
import { ApiSessionProvider } from '@advisordesk/admin-data';
import { AreaSlotsProvider } from '@advisordesk/admin-ui';
import { createAccessControlProvider } from './providers/access-control';
import { apiSession } from './providers/api-session';
import { createDataProvider } from './providers/data-provider';
import { authProvider } from './providers/auth-provider';
import { useNotificationProvider } from './providers/notification-provider';
import { API_URL, httpClient } from './providers/http-client';
import { queryClient } from './providers/query-client';
import { session } from './providers/session';
import { areaOfResource, pageRoutes, refineResources, type PageAction } from './resources';
import { areaSlots } from './slots';
import { HEADER_HEIGHT } from './theme';
import { BrandMark } from './components/brand';
import { RedirectAfterSignIn, SignInWithinPanel } from './pages/login/redirect-after-sign-in';

dayjs.locale('en-in');

/** Below antd's `md` breakpoint: where toasts go to the bottom (styles.css moves the messages at the same width). */
const PHONE_QUERY = '(max-width: 767px)';

// The sider and header load once someone is signed in, with the first page: the sign-in page never carries them.
const AppLayout = lazy(() => import('./components/layout/app-layout').then((module) => ({ default: module.AppLayout })));
// The "not found" and "not for your role" pages (with antd's Result and its illustrations) load when shown.
const loadErrorPages = () => import('./pages/errors');
const NotFoundPage = lazy(() => loadErrorPages().then((module) => ({ default: module.NotFoundPage })));
const ForbiddenPage = lazy(() => loadErrorPages().then((module) => ({ default: module.ForbiddenPage })));

const api = createDataProvider(API_URL, httpClient);
const accessControlProvider = createAccessControlProvider({ roleOf: () => session.get()?.user.role, areaOf: areaOfResource });

/** The one access check of every page: what `PERMISSIONS` lets the role do with the resource, or "not for your role". */
function AccessGate({ resource, action, children }: { resource: string; action: PageAction; children: ReactNode }) {
  if (areaOfResource(resource) === null) return children;
  return (
    <CanAccess resource={resource} action={action} fallback={<ForbiddenPage />}>
      {children}
    </CanAccess>
  );
}

function PageLoading() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: 240 }}>
      <Spin size="large" />
    </Flex>
  );
}

/**
 * Where passing messages and notices appear, set once for every screen: on a laptop below the
 * header (never over the user menu), on a phone at the bottom (never over a page's header; the
 * messages' move to the bottom is in styles.css, antd places them only from the top).
 */
function FeedbackPlacement({ children }: { children: ReactNode }) {
  // Known at the first render (antd reads the placement when it mounts), and followed afterwards.
  const [phone, setPhone] = useState(() => typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(PHONE_QUERY);
    const follow = () => setPhone(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  return (
    <AntdApp
      message={{ top: HEADER_HEIGHT + 12, maxCount: 3 }}
      notification={phone ? { placement: 'bottom', bottom: 16, maxCount: 2 } : { placement: 'topRight', top: HEADER_HEIGHT + 16, maxCount: 3 }}
    >
      {children}
    </AntdApp>
  );
}

export default function App() {
  return (
    <BrowserRouter>
      <FeedbackPlacement>
        <Refine
          dataProvider={api}
          routerProvider={routerProvider}
          authProvider={authProvider}
          accessControlProvider={accessControlProvider}
          notificationProvider={useNotificationProvider}
          resources={refineResources}
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
                  <Suspense fallback={<PageLoading />}>
                    <ApiSessionProvider value={apiSession}>
                      <AreaSlotsProvider value={areaSlots}>
                        <AppLayout>
                          <Suspense fallback={<PageLoading />}>
                            <Outlet />
                          </Suspense>
                        </AppLayout>
                      </AreaSlotsProvider>
                    </ApiSessionProvider>
                  </Suspense>
                </Authenticated>
              }
            >
              {pageRoutes.map(({ key, path, Page, resource, action }) => (
                <Route
                  key={key}
                  path={path}
                  element={
                    <AccessGate resource={resource} action={action}>
                      <Page />
                    </AccessGate>
                  }
                />
              ))}
              <Route path="*" element={<NotFoundPage />} />
            </Route>
            <Route
              path="/login"
              element={
                <Authenticated key="signed-out" fallback={<SignInWithinPanel />} loading={<PageLoading />}>
                  <RedirectAfterSignIn />
                </Authenticated>
              }
            />
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
      </FeedbackPlacement>
    </BrowserRouter>
  );
}
