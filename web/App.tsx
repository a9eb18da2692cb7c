/** The router, the sign-in guard, per-route access checks and the bridge from the error handler to antd. */
import { createElement, useEffect, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, RouterProvider, useLocation } from 'react-router-dom';
import { App as AntApp, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ME_KEY, useMe } from './api/auth.ts';
import { installErrorSink, type RequestError } from './api/request.ts';
import { useAccess } from './access.ts';
import { Forbidden, LoadError, NotFound } from './components/Exception.tsx';
import { BasicLayout } from './layouts/BasicLayout.tsx';
import { useT, type Translate } from './locales/index.tsx';
import LoginPage from './pages/user/login/index.tsx';
import { HOME_PATH, LOGIN_PATH, ROUTES, type AppRoute } from './routes.ts';

function FullPageSpin() {
  return <Spin size="large" style={{ display: 'block', margin: '30vh auto' }} />;
}

/** Only signed-in people get past; others go to sign-in and come back afterwards. */
function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <FullPageSpin />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    const back = location.pathname + location.search;
    return <Navigate to={`${LOGIN_PATH}?redirect=${encodeURIComponent(back)}`} replace />;
  }
  return <>{children}</>;
}

/** A page the person's permissions do not cover shows the forbidden page (the server refuses it anyway). */
function Guarded({ route }: { route: AppRoute }) {
  const acc = useAccess();
  return acc[route.access] ? createElement(route.component) : <Forbidden />;
}

const router = createBrowserRouter(
  [
    { path: LOGIN_PATH, element: <LoginPage /> },
    {
      path: '/',
      element: (
        <RequireAuth>
          <BasicLayout />
        </RequireAuth>
      ),
      children: [
        { index: true, element: <Navigate to={HOME_PATH} replace /> },
        ...ROUTES.map((r) => ({ path: r.path, element: <Guarded route={r} /> })),
        { path: '*', element: <NotFound /> },
      ],
    },
  ],
  // opt in to React Router 7 behaviour now, so the upgrade changes nothing
  {
    future: {
      v7_relativeSplatPath: true,
      v7_fetcherPersist: true,
      v7_normalizeFormMethod: true,
      v7_partialHydration: true,
      v7_skipActionErrorRevalidation: true,
    },
  },
);

/** Messages the server writes for machines, not people, get the console's own words. */
function describe(err: RequestError, t: Translate): string | null {
  if (err.status === 0 && err.code === 'network') return t('error.network');
  if (err.code === 'bad_response') return t('error.badResponse');
  if (err.status === 401) return t('error.sessionEnded');
  return null;
}

/** Connects the one error handler (api/request.ts) to antd's message and the session cache. */
function ErrorBridge() {
  const { message } = AntApp.useApp();
  const { t } = useT();
  const qc = useQueryClient();
  useEffect(() => {
    installErrorSink({
      show: (text) => void message.error(text),
      describe: (err) => describe(err, t),
      signedOut: () => {
        qc.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
        qc.setQueryData(ME_KEY, null);
      },
    });
  }, [message, t, qc]);
  return null;
}

export function ConsoleApp() {
  return (
    <AntApp>
      <ErrorBridge />
      <RouterProvider router={router} future={{ v7_startTransition: true }} />
    </AntApp>
  );
}
