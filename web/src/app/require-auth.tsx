/** Gate for the signed-in part: loads /me, sends strangers to the login page and guards pages by role. */
import { useQueryClient } from '@tanstack/react-query';
import { Button, Flex, Result, Spin } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate, useOutletContext } from 'react-router';
import type { Me } from '../../../src/shared/api';
import { isApiError } from '../api/client';
import { useMe } from '../api/me';
import { setUnauthorizedHandler } from '../api/query-client';
import { AppLayout } from '../layout/app-layout';
import { canOpen, PATHS } from '../layout/paths';
import { ForbiddenPage } from '../pages/errors/error-pages';

export function FullPageSpin() {
  return (
    <Flex justify="center" align="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
}

/** Any 401 (session expired, user disabled, signed out elsewhere) lands on the login page. */
export function SessionWatcher() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler((notice) => {
      const { pathname, search } = window.location;
      if (pathname === PATHS.login) return;
      qc.removeQueries();
      navigate(PATHS.login, { replace: true, state: { from: pathname + search, notice } });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate, qc]);
  return null;
}

export function RequireAuth() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();
  if (me.data) return <AppLayout me={me.data} />;
  if (me.isPending) return <FullPageSpin />;
  if (isApiError(me.error) && me.error.status === 401) {
    return <Navigate to={PATHS.login} replace state={{ from: location.pathname + location.search }} />;
  }
  return (
    <Result
      status="500"
      title={t('errors.crashTitle')}
      subTitle={me.error?.message}
      extra={<Button onClick={() => void me.refetch()}>{t('common.refresh')}</Button>}
    />
  );
}

/** Renders a page only for the roles PAGE_ROLES allows on `path`; others get the 403 page. */
export function Guard({ path, render }: { path: string; render: (me: Me) => ReactNode }) {
  const me = useOutletContext<Me>();
  return canOpen(path, me.roles) ? render(me) : <ForbiddenPage />;
}
