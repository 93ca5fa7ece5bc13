/** The menu and the roles each page needs — one table, so the menu never links to a page the user
 *  may not open and the router guards the same pages. */
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  CarryOutOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  DeploymentUnitOutlined,
  FileSearchOutlined,
  FormOutlined,
  MergeCellsOutlined,
  ProjectOutlined,
  RiseOutlined,
  ScheduleOutlined,
  SearchOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { Role } from '../../../src/shared/roles';
import { canOpen, PATHS } from './paths';

type NavLeaf = {
  key: string;
  label:
    | 'home'
    | 'jobs'
    | 'audit'
    | 'users'
    | 'orgs'
    | 'enterpriseSearch'
    | 'enterpriseImport'
    | 'enterpriseDuplicates'
    | 'chains'
    | 'graph'
    | 'projects'
    | 'myWork'
    | 'projectReports'
    | 'cultivation'
    | 'policies'
    | 'myReviews'
    | 'evaluationSettings';
  icon: ReactNode;
};
type NavGroup = { key: string; label: 'system' | 'enterprises'; icon: ReactNode; children: NavLeaf[] };

const NAV: (NavLeaf | NavGroup)[] = [
  { key: PATHS.home, label: 'home', icon: <DashboardOutlined /> },
  {
    key: 'enterprises',
    label: 'enterprises',
    icon: <BankOutlined />,
    children: [
      { key: PATHS.enterprises, label: 'enterpriseSearch', icon: <SearchOutlined /> },
      { key: PATHS.enterpriseImport, label: 'enterpriseImport', icon: <CloudUploadOutlined /> },
      { key: PATHS.enterpriseDuplicates, label: 'enterpriseDuplicates', icon: <MergeCellsOutlined /> },
    ],
  },
  { key: PATHS.chains, label: 'chains', icon: <ClusterOutlined /> },
  { key: PATHS.graph, label: 'graph', icon: <DeploymentUnitOutlined /> },
  { key: PATHS.projects, label: 'projects', icon: <ProjectOutlined /> },
  { key: PATHS.myWork, label: 'myWork', icon: <CarryOutOutlined /> },
  { key: PATHS.projectReports, label: 'projectReports', icon: <BarChartOutlined /> },
  { key: PATHS.cultivation, label: 'cultivation', icon: <RiseOutlined /> },
  { key: PATHS.policies, label: 'policies', icon: <FileSearchOutlined /> },
  { key: PATHS.myReviews, label: 'myReviews', icon: <FormOutlined /> },
  { key: PATHS.evaluationSettings, label: 'evaluationSettings', icon: <ControlOutlined /> },
  { key: PATHS.jobs, label: 'jobs', icon: <ScheduleOutlined /> },
  { key: PATHS.audit, label: 'audit', icon: <AuditOutlined /> },
  {
    key: 'system',
    label: 'system',
    icon: <SettingOutlined />,
    children: [
      { key: PATHS.users, label: 'users', icon: <TeamOutlined /> },
      { key: PATHS.orgs, label: 'orgs', icon: <ApartmentOutlined /> },
    ],
  },
];

export const API_DOCS_KEY = 'api-docs';

type MenuItem = Required<MenuProps>['items'][number];

/** Menu items the user may use: groups with no visible child disappear. */
export function menuItems(roles: readonly Role[], t: TFunction): MenuItem[] {
  const leaf = (n: NavLeaf): MenuItem => ({ key: n.key, icon: n.icon, label: t(`menu.${n.label}`) });
  const items: MenuItem[] = [];
  for (const n of NAV) {
    if ('children' in n) {
      const children = n.children.filter((c) => canOpen(c.key, roles)).map(leaf);
      if (children.length > 0)
        items.push({ key: n.key, icon: n.icon, label: t(`menu.${n.label}`), children });
    } else if (canOpen(n.key, roles)) {
      items.push(leaf(n));
    }
  }
  items.push({ type: 'divider' });
  items.push({
    key: API_DOCS_KEY,
    icon: <ApiOutlined />,
    label: (
      <a href="/api/docs" target="_blank" rel="noreferrer">
        {t('menu.apiDocs')}
      </a>
    ),
  });
  return items;
}

/** The menu key to highlight for a location, and the group to open. */
export function selectedKey(pathname: string): { selected: string; open: string[] } {
  if (pathname.startsWith('/admin/')) return { selected: pathname, open: ['system'] };
  if (pathname === PATHS.enterprises || pathname.startsWith(`${PATHS.enterprises}/`)) {
    // A profile (/enterprises/:id) highlights 企业查询, where it was opened from.
    const own = pathname === PATHS.enterpriseImport || pathname === PATHS.enterpriseDuplicates;
    return { selected: own ? pathname : PATHS.enterprises, open: ['enterprises'] };
  }
  return { selected: pathname, open: [] };
}
