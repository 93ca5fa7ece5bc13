/** Providers (query cache, antd theme and locale, i18n) and the route table. */
import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSAntd from 'antd/locale/en_US';
import zhCNAntd from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { lazy, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';
import { queryClient } from '../api/query-client';
import { PATHS } from '../layout/paths';
import { ErrorBoundary, NotFoundPage } from '../pages/errors/error-pages';
import { HomePage } from '../pages/home/home-page';
import { LoginPage } from '../pages/login/login-page';
import { Guard, RequireAuth, SessionWatcher } from './require-auth';

// Pages behind the menu load on first visit, so the login page and 工作台 arrive sooner.
const JobsPage = lazy(() => import('../pages/jobs/jobs-page').then((m) => ({ default: m.JobsPage })));
const AuditPage = lazy(() => import('../pages/audit/audit-page').then((m) => ({ default: m.AuditPage })));
const UsersPage = lazy(() => import('../pages/users/users-page').then((m) => ({ default: m.UsersPage })));
const OrgsPage = lazy(() => import('../pages/orgs/orgs-page').then((m) => ({ default: m.OrgsPage })));
const EnterprisesPage = lazy(() =>
  import('../pages/enterprises/search/enterprises-page').then((m) => ({ default: m.EnterprisesPage })),
);
const EnterpriseProfilePage = lazy(() =>
  import('../pages/enterprises/profile/profile-page').then((m) => ({ default: m.EnterpriseProfilePage })),
);
const EnterpriseImportPage = lazy(() =>
  import('../pages/enterprises/import/import-page').then((m) => ({ default: m.EnterpriseImportPage })),
);
const DuplicatesPage = lazy(() =>
  import('../pages/enterprises/duplicates/duplicates-page').then((m) => ({ default: m.DuplicatesPage })),
);
const ChainsPage = lazy(() => import('../pages/chains/chains-page').then((m) => ({ default: m.ChainsPage })));
const GraphPage = lazy(() => import('../pages/graph/graph-page').then((m) => ({ default: m.GraphPage })));
const CultivationPage = lazy(() =>
  import('../pages/cultivation/cultivation-page').then((m) => ({ default: m.CultivationPage })),
);
const ProjectsPage = lazy(() =>
  import('../pages/projects/projects-page').then((m) => ({ default: m.ProjectsPage })),
);
const MyWorkPage = lazy(() =>
  import('../pages/my-work/my-work-page').then((m) => ({ default: m.MyWorkPage })),
);
const ProjectReportsPage = lazy(() =>
  import('../pages/project-reports/project-reports-page').then((m) => ({ default: m.ProjectReportsPage })),
);
const EvaluationPage = lazy(() =>
  import('../pages/evaluation/evaluation-page').then((m) => ({ default: m.EvaluationPage })),
);
const MyReviewsPage = lazy(() =>
  import('../pages/my-reviews/my-reviews-page').then((m) => ({ default: m.MyReviewsPage })),
);
const EvaluationSettingsPage = lazy(() =>
  import('../pages/evaluation-settings/evaluation-settings-page').then((m) => ({
    default: m.EvaluationSettingsPage,
  })),
);
const PoliciesPage = lazy(() =>
  import('../pages/policies/policies-page').then((m) => ({ default: m.PoliciesPage })),
);

const THEME = {
  token: { colorPrimary: '#1656d6', borderRadius: 6, fontSize: 14 },
};

function AppRoutes() {
  const { t } = useTranslation();
  return (
    <ErrorBoundary title={t('errors.crashTitle')}>
      <SessionWatcher />
      <Routes>
        <Route path={PATHS.login} element={<LoginPage />} />
        <Route element={<RequireAuth />}>
          <Route index element={<Guard path={PATHS.home} render={(me) => <HomePage me={me} />} />} />
          <Route path={PATHS.jobs} element={<Guard path={PATHS.jobs} render={() => <JobsPage />} />} />
          <Route
            path={PATHS.audit}
            element={<Guard path={PATHS.audit} render={(me) => <AuditPage me={me} />} />}
          />
          <Route
            path={PATHS.users}
            element={<Guard path={PATHS.users} render={(me) => <UsersPage me={me} />} />}
          />
          <Route path={PATHS.orgs} element={<Guard path={PATHS.orgs} render={() => <OrgsPage />} />} />
          <Route
            path={PATHS.enterprises}
            element={<Guard path={PATHS.enterprises} render={(me) => <EnterprisesPage me={me} />} />}
          />
          <Route
            path={PATHS.enterpriseImport}
            element={<Guard path={PATHS.enterpriseImport} render={() => <EnterpriseImportPage />} />}
          />
          <Route
            path={PATHS.enterpriseDuplicates}
            element={<Guard path={PATHS.enterpriseDuplicates} render={() => <DuplicatesPage />} />}
          />
          <Route
            path={`${PATHS.enterprises}/:id`}
            element={<Guard path={PATHS.enterprises} render={(me) => <EnterpriseProfilePage me={me} />} />}
          />
          <Route
            path={PATHS.chains}
            element={<Guard path={PATHS.chains} render={(me) => <ChainsPage me={me} />} />}
          />
          <Route
            path={PATHS.graph}
            element={<Guard path={PATHS.graph} render={(me) => <GraphPage me={me} />} />}
          />
          <Route
            path={PATHS.projects}
            element={<Guard path={PATHS.projects} render={(me) => <ProjectsPage me={me} />} />}
          />
          <Route
            path={PATHS.myWork}
            element={<Guard path={PATHS.myWork} render={(me) => <MyWorkPage me={me} />} />}
          />
          <Route
            path={PATHS.projectReports}
            element={<Guard path={PATHS.projectReports} render={(me) => <ProjectReportsPage me={me} />} />}
          />
          <Route
            path={PATHS.cultivation}
            element={<Guard path={PATHS.cultivation} render={(me) => <CultivationPage me={me} />} />}
          />
          <Route
            path={PATHS.policies}
            element={<Guard path={PATHS.policies} render={(me) => <PoliciesPage me={me} />} />}
          />
          <Route
            path={`${PATHS.evaluations}/:id`}
            element={<Guard path={PATHS.evaluations} render={(me) => <EvaluationPage me={me} />} />}
          />
          <Route
            path={PATHS.myReviews}
            element={<Guard path={PATHS.myReviews} render={() => <MyReviewsPage />} />}
          />
          <Route
            path={PATHS.evaluationSettings}
            element={
              <Guard path={PATHS.evaluationSettings} render={(me) => <EvaluationSettingsPage me={me} />} />
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </ErrorBoundary>
  );
}

export function Root() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en-US';
  useEffect(() => {
    dayjs.locale(en ? 'en' : 'zh-cn');
    document.documentElement.lang = en ? 'en' : 'zh-CN';
    document.title = en ? 'KeZhao · 科招' : '科招 KeZhao';
  }, [en]);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={en ? enUSAntd : zhCNAntd} theme={THEME}>
        <AntApp>
          <BrowserRouter>
            <AppRoutes />
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
